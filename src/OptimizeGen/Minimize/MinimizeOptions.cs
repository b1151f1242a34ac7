namespace OptimizeGen;

/// <summary>What a solver reports after each iteration, to a callback or an <see cref="IProgress{T}"/>.</summary>
/// <param name="Iteration">The iteration just completed (1-based).</param>
/// <param name="X">The current iterate. Valid only during the call; copy it to keep it.</param>
/// <param name="Fun">f at <paramref name="X"/>.</param>
/// <param name="Nfev">Evaluations of f so far.</param>
public readonly record struct OptimizeIteration(int Iteration, ReadOnlyMemory<double> X, double Fun, int Nfev);

/// <summary>
/// Options for <c>Optimize.Minimize</c>,
/// under scipy's names. A null entry means the chosen method's own default (the one scipy uses).
/// </summary>
public record MinimizeOptions
{
    /// <summary><c>maxiter</c>: the iteration limit.</summary>
    public int? MaxIter { get; init; }

    /// <summary><c>gtol</c>: stop when the gradient's <c>norm</c> is ≤ gtol (BFGS, CG; L-BFGS-B uses the projected gradient's ∞-norm).</summary>
    public double? Gtol { get; init; }

    /// <summary><c>tol</c>: scipy's generic tolerance, mapped to the method's main tolerance when that is not set.</summary>
    public double? Tol { get; init; }

    /// <summary>Called after each iteration; returning <c>true</c> stops the solve with <see cref="OptimizeStatus.StoppedByCallback"/>.</summary>
    public Func<OptimizeIteration, bool>? Callback { get; init; }

    /// <summary>Receives an <see cref="OptimizeIteration"/> after each iteration.</summary>
    public IProgress<OptimizeIteration>? Progress { get; init; }

    /// <summary>Stops the solve with <see cref="OptimizeStatus.Cancelled"/>; the result holds the best point so far.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>A wall-time limit; the solve stops with <see cref="OptimizeStatus.TimeLimitReached"/>.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>
    /// scipy's <c>jac='2-point'</c> / <c>'3-point'</c>: the finite-difference scheme used for the gradient when the
    /// objective gives none (it does not implement <see cref="IGradientObjective"/>). Default: 2-point.
    /// </summary>
    public FiniteDifferenceScheme FiniteDifference { get; init; } = FiniteDifferenceScheme.TwoPoint;

    /// <summary>
    /// <c>finite_diff_rel_step</c>: the relative step r of the finite differences, hᵢ = r · sign(xᵢ) · max(1, |xᵢ|).
    /// Null means scipy's default, √ε for 2-point and ∛ε for 3-point.
    /// </summary>
    public double? FiniteDifferenceRelativeStep { get; init; }

    /// <summary>Checks the options shared by every method; throws naming the option.</summary>
    internal virtual void Validate()
    {
        if (MaxIter is int maxIter)
        {
            Guard.Positive(maxIter, nameof(MaxIter));
        }

        if (Gtol is double gtol)
        {
            Guard.NonNegative(gtol, nameof(Gtol));
        }

        if (Tol is double tol)
        {
            Guard.NonNegative(tol, nameof(Tol));
        }

        if (FiniteDifferenceRelativeStep is double step && !(step > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(FiniteDifferenceRelativeStep), step, "The relative step must be > 0.");
        }

        if (TimeLimit is TimeSpan limit && limit < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeLimit), limit, "The time limit must be ≥ 0.");
        }
    }
}
