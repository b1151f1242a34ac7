namespace OptimizeGen;

/// <summary>Why a minimization stopped. <see cref="Converged"/> is the only status with <c>Success = true</c>.</summary>
public enum OptimizeStatus
{
    /// <summary>The method's own convergence test passed.</summary>
    Converged = 0,

    /// <summary>The iteration limit (<c>maxiter</c>) was reached first.</summary>
    MaxIterationsReached,

    /// <summary>The evaluation limit (<c>maxfun</c> / <c>maxfev</c>) was reached first.</summary>
    MaxFunctionEvaluationsReached,

    /// <summary>No further progress was possible at working precision: the line search or trust region could not
    /// decrease f, yet the convergence test had not passed (scipy: "Desired error not necessarily achieved due to precision loss").</summary>
    PrecisionLoss,

    /// <summary>The objective or its gradient returned NaN or ±∞ and the method could not back away from it.</summary>
    NotFinite,

    /// <summary>The <see cref="CancellationToken"/> was cancelled.</summary>
    Cancelled,

    /// <summary>The wall-time limit was reached.</summary>
    TimeLimitReached,

    /// <summary>The callback asked to stop.</summary>
    StoppedByCallback,

    /// <summary>The constraints could not be satisfied (or their linearization was incompatible).</summary>
    Infeasible,

    /// <summary>The objective decreases without bound.</summary>
    Unbounded,

    /// <summary>A linear system the method needs was singular or the Hessian was not positive definite where required.</summary>
    NumericalTrouble,
}

/// <summary>
/// The result of <c>Optimize.Minimize</c>,
/// with scipy's <c>OptimizeResult</c> fields. It never lies: <see cref="Success"/> is true only when the method's own
/// convergence test passed.
/// </summary>
public sealed class OptimizeResult
{
    /// <summary>The solution (or the last iterate when not converged).</summary>
    public required double[] X { get; init; }

    /// <summary>f at <see cref="X"/>.</summary>
    public required double Fun { get; init; }

    /// <summary>The gradient at <see cref="X"/>, where the method has it.</summary>
    public double[]? Jac { get; init; }

    /// <summary>The inverse-Hessian approximation at <see cref="X"/> (BFGS), n×n.</summary>
    public double[,]? HessInv { get; init; }

    /// <summary>True only when <see cref="Status"/> is <see cref="OptimizeStatus.Converged"/>.</summary>
    public bool Success => Status == OptimizeStatus.Converged;

    /// <summary>Why the method stopped.</summary>
    public required OptimizeStatus Status { get; init; }

    /// <summary>A sentence for a person: what happened, with the figures that decided it.</summary>
    public required string Message { get; init; }

    /// <summary>The method that ran (the one chosen automatically when none was given).</summary>
    public MinimizeMethod Method { get; init; }

    /// <summary>Iterations taken.</summary>
    public int Nit { get; init; }

    /// <summary>Evaluations of f (including those made together with a gradient).</summary>
    public int Nfev { get; init; }

    /// <summary>Evaluations of the gradient.</summary>
    public int Njev { get; init; }

    /// <summary>Evaluations of the Hessian or Hessian-vector products.</summary>
    public int Nhev { get; init; }

    /// <summary>The largest constraint violation at <see cref="X"/> (0 for an unconstrained problem).</summary>
    public double ConstraintViolation { get; init; }

    /// <summary>The Lagrange multipliers of the constraints, in the order given, where the method has them.</summary>
    public double[]? Multipliers { get; init; }

    /// <summary>Wall time spent in the solve.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Success ? "success" : "failure")} ({Status}): {Message}; fun = {Fun:G10}, nit = {Nit}, nfev = {Nfev}, njev = {Njev}";
}
