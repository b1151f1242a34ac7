namespace OptimizeGen;

/// <summary>Why <c>Optimize.RootScalar</c> stopped. <see cref="Converged"/> is the only status with <c>Success = true</c>.</summary>
public enum RootScalarStatus
{
    /// <summary>The method's tolerance test passed, or f(x) = 0 exactly.</summary>
    Converged = 0,

    /// <summary><c>maxiter</c> iterations were made without passing the tolerance test.</summary>
    MaxIterationsReached,

    /// <summary>newton or halley met f′(x) = 0 and cannot step.</summary>
    ZeroDerivative,

    /// <summary>The secant method met f(x₀) = f(x₁) with x₀ ≠ x₁ and cannot step.</summary>
    FlatSecant,

    /// <summary>f (or a derivative) returned NaN or ±∞.</summary>
    NotFinite,
}

/// <summary>
/// The result of <c>Optimize.RootScalar</c>, scipy's <c>RootResults</c> (root, iterations, function_calls, converged, flag).
/// It never lies: <see cref="Success"/> is true only when the method's own convergence test passed.
/// </summary>
public sealed class RootScalarResult
{
    /// <summary>The root (or the last estimate when not converged).</summary>
    public required double Root { get; init; }

    /// <summary>True only when <see cref="Status"/> is <see cref="RootScalarStatus.Converged"/> (scipy's <c>converged</c>).</summary>
    public bool Success => Status == RootScalarStatus.Converged;

    /// <summary>Why the method stopped (scipy's <c>flag</c>).</summary>
    public required RootScalarStatus Status { get; init; }

    /// <summary>A sentence for a person.</summary>
    public required string Message { get; init; }

    /// <summary>The method that ran.</summary>
    public required RootScalarMethod Method { get; init; }

    /// <summary>Iterations made.</summary>
    public int Iterations { get; init; }

    /// <summary>Evaluations of f and of its derivatives, as scipy counts <c>function_calls</c>.</summary>
    public int FunctionCalls { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Success ? "success" : "failure")} ({Status}): {Message}; root = {Root:R}, iterations = {Iterations}, function calls = {FunctionCalls}";
}
