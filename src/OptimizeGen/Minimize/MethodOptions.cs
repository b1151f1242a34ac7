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

/// <summary>Options of <see cref="MinimizeMethod.CG"/> (scipy's <c>_minimize_cg</c>), with scipy's defaults.</summary>
/// <remarks>Stops when ‖∇f‖_norm ≤ gtol (default 1e-5); maxiter defaults to 200·n.</remarks>
public sealed record CGOptions : MinimizeOptions
{
    /// <summary><c>norm</c>: the order of the gradient norm in the convergence test (default ∞).</summary>
    public double Norm { get; init; } = double.PositiveInfinity;

    /// <summary><c>c1</c>: sufficient decrease, f(x+αp) ≤ f(x) + c1·α·∇fᵀp. Default 1e-4.</summary>
    public double C1 { get; init; } = 1e-4;

    /// <summary><c>c2</c>: curvature, |∇f(x+αp)ᵀp| ≤ c2·|∇fᵀp|. Default 0.4.</summary>
    public double C2 { get; init; } = 0.4;

    internal override void Validate()
    {
        base.Validate();
        if (!(0 < C1 && C1 < C2 && C2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(C1), C1, $"The Wolfe constants must satisfy 0 < c1 < c2 < 1 (c1 = {C1}, c2 = {C2}).");
        }
    }
}

/// <summary>Options of <see cref="MinimizeMethod.NewtonCG"/> (scipy's <c>_minimize_newtoncg</c>).</summary>
public sealed record NewtonCGOptions : MinimizeOptions
{
    /// <summary>
    /// <c>xtol</c>: average relative error in the solution; the step test is Σ|Δxᵢ| ≤ n·xtol. Default 1e-5. Unlike scipy,
    /// a tiny step alone is not success: the gradient test ‖∇f‖∞ ≤ gtol (default 1e-5) must pass too.
    /// </summary>
    public double Xtol { get; init; } = 1e-5;

    /// <summary><c>c1</c>, <c>c2</c>: the Wolfe constants of the line search (defaults 1e-4, 0.9).</summary>
    public double C1 { get; init; } = 1e-4;

    /// <summary><c>c2</c>: the curvature constant of the line search (default 0.9).</summary>
    public double C2 { get; init; } = 0.9;

    internal override void Validate()
    {
        base.Validate();
        Guard.NonNegative(Xtol, nameof(Xtol));
    }
}

/// <summary>
/// Options of the trust-region methods <see cref="MinimizeMethod.TrustNcg"/>, <see cref="MinimizeMethod.TrustKrylov"/>,
/// <see cref="MinimizeMethod.TrustExact"/> and <see cref="MinimizeMethod.Dogleg"/> (scipy's <c>_minimize_trust_region</c>).
/// </summary>
/// <remarks>Stops when ‖∇f‖₂ &lt; gtol (default 1e-4); maxiter defaults to 200·n.</remarks>
public sealed record TrustRegionOptions : MinimizeOptions
{
    /// <summary><c>initial_trust_radius</c>: Δ₀. Default 1.</summary>
    public double InitialTrustRadius { get; init; } = 1.0;

    /// <summary><c>max_trust_radius</c>: Δ never exceeds it. Default 1000.</summary>
    public double MaxTrustRadius { get; init; } = 1000.0;

    /// <summary><c>eta</c>: a step is accepted when ρ = actual/predicted reduction &gt; eta. Default 0.15.</summary>
    public double Eta { get; init; } = 0.15;

    internal override void Validate()
    {
        base.Validate();
        if (!(InitialTrustRadius > 0) || !(MaxTrustRadius >= InitialTrustRadius))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialTrustRadius), InitialTrustRadius, "Need 0 < initial_trust_radius ≤ max_trust_radius.");
        }

        if (!(Eta >= 0 && Eta < 0.25))
        {
            throw new ArgumentOutOfRangeException(nameof(Eta), Eta, "eta must lie in [0, 0.25).");
        }
    }
}

/// <summary>Options of <see cref="MinimizeMethod.NelderMead"/> (scipy's <c>_minimize_neldermead</c>), with scipy's defaults.</summary>
/// <remarks>
/// Stops when max |xᵢ − x₀| over the simplex ≤ xatol and max |f(xᵢ) − f(x₀)| ≤ fatol (both). maxiter and maxfev default
/// to 200·n each when neither is given, and the other to unlimited when one is given (as scipy).
/// </remarks>
public sealed record NelderMeadOptions : MinimizeOptions
{
    /// <summary><c>xatol</c>: absolute error in x between the simplex's best vertex and the others. Default 1e-4.</summary>
    public double Xatol { get; init; } = 1e-4;

