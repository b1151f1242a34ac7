namespace OptimizeGen;

/// <summary>The methods of <c>Optimize.MinimizeScalar</c>, named after scipy's <c>method=</c> strings.</summary>
public enum MinimizeScalarMethod
{
    /// <summary><c>'brent'</c>: Brent's parabolic interpolation with golden-section safeguards, in a bracket.</summary>
    Brent,

    /// <summary><c>'golden'</c>: golden-section search in a bracket.</summary>
    Golden,

    /// <summary><c>'bounded'</c>: Brent's method on a fixed interval (fminbound).</summary>
    Bounded,
}

/// <summary>Options of <c>Optimize.MinimizeScalar</c> under scipy's names; null means the method's scipy default.</summary>
public sealed record MinimizeScalarOptions
{
    /// <summary><c>xtol</c> (brent, golden): relative tolerance on x; defaults 1.48e-8 (brent) and √ε (golden).</summary>
    public double? Xtol { get; init; }

    /// <summary><c>xatol</c> (bounded): absolute tolerance on x, the interval test |x − m| ≤ 2(√ε|x| + xatol/3) − (b − a)/2. Default 1e-5.</summary>
    public double? Xatol { get; init; }

    /// <summary><c>maxiter</c>: iterations (brent 500, golden 5000) or evaluations (bounded 500).</summary>
    public int? MaxIter { get; init; }
}

/// <summary>The result of <c>Optimize.MinimizeScalar</c>. <see cref="Success"/> only when the method's own test passed.</summary>
public sealed class MinimizeScalarResult
{
    /// <summary>The minimizer found.</summary>
    public required double X { get; init; }

    /// <summary>f(<see cref="X"/>).</summary>
    public required double Fun { get; init; }

    /// <summary>True only when <see cref="Status"/> is <see cref="OptimizeStatus.Converged"/>.</summary>
    public bool Success => Status == OptimizeStatus.Converged;

    /// <summary>Why the method stopped.</summary>
    public required OptimizeStatus Status { get; init; }

    /// <summary>What happened, for a person.</summary>
    public required string Message { get; init; }

    /// <summary>The method that ran.</summary>
    public MinimizeScalarMethod Method { get; init; }

    /// <summary>Iterations.</summary>
    public int Nit { get; init; }

    /// <summary>Evaluations of f.</summary>
    public int Nfev { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{(Success ? "success" : "failure")} ({Status}): {Message}; x = {X:G10}, fun = {Fun:G10}, nit = {Nit}, nfev = {Nfev}";
}
