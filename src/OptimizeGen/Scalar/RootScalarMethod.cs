namespace OptimizeGen;

/// <summary>The methods of <c>Optimize.RootScalar</c>, named after scipy.optimize.root_scalar's <c>method</c> strings.</summary>
public enum RootScalarMethod
{
    /// <summary><c>'brentq'</c>: Brent's method with inverse quadratic interpolation (bracketing; Brent 1973).</summary>
    Brentq,

    /// <summary><c>'brenth'</c>: Brent's method with hyperbolic extrapolation (bracketing; Bus and Dekker 1975).</summary>
    Brenth,

    /// <summary><c>'ridder'</c>: Ridders' exponential-fit method (bracketing; Ridders 1979).</summary>
    Ridder,

    /// <summary><c>'bisect'</c>: bisection (bracketing).</summary>
    Bisect,

    /// <summary><c>'toms748'</c>: Alefeld, Potra and Shi's Algorithm 748 (bracketing; ACM TOMS 21, 1995).</summary>
    Toms748,

    /// <summary><c>'newton'</c>: Newton–Raphson with the first derivative.</summary>
    Newton,

    /// <summary><c>'secant'</c>: the secant method from two starting points.</summary>
    Secant,

    /// <summary><c>'halley'</c>: Halley's method with the first and second derivatives.</summary>
    Halley,
}
