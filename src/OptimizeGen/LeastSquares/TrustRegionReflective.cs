// Trust Region Reflective for bound-constrained nonlinear least squares: M. A. Branch, T. F. Coleman, Y. Li,
// "A Subspace, Interior, and Conjugate Gradient Method for Large-Scale Bound-Constrained Minimization Problems",
// SIAM J. Sci. Comput. 21(1) (1999) 1–23, with the Coleman–Li affine scaling (T. F. Coleman, Y. Li, "An interior
// trust region approach for nonlinear minimization subject to bounds", SIAM J. Optim. 6(2) (1996) 418–445), in the
// form of scipy.optimize.least_squares(method='trf', tr_solver='exact'): the scaled subproblem is solved exactly
// through an SVD (TrustRegionSubproblem, Moré–Sorensen on [J D; diag(√(g∘dv∘scale))]); the step is the best of the
// reflected step, the step cut at the bound (scaled by θ = max(0.995, 1 − ‖g‖)) and the constrained Cauchy step.
// Without bounds it is a plain trust-region Gauss–Newton with the exact subproblem (scipy's trf_no_bounds).
// Departures: the SVD is of the triangle of a QR of the (augmented) Jacobian (same quantities, see
// TrustRegionSubproblem); the LSMR subproblem solver is not provided (tr_solver='exact' only).
namespace OptimizeGen.LeastSquaresInternals;

