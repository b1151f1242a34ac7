namespace OptimizeGen;

/// <summary>The line searches of scipy's nonlinear solvers (<c>line_search</c> option of broyden1 … krylov).</summary>
public enum RootLineSearch
{
    /// <summary><c>'armijo'</c> (scipy's default): backtracking with quadratic/cubic interpolation on φ(s) = ‖F(x + s·dx)‖².</summary>
    Armijo,

    /// <summary><c>None</c>: take the full step.</summary>
    None,
}

/// <summary>The non-monotone line searches of df-sane (<c>line_search</c>).</summary>
public enum DfSaneLineSearch
{
    /// <summary><c>'cruz'</c> (default): La Cruz, Martínez, Raydan (2006), the maximum of the last M merit values.</summary>
    Cruz,

    /// <summary><c>'cheng'</c>: Cheng and Li (2009), a weighted average of the past merit values.</summary>
    Cheng,
}

/// <summary>How a low-rank Broyden approximation is kept within <see cref="RootJacobianOptions.MaxRank"/> (<c>reduction_method</c>).</summary>
public enum BroydenReduction
{
    /// <summary><c>'restart'</c> (default): drop every update and start again from −α·I.</summary>
    Restart,

    /// <summary><c>'simple'</c>: drop the oldest update.</summary>
    Simple,
}

/// <summary>scipy's <c>jac_options</c> for the nonlinear solvers broyden1 … krylov. Null means scipy's default.</summary>
public sealed record RootJacobianOptions
{
    /// <summary><c>alpha</c>: the initial Jacobian approximation is (−1/α)·I. Default 0.5·max(‖x₀‖, 1)/‖F(x₀)‖ (scipy's rule).</summary>
    public double? Alpha { get; init; }

    /// <summary><c>reduction_method</c> for broyden1/broyden2.</summary>
    public BroydenReduction ReductionMethod { get; init; } = BroydenReduction.Restart;

    /// <summary><c>max_rank</c> for broyden1/broyden2: the most rank-one updates kept (default unbounded).</summary>
    public int? MaxRank { get; init; }

    /// <summary><c>M</c> for anderson: the number of previous vectors kept (default 5).</summary>
    public int M { get; init; } = 5;

    /// <summary><c>w0</c> for anderson: the regularization, the Gram matrix's diagonal is scaled by (1 + w0²) (default 0.01).</summary>
    public double W0 { get; init; } = 0.01;

    /// <summary><c>alphamax</c> for excitingmixing: each diagonal entry of the mixing stays in [α, alphamax] (default 1).</summary>
    public double Alphamax { get; init; } = 1.0;

    /// <summary><c>rdiff</c> for krylov: the relative step of finite-difference Jacobian-vector products, J·v ≈ (F(x + ω·v/‖v‖) − F(x))·‖v‖/ω
    /// with ω = rdiff·max(1, ‖x‖∞)/max(1, ‖F‖∞). Default √ε.</summary>
    public double? Rdiff { get; init; }

    /// <summary><c>inner_maxiter</c> for krylov: the most inner (Arnoldi) iterations of the LGMRES cycle per Newton step, besides
    /// the augmentation vectors (default 20).</summary>
    public int InnerMaxiter { get; init; } = 20;

    /// <summary><c>outer_k</c> for krylov: the number of LGMRES augmentation vectors (previous Newton steps' corrections) carried
    /// from one Newton step to the next (default 10).</summary>
    public int OuterK { get; init; } = 10;
}

/// <summary>
/// Options for <c>Optimize.Root</c>, under scipy's names (scipy.optimize.root's <c>options</c> dict). A null entry means the chosen
/// method's own scipy default, given per method below.
/// </summary>
public sealed record RootOptions
{
    /// <summary>
    /// <c>tol</c>, scipy.optimize.root's generic tolerance, filling the method's own option when that is not set: <see cref="Xtol"/>
    /// for hybr and lm; <see cref="Ftol"/> for df-sane; for broyden1 … krylov <see cref="Xtol"/> (the relative step test
    /// ‖dx‖∞ ≤ tol·‖x‖∞) with the residual tests <see cref="Fatol"/>, <see cref="Ftol"/> and <see cref="Xatol"/> switched off (∞).
    /// </summary>
    public double? Tol { get; init; }

    /// <summary>
    /// <c>xtol</c>. hybr and lm: stop when the trust radius Δ ≤ xtol·‖D·x‖₂ (the relative error between two consecutive iterates is
    /// at most xtol); default 1.49012e-8. broyden1 … krylov: scipy's <c>x_rtol</c>, require ‖dx‖∞ ≤ xtol·‖x‖∞; default ∞ (unused).
    /// </summary>
    public double? Xtol { get; init; }

    /// <summary>
    /// <c>ftol</c>. lm: stop when both the actual and predicted relative reductions of ‖F‖² are ≤ ftol; default 1.49012e-8.
    /// broyden1 … krylov: scipy's <c>f_rtol</c>, require ‖F‖∞ ≤ ftol·‖F(x₀)‖∞; default ∞ (unused).
    /// df-sane: stop when ‖F‖₂ &lt; ftol·‖F(x₀)‖₂ + fatol; default 1e-8.
    /// </summary>
    public double? Ftol { get; init; }

