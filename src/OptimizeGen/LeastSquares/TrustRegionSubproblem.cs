// The exact trust-region subproblem of nonlinear least squares, min ‖J p + f‖² s.t. ‖p‖ ≤ Δ, solved through the
// SVD J = U S Vᵀ: p(α) = −V (S Uᵀf)/(S² + α), with α found by the safeguarded Newton iteration on
// φ(α) = ‖p(α)‖ − Δ of J. J. Moré and D. C. Sorensen, "Computing a trust region step", SIAM J. Sci. Stat. Comput.
// 4 (1983) 553–572, in the form scipy's least_squares uses (solve_lsq_trust_region: rtol 0.01, at most 10
// iterations, the last p scaled onto the sphere). Departure: when J has at least as many rows as columns the SVD
// is taken of the n×n triangle R of J = QR (Householder, MinpackQr.Factor), which gives the same S, V and Uᵀf at
// O(mn²) + O(n³) instead of forming the m×m U. Also here: the helpers both TRF and dogbox share (scipy's
// least_squares/common.py: step_size_to_bound, intersect_trust_region, quadratic models, update_tr_radius,
// check_termination, make_strictly_feasible, find_active_constraints, compute_jac_scale).
using MathNet.Numerics.LinearAlgebra;

namespace OptimizeGen.LeastSquaresInternals;

internal sealed class TrustRegionSubproblem
{
    private readonly int _rows;
    private readonly int _n;
    private readonly double[] _a;
    private readonly double[] _b;
    private readonly int[] _ipvt;
    private readonly double[] _rdiag;
    private readonly double[] _acnorm;
    private readonly double[] _wa;
    private readonly double[] _suf;
    private readonly double[] _w;
    private readonly double[] _vw;
    private readonly double[] _sv;
    private readonly int[] _order;

    public TrustRegionSubproblem(int rows, int n)
    {
        _rows = rows;
        _n = n;
        K = Math.Min(rows, n);
        _a = new double[rows * n];
        _b = new double[rows];
        _ipvt = new int[n];
        _rdiag = new double[n];
        _acnorm = new double[n];
        _wa = new double[n];
        S = new double[K];
        V = new double[n * K];
        Uf = new double[K];
        _suf = new double[K];
        _w = new double[n * n];
        _vw = new double[n * n];
        _sv = new double[n];
        _order = new int[n];
    }

    /// <summary>min(rows, n): the number of singular values.</summary>
    public int K { get; }

    /// <summary>Singular values, descending.</summary>
    public double[] S { get; }

    /// <summary>Right singular vectors, column-major n×K.</summary>
    public double[] V { get; }

    /// <summary>Uᵀ f.</summary>
    public double[] Uf { get; }

    /// <summary>Factors A (column-major rows×n) and projects f (length rows).</summary>
    public void Decompose(ReadOnlySpan<double> a, ReadOnlySpan<double> f)
    {
        int rows = _rows;
        int n = _n;
        if (rows >= n)
        {
            a.CopyTo(_a);
            f.CopyTo(_b);
            MinpackQr.Factor(_a, rows, n, _ipvt, _rdiag, _acnorm, _wa, pivot: false);
            MinpackQr.ApplyQt(_a, rows, n, _b);
            JacobiSvdOfR(rows);
        }
        else
        {
            var m = Matrix<double>.Build.Dense(rows, n);
            for (int j = 0; j < n; j++)
            {
                for (int i = 0; i < rows; i++)
                {
                    m[i, j] = a[i + j * rows];
                }
            }

            var svd = m.Svd(true);
            for (int k = 0; k < rows; k++)
            {
                S[k] = svd.S[k];
                double sum = 0;
                for (int i = 0; i < rows; i++)
                {
                    sum += svd.U[i, k] * f[i];
                }

                Uf[k] = sum;
                for (int i = 0; i < n; i++)
                {
                    V[i + k * n] = svd.VT[k, i];
                }
            }
        }
    }

