namespace OptimizeGen;

/// <summary>
/// Options of <c>Optimize.Linprog</c>, under scipy's names (<c>linprog(options={...})</c>) and with scipy's defaults.
/// A null entry means the method's own default.
/// </summary>
public record LinprogOptions
{
    /// <summary><c>maxiter</c>: the limit on simplex (or interior point) iterations. Default: no limit other than the method's own.</summary>
    public int? MaxIter { get; init; }

    /// <summary><c>time_limit</c>: the wall-time limit; the solve stops with <see cref="LinprogStatus.TimeLimit"/>.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary><c>disp</c>: print the solver's log to the console.</summary>
    public bool Disp { get; init; }

    /// <summary><c>presolve</c>: simplify the problem before solving (default true).</summary>
    public bool Presolve { get; init; } = true;

    /// <summary>
    /// <c>primal_feasibility_tolerance</c> (default 1e-7): a point x is primal feasible when every bound and row
    /// satisfies lᵢ − tol ≤ vᵢ ≤ uᵢ + tol (in the scaled problem for the simplex; the final check on the original
    /// problem uses tol·max(1, |bound|)).
    /// </summary>
    public double PrimalFeasibilityTolerance { get; init; } = 1e-7;

    /// <summary>
    /// <c>dual_feasibility_tolerance</c> (default 1e-7): the reduced costs dⱼ are dual feasible when dⱼ ≥ −tol at a
    /// lower bound, dⱼ ≤ tol at an upper bound and |dⱼ| ≤ tol for a free or basic variable.
    /// </summary>
    public double DualFeasibilityTolerance { get; init; } = 1e-7;

    /// <summary><c>ipm_optimality_tolerance</c> (default 1e-8, HiGHS IPM only): the relative duality gap |pᵀx − dᵀy| / (1 + |pᵀx|) at which the interior point stops.</summary>
    public double IpmOptimalityTolerance { get; init; } = 1e-8;

    /// <summary>Stops the solve with <see cref="LinprogStatus.Cancelled"/> (checked between iterations of the managed simplex).</summary>
    public CancellationToken CancellationToken { get; init; }

    internal virtual void Validate()
    {
        if (MaxIter is int maxIter)
        {
            Guard.Positive(maxIter, nameof(MaxIter));
        }

        if (TimeLimit is TimeSpan limit && limit < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeLimit), limit, "The time limit must be ≥ 0.");
        }

        if (!(PrimalFeasibilityTolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(PrimalFeasibilityTolerance), PrimalFeasibilityTolerance, "The tolerance must be > 0.");
        }

        if (!(DualFeasibilityTolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(DualFeasibilityTolerance), DualFeasibilityTolerance, "The tolerance must be > 0.");
        }

        if (!(IpmOptimalityTolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(IpmOptimalityTolerance), IpmOptimalityTolerance, "The tolerance must be > 0.");
        }
    }
}

/// <summary>Options of <c>Optimize.Milp</c>, under scipy's names (<c>milp(options={...})</c>).</summary>
public record MilpOptions
{
    /// <summary><c>time_limit</c>: the wall-time limit.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary><c>node_limit</c>: the limit on branch-and-bound nodes.</summary>
    public int? NodeLimit { get; init; }

    /// <summary><c>disp</c>: print the solver's log.</summary>
    public bool Disp { get; init; }

    /// <summary><c>presolve</c> (default true).</summary>
    public bool Presolve { get; init; } = true;

    /// <summary><c>mip_rel_gap</c>: stop when |primal bound − dual bound| / |primal bound| ≤ gap. Null: HiGHS's default (1e-4).</summary>
    public double? MipRelGap { get; init; }

    internal void Validate()
    {
        if (TimeLimit is TimeSpan limit && limit < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeLimit), limit, "The time limit must be ≥ 0.");
        }

        if (NodeLimit is int nodes)
        {
            Guard.Positive(nodes, nameof(NodeLimit));
        }

        if (MipRelGap is double gap)
        {
            Guard.NonNegative(gap, nameof(MipRelGap));
        }
    }
}
