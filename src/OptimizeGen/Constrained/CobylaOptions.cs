namespace OptimizeGen;

/// <summary>Options of <see cref="MinimizeMethod.Cobyla"/> (scipy's <c>_minimize_cobyla</c>), with scipy's defaults.</summary>
/// <remarks>
/// <c>tol</c> (<see cref="MinimizeOptions.Tol"/>) is the final trust radius ρ_end, default 1e-4: the solve ends when ρ
/// has been halved down to ρ_end and no step of length ρ_end improves the merit f + μ·max violation.
/// <c>maxiter</c> (<see cref="MinimizeOptions.MaxIter"/>) is the limit on evaluations of f, default 1000.
/// </remarks>
public sealed record CobylaOptions : MinimizeOptions
{
    /// <summary><c>rhobeg</c>: the initial trust radius ρ (the initial simplex's edge). Default 1.</summary>
    public double Rhobeg { get; init; } = 1.0;

    /// <summary><c>catol</c>: the largest constraint violation accepted at the end, max(0, −cᵢ(x)) ≤ catol; above it the
    /// result is <see cref="OptimizeStatus.Infeasible"/>. Default 2e-4.</summary>
    public double Catol { get; init; } = 2e-4;

    internal override void Validate()
    {
        base.Validate();
        if (!(Rhobeg > 0) || double.IsInfinity(Rhobeg))
        {
            throw new ArgumentOutOfRangeException(nameof(Rhobeg), Rhobeg, "rhobeg must be finite and > 0.");
        }

        Guard.NonNegative(Catol, nameof(Catol));
        if (Tol is double tol && tol > Rhobeg)
        {
            throw new ArgumentOutOfRangeException(nameof(Tol), tol, $"tol (ρ_end = {tol}) must not exceed rhobeg = {Rhobeg}.");
        }
    }
}