    /// <summary>
    /// The SVD of the n×n triangle R (in _a above the diagonal, _rdiag on it) by one-sided Jacobi rotations
    /// (Hestenes 1958; J. Demmel and K. Veselić, "Jacobi's method is more accurate than QR", SIAM J. Matrix Anal.
    /// Appl. 13 (1992) 1204–1245): columns p, q of W = R·V are rotated until |w_pᵀw_q| ≤ ε‖w_p‖‖w_q‖ for every pair;
    /// then sᵢ = ‖wᵢ‖ and (Uᵀb)ᵢ = wᵢᵀ(Qᵀb)/sᵢ (0 where sᵢ = 0). Small, allocation-free, and accurate in the small
    /// singular values the rank tests look at; replaces MathNet's SVD (a benchmark showed its allocations).
    /// </summary>
    private void JacobiSvdOfR(int rows)
    {
        const double eps = NumericalDifferentiation.MachineEpsilon;
        int n = _n;
        double[] w = _w;
        double[] v = _vw;
        Array.Clear(w);
        Array.Clear(v);
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < j; i++)
            {
                w[i + j * n] = _a[i + j * rows];
            }

            w[j + j * n] = _rdiag[j];
            v[j + j * n] = 1;
        }

        for (int sweep = 0; sweep < 60; sweep++)
        {
            bool rotated = false;
            for (int p = 0; p < n - 1; p++)
            {
                Span<double> wp = w.AsSpan(p * n, n);
                Span<double> vp = v.AsSpan(p * n, n);
                for (int q = p + 1; q < n; q++)
                {
                    Span<double> wq = w.AsSpan(q * n, n);
                    double alpha = LsqKernels.Dot(wp, wp);
                    double beta = LsqKernels.Dot(wq, wq);
                    double gamma = LsqKernels.Dot(wp, wq);
                    if (gamma == 0 || !(Math.Abs(gamma) > eps * Math.Sqrt(alpha * beta)))
                    {
                        continue;
                    }

                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.Sign(zeta) / (Math.Abs(zeta) + Math.Sqrt(1 + zeta * zeta));
                    if (zeta == 0)
                    {
                        t = 1;
                    }

                    double c = 1 / Math.Sqrt(1 + t * t);
                    double sn = c * t;
                    Rotate(wp, wq, c, sn);
                    Rotate(vp, v.AsSpan(q * n, n), c, sn);
                }
            }

            if (!rotated)
            {
                break;
            }
        }

        // Singular values in descending order, with V's columns and Uᵀb to match.
        for (int k = 0; k < n; k++)
        {
            _sv[k] = MinpackQr.Enorm(w.AsSpan(k * n, n));
            _order[k] = k;
        }

        for (int k = 1; k < n; k++)
        {
            int key = _order[k];
            int i = k - 1;
            while (i >= 0 && _sv[_order[i]] < _sv[key])
            {
                _order[i + 1] = _order[i];
                i--;
            }

            _order[i + 1] = key;
        }
        for (int k = 0; k < n; k++)
        {
            int src = _order[k];
            double sk = _sv[src];
            S[k] = sk;
            v.AsSpan(src * n, n).CopyTo(V.AsSpan(k * n, n));
            Uf[k] = sk > 0 ? LsqKernels.Dot(w.AsSpan(src * n, n), _b.AsSpan(0, n)) / sk : 0;
        }
    }

    private static void Rotate(Span<double> x, Span<double> y, double c, double s)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double xi = x[i];
            double yi = y[i];
            x[i] = c * xi - s * yi;
            y[i] = s * xi + c * yi;
        }
    }

    /// <summary>
    /// scipy's solve_lsq_trust_region: writes the step into <paramref name="p"/> and returns the final α.
    /// <paramref name="m"/> is the number of residuals of the original problem (the full-rank test needs m ≥ n).
    /// </summary>
    public double Solve(int m, double delta, double initialAlpha, Span<double> p)
    {
        const double eps = NumericalDifferentiation.MachineEpsilon;
        int n = _n;
        int k = K;
        double[] s = S;
        double[] suf = _suf;
        for (int i = 0; i < k; i++)
        {
            suf[i] = s[i] * Uf[i];
        }

        bool fullRank = m >= n && k == n && s[k - 1] > eps * m * s[0];
        if (fullRank)
        {
            p.Clear();
            for (int i = 0; i < k; i++)
            {
                double c = -Uf[i] / s[i];
                for (int r = 0; r < n; r++)
                {
                    p[r] += V[r + i * n] * c;
                }
            }

            if (MinpackQr.Enorm(p.Slice(0, n)) <= delta)
            {
                return 0.0;
            }
        }

        double alphaUpper = MinpackQr.Enorm(suf) / delta;
        double alphaLower = 0;
        if (fullRank)
        {
            var (phi0, phiPrime0) = PhiAndDerivative(0.0, delta);
            alphaLower = -phi0 / phiPrime0;
        }

        double alpha = (initialAlpha == 0 && !fullRank) || double.IsNaN(initialAlpha)
            ? Math.Max(0.001 * alphaUpper, Math.Sqrt(alphaLower * alphaUpper))
            : initialAlpha;
        for (int it = 0; it < 10; it++)
        {
            if (alpha < alphaLower || alpha > alphaUpper)
            {
                alpha = Math.Max(0.001 * alphaUpper, Math.Sqrt(alphaLower * alphaUpper));
            }

            var (phi, phiPrime) = PhiAndDerivative(alpha, delta);
            if (phi < 0)
            {
                alphaUpper = alpha;
            }

            double ratio = phi / phiPrime;
            alphaLower = Math.Max(alphaLower, alpha - ratio);
            alpha -= (phi + delta) * ratio / delta;
            if (Math.Abs(phi) < 0.01 * delta)
            {
                break;
            }
        }

        p.Clear();
        for (int i = 0; i < k; i++)
        {
            double c = -suf[i] / (s[i] * s[i] + alpha);
            for (int r = 0; r < n; r++)
            {
                p[r] += V[r + i * n] * c;
            }
        }

        double pn = MinpackQr.Enorm(p.Slice(0, n));
        if (pn > 0)
        {
            double scale = delta / pn;
            for (int r = 0; r < n; r++)
            {
                p[r] *= scale;
            }
        }

        return alpha;
    }

    private (double Phi, double PhiPrime) PhiAndDerivative(double alpha, double delta)
    {
        double pn2 = 0;
        double d3 = 0;
        for (int i = 0; i < K; i++)
        {
            double denom = S[i] * S[i] + alpha;
            double q = _suf[i] / denom;
            pn2 += q * q;
            d3 += _suf[i] * _suf[i] / (denom * denom * denom);
        }

        double pNorm = Math.Sqrt(pn2);
        return (pNorm - delta, -d3 / pNorm);
    }
}