    /// <summary><c>fatol</c>: absolute error in f between the best vertex and the others. Default 1e-4.</summary>
    public double Fatol { get; init; } = 1e-4;

    /// <summary><c>maxfev</c>: the limit on evaluations of f.</summary>
    public int? MaxFev { get; init; }

    /// <summary><c>adaptive</c>: the dimension-dependent coefficients of Gao and Han (2012), for large n.</summary>
    public bool Adaptive { get; init; }

    /// <summary><c>initial_simplex</c>: (n + 1) × n vertices, one per row; overrides x0.</summary>
    public double[,]? InitialSimplex { get; init; }

    internal override void Validate()
    {
        base.Validate();
        Guard.NonNegative(Xatol, nameof(Xatol));
        Guard.NonNegative(Fatol, nameof(Fatol));
        if (MaxFev is int maxFev)
        {
            Guard.Positive(maxFev, nameof(MaxFev));
        }
    }
}

/// <summary>Options of <see cref="MinimizeMethod.Powell"/> (scipy's <c>_minimize_powell</c>), with scipy's defaults.</summary>
/// <remarks>
/// Stops when 2(f_start − f_end) ≤ ftol·(|f_start| + |f_end|) + 1e-20 over one sweep of the directions; the line
/// minimizations use Brent's method to a relative x tolerance of 100·xtol. maxiter and maxfev default to 1000·n each
/// when neither is given.
/// </remarks>
public sealed record PowellOptions : MinimizeOptions
{
    /// <summary><c>xtol</c>: relative tolerance of the line searches (Brent's tol = 100·xtol). Default 1e-4.</summary>
    public double Xtol { get; init; } = 1e-4;

    /// <summary><c>ftol</c>: relative decrease of f over one sweep below which the method stops. Default 1e-4.</summary>
    public double Ftol { get; init; } = 1e-4;

    /// <summary><c>maxfev</c>: the limit on evaluations of f.</summary>
    public int? MaxFev { get; init; }

    /// <summary><c>direc</c>: the initial direction set, one direction per row (n × n); default the unit vectors.</summary>
    public double[,]? Direc { get; init; }

    internal override void Validate()
    {
        base.Validate();
        Guard.NonNegative(Xtol, nameof(Xtol));
        Guard.NonNegative(Ftol, nameof(Ftol));
        if (MaxFev is int maxFev)
        {
            Guard.Positive(maxFev, nameof(MaxFev));
        }
    }
}

/// <summary>Options of <see cref="MinimizeMethod.Tnc"/>.</summary>
/// <remarks>
/// Stops when ‖P(x − ∇f) − x‖∞ ≤ gtol (default 1e-5), or when an iteration changes f by at most ftol·max(1, |f|)
/// (ftol default 0: off) or x by at most xtol·max(1, ‖x‖∞) (xtol default 0: off). maxfun defaults to max(100, 10·n)
/// evaluations of f and ∇f together (scipy's TNC default); maxiter to unlimited.
/// </remarks>
public sealed record TncOptions : MinimizeOptions
{
    /// <summary><c>maxfun</c>: the limit on evaluations of f with its gradient. Default max(100, 10·n).</summary>
    public int? MaxFun { get; init; }

    /// <summary><c>ftol</c>: relative change of f regarded as convergence. Default 0 (off).</summary>
    public double Ftol { get; init; }

    /// <summary><c>xtol</c>: relative change of x regarded as convergence. Default 0 (off).</summary>
    public double Xtol { get; init; }

    /// <summary><c>maxCGit</c>: Hessian-vector products per inner solve; default min(50, n) (scipy: max(1, min(50, n/2)), which relies on a preconditioner this version does not have).</summary>
    public int? MaxCGit { get; init; }

    internal override void Validate()
    {
        base.Validate();
        Guard.NonNegative(Ftol, nameof(Ftol));
        Guard.NonNegative(Xtol, nameof(Xtol));
        if (MaxFun is int maxFun)
        {
            Guard.Positive(maxFun, nameof(MaxFun));
        }

        if (MaxCGit is int maxCg)
        {
            Guard.Positive(maxCg, nameof(MaxCGit));
        }
    }
}
