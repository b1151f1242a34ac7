namespace OptimizeGen;

/// <summary>The methods of <c>Optimize.Root</c>, named after scipy.optimize.root's <c>method</c> strings.</summary>
public enum RootMethod
{
    /// <summary><c>'hybr'</c>: Powell's hybrid (dogleg) method as in MINPACK's hybrj/hybrd (Powell 1970; Moré, Garbow, Hillstrom 1980).</summary>
    Hybr,

    /// <summary><c>'lm'</c>: Levenberg–Marquardt on ‖F(x)‖² as in MINPACK's lmder/lmdif (Moré 1978).</summary>
    Lm,

    /// <summary><c>'broyden1'</c>: Broyden's first ("good") quasi-Newton method, inverse Jacobian in low-rank form.</summary>
    Broyden1,

    /// <summary><c>'broyden2'</c>: Broyden's second ("bad") quasi-Newton method.</summary>
    Broyden2,

    /// <summary><c>'anderson'</c>: Anderson mixing (extended Anderson, Eyert 1996).</summary>
    Anderson,

    /// <summary><c>'linearmixing'</c>: a scalar multiple of −F as the step.</summary>
    LinearMixing,

    /// <summary><c>'diagbroyden'</c>: Broyden with a diagonal Jacobian approximation.</summary>
    DiagBroyden,

    /// <summary><c>'excitingmixing'</c>: tuned diagonal mixing (as in the EXCITING code).</summary>
    ExcitingMixing,

    /// <summary><c>'krylov'</c>: inexact Newton with LGMRES inner solves on Jacobian-vector products (Knoll and Keyes 2004; Baker, Jessup, Manteuffel 2005).</summary>
    Krylov,

    /// <summary><c>'df-sane'</c>: derivative-free spectral residual method (La Cruz, Martínez, Raydan 2006).</summary>
    DfSane,
}