internal static class TrustRegionReflective
{
    public static LeastSquaresResult Solve(
        ResidualProblem problem,
        double[] x0,
        double[] lb,
        double[] ub,
        double ftol,
        double xtol,
        double gtol,
        int maxNfev,
        XScale xScale,
        RobustLoss? loss,
        CancellationToken cancellationToken)
    {
        int m = problem.M;
        int n = problem.N;
        bool bounded = false;
        for (int i = 0; i < n; i++)
        {
            bounded |= !double.IsNegativeInfinity(lb[i]) || !double.IsPositiveInfinity(ub[i]);
        }

        var x = (double[])x0.Clone();
        var f = new double[m];
        var fTrue = new double[m];
        var jac = new double[m * n];
        var rowScale = new double[m];
        var g = new double[n];
        var scale = new double[n];
        var scaleInv = new double[n];
        var v = new double[n];
        var dv = new double[n];
        var d = new double[n];
        var diagH = new double[n];
        var gH = new double[n];
        var jh = new double[m * n];
        int rows = bounded ? m + n : m;
        var jAug = bounded ? new double[rows * n] : jh;
        var fAug = bounded ? new double[rows] : f;
        var pH = new double[n];
        var p = new double[n];
        var step = new double[n];
        var stepH = new double[n];
        var xNew = new double[n];
        var fNew = new double[m];
        var work = new double[Math.Max(m, n)];
        var work2 = new double[Math.Max(m, n)];
        var selection = new StepSelection(n);
        var sub = new TrustRegionSubproblem(rows, n);
        int nfev = 0;
        int njev = 0;

        problem.Residuals(x, f);
        nfev++;
        if (!LsqKernels.AllFinite(f))
        {
            return Finish(problem, x, f, f, jac, g, 0, new int[n], LeastSquaresStatus.NotFinite, nfev, njev, double.NaN);
        }

        f.CopyTo(fTrue, 0);
        problem.Jacobian(x, f, jac);
        njev++;
        double cost = loss is null ? 0.5 * LsqKernels.Dot(f, f) : loss.CostAndScale(f, jac, m, n, rowScale);
        LsqKernels.JtF(jac, m, n, f, g);

        bool jacScale = xScale.IsJac;
        if (jacScale)
        {
            TrustRegionCommon.JacScale(jac, m, n, scale, scaleInv, first: true);
        }
        else
        {
            double[] given = xScale.Resolve(n);
            for (int j = 0; j < n; j++)
            {
                scale[j] = given[j];
                scaleInv[j] = 1.0 / given[j];
            }
        }

        double delta;
        if (bounded)
        {
            ClScalingVector(x, g, lb, ub, v, dv);
            for (int j = 0; j < n; j++)
            {
                if (dv[j] != 0)
                {
                    v[j] *= scaleInv[j];
                }

                work[j] = x0[j] * scaleInv[j] / Math.Sqrt(v[j]);
            }

            delta = MinpackQr.Enorm(work.AsSpan(0, n));
        }
        else
        {
            for (int j = 0; j < n; j++)
            {
                work[j] = x0[j] * scaleInv[j];
            }

            delta = MinpackQr.Enorm(work.AsSpan(0, n));
        }

        if (delta == 0)
        {
            delta = 1.0;
        }

        double alpha = 0;
        LeastSquaresStatus? status = null;
        double gNorm;
        double costNew = cost;
        while (true)
        {
            if (bounded)
            {
                ClScalingVector(x, g, lb, ub, v, dv);
                gNorm = 0;
                for (int j = 0; j < n; j++)
                {
                    gNorm = Math.Max(gNorm, Math.Abs(g[j] * v[j]));
                }
            }
            else
            {
                gNorm = LsqKernels.InfNorm(g);
            }

            if (gNorm < gtol)
            {
                status = LeastSquaresStatus.Gtol;
            }

            if (status is not null || nfev >= maxNfev)
            {
                break;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                status = LeastSquaresStatus.Cancelled;
                break;
            }

            double theta = 0;
            if (bounded)
            {
                for (int j = 0; j < n; j++)
                {
                    if (dv[j] != 0)
                    {
                        v[j] *= scaleInv[j];
                    }

                    d[j] = Math.Sqrt(v[j]) * scale[j];
                    diagH[j] = g[j] * dv[j] * scale[j];
                    gH[j] = d[j] * g[j];
                }

                Array.Clear(jAug);
                for (int j = 0; j < n; j++)
                {
                    for (int i = 0; i < m; i++)
                    {
                        double val = jac[i + j * m] * d[j];
                        jh[i + j * m] = val;
                        jAug[i + j * rows] = val;
                    }

                    jAug[m + j + j * rows] = Math.Sqrt(diagH[j]);
                }

                f.CopyTo(fAug, 0);
                Array.Clear(fAug, m, n);
                theta = Math.Max(0.995, 1 - gNorm);
            }
            else
            {
                for (int j = 0; j < n; j++)
                {
                    d[j] = scale[j];
                    gH[j] = d[j] * g[j];
                    for (int i = 0; i < m; i++)
                    {
                        jh[i + j * m] = jac[i + j * m] * d[j];
                    }
                }
            }

            sub.Decompose(jAug, fAug);
            double actualReduction = -1;
            while (actualReduction <= 0 && nfev < maxNfev)
            {
                alpha = sub.Solve(m, delta, alpha, pH);
                double predictedReduction;
                if (bounded)
                {
                    for (int j = 0; j < n; j++)
                    {
                        p[j] = d[j] * pH[j];
                    }

                    predictedReduction = selection.Select(x, jh, m, n, diagH, gH, p, pH, d, delta, lb, ub, theta, step, stepH);
                    for (int j = 0; j < n; j++)
                    {
                        xNew[j] = x[j] + step[j];
                    }

                    TrustRegionCommon.MakeStrictlyFeasible(xNew, lb, ub, 0);
                }
                else
                {
                    pH.CopyTo(stepH, 0);
                    predictedReduction = -TrustRegionCommon.EvaluateQuadratic(jh, m, n, gH, stepH, default, work);
                    for (int j = 0; j < n; j++)
                    {
                        step[j] = d[j] * stepH[j];
                        xNew[j] = x[j] + step[j];
                    }
                }

                problem.Residuals(xNew, fNew);
                nfev++;
                double stepHNorm = MinpackQr.Enorm(stepH);
                if (!LsqKernels.AllFinite(fNew))
                {
                    delta = 0.25 * stepHNorm;
                    continue;
                }

                costNew = loss is null ? 0.5 * LsqKernels.Dot(fNew, fNew) : loss.Cost(fNew);
                actualReduction = cost - costNew;
                var (deltaNew, ratio) = TrustRegionCommon.UpdateTrRadius(delta, actualReduction, predictedReduction, stepHNorm, stepHNorm > 0.95 * delta);
                double stepNorm = MinpackQr.Enorm(step);
                status = TrustRegionCommon.CheckTermination(actualReduction, cost, stepNorm, MinpackQr.Enorm(x), ratio, ftol, xtol);
                if (status is not null)
                {
                    break;
                }

                alpha *= delta / deltaNew;
                delta = deltaNew;
            }

            if (actualReduction > 0)
            {
                xNew.CopyTo(x, 0);
                fNew.CopyTo(f, 0);
                fNew.CopyTo(fTrue, 0);
                cost = costNew;
                problem.Jacobian(x, f, jac);
                njev++;
                if (loss is not null)
                {
                    loss.CostAndScale(f, jac, m, n, rowScale);
                }

                LsqKernels.JtF(jac, m, n, f, g);
                if (jacScale)
                {
                    TrustRegionCommon.JacScale(jac, m, n, scale, scaleInv, first: false);
                }
            }
        }

        var active = new int[n];
        if (bounded)
        {
            TrustRegionCommon.FindActive(x, lb, ub, xtol, active);
        }

        return Finish(problem, x, fTrue, f, jac, g, cost, active, status ?? LeastSquaresStatus.MaxFunctionEvaluations, nfev, njev, gNorm);
    }

