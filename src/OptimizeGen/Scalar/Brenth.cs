namespace OptimizeGen;

// Brent's method with hyperbolic extrapolation (scipy root_scalar 'brenth'): J. C. P. Bus and T. J. Dekker, "Two efficient
// algorithms with guaranteed convergence for finding a zero of a function", ACM TOMS 1 (1975) 330–345. The driver is Brent's
// (Brentq.cs); only the extrapolation through three points differs: the zero of the hyperbola through them instead of inverse
// quadratic interpolation.
internal static class Brenth
{
    public static RootScalarResult Solve(RootScalarFunction f, double a, double b, double fa, double fb, double xtol, double rtol, int maxiter) =>
        Brentq.Run(RootScalarMethod.Brenth, f, a, b, fa, fb, xtol, rtol, maxiter, hyperbolic: true);
}