    /// <summary>
    /// <c>fatol</c>. broyden1 … krylov: scipy's <c>f_tol</c>, require ‖F‖∞ ≤ fatol; default ε^(1/3) ≈ 6.06e-6.
    /// df-sane: the absolute part of its test; default 1e-300.
    /// </summary>
    public double? Fatol { get; init; }

    /// <summary><c>xatol</c>. broyden1 … krylov: scipy's <c>x_tol</c>, require ‖dx‖∞ ≤ xatol; default ∞ (unused).</summary>
    public double? Xatol { get; init; }

    /// <summary><c>gtol</c> for lm: stop when the cosine of the angle between F and any column of J is ≤ gtol (a stationary point); default 0.</summary>
    public double? Gtol { get; init; }

    /// <summary><c>maxfev</c>. hybr: default 100·(n+1) with a Jacobian, 200·(n+1) without; lm: the same; df-sane: default 1000.</summary>
    public int? Maxfev { get; init; }

    /// <summary><c>maxiter</c> for broyden1 … krylov; default 100·(n+1) (scipy's nonlin default).</summary>
    public int? MaxIter { get; init; }

    /// <summary><c>nit</c> for broyden1 … krylov: a fixed number of iterations; when it is set, success means only that the iterations ran without failure.</summary>
    public int? Nit { get; init; }

    /// <summary><c>factor</c> for hybr and lm: the initial trust radius is factor·‖D·x₀‖₂ (or factor when that is 0); in [0.1, 100]; default 100.</summary>
    public double Factor { get; init; } = 100;

    /// <summary><c>diag</c> for hybr and lm: positive scale factors D for the variables; default null, automatic scaling by the Jacobian's column norms (MINPACK mode 1).</summary>
    public double[]? Diag { get; init; }

    /// <summary><c>band</c> for hybr without a Jacobian: (ml, mu), the sub- and superdiagonals within which the Jacobian's nonzeros lie;
    /// the finite-difference Jacobian then costs ml + mu + 1 evaluations instead of n. Default null (dense).</summary>
    public (int Lower, int Upper)? Band { get; init; }

    /// <summary>
    /// The Jacobian's sparsity pattern, for hybr and lm without a Jacobian (as least_squares' <c>jac_sparsity</c>; e.g. a generated
    /// <c>C.SJacobianSparsity(n)</c>): the forward-difference Jacobian then perturbs each group of structurally orthogonal columns
    /// together (Curtis, Powell, Reid 1974, <see cref="JacobianSparsity.ColumnGroups"/>) — one evaluation per group instead of one
    /// per column — and keeps the entries outside the pattern zero. Its shape must be m×n. Takes precedence over <see cref="Band"/>.
    /// Default null (dense).
    /// </summary>
    public JacobianSparsity? JacSparsity { get; init; }

    /// <summary><c>eps</c>/<c>epsfcn</c> for hybr and lm without a Jacobian: the forward-difference step is h = √max(epsfcn, ε)·|xⱼ| (√… when xⱼ = 0); default ε.</summary>
    public double? Epsfcn { get; init; }

    /// <summary><c>line_search</c> for broyden1 … krylov; default <see cref="RootLineSearch.Armijo"/>.</summary>
    public RootLineSearch LineSearch { get; init; } = RootLineSearch.Armijo;

    /// <summary><c>jac_options</c> for broyden1 … krylov.</summary>
    public RootJacobianOptions? JacOptions { get; init; }

    /// <summary><c>M</c> for df-sane: the number of past merit values the non-monotone line search looks at; default 10.</summary>
    public int DfSaneM { get; init; } = 10;

    /// <summary><c>sigma_eps</c> for df-sane: the spectral coefficient is kept in [sigma_eps, 1/sigma_eps]; default 1e-10.</summary>
    public double SigmaEps { get; init; } = 1e-10;

    /// <summary><c>sigma_0</c> for df-sane: the initial spectral coefficient; default 1.</summary>
    public double Sigma0 { get; init; } = 1.0;

    /// <summary><c>line_search</c> for df-sane; default <see cref="DfSaneLineSearch.Cruz"/>.</summary>
    public DfSaneLineSearch DfSaneLineSearch { get; init; } = DfSaneLineSearch.Cruz;

    /// <summary>Called after each iteration with ‖F‖₂ as <c>Fun</c>; returning true stops the solve with <see cref="RootStatus.StoppedByCallback"/>.</summary>
    public Func<OptimizeIteration, bool>? Callback { get; init; }

    /// <summary>Receives an <see cref="OptimizeIteration"/> (‖F‖₂ as <c>Fun</c>) after each iteration.</summary>
    public IProgress<OptimizeIteration>? Progress { get; init; }

    /// <summary>Stops the solve after the current iteration with <see cref="RootStatus.Cancelled"/>; the result holds the last iterate.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>A wall-time limit, checked after each iteration; the solve stops with <see cref="RootStatus.TimeLimitReached"/>.</summary>
    public TimeSpan? TimeLimit { get; init; }
}
