namespace OptimizeGen;

/// <summary>Options of <see cref="MinimizeMethod.Slsqp"/> (scipy's <c>_minimize_slsqp</c>), with scipy's defaults.</summary>
/// <remarks>
/// <c>maxiter</c> defaults to 100. Gradients that the objective or a constraint does not give are approximated with
/// <see cref="MinimizeOptions.FiniteDifference"/>.
/// </remarks>
public sealed record SlsqpOptions : MinimizeOptions
{
    /// <summary>
    /// <c>ftol</c> (Kraft's <c>acc</c>): stop when, after the QP, |∇fᵀd| + Σ|λⱼ cⱼ| &lt; ftol and Σ violations &lt; ftol, or
    /// when, after a step s, (|fₖ₊₁ − fₖ| &lt; ftol or ‖s‖₂ &lt; ftol) and Σ violations &lt; ftol. Default 1e-6
    /// (<c>tol</c> sets it when this is null).
    /// </summary>
    public double? Ftol { get; init; }

    internal override void Validate()
    {
        base.Validate();
        if (Ftol is double ftol)
        {
            Guard.NonNegative(ftol, nameof(Ftol));
        }
    }
}