/// <summary>scipy's least_squares/common.py helpers.</summary>
internal static class TrustRegionCommon
{
    /// <summary>½‖J s‖² + ½ sᵀ diag(d) s + gᵀs.</summary>
    public static double EvaluateQuadratic(ReadOnlySpan<double> jac, int m, int n, ReadOnlySpan<double> g, ReadOnlySpan<double> s, ReadOnlySpan<double> diag, Span<double> work)
    {
        LsqKernels.JTimes(jac, m, n, s, work);
        double q = LsqKernels.Dot(work.Slice(0, m), work.Slice(0, m));
        if (!diag.IsEmpty)
        {
            for (int i = 0; i < n; i++)
            {
                q += s[i] * diag[i] * s[i];
            }
        }

        return 0.5 * q + LsqKernels.Dot(s.Slice(0, n), g.Slice(0, n));
    }

    /// <summary>The coefficients of q(t) = a t² + b t + c along s0 + t s.</summary>
    public static (double A, double B, double C) BuildQuadratic1d(ReadOnlySpan<double> jac, int m, int n, ReadOnlySpan<double> g, ReadOnlySpan<double> s, ReadOnlySpan<double> diag, ReadOnlySpan<double> s0, Span<double> v, Span<double> u)
    {
        LsqKernels.JTimes(jac, m, n, s, v);
        double a = LsqKernels.Dot(v.Slice(0, m), v.Slice(0, m));
        if (!diag.IsEmpty)
        {
            for (int i = 0; i < n; i++)
            {
                a += s[i] * diag[i] * s[i];
            }
        }

        a *= 0.5;
        double b = LsqKernels.Dot(g.Slice(0, n), s.Slice(0, n));
        double c = 0;
        if (!s0.IsEmpty)
        {
            LsqKernels.JTimes(jac, m, n, s0, u);
            b += LsqKernels.Dot(u.Slice(0, m), v.Slice(0, m));
            c = 0.5 * LsqKernels.Dot(u.Slice(0, m), u.Slice(0, m)) + LsqKernels.Dot(g.Slice(0, n), s0.Slice(0, n));
            if (!diag.IsEmpty)
            {
                for (int i = 0; i < n; i++)
                {
                    b += s0[i] * diag[i] * s[i];
                    c += 0.5 * s0[i] * diag[i] * s0[i];
                }
            }
        }

        return (a, b, c);
    }

