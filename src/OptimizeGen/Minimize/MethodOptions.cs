namespace OptimizeGen;

/// <summary>Options of <see cref="MinimizeMethod.LBfgsB"/> (scipy's <c>_minimize_lbfgsb</c>), with scipy's defaults.</summary>
/// <remarks>gtol (default 1e-5) enters ‖P(x − ∇f) − x‖∞ ≤ gtol; maxiter defaults to 15000; <c>tol</c> sets both ftol and gtol.</remarks>
public sealed record LBfgsBOptions : MinimizeOptions
{
    /// <summary><c>maxcor</c>: the number of correction pairs kept (m). Default 10.</summary>
    public int? MaxCor { get; init; }

    /// <summary><c>ftol</c>: stop when (fₖ − fₖ₊₁)/max(|fₖ|, |fₖ₊₁|, 1) ≤ ftol. Default 2.220446049250313e-09 (factr = 1e7).</summary>
    public double? Ftol { get; init; }

    /// <summary><c>maxfun</c>: the limit on evaluations of f. Default 15000.</summary>
    public int? MaxFun { get; init; }

    /// <summary><c>maxls</c>: the limit on line-search steps per iteration. Default 20.</summary>
    public int? MaxLs { get; init; }

    internal override void Validate()
    {
        base.Validate();
        if (MaxCor is int m)
        {
            Guard.Positive(m, nameof(MaxCor));
        }

        if (Ftol is double ftol)
        {
            Guard.NonNegative(ftol, nameof(Ftol));
        }

        if (MaxFun is int maxFun)
        {
            Guard.Positive(maxFun, nameof(MaxFun));
        }

        if (MaxLs is int maxLs)
        {
            Guard.Positive(maxLs, nameof(MaxLs));
        }
    }
}
