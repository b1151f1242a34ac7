namespace OptimizeGen;

/// <summary>Options of <see cref="MinimizeMethod.TrustConstr"/> (scipy's <c>_minimize_trustregion_constr</c>), with scipy's defaults.</summary>
/// <remarks>
/// <c>gtol</c> (<see cref="MinimizeOptions.Gtol"/>, default 1e-8) ends the solve when ‖∇f + Jᵀv‖∞ &lt; gtol and the largest
/// constraint violation &lt; gtol; <c>maxiter</c> defaults to 1000; <c>tol</c> sets gtol, xtol and barrier_tol when they
/// are not given.
/// </remarks>
public sealed record TrustConstrOptions : MinimizeOptions
{
    /// <summary><c>xtol</c>: stop when the trust radius Δ &lt; xtol (and, with inequalities, the barrier parameter μ &lt;
    /// barrier_tol); a success only when the violation &lt; gtol and ‖∇ₓL‖∞ ≤ √gtol. Default 1e-8.</summary>
    public double? Xtol { get; init; }

    /// <summary><c>barrier_tol</c>: the barrier parameter μ must fall below it for the xtol test. Default 1e-8.</summary>
    public double? BarrierTol { get; init; }

    /// <summary><c>initial_tr_radius</c>: Δ₀. Default 1.</summary>
    public double InitialTrRadius { get; init; } = 1.0;

    /// <summary><c>initial_constr_penalty</c>: ρ₀ of the merit function f + ρ‖c‖₂. Default 1.</summary>
    public double InitialConstrPenalty { get; init; } = 1.0;

    /// <summary><c>initial_barrier_parameter</c>: μ₀ of the barrier f − μ Σ ln sᵢ; μ shrinks by 0.2 per subproblem. Default 0.1.</summary>
    public double InitialBarrierParameter { get; init; } = 0.1;

    /// <summary><c>initial_barrier_tolerance</c>: the first barrier subproblem stops when its optimality and violation are
    /// below it; it shrinks with μ. Default 0.1.</summary>
    public double InitialBarrierTolerance { get; init; } = 0.1;

    internal override void Validate()
    {
        base.Validate();
        if (Xtol is double xtol)
        {
            Guard.NonNegative(xtol, nameof(Xtol));
        }

        if (BarrierTol is double barrierTol)
        {
            Guard.NonNegative(barrierTol, nameof(BarrierTol));
        }

        Positive(InitialTrRadius, nameof(InitialTrRadius));
        Positive(InitialConstrPenalty, nameof(InitialConstrPenalty));
        Positive(InitialBarrierParameter, nameof(InitialBarrierParameter));
        Positive(InitialBarrierTolerance, nameof(InitialBarrierTolerance));
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and > 0.");
        }
    }
}