    /// <summary>The minimum of a t² + b t + c over [lb, ub]: (t, value).</summary>
    public static (double T, double Value) MinimizeQuadratic1d(double a, double b, double lb, double ub, double c = 0)
    {
        double bestT = lb;
        double best = lb * (a * lb + b) + c;
        double yu = ub * (a * ub + b) + c;
        if (yu < best)
        {
            bestT = ub;
            best = yu;
        }

        if (a != 0)
        {
            double e = -0.5 * b / a;
            if (lb < e && e < ub)
            {
                double ye = e * (a * e + b) + c;
                if (ye < best)
                {
                    bestT = e;
                    best = ye;
                }
            }
        }

        return (bestT, best);
    }

    /// <summary>The largest t with lb ≤ x + t s ≤ ub, and which components hit (sign of s, or 0).</summary>
    public static double StepSizeToBound(ReadOnlySpan<double> x, ReadOnlySpan<double> s, ReadOnlySpan<double> lb, ReadOnlySpan<double> ub, Span<int> hits)
    {
        int n = x.Length;
        double minStep = double.PositiveInfinity;
        Span<double> steps = n <= 256 ? stackalloc double[n] : new double[n];
        for (int i = 0; i < n; i++)
        {
            if (s[i] == 0)
            {
                steps[i] = double.PositiveInfinity;
            }
            else
            {
                steps[i] = Math.Max((lb[i] - x[i]) / s[i], (ub[i] - x[i]) / s[i]);
            }

            minStep = Math.Min(minStep, steps[i]);
        }

        if (!hits.IsEmpty)
        {
            for (int i = 0; i < n; i++)
            {
                hits[i] = steps[i] == minStep ? Math.Sign(s[i]) : 0;
            }
        }

        return minStep;
    }

    /// <summary>The two t with ‖x + t s‖ = Δ, smaller first.</summary>
    public static (double T1, double T2) IntersectTrustRegion(ReadOnlySpan<double> x, ReadOnlySpan<double> s, double delta)
    {
        double a = LsqKernels.Dot(s, s);
        double b = LsqKernels.Dot(x, s);
        double c = LsqKernels.Dot(x, x) - delta * delta;
        if (a == 0 || c > 0)
        {
            return (0, 0);
        }

        double d = Math.Sqrt(b * b - a * c);
        double q = -(b + Math.CopySign(d, b));
        double t1 = q / a;
        double t2 = c / q;
        return t1 < t2 ? (t1, t2) : (t2, t1);
    }