    private static LeastSquaresResult Finish(ResidualProblem problem, double[] x, double[] fTrue, double[] f, double[] jac, double[] g, double cost, int[] active, LeastSquaresStatus status, int nfev, int njev, double optimality)
    {
        _ = f;
        return new LeastSquaresResult
        {
            X = x,
            Cost = status == LeastSquaresStatus.NotFinite ? double.NaN : cost,
            Fun = (double[])fTrue.Clone(),
            Jac = LsqKernels.ToMatrix(jac, problem.M, problem.N),
            Grad = (double[])g.Clone(),
            Optimality = optimality,
            ActiveMask = active,
            Nfev = nfev,
            Njev = njev,
            Status = status,
            Message = LeastSquaresResult.Describe(status, LeastSquaresMethod.Trf),
            Method = LeastSquaresMethod.Trf,
        };
    }

    /// <summary>CL_scaling_vector: vᵢ = distance to the bound the anti-gradient points at (1 if none), dvᵢ its derivative sign.</summary>
    private static void ClScalingVector(ReadOnlySpan<double> x, ReadOnlySpan<double> g, ReadOnlySpan<double> lb, ReadOnlySpan<double> ub, Span<double> v, Span<double> dv)
    {
        for (int i = 0; i < x.Length; i++)
        {
            v[i] = 1;
            dv[i] = 0;
            if (g[i] < 0 && double.IsFinite(ub[i]))
            {
                v[i] = ub[i] - x[i];
                dv[i] = -1;
            }

            if (g[i] > 0 && double.IsFinite(lb[i]))
            {
                v[i] = x[i] - lb[i];
                dv[i] = 1;
            }
        }
    }

    /// <summary>scipy's trf select_step with its workspaces.</summary>
    private sealed class StepSelection(int n)
    {
        private readonly double[] _rH = new double[n];
        private readonly double[] _r = new double[n];
        private readonly double[] _xOnBound = new double[n];
        private readonly double[] _agH = new double[n];
        private readonly double[] _ag = new double[n];
        private readonly double[] _pT = new double[n];
        private readonly double[] _pHT = new double[n];
        private readonly int[] _hits = new int[n];
        private double[] _u = [];
        private double[] _v = [];

