namespace OptimizeGen;

/// <summary>Options for <c>Optimize.RootScalar</c>, under scipy.optimize.root_scalar's names. Null means the method's scipy default.</summary>
public sealed record RootScalarOptions
{
    /// <summary>
    /// <c>xtol</c>, the absolute tolerance. Bracketing methods stop when the bracket [a, b] satisfies |b − a| ≤ xtol + rtol·|x|
    /// (brentq/brenth: half the bracket below (xtol + rtol·|x|)/2; bisect: the half-width); default 2e-12.
    /// newton, secant, halley stop when |xₖ₊₁ − xₖ| ≤ xtol + rtol·|xₖ₊₁|; default 1.48e-8 (scipy.optimize.newton's <c>tol</c>).
    /// </summary>
    public double? Xtol { get; init; }

    /// <summary><c>rtol</c>, the relative tolerance in the tests above; default 4ε ≈ 8.88e-16 for the bracketing methods, 0 for
    /// newton, secant and halley.</summary>
    public double? Rtol { get; init; }

    /// <summary><c>maxiter</c>; default 100 for the bracketing methods, 50 for newton, secant and halley.</summary>
    public int? MaxIter { get; init; }
}
