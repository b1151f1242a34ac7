namespace OptimizeGen;

public static partial class Optimize
{
    /// <summary>
    /// Minimizes f(x) subject to constraints lb ≤ g(x) ≤ ub and bounds (scipy's <c>minimize</c> with
    /// <c>constraints=</c>). Gradients and constraint Jacobians come from the objects when they give them (generated
    /// code does: <see cref="IGradientObjective"/>, <see cref="IJacobianFunction"/>), from finite differences otherwise.
    /// </summary>
    /// <param name="objective">f; its <see cref="IObjective.Dimension"/> must match x0 unless it is −1.</param>
    /// <param name="x0">The starting point; finite, not empty. Moved into the bounds when outside them.</param>
    /// <param name="constraints">The constraints (<see cref="LinearConstraint"/>, <see cref="NonlinearConstraint"/>); may be empty.</param>
    /// <param name="method">Null chooses as scipy does: SLSQP when constraints are given, otherwise L-BFGS-B with
    /// bounds and BFGS without. A method other than SLSQP, trust-constr and COBYLA refuses constraints.</param>
    /// <param name="bounds">Bounds on x.</param>
    /// <param name="options">Options under scipy's names; <see cref="SlsqpOptions"/>, <see cref="TrustConstrOptions"/>
    /// or <see cref="CobylaOptions"/> for the method's own.</param>
    /// <returns>The result, with <see cref="OptimizeResult.ConstraintViolation"/> (the largest violation of a constraint
    /// row or bound) and <see cref="OptimizeResult.Multipliers"/> (one per constraint row in the order given, such that
    /// ∇f = Σ μᵣ ∇gᵣ at a solution, bounds' multipliers left out) where the method has them.</returns>
    /// <exception cref="ArgumentNullException">objective, constraints or one of its entries is null.</exception>
    /// <exception cref="ArgumentException">x0 empty, not finite or of the wrong length; a constraint or the bounds of
    /// another dimension; constraints given to a method that cannot take them; options of another method.</exception>
    public static OptimizeResult Minimize(
        IObjective objective,
        ReadOnlySpan<double> x0,
        IReadOnlyList<ConstraintBase> constraints,
        MinimizeMethod? method = null,
        Bounds? bounds = null,
        MinimizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(constraints);
        Guard.NotEmpty(x0, nameof(x0));
        Guard.Finite(x0, nameof(x0));
        if (objective.Dimension >= 0 && objective.Dimension != x0.Length)
        {
            throw new ArgumentException($"x0 has length {x0.Length} but the objective has {objective.Dimension} variables.", nameof(x0));
        }

        for (int k = 0; k < constraints.Count; k++)
        {
            if (constraints[k] is null)
            {
                throw new ArgumentNullException(nameof(constraints), $"constraints[{k}] is null.");
            }

            constraints[k].CheckDimension(x0.Length, nameof(constraints));
        }

        bool constrainedMethod = method is MinimizeMethod.Slsqp or MinimizeMethod.TrustConstr or MinimizeMethod.Cobyla;
        if (constraints.Count == 0 && !constrainedMethod)
        {
            return Minimize(objective, x0, method, bounds, options);
        }

        MinimizeMethod chosen = method ?? MinimizeMethod.Slsqp;
        RefuseRouteNames(chosen);
        if (chosen is not (MinimizeMethod.Slsqp or MinimizeMethod.TrustConstr or MinimizeMethod.Cobyla))
        {
            throw new ArgumentException(
                $"Method {chosen} cannot handle constraints (scipy warns and ignores them; we refuse rather than return a point that violates them). Use SLSQP, TrustConstr or COBYLA.",
                nameof(constraints));
        }

        options ??= new MinimizeOptions();
        Type? expected = chosen switch
        {
            MinimizeMethod.Slsqp => typeof(SlsqpOptions),
            MinimizeMethod.TrustConstr => typeof(TrustConstrOptions),
            _ => typeof(CobylaOptions),
        };
        if (options.GetType() != typeof(MinimizeOptions) && options.GetType() != expected)
        {
            throw new ArgumentException($"options is a {options.GetType().Name}, which method {chosen} does not read; use {expected.Name} or MinimizeOptions.", nameof(options));
        }

        options.Validate();
        double[] start = x0.ToArray();
        if (bounds is not null)
        {
            bounds.Resolve(start.Length, nameof(bounds));
            bounds.Project(start);
        }

        var context = new MinimizeContext(objective, start.Length, chosen, options, bounds);
        return DispatchConstrained(context, start, constraints);
    }

    /// <summary>
    /// Minimizes a plain delegate f subject to constraints, with its gradient when given and scipy's finite
    /// differences otherwise.
    /// </summary>
    public static OptimizeResult Minimize(
        ObjectiveFunction objective,
        ReadOnlySpan<double> x0,
        IReadOnlyList<ConstraintBase> constraints,
        GradientFunction? gradient = null,
        MinimizeMethod? method = null,
        Bounds? bounds = null,
        MinimizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        IObjective wrapped = gradient is null
            ? new DelegateObjective(objective, x0.Length)
            : new DelegateGradientObjective(objective, gradient, x0.Length);
        return Minimize(wrapped, x0, constraints, method, bounds, options);
    }

    /// <summary>The constrained methods (also reached from the unconstrained overload, with no constraints).</summary>
    private static OptimizeResult DispatchConstrained(MinimizeContext context, double[] x0, IReadOnlyList<ConstraintBase> constraints) => context.Method switch
    {
        MinimizeMethod.Slsqp => Slsqp.Minimize(context, x0, constraints),
        MinimizeMethod.TrustConstr => TrustConstr.Minimize(context, x0, constraints),
        MinimizeMethod.Cobyla => Cobyla.Minimize(context, x0, constraints),
        _ => throw new NotSupportedException($"Method {context.Method} is not available in this build."),
    };
}