        /// <summary>Writes the chosen step and its scaled form; returns the predicted reduction.</summary>
        public double Select(double[] x, double[] jh, int m, int nn, double[] diagH, double[] gH, double[] p, double[] pH, double[] d, double delta, double[] lb, double[] ub, double theta, double[] step, double[] stepH)
        {
            if (_u.Length < m)
            {
                _u = new double[m];
                _v = new double[m];
            }

            for (int i = 0; i < nn; i++)
            {
                _xOnBound[i] = x[i] + p[i];
            }

            if (TrustRegionCommon.InBounds(_xOnBound, lb, ub))
            {
                double value = TrustRegionCommon.EvaluateQuadratic(jh, m, nn, gH, pH, diagH, _u);
                p.CopyTo(step, 0);
                pH.CopyTo(stepH, 0);
                return -value;
            }

            double pStride = TrustRegionCommon.StepSizeToBound(x, p, lb, ub, _hits);
            for (int i = 0; i < nn; i++)
            {
                _rH[i] = _hits[i] != 0 ? -pH[i] : pH[i];
                _r[i] = d[i] * _rH[i];
                _pT[i] = p[i] * pStride;
                _pHT[i] = pH[i] * pStride;
                _xOnBound[i] = x[i] + _pT[i];
            }

            var (_, toTr) = TrustRegionCommon.IntersectTrustRegion(_pHT, _rH, delta);
            double toBound = TrustRegionCommon.StepSizeToBound(_xOnBound, _r, lb, ub, default);
            double rStride = Math.Min(toBound, toTr);
            double rStrideL, rStrideU;
            if (rStride > 0)
            {
                rStrideL = (1 - theta) * pStride / rStride;
                rStrideU = rStride == toBound ? theta * toBound : toTr;
            }
            else
            {
                rStrideL = 0;
                rStrideU = -1;
            }

            double rValue = double.PositiveInfinity;
            if (rStrideL <= rStrideU)
            {
                var (a, b, c) = TrustRegionCommon.BuildQuadratic1d(jh, m, nn, gH, _rH, diagH, _pHT, _v, _u);
                var (t, val) = TrustRegionCommon.MinimizeQuadratic1d(a, b, rStrideL, rStrideU, c);
                rValue = val;
                for (int i = 0; i < nn; i++)
                {
                    _rH[i] = _rH[i] * t + _pHT[i];
                    _r[i] = _rH[i] * d[i];
                }
            }

            for (int i = 0; i < nn; i++)
            {
                _pT[i] *= theta;
                _pHT[i] *= theta;
            }

            double pValue = TrustRegionCommon.EvaluateQuadratic(jh, m, nn, gH, _pHT, diagH, _u);

            for (int i = 0; i < nn; i++)
            {
                _agH[i] = -gH[i];
                _ag[i] = d[i] * _agH[i];
            }

            double agNorm = MinpackQr.Enorm(_agH.AsSpan(0, nn));
            double toTrAg = agNorm > 0 ? delta / agNorm : double.PositiveInfinity;
            double toBoundAg = TrustRegionCommon.StepSizeToBound(x, _ag, lb, ub, default);
            double agStride = toBoundAg < toTrAg ? theta * toBoundAg : toTrAg;
            var (qa, qb, _) = TrustRegionCommon.BuildQuadratic1d(jh, m, nn, gH, _agH, diagH, default, _v, _u);
            var (agT, agValue) = TrustRegionCommon.MinimizeQuadratic1d(qa, qb, 0, agStride);
            for (int i = 0; i < nn; i++)
            {
                _agH[i] *= agT;
                _ag[i] *= agT;
            }

            if (pValue < rValue && pValue < agValue)
            {
                _pT.CopyTo(step, 0);
                _pHT.CopyTo(stepH, 0);
                return -pValue;
            }

            if (rValue < pValue && rValue < agValue)
            {
                _r.CopyTo(step, 0);
                _rH.CopyTo(stepH, 0);
                return -rValue;
            }

            _ag.CopyTo(step, 0);
            _agH.CopyTo(stepH, 0);
            return -agValue;
        }
    }
}