    public static bool InBounds(ReadOnlySpan<double> x, ReadOnlySpan<double> lb, ReadOnlySpan<double> ub)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (!(x[i] >= lb[i] && x[i] <= ub[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>(Δ_new, ratio) from the actual and predicted reductions.</summary>
    public static (double Delta, double Ratio) UpdateTrRadius(double delta, double actual, double predicted, double stepNorm, bool boundHit)
    {
        double ratio;
        if (predicted > 0)
        {
            ratio = actual / predicted;
        }
        else if (predicted == actual)
        {
            ratio = 1;
        }
        else
        {
            ratio = 0;
        }

        if (ratio < 0.25)
        {
            delta = 0.25 * stepNorm;
        }
        else if (ratio > 0.75 && boundHit)
        {
            delta *= 2.0;
        }

        return (delta, ratio);
    }

    /// <summary>scipy's check_termination: ftol (2), xtol (3), both (4), or null.</summary>
    public static LeastSquaresStatus? CheckTermination(double dF, double F, double dxNorm, double xNorm, double ratio, double ftol, double xtol)
    {
        bool ftolOk = dF < ftol * F && ratio > 0.25;
        bool xtolOk = dxNorm < xtol * (xtol + xNorm);
        if (ftolOk && xtolOk)
        {
            return LeastSquaresStatus.FtolAndXtol;
        }

        if (ftolOk)
        {
            return LeastSquaresStatus.Ftol;
        }

        return xtolOk ? LeastSquaresStatus.Xtol : null;
    }

    /// <summary>compute_jac_scale: scale_inv = column norms (never below the previous ones; 1 where zero at the start).</summary>
    public static void JacScale(ReadOnlySpan<double> jac, int m, int n, Span<double> scale, Span<double> scaleInv, bool first)
    {
        for (int j = 0; j < n; j++)
        {
            double c = MinpackQr.Enorm(jac.Slice(j * m, m));
            if (first)
            {
                scaleInv[j] = c == 0 ? 1.0 : c;
            }
            else
            {
                scaleInv[j] = Math.Max(scaleInv[j], c);
            }

            scale[j] = 1.0 / scaleInv[j];
        }
    }

    /// <summary>find_active_constraints: −1 at the lower bound, +1 at the upper, 0 otherwise (relative tolerance rtol).</summary>
    public static void FindActive(ReadOnlySpan<double> x, ReadOnlySpan<double> lb, ReadOnlySpan<double> ub, double rtol, Span<int> active)
    {
        for (int i = 0; i < x.Length; i++)
        {
            active[i] = 0;
            if (rtol == 0)
            {
                if (x[i] <= lb[i])
                {
                    active[i] = -1;
                }
                else if (x[i] >= ub[i])
                {
                    active[i] = 1;
                }

                continue;
            }

            double lowerDist = x[i] - lb[i];
            double upperDist = ub[i] - x[i];
            double lowerThreshold = rtol * Math.Max(1, Math.Abs(lb[i]));
            double upperThreshold = rtol * Math.Max(1, Math.Abs(ub[i]));
            if (double.IsFinite(lb[i]) && lowerDist <= Math.Min(upperDist, lowerThreshold))
            {
                active[i] = -1;
            }

            if (double.IsFinite(ub[i]) && upperDist <= Math.Min(lowerDist, upperThreshold))
            {
                active[i] = 1;
            }
        }
    }

    /// <summary>make_strictly_feasible: moves x off its bounds (rstep = 0: to the next double inside).</summary>
    public static void MakeStrictlyFeasible(Span<double> x, ReadOnlySpan<double> lb, ReadOnlySpan<double> ub, double rstep)
    {
        int n = x.Length;
        Span<int> active = n <= 256 ? stackalloc int[n] : new int[n];
        FindActive(x, lb, ub, rstep, active);
        for (int i = 0; i < n; i++)
        {
            if (active[i] == -1)
            {
                x[i] = rstep == 0 ? Math.BitIncrement(lb[i]) : lb[i] + rstep * Math.Max(1, Math.Abs(lb[i]));
            }
            else if (active[i] == 1)
            {
                x[i] = rstep == 0 ? Math.BitDecrement(ub[i]) : ub[i] - rstep * Math.Max(1, Math.Abs(ub[i]));
            }

            if (x[i] < lb[i] || x[i] > ub[i])
            {
                x[i] = 0.5 * (lb[i] + ub[i]);
            }
        }
    }
}
