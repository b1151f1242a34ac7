// Gauss–Newton refinement of a converged least-squares solution: x ← x + p with p = argmin ‖J(x) p + f(x)‖, the
// Gauss–Newton step (Å. Björck, "Numerical Methods for Least Squares Problems", SIAM 1996, §9.2.1), solved by
// MINPACK's Householder QR with column pivoting. Near a minimizer Gauss–Newton contracts (quadratically for zero
// residuals, linearly at the rate of P.-Å. Wedin, "On the Gauss–Newton method for the non-linear least squares
// problem", 1974, otherwise), and the step it computes is limited only by the rounding in f and J, whereas every
// trust-region method decides on the change of the cost, which stops resolving steps once ‖J p‖² ≈ ε·‖f‖²: the
// ftol/xtol tests then end the iteration with x accurate only to about √ε in units of the standard errors.
// The refinement runs after the method's own convergence test has passed, for the linear loss without bounds. It is
// conservative: the first step must be tiny (‖D p‖∞ ≤ 1e-4·‖D x‖∞, D the Jacobian's column norms at the start), and
// a step is kept only when the cost grows by no more than √ε relative (the rounding of the model values) and the next
// Gauss–Newton step is at least 10% shorter (confirmed contraction); the first step that fails either test is
// discarded and the refinement ends. A rank-deficient R of J·D⁻¹ (|rⱼⱼ| ≤ ε·max(m, n)·|r₁₁|) ends it.
namespace OptimizeGen.LeastSquaresInternals;

internal sealed class GaussNewtonRefinement
{
    /// <summary>
    /// The growth of ‖f‖² a kept step may show: √ε. The cost carries the rounding of the model values, which exceeds
    /// ε‖f‖² by the ratio of model values to residuals (NIST's Lanczos sets: about 1e5); √ε rejects any step that
    /// raises the cost materially, and the contraction test does the rest.
    /// </summary>
    private const double CostSlack = 1.4901161193847656e-8;

    private readonly ResidualProblem _problem;
    private readonly double[] _d;
    private readonly int _m;
    private readonly int _n;
    private readonly double[] _a;
    private readonly double[] _qtf;
    private readonly int[] _ipvt;
    private readonly double[] _rdiag;
    private readonly double[] _acnorm;
    private readonly double[] _wa;

    private GaussNewtonRefinement(ResidualProblem problem)
    {
        _problem = problem;
        _m = problem.M;
        _n = problem.N;
        _a = new double[_m * _n];
        _qtf = new double[_m];
        _ipvt = new int[_n];
        _rdiag = new double[_n];
        _acnorm = new double[_n];
        _wa = new double[_n];
        _d = new double[_n];
    }

    /// <summary>
    /// Refines <paramref name="x"/> (with f(x) in <paramref name="f"/>) in place by at most <paramref name="maxSteps"/>
    /// confirmed Gauss–Newton steps; on return <paramref name="jac"/> (column-major m×n) holds J at the final x.
    /// Returns the number of steps kept and the evaluations made.
    /// </summary>
    public static (int Steps, int Nfev, int Njev) Refine(ResidualProblem problem, double[] x, double[] f, double[] jac, int maxSteps)
    {
        if (problem.M < problem.N)
        {
            return (0, 0, 0);
        }

        var refinement = new GaussNewtonRefinement(problem);
        return refinement.Run(x, f, jac, maxSteps);
    }

    private (int Steps, int Nfev, int Njev) Run(double[] x, double[] f, double[] jac, int maxSteps)
    {
        int m = _m;
        int n = _n;
        int nfev = 0;
        int njev = 0;
        var p = new double[n];
        var xTry = new double[n];
        var fTry = new double[m];
        var jacTry = new double[m * n];
        double[] d = _d;

        _problem.Jacobian(x, f, jac);
        njev++;
        for (int j = 0; j < n; j++)
        {
            d[j] = MinpackQr.Enorm(jac.AsSpan(j * m, m));
            if (!(d[j] > 0) || !double.IsFinite(d[j]))
            {
                return (0, nfev, njev);
            }
        }

        if (!Step(jac, f, p))
        {
            return (0, nfev, njev);
        }

        double s = ScaledNorm(d, p);
        double dx = ScaledNorm(d, x);
        if (!(s <= 1e-4 * dx))
        {
            return (0, nfev, njev);
        }

        double cost = LsqKernels.Dot(f, f);
        int steps = 0;
        while (steps < maxSteps && s > 0)
        {
            for (int j = 0; j < n; j++)
            {
                xTry[j] = x[j] + p[j];
            }

            _problem.Residuals(xTry, fTry);
            nfev++;
            double costTry = LsqKernels.Dot(fTry, fTry);
            if (!double.IsFinite(costTry) || costTry > cost * (1 + CostSlack))
            {
                break;
            }

            _problem.Jacobian(xTry, fTry, jacTry);
            njev++;
            if (!Step(jacTry, fTry, p))
            {
                break;
            }

            double sTry = ScaledNorm(d, p);
            if (!(sTry <= 0.9 * s))
            {
                break;
            }

            xTry.CopyTo(x, 0);
            fTry.CopyTo(f, 0);
            jacTry.CopyTo(jac, 0);
            cost = costTry;
            s = sTry;
            steps++;
        }

        return (steps, nfev, njev);
    }

    /// <summary>
    /// The Gauss–Newton step p = −J⁺f by pivoted QR of J·D⁻¹ (columns scaled to the start's column norms, so that the
    /// rank test does not depend on the units of the parameters); false when R is numerically rank-deficient.
    /// </summary>
    private bool Step(ReadOnlySpan<double> jac, ReadOnlySpan<double> f, Span<double> p)
    {
        int m = _m;
        int n = _n;
        if (!LsqKernels.AllFinite(jac))
        {
            return false;
        }

        for (int j = 0; j < n; j++)
        {
            double inv = 1.0 / _d[j];
            for (int i = 0; i < m; i++)
            {
                _a[i + j * m] = jac[i + j * m] * inv;
            }
        }

        MinpackQr.Factor(_a, m, n, _ipvt, _rdiag, _acnorm, _wa);
        double tol = NumericalDifferentiation.MachineEpsilon * Math.Max(m, n) * Math.Abs(_rdiag[0]);
        for (int j = 0; j < n; j++)
        {
            if (!(Math.Abs(_rdiag[j]) > tol))
            {
                return false;
            }
        }

        f.CopyTo(_qtf);
        MinpackQr.ApplyQt(_a, m, n, _qtf);

        // Back substitution R z = −Qᵀf (R strictly above the diagonal in _a, its diagonal in _rdiag); p = P z.
        for (int j = n - 1; j >= 0; j--)
        {
            double sum = -_qtf[j];
            for (int k = j + 1; k < n; k++)
            {
                sum -= _a[j + k * m] * _wa[k];
            }

            _wa[j] = sum / _rdiag[j];
        }

        for (int j = 0; j < n; j++)
        {
            p[_ipvt[j]] = _wa[j] / _d[_ipvt[j]];
        }

        return LsqKernels.AllFinite(p);
    }

    private static double ScaledNorm(ReadOnlySpan<double> d, ReadOnlySpan<double> v)
    {
        double max = 0;
        for (int j = 0; j < v.Length; j++)
        {
            max = Math.Max(max, Math.Abs(d[j] * v[j]));
        }

        return max;
    }
}
