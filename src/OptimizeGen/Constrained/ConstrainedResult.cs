namespace OptimizeGen;

/// <summary>Builds the result of a constrained solve: the context's counts and time plus violation and multipliers.</summary>
internal static class ConstrainedResult
{
    public static OptimizeResult Create(
        MinimizeContext context,
        double[] x,
        double f,
        OptimizeStatus status,
        string message,
        int nit,
        double[]? jac,
        double violation,
        double[]? multipliers) => new()
        {
            X = x,
            Fun = f,
            Jac = jac,
            Status = status,
            Message = message,
            Method = context.Method,
            Nit = nit,
            Nfev = context.Nfev,
            Njev = context.Njev,
            Nhev = context.Nhev,
            ConstraintViolation = violation,
            Multipliers = multipliers,
            Elapsed = context.Elapsed,
        };
}
