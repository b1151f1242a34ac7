namespace OptimizeGen;

/// <summary>f: ℝ → ℝ as the scalar root finders see it: counts calls (scipy's function_calls).</summary>
internal sealed class RootScalarFunction(Func<double, double> f)
{
    public int Calls { get; private set; }

    public double Evaluate(double x)
    {
        Calls++;
        return f(x);
    }
}

/// <summary>The pieces every scalar root finder returns: built once here so the methods' files hold only their algorithm.</summary>
internal static class RootScalarOutcome
{
    public static RootScalarResult Converged(RootScalarMethod method, double root, int iterations, RootScalarFunction f, string? message = null) => new()
    {
        Root = root,
        Status = RootScalarStatus.Converged,
        Message = message ?? "Converged: the tolerance test passed.",
        Method = method,
        Iterations = iterations,
        FunctionCalls = f.Calls,
    };

    public static RootScalarResult Failed(RootScalarMethod method, RootScalarStatus status, double root, int iterations, RootScalarFunction f, string message) => new()
    {
        Root = root,
        Status = status,
        Message = message,
        Method = method,
        Iterations = iterations,
        FunctionCalls = f.Calls,
    };

    public static RootScalarResult MaxIterations(RootScalarMethod method, double root, int iterations, RootScalarFunction f) =>
        Failed(method, RootScalarStatus.MaxIterationsReached, root, iterations, f, $"Failed to converge after {iterations} iterations (maxiter); the last estimate is {root:R}.");

    public static RootScalarResult NotFinite(RootScalarMethod method, double x, int iterations, RootScalarFunction f) =>
        Failed(method, RootScalarStatus.NotFinite, x, iterations, f, $"f returned a non-finite value at x = {x:R}.");
}
