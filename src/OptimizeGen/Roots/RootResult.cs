namespace OptimizeGen;

/// <summary>Why <c>Optimize.Root</c> stopped. <see cref="Converged"/> is the only status with <c>Success = true</c>.</summary>
public enum RootStatus
{
    /// <summary>The method's own convergence test passed (MINPACK info = 1; scipy nonlin's termination condition; df-sane's residual test).</summary>
    Converged = 0,

    /// <summary>The evaluation limit (<c>maxfev</c>) was reached first (MINPACK info = 2 / 5 for lm).</summary>
    MaxFunctionEvaluationsReached,

    /// <summary>The iteration limit (<c>maxiter</c>) was reached first.</summary>
    MaxIterationsReached,

    /// <summary><c>xtol</c> (or <c>ftol</c>/<c>gtol</c> for lm) is too small: no further improvement is possible at working precision (MINPACK info = 3, lm info 6–8).</summary>
    ToleranceTooSmall,

    /// <summary>The iteration is not making good progress, as measured by the improvement from the last five Jacobian evaluations (hybr info = 4).</summary>
    NoProgressJacobian,

    /// <summary>The iteration is not making good progress, as measured by the improvement from the last ten iterations (hybr info = 5).</summary>
    NoProgressIterations,

    /// <summary>lm stopped at a stationary point of ‖F‖² that is not a root: the orthogonality test <c>gtol</c> (lm info 4 and 8), or the
    /// <c>ftol</c> test alone (lm info 1, which scipy reports as success) — the sum of squares stopped decreasing away from zero.</summary>
    StationaryPoint,

    /// <summary>F returned NaN or ±∞ and the method could not back away from it.</summary>
    NotFinite,

    /// <summary>A linear solve the method needs failed (singular Jacobian approximation, zero step).</summary>
    NumericalTrouble,

    /// <summary>The line search found no acceptable step.</summary>
    LineSearchFailed,

    /// <summary>The callback asked to stop.</summary>
    StoppedByCallback,

    /// <summary>The <see cref="RootOptions.CancellationToken"/> was cancelled.</summary>
    Cancelled,

    /// <summary>The wall-time limit <see cref="RootOptions.TimeLimit"/> was reached.</summary>
    TimeLimitReached,
}

/// <summary>
/// The result of <c>Optimize.Root</c>, with scipy's <c>OptimizeResult</c> fields for root. It never lies:
/// <see cref="Success"/> is true only when the method's own convergence test passed.
/// </summary>
public sealed class RootResult
{
    /// <summary>The solution (or the last, best, iterate when not converged).</summary>
    public required double[] X { get; init; }

    /// <summary>F at <see cref="X"/>.</summary>
    public required double[] Fun { get; init; }

    /// <summary>‖F(X)‖₂.</summary>
    public double FunNorm
    {
        get
        {
            double s = 0;
            foreach (double v in Fun)
            {
                s += v * v;
            }

            return Math.Sqrt(s);
        }
    }

    /// <summary>The final Jacobian (or its approximation) at <see cref="X"/>, row-major n×n, where the method keeps one (hybr, lm).</summary>
    public double[]? Jac { get; init; }

    /// <summary>True only when <see cref="Status"/> is <see cref="RootStatus.Converged"/>.</summary>
    public bool Success => Status == RootStatus.Converged;

    /// <summary>Why the method stopped.</summary>
    public required RootStatus Status { get; init; }

    /// <summary>A sentence for a person: what happened, with the figures that decided it.</summary>
    public required string Message { get; init; }

    /// <summary>The method that ran.</summary>
    public RootMethod Method { get; init; }

    /// <summary>Iterations taken: accepted steps for hybr and lm (MINPACK's iter − 1), Newton-type steps for broyden1 … krylov,
    /// line-search iterations for df-sane.</summary>
    public int Nit { get; init; }

    /// <summary>Evaluations of F, including those spent on finite-difference Jacobians and Jacobian-vector products.</summary>
    public int Nfev { get; init; }

    /// <summary>Jacobian evaluations: exact ones, or forward-difference ones (whose evaluations of F are also counted in
    /// <see cref="Nfev"/>); for krylov, exact Jacobian-vector products.</summary>
    public int Njev { get; init; }

    /// <summary>Wall time spent in the solve.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Success ? "success" : "failure")} ({Status}): {Message}; ‖F‖ = {FunNorm:G6}, nit = {Nit}, nfev = {Nfev}, njev = {Njev}";
}
