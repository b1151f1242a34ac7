// Dogbox: a dogleg trust-region method whose trust region is a box intersected with the bounds.
// C. Voglis, I. E. Lagaris, "A rectangular trust region dogleg approach for unconstrained and bound constrained
// nonlinear optimization", WSEAS International Conference on Applied Mathematics (2004), in the form of
// scipy.optimize.least_squares(method='dogbox', tr_solver='exact'): variables at a bound whose gradient pushes
// outward are frozen; on the free ones the Gauss–Newton step (least-squares solution by SVD, singular values below
// ε·max(m, n)·s₁ dropped) is taken if it fits the box ∩ trust region, otherwise the dogleg from the Cauchy point
// toward it is cut at the box. Departure: the SVD of the free Jacobian is computed through its QR triangle.
namespace OptimizeGen.LeastSquaresInternals;

internal static class Dogbox
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
        const double eps = NumericalDifferentiation.MachineEpsilon;
        int m = problem.M;
        int n = problem.N;
        var x = (double[])x0.Clone();
        var f = new double[m];
        var fTrue = new double[m];
        var jac = new double[m * n];
        var rowScale = new double[m];
        var g = new double[n];
        var gFull = new double[n];
        var scale = new double[n];
        var scaleInv = new double[n];
        var onBound = new int[n];
        var free = new int[n];
        var jFree = new double[m * n];
        var gFree = new double[n];
        var negG = new double[n];
        var newton = new double[n];
        var stepFree = new double[n];
        var onBoundFree = new int[n];
        var step = new double[n];
        var xNew = new double[n];
        var fNew = new double[m];
        var work = new double[m];
        var work2 = new double[m];
        var subs = new TrustRegionSubproblem?[n + 1];
        var dog = new DoglegWorkspace(n);
        int nfev = 0;
        int njev = 0;

        problem.Residuals(x, f);
        nfev++;
        if (!LsqKernels.AllFinite(f))
        {
            return Finish(problem, x, f, jac, g, double.NaN, onBound, LeastSquaresStatus.NotFinite, nfev, njev, double.NaN);
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

        double delta = 0;
        for (int j = 0; j < n; j++)
        {
            delta = Math.Max(delta, Math.Abs(x0[j] * scaleInv[j]));
            onBound[j] = x0[j] == lb[j] ? -1 : x0[j] == ub[j] ? 1 : 0;
        }

        if (delta == 0)
        {
            delta = 1.0;
        }

        LeastSquaresStatus? status = null;
        double gNorm;
        double costNew = cost;
        while (true)
        {
            g.CopyTo(gFull, 0);
            int nf = 0;
            for (int j = 0; j < n; j++)
            {
                if (onBound[j] * g[j] < 0)
                {
                    g[j] = 0;
                }
                else
                {
                    free[nf++] = j;
                }
            }

            gNorm = LsqKernels.InfNorm(g);
            if (gNorm < gtol || nf == 0)
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

            for (int k = 0; k < nf; k++)
            {
                int j = free[k];
                jac.AsSpan(j * m, m).CopyTo(jFree.AsSpan(k * m, m));
                gFree[k] = g[j];
                negG[k] = -g[j];
            }

            // Gauss–Newton step on the free variables: lstsq(J_free, −f).
            var sub = subs[nf] ??= new TrustRegionSubproblem(m, nf);
            sub.Decompose(jFree.AsSpan(0, m * nf), f);
            Array.Clear(newton);
            double threshold = sub.K > 0 ? eps * Math.Max(m, nf) * sub.S[0] : 0;
            for (int i = 0; i < sub.K; i++)
            {
                if (sub.S[i] > threshold)
                {
                    double c = -sub.Uf[i] / sub.S[i];
                    for (int r = 0; r < nf; r++)
                    {
                        newton[r] += sub.V[r + i * nf] * c;
                    }
                }
            }

            var (qa, qb, _) = TrustRegionCommon.BuildQuadratic1d(jFree, m, nf, gFree, negG, default, default, work, work2);
            double actualReduction = -1;
            while (actualReduction <= 0 && nfev < maxNfev)
            {
                bool trHit = dog.Step(x, free, nf, newton, gFree, qa, qb, delta, scale, lb, ub, stepFree, onBoundFree);
                Array.Clear(step);
                for (int k = 0; k < nf; k++)
                {
                    step[free[k]] = stepFree[k];
                }

                double predictedReduction = -TrustRegionCommon.EvaluateQuadratic(jFree, m, nf, gFree, stepFree, default, work);
                double stepHNorm = 0;
                for (int j = 0; j < n; j++)
                {
                    xNew[j] = Math.Clamp(x[j] + step[j], lb[j], ub[j]);
                    stepHNorm = Math.Max(stepHNorm, Math.Abs(step[j] * scaleInv[j]));
                }

                problem.Residuals(xNew, fNew);
                nfev++;
                if (!LsqKernels.AllFinite(fNew))
                {
                    delta = 0.25 * stepHNorm;
                    continue;
                }

                costNew = loss is null ? 0.5 * LsqKernels.Dot(fNew, fNew) : loss.Cost(fNew);
                actualReduction = cost - costNew;
                (delta, double ratio) = TrustRegionCommon.UpdateTrRadius(delta, actualReduction, predictedReduction, stepHNorm, trHit);
                double stepNorm = MinpackQr.Enorm(step);
                status = TrustRegionCommon.CheckTermination(actualReduction, cost, stepNorm, MinpackQr.Enorm(x), ratio, ftol, xtol);
                if (status is not null)
                {
                    break;
                }
            }

            if (actualReduction > 0)
            {
                for (int k = 0; k < nf; k++)
                {
                    onBound[free[k]] = onBoundFree[k];
                }

                for (int j = 0; j < n; j++)
                {
                    x[j] = onBound[j] == -1 ? lb[j] : onBound[j] == 1 ? ub[j] : xNew[j];
                }

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

        return Finish(problem, x, fTrue, jac, gFull, cost, onBound, status ?? LeastSquaresStatus.MaxFunctionEvaluations, nfev, njev, gNorm);
    }

    private static LeastSquaresResult Finish(ResidualProblem problem, double[] x, double[] fTrue, double[] jac, double[] g, double cost, int[] onBound, LeastSquaresStatus status, int nfev, int njev, double optimality) =>
        new()
        {
            X = x,
            Cost = cost,
            Fun = (double[])fTrue.Clone(),
            Jac = LsqKernels.ToMatrix(jac, problem.M, problem.N),
            Grad = (double[])g.Clone(),
            Optimality = optimality,
            ActiveMask = (int[])onBound.Clone(),
            Nfev = nfev,
            Njev = njev,
            Status = status,
            Message = LeastSquaresResult.Describe(status, LeastSquaresMethod.Dogbox),
            Method = LeastSquaresMethod.Dogbox,
        };

    /// <summary>scipy's dogleg_step and find_intersection on the free variables.</summary>
    private sealed class DoglegWorkspace(int n)
    {
        private readonly double[] _lbTotal = new double[n];
        private readonly double[] _ubTotal = new double[n];
        private readonly bool[] _origL = new bool[n];
        private readonly bool[] _origU = new bool[n];
        private readonly bool[] _trL = new bool[n];
        private readonly bool[] _trU = new bool[n];
        private readonly double[] _zero = new double[n];
        private readonly double[] _negG = new double[n];
        private readonly double[] _cauchy = new double[n];
        private readonly double[] _diff = new double[n];
        private readonly int[] _hits = new int[n];

        /// <summary>Writes the step (on the free variables) and which bounds it lands on; returns whether the trust region was hit.</summary>
        public bool Step(double[] x, int[] free, int nf, double[] newton, double[] g, double a, double b, double delta, double[] scale, double[] lb, double[] ub, double[] step, int[] boundHits)
        {
            for (int k = 0; k < nf; k++)
            {
                int j = free[k];
                double tr = delta * scale[j];
                double lc = lb[j] - x[j];
                double uc = ub[j] - x[j];
                _lbTotal[k] = Math.Max(lc, -tr);
                _ubTotal[k] = Math.Min(uc, tr);
                _origL[k] = _lbTotal[k] == lc;
                _origU[k] = _ubTotal[k] == uc;
                _trL[k] = _lbTotal[k] == -tr;
                _trU[k] = _ubTotal[k] == tr;
                boundHits[k] = 0;
                _zero[k] = 0;
                _negG[k] = -g[k];
            }

            ReadOnlySpan<double> lbt = _lbTotal.AsSpan(0, nf);
            ReadOnlySpan<double> ubt = _ubTotal.AsSpan(0, nf);
            if (TrustRegionCommon.InBounds(newton.AsSpan(0, nf), lbt, ubt))
            {
                newton.AsSpan(0, nf).CopyTo(step);
                return false;
            }

            double toBounds = TrustRegionCommon.StepSizeToBound(_zero.AsSpan(0, nf), _negG.AsSpan(0, nf), lbt, ubt, default);
            double t = TrustRegionCommon.MinimizeQuadratic1d(a, b, 0, toBounds).T;
            for (int k = 0; k < nf; k++)
            {
                _cauchy[k] = -t * g[k];
                _diff[k] = newton[k] - _cauchy[k];
            }

            double stepSize = TrustRegionCommon.StepSizeToBound(_cauchy.AsSpan(0, nf), _diff.AsSpan(0, nf), lbt, ubt, _hits.AsSpan(0, nf));
            bool trHit = false;
            for (int k = 0; k < nf; k++)
            {
                if (_hits[k] < 0 && _origL[k])
                {
                    boundHits[k] = -1;
                }
                else if (_hits[k] > 0 && _origU[k])
                {
                    boundHits[k] = 1;
                }

                trHit |= (_hits[k] < 0 && _trL[k]) || (_hits[k] > 0 && _trU[k]);
                step[k] = _cauchy[k] + stepSize * _diff[k];
            }

            return trHit;
        }
    }
}
