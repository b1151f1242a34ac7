using OptimizeGen.LeastSquaresInternals;

namespace OptimizeGen;

public static partial class Optimize
{
    /// <summary>
    /// scipy's <c>least_squares</c>: minimizes F(x) = ½ Σ ρ(fᵢ(x)²) with the exact Jacobian of
    /// <paramref name="fun"/> (for example one the generator wrote), subject to optional bounds.
    /// </summary>
    /// <param name="fun">The residuals and their Jacobian; <see cref="IVectorFunction.OutputDimension"/> must give m.</param>
    /// <param name="x0">The starting point (inside the bounds).</param>
    /// <param name="options">Method, loss, tolerances, bounds; null for scipy's defaults.</param>
    public static LeastSquaresResult LeastSquares(IJacobianFunction fun, double[] x0, LeastSquaresOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fun);
        return LeastSquares((IVectorFunction)fun, x0, options);
    }

    /// <summary>
    /// scipy's <c>least_squares</c> for a vector function; an <see cref="IJacobianFunction"/> gives the exact
    /// Jacobian, any other the finite-difference one of <see cref="LeastSquaresOptions.JacScheme"/>.
    /// </summary>
    public static LeastSquaresResult LeastSquares(IVectorFunction fun, double[] x0, LeastSquaresOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fun);
        ArgumentNullException.ThrowIfNull(x0);
        int m = fun.OutputDimension;
        if (m < 0)
        {
            m = x0.Length;
        }

        if (fun.InputDimension >= 0 && fun.InputDimension != x0.Length)
        {
            throw new ArgumentException($"x0 has length {x0.Length} but the function takes {fun.InputDimension} variables.", nameof(x0));
        }

        return LeastSquaresCore(new VectorFunctionProblem(fun, m, x0.Length, useExactJacobian: true), x0, options);
    }

    /// <summary>
    /// scipy's <c>least_squares</c> for residuals given as a delegate writing m values, with the Jacobian by finite
    /// differences (<see cref="LeastSquaresOptions.JacScheme"/>: scipy's '2-point' or '3-point').
    /// </summary>
    /// <param name="fun">Writes the m residuals f(x).</param>
    /// <param name="x0">The starting point.</param>
    /// <param name="m">The number of residuals.</param>
    /// <param name="options">Method, loss, tolerances, bounds; null for scipy's defaults.</param>
    public static LeastSquaresResult LeastSquares(VectorFunction fun, double[] x0, int m, LeastSquaresOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fun);
        ArgumentNullException.ThrowIfNull(x0);
        Guard.Positive(m, nameof(m));
        return LeastSquaresCore(new DelegateProblem(fun, null, m, x0.Length), x0, options);
    }

    /// <summary>scipy's <c>least_squares</c> with the residuals and their exact Jacobian (row-major m×n) as delegates.</summary>
    public static LeastSquaresResult LeastSquares(VectorFunction fun, JacobianFunction jac, double[] x0, int m, LeastSquaresOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fun);
        ArgumentNullException.ThrowIfNull(jac);
        ArgumentNullException.ThrowIfNull(x0);
        Guard.Positive(m, nameof(m));
        return LeastSquaresCore(new DelegateProblem(fun, jac, m, x0.Length), x0, options);
    }

    internal static LeastSquaresResult LeastSquaresCore(ResidualProblem problem, double[] x0, LeastSquaresOptions? options, XScale? defaultXScale = null, LeastSquaresMethod defaultMethod = LeastSquaresMethod.Trf)
    {
        options ??= new LeastSquaresOptions();
        int n = x0.Length;
        int m = problem.M;
        Guard.NotEmpty(x0, nameof(x0));
        Guard.Finite(x0, nameof(x0));
        Guard.NonNegative(options.Ftol, nameof(options.Ftol));
        Guard.NonNegative(options.Xtol, nameof(options.Xtol));
        Guard.NonNegative(options.Gtol, nameof(options.Gtol));
        if (!(options.FScale > 0) || double.IsInfinity(options.FScale))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FScale, "FScale (f_scale) must be positive and finite.");
        }

        Guard.Positive(options.MaxRefinementSteps, nameof(options.MaxRefinementSteps));
        if (options.MaxNfev is int limit)
        {
            Guard.Positive(limit, nameof(options.MaxNfev));
        }

        if (options.DiffStep is double ds && !(ds > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), ds, "DiffStep (diff_step) must be positive.");
        }

        LeastSquaresMethod method = options.Method ?? defaultMethod;
        const double eps = NumericalDifferentiation.MachineEpsilon;
        if (method != LeastSquaresMethod.Lm && options.Ftol < eps && options.Xtol < eps && options.Gtol < eps)
        {
            throw new ArgumentException("At least one of Ftol, Xtol and Gtol must be ≥ machine epsilon (2.2e-16).", nameof(options));
        }

        double[] lb;
        double[] ub;
        if (options.Bounds is null)
        {
            lb = new double[n];
            ub = new double[n];
            Array.Fill(lb, double.NegativeInfinity);
            Array.Fill(ub, double.PositiveInfinity);
        }
        else
        {
            (lb, ub) = options.Bounds.Resolve(n, nameof(options.Bounds));
        }

        bool bounded = false;
        for (int i = 0; i < n; i++)
        {
            if (lb[i] >= ub[i])
            {
                throw new ArgumentException($"Bounds: lower[{i}] = {lb[i]} must be strictly below upper[{i}] = {ub[i]}.", nameof(options));
            }

            if (x0[i] < lb[i] || x0[i] > ub[i])
            {
                throw new ArgumentException($"x0[{i}] = {x0[i]} lies outside its bounds [{lb[i]}, {ub[i]}] (x0 is infeasible).", nameof(x0));
            }

            bounded |= !double.IsNegativeInfinity(lb[i]) || !double.IsPositiveInfinity(ub[i]);
        }

        XScale xScale = options.XScale ?? defaultXScale ?? XScale.Uniform(1.0);
        if (!xScale.IsJac)
        {
            _ = xScale.Resolve(n);
        }

        problem.Scheme = options.JacScheme;
        problem.RelativeStep = options.DiffStep;
        problem.MinpackSteps = options.DiffStep is not null; // scipy: a given diff_step is relative to |x|
        if (bounded)
        {
            problem.Lower = lb;
            problem.Upper = ub;
        }

        if (method == LeastSquaresMethod.Lm)
        {
            if (bounded)
            {
                throw new ArgumentException("Method Lm does not handle bounds; use Trf or Dogbox.", nameof(options));
            }

            if (options.Loss != LossFunction.Linear)
            {
                throw new ArgumentException($"Method Lm supports only the linear loss, not {options.Loss}; use Trf or Dogbox.", nameof(options));
            }

            if (m < n)
            {
                throw new ArgumentException($"Method Lm needs at least as many residuals as variables (m = {m} < n = {n}); use Trf or Dogbox.", nameof(options));
            }

            problem.MinpackSteps = true;
            int maxfev = options.MaxNfev ?? (problem.HasExactJacobian ? 100 * n : 100 * n * (n + 1));
            double[]? diag = null;
            if (!xScale.IsJac)
            {
                diag = xScale.Resolve(n);
                for (int j = 0; j < n; j++)
                {
                    diag[j] = 1.0 / diag[j];
                }
            }

            return Refined(problem, LevenbergMarquardt.Solve(problem, x0, options.Ftol, options.Xtol, options.Gtol, maxfev, diag, 100.0, options.CancellationToken), options, bounded);
        }

        RobustLoss? loss = options.Loss == LossFunction.Linear ? null : new RobustLoss(options.Loss, options.FScale);
        int maxNfev = options.MaxNfev ?? 100 * n;
        if (method == LeastSquaresMethod.Trf)
        {
            var start = (double[])x0.Clone();
            if (bounded)
            {
                TrustRegionCommon.MakeStrictlyFeasible(start, lb, ub, 1e-10);
            }

            return Refined(problem, TrustRegionReflective.Solve(problem, start, lb, ub, options.Ftol, options.Xtol, options.Gtol, maxNfev, xScale, loss, options.CancellationToken), options, bounded);
        }

        return Refined(problem, Dogbox.Solve(problem, x0, lb, ub, options.Ftol, options.Xtol, options.Gtol, maxNfev, xScale, loss, options.CancellationToken), options, bounded);
    }

    /// <summary>Applies <see cref="LeastSquaresOptions.Refine"/> to a converged result (linear loss, no bounds).</summary>
    private static LeastSquaresResult Refined(ResidualProblem problem, LeastSquaresResult result, LeastSquaresOptions options, bool bounded)
    {
        if (!options.Refine || !result.Success || bounded || options.Loss != LossFunction.Linear)
        {
            return result;
        }

        int m = problem.M;
        int n = problem.N;
        var x = (double[])result.X.Clone();
        var f = (double[])result.Fun.Clone();
        var jac = new double[m * n];
        int fdBefore = problem.FiniteDifferenceEvaluations;
        var (steps, nfev, njev) = GaussNewtonRefinement.Refine(problem, x, f, jac, options.MaxRefinementSteps);
        if (steps == 0)
        {
            return result;
        }

        var g = new double[n];
        LsqKernels.JtF(jac, m, n, f, g);
        int fd = result.Method == LeastSquaresMethod.Lm ? problem.FiniteDifferenceEvaluations - fdBefore : 0;
        return new LeastSquaresResult
        {
            X = x,
            Cost = 0.5 * LsqKernels.Dot(f, f),
            Fun = f,
            Jac = LsqKernels.ToMatrix(jac, m, n),
            Grad = g,
            Optimality = LsqKernels.InfNorm(g),
            ActiveMask = new int[n],
            Nfev = result.Nfev + nfev + fd,
            Njev = result.Njev + njev,
            Status = result.Status,
            Message = $"{result.Message} Refined by {steps} Gauss–Newton step{(steps == 1 ? "" : "s")}.",
            Method = result.Method,
        };
    }
}
