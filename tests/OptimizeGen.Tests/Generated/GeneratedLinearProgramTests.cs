namespace OptimizeGen.Tests.Generated;

/// <summary>scipy's linprog documentation example: min −x + 4y s.t. −3x + y ≤ 6, x + 2y ≤ 4, y ≥ −3 (x free); optimum (10, −3), −22.</summary>
internal static partial class ScipyLinprogExample
{
    [Objective]
    public static double Cost(double x, double y) => -x + 4 * y;

    [Constraint]
    public static bool First(double x, double y) => -3 * x + y <= 6;

    [Constraint]
    public static bool Second(double x, double y) => x + 2 * y <= 4;

    [Constraint]
    public static bool YAtLeast(double x, double y) => y >= -3;
}

/// <summary>
/// Hillier &amp; Lieberman's Wyndor Glass problem (Introduction to Operations Research, §3.1): max 3x₁ + 5x₂ s.t.
/// x₁ ≤ 4, 2x₂ ≤ 12, 3x₁ + 2x₂ ≤ 18, x ≥ 0; optimum (2, 6), profit 36. Written over a span with data and a loop.
/// </summary>
internal static partial class WyndorGlass
{
    private static readonly double[] Profit = [3, 5];

    private static readonly double[] Plant3Hours = [3, 2];

    [Objective]
    public static double Loss(ReadOnlySpan<double> x)
    {
        double profit = 0;
        for (int j = 0; j < x.Length; j++)
        {
            profit += Profit[j] * x[j];
        }

        return -profit;
    }

    [Constraint]
    public static bool Plant1(ReadOnlySpan<double> x) => x[0] <= 4;

    [Constraint]
    public static bool Plant2(ReadOnlySpan<double> x) => 2 * x[1] <= 12;

    [Constraint]
    public static bool Plant3(ReadOnlySpan<double> x)
    {
        double hours = 0;
        for (int j = 0; j < x.Length; j++)
        {
            hours += Plant3Hours[j] * x[j];
        }

        return hours <= 18;
    }
}

/// <summary>x + y ≤ 1 and x + y ≥ 3: no feasible point.</summary>
internal static partial class InfeasibleLinear
{
    [Objective]
    public static double Cost(double x, double y) => x - y / 2;

    [Constraint]
    public static bool Low(double x, double y) => x + y <= 1;

    [Constraint]
    public static bool High(double x, double y) => x + y >= 3;
}

/// <summary>min −x − y s.t. x − y = 0 (and x, y ≥ 0 by bounds): unbounded below.</summary>
internal static partial class UnboundedLinear
{
    [Objective]
    public static double Cost(double x, double y) => -x - y;

    [Constraint]
    public static bool Balance(double x, double y) => x == y;
}

/// <summary>A quadratic objective with a linear constraint: a QP, not a linear program; optimum (1.5, 0.5), f = 0.5, μ = −1.</summary>
internal static partial class QuadraticWithLinear
{
    [Objective]
    public static double Cost(double x, double y) => (x - 2) * (x - 2) + (y - 1) * (y - 1);

    [Constraint]
    public static bool Budget(double x, double y) => x + y <= 2;
}

/// <summary>2x² + 2xy + 3y² − 2x + 4y, strictly convex, minimum at (1, −1).</summary>
internal static partial class ConvexQuadratic
{
    [Objective]
    public static double Cost(double x, double y) => 2 * x * x + 2 * x * y + 3 * y * y - 2 * x + 4 * y;
}

/// <summary>x² − y², a saddle: quadratic but not convex.</summary>
internal static partial class SaddleQuadratic
{
    [Objective]
    public static double Cost(double x, double y) => x * x - y * y;
}

/// <summary>Σ (xᵢ − i/n)², quadratic in 2,500 variables: too large for the dense QP route.</summary>
internal static partial class LargeQuadratic
{
    [Objective]
    public static double Cost(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - (double)i / x.Length;
            sum += d * d;
        }

        return sum;
    }
}

/// <summary>A linear objective with an active branch (|x|): piecewise linear, not proved affine.</summary>
internal static partial class PiecewiseLinear
{
    [Objective]
    public static double Cost(double x, double y) => Math.Abs(x - 1) + y;

    [Constraint]
    public static bool Floor(double x, double y) => y >= x;
}

/// <summary>A linear objective with one nonlinear constraint: the problem is not a linear program.</summary>
internal static partial class LinearWithNonlinearConstraint
{
    [Objective]
    public static double Cost(double x, double y) => -x - y;

    [Constraint]
    public static bool Disc(double x, double y) => x * x + y * y <= 2;
}

