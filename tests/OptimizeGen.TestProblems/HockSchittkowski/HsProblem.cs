namespace OptimizeGen.TestProblems.HockSchittkowski;

/// <summary>A plain-method function with its hand-written gradient (until the generator writes them).</summary>
public readonly record struct HsFunction(ObjectiveFunction Value, GradientFunction Gradient);

/// <summary>
/// One problem of W. Hock, K. Schittkowski, <i>Test Examples for Nonlinear Programming Codes</i>, Lecture Notes in
/// Economics and Mathematical Systems 187, Springer, 1981: minimize f(x) subject to equalities cᵢ(x) = 0,
/// inequalities cⱼ(x) ≥ 0 and bounds, from the book's start x0, with the book's optimum f* (and x* where unique).
/// </summary>
public sealed class HsProblem
{
    public required string Name { get; init; }

    public required double[] X0 { get; init; }

    /// <summary>The published optimal value f(x*).</summary>
    public required double FStar { get; init; }

    /// <summary>The published solution, or null where the book gives several (HS9).</summary>
    public double[]? XStar { get; init; }

    public required HsFunction Objective { get; init; }

    public HsFunction[] Equalities { get; init; } = [];

    public HsFunction[] Inequalities { get; init; } = [];

    public double[]? Lower { get; init; }

    public double[]? Upper { get; init; }

    public int N => X0.Length;

    /// <summary>The bounds, or null when the problem has none.</summary>
    public Bounds? Bounds => Lower is null ? null : new Bounds(Lower, Upper!);

    /// <summary>The objective with its exact gradient, counting calls.</summary>
    public CountingObjective CreateObjective() => new(this);

    /// <summary>The constraints with their exact gradients, equalities first.</summary>
    public ConstraintBase[] CreateConstraints()
    {
        var list = new List<ConstraintBase>();
        foreach (var e in Equalities)
        {
            list.Add(NonlinearConstraint.Equality(e.Value, e.Gradient));
        }

        foreach (var i in Inequalities)
        {
            list.Add(NonlinearConstraint.Inequality(i.Value, i.Gradient));
        }

        return [.. list];
    }

    /// <summary>The constraints as values only (finite differences for their Jacobians).</summary>
    public ConstraintBase[] CreateConstraintsWithoutGradients()
    {
        var list = new List<ConstraintBase>();
        foreach (var e in Equalities)
        {
            list.Add(NonlinearConstraint.Equality(e.Value));
        }

        foreach (var i in Inequalities)
        {
            list.Add(NonlinearConstraint.Inequality(i.Value));
        }

        return [.. list];
    }

    public override string ToString() => Name;

    /// <summary>f and ∇f of a problem, counting calls.</summary>
    public sealed class CountingObjective(HsProblem problem) : IGradientObjective
    {
        public int Calls { get; private set; }

        public int Dimension => problem.N;

        public double Value(ReadOnlySpan<double> x)
        {
            Calls++;
            return problem.Objective.Value(x);
        }

        public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
        {
            Calls++;
            problem.Objective.Gradient(x, gradient);
            return problem.Objective.Value(x);
        }
    }
}