public sealed class GeneratedLinearProgramTests
{
    [Fact]
    public void A_linear_problem_written_with_attributes_is_solved_by_linprog_and_agrees_with_it()
    {
        ScipyLinprogExample.CostResult result = ScipyLinprogExample.MinimizeCost(0, 0);

        Assert.Equal(MinimizeMethod.Linprog, result.Result.Method);
        Assert.True(result.Success, result.Message);
        Assert.Contains("linear program", result.Message, StringComparison.Ordinal);
        Assert.Equal(10, result.X, 1e-9);
        Assert.Equal(-3, result.Y, 1e-9);
        Assert.Equal(-22, result.Fun, 1e-9);
        Assert.True(result.Result.ConstraintViolation <= 1e-9);

        // The same LP stated to linprog directly, by hand.
        LinprogResult direct = Optimize.Linprog(
            [-1, 4],
            aUb: new double[,] { { -3, 1 }, { 1, 2 } },
            bUb: [6, 4],
            bounds: new Bounds([double.NegativeInfinity, -3], [double.PositiveInfinity, double.PositiveInfinity]));
        Assert.True(direct.Success, direct.Message);
        Assert.Equal(direct.Fun, result.Fun, 1e-9);
        Assert.Equal(direct.X[0], result.X, 1e-9);
        Assert.Equal(direct.X[1], result.Y, 1e-9);
    }

    [Fact]
    public void Both_linprog_methods_and_slsqp_agree_on_the_routed_problem()
    {
        var constraints = new ConstraintBase[] { ScipyLinprogExample.FirstConstraint, ScipyLinprogExample.SecondConstraint, ScipyLinprogExample.YAtLeastConstraint };
        OptimizeResult simplex = Optimize.MinimizeAffine(ScipyLinprogExample.CostObjective, [0.0, 0.0], constraints, method: LinprogMethod.Simplex);
        Assert.True(simplex.Success, simplex.Message);
        Assert.Equal(-22, simplex.Fun, 1e-9);
        Assert.Contains("Simplex", simplex.Message, StringComparison.Ordinal);

        // An explicit method bypasses the routing; SLSQP reaches the same vertex from a nearby start.
        ScipyLinprogExample.CostResult slsqp = ScipyLinprogExample.MinimizeCost(9, -2, MinimizeMethod.Slsqp);
        Assert.Equal(MinimizeMethod.Slsqp, slsqp.Result.Method);
        Assert.True(slsqp.Success, slsqp.Message);
        Assert.Equal(-22, slsqp.Fun, 1e-6);
    }

    [Fact]
    public void A_span_objective_with_a_loop_over_data_is_proved_affine_and_solved()
    {
        WyndorGlass.LossResult result = WyndorGlass.MinimizeLoss([0.0, 0.0], bounds: Bounds.All(0, double.PositiveInfinity));

        Assert.Equal(MinimizeMethod.Linprog, result.Result.Method);
        Assert.True(result.Success, result.Message);
        Assert.Equal(2, result.X[0], 1e-9);
        Assert.Equal(6, result.X[1], 1e-9);
        Assert.Equal(-36, result.Fun, 1e-9);
    }

    [Fact]
    public void Infeasible_and_unbounded_linear_problems_are_reported_as_such()
    {
        InfeasibleLinear.CostResult infeasible = InfeasibleLinear.MinimizeCost(0, 0);
        Assert.Equal(MinimizeMethod.Linprog, infeasible.Result.Method);
        Assert.False(infeasible.Success);
        Assert.Equal(OptimizeStatus.Infeasible, infeasible.Status);

        UnboundedLinear.CostResult unbounded = UnboundedLinear.MinimizeCost(0, 0, bounds: Bounds.All(0, double.PositiveInfinity));
        Assert.Equal(MinimizeMethod.Linprog, unbounded.Result.Method);
        Assert.False(unbounded.Success);
        Assert.Equal(OptimizeStatus.Unbounded, unbounded.Status);
    }

    [Fact]
    public void Problems_that_are_not_affine_are_not_routed_to_linprog()
    {
        QuadraticWithLinear.CostResult quadratic = QuadraticWithLinear.MinimizeCost(0, 0);
        Assert.Equal(MinimizeMethod.QuadraticProgram, quadratic.Result.Method);

        LinearWithNonlinearConstraint.CostResult disc = LinearWithNonlinearConstraint.MinimizeCost(0.5, 0.5);
        Assert.NotEqual(MinimizeMethod.Linprog, disc.Result.Method);
        Assert.True(disc.Success, disc.Message);
        Assert.Equal(1, disc.X, 1e-6);
        Assert.Equal(1, disc.Y, 1e-6);

        // |x − 1| + y on y ≥ x has the optimal value 1 (on x ≤ 1, y = x); the kink keeps it off the LP route.
        PiecewiseLinear.CostResult piecewise = PiecewiseLinear.MinimizeCost(3, 4);
        Assert.NotEqual(MinimizeMethod.Linprog, piecewise.Result.Method);
        if (piecewise.Success)
        {
            Assert.Equal(1, piecewise.Fun, 1e-5);
        }
    }

    [Fact]
    public void A_quadratic_objective_with_linear_constraints_is_solved_as_a_QP()
    {
        // min (x − 2)² + (y − 1)² s.t. x + y ≤ 2: the projection of (2, 1) on the half-plane, (1.5, 0.5), f = 0.5; at it
        // ∇f = (−1, −1) = μ ∇(x + y − 2) with μ = −1 (the row's multiplier, negative for an active upper bound).
        QuadraticWithLinear.CostResult result = QuadraticWithLinear.MinimizeCost(0, 0);
        Assert.Equal(MinimizeMethod.QuadraticProgram, result.Result.Method);
        Assert.True(result.Success, result.Message);
        Assert.Equal(1, result.Nit);
        Assert.Equal(1.5, result.X, 1e-12);
        Assert.Equal(0.5, result.Y, 1e-12);
        Assert.Equal(0.5, result.Fun, 1e-12);
        Assert.Equal(-1, result.Result.Multipliers![0], 1e-12);

        // Bounds join the QP: with y ≥ 0.8 the optimum moves along the line to (1.2, 0.8).
        QuadraticWithLinear.CostResult bounded = QuadraticWithLinear.MinimizeCost(0, 1, bounds: new Bounds([double.NegativeInfinity, 0.8], [double.PositiveInfinity, double.PositiveInfinity]));
        Assert.Equal(MinimizeMethod.QuadraticProgram, bounded.Result.Method);
        Assert.Equal(1.2, bounded.X, 1e-12);
        Assert.Equal(0.8, bounded.Y, 1e-12);

        // An explicit method bypasses the routing and agrees.
        QuadraticWithLinear.CostResult slsqp = QuadraticWithLinear.MinimizeCost(0, 0, MinimizeMethod.Slsqp);
        Assert.Equal(MinimizeMethod.Slsqp, slsqp.Result.Method);
        Assert.Equal(1.5, slsqp.X, 1e-6);
    }

    [Fact]
    public void An_unconstrained_convex_quadratic_is_solved_by_one_linear_solve_and_a_nonconvex_one_is_handed_on()
    {
        ConvexQuadratic.CostResult convex = ConvexQuadratic.MinimizeCost(10, -10);
        Assert.Equal(MinimizeMethod.QuadraticProgram, convex.Result.Method);
        Assert.True(convex.Success, convex.Message);

        // ∇f = (4x + 2y − 2, 2x + 6y + 4) = 0 → x = 1, y = −1.
        Assert.Equal(1, convex.X, 1e-12);
        Assert.Equal(-1, convex.Y, 1e-12);

        SaddleQuadratic.CostResult saddle = SaddleQuadratic.MinimizeCost(1, 1, bounds: Bounds.All(-1, 1));
        Assert.NotEqual(MinimizeMethod.QuadraticProgram, saddle.Result.Method);
        Assert.Contains("not positive definite", saddle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quadratic_too_large_for_a_dense_Hessian_is_handed_to_the_general_methods()
    {
        var x0 = new double[Optimize.MaxDenseQuadraticDimension + 500];
        LargeQuadratic.CostResult result = LargeQuadratic.MinimizeCost(x0, bounds: Bounds.All(-1, 1));
        Assert.Equal(MinimizeMethod.LBfgsB, result.Result.Method);
        Assert.Contains("formed densely", result.Message, StringComparison.Ordinal);
        Assert.True(result.Success, result.Message);
        Assert.Equal(0.5, result.X[x0.Length / 2], 1e-5);
    }

    [Fact]
    public void The_route_names_are_not_methods_of_Minimize()
    {
        Assert.Throws<ArgumentException>("method", () => Optimize.Minimize(ConvexQuadratic.CostObjective, [0.0, 0.0], MinimizeMethod.Linprog));
        Assert.Throws<ArgumentException>("method", () => Optimize.Minimize(ConvexQuadratic.CostObjective, [0.0, 0.0], MinimizeMethod.QuadraticProgram));
        Assert.Throws<ArgumentException>("method", () => Optimize.Minimize(QuadraticWithLinear.CostObjective, [0.0, 0.0], [QuadraticWithLinear.BudgetConstraint], MinimizeMethod.QuadraticProgram));
    }

    [Fact]
    public void Misuse_of_MinimizeAffine_throws_naming_the_parameter()
    {
        Assert.Throws<ArgumentNullException>("objective", () => Optimize.MinimizeAffine(null!, [0.0, 0.0], []));
        Assert.Throws<ArgumentNullException>("constraints", () => Optimize.MinimizeAffine(ScipyLinprogExample.CostObjective, [0.0, 0.0], null!));
        Assert.Throws<ArgumentException>("x0", () => Optimize.MinimizeAffine(ScipyLinprogExample.CostObjective, [0.0, double.NaN], []));
        Assert.Throws<ArgumentException>("x0", () => Optimize.MinimizeAffine(ScipyLinprogExample.CostObjective, [0.0, 0.0, 0.0], []));
    }
}
