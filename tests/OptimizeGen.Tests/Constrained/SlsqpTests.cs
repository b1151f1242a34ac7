using OptimizeGen.TestProblems.HockSchittkowski;

namespace OptimizeGen.Tests.Constrained;

public class SlsqpTests
{
    [Theory]
    [MemberData(nameof(HockSchittkowskiGradientTests.Names), MemberType = typeof(HockSchittkowskiGradientTests))]
    public void Reaches_the_published_optimum_of_Hock_Schittkowski(string name)
    {
        var p = HockSchittkowskiSuite.Get(name);
        var f = p.CreateObjective();
        var r = Optimize.Minimize(f, p.X0, p.CreateConstraints(), MinimizeMethod.Slsqp, p.Bounds);
        HsAssert.AtOptimum(p, r, fTolerance: 1e-5, xTolerance: 1e-3, violation: 1e-6);
        Assert.Equal(f.Calls, r.Nfev);
        Assert.Equal(MinimizeMethod.Slsqp, r.Method);
    }

    [Fact]
    public void Is_the_default_method_when_constraints_are_given()
    {
        var p = Hs014.Problem;
        var r = Optimize.Minimize(p.CreateObjective(), p.X0, p.CreateConstraints());
        Assert.Equal(MinimizeMethod.Slsqp, r.Method);
        Assert.True(r.Success, r.ToString());
    }

    [Fact]
    public void Multipliers_satisfy_stationarity_of_the_Lagrangian()
    {
        // HS14 and HS43 have active constraints with nonzero multipliers; ∇f(x*) = Σ μᵣ ∇gᵣ(x*), μ ≥ 0 for inequalities.
        foreach (var p in new[] { Hs014.Problem, Hs043.Problem, Hs071.Problem })
        {
            var r = Optimize.Minimize(p.CreateObjective(), p.X0, p.CreateConstraints(), MinimizeMethod.Slsqp, p.Bounds);
            Assert.True(r.Success, r.ToString());
            HsAssert.Stationary(p, r, 1e-3);
        }
    }

    [Fact]
    public void Finite_difference_gradients_reach_the_optimum()
    {
        var p = Hs071.Problem;
        int calls = 0;
        var r = Optimize.Minimize(
            x =>
            {
                calls++;
                return p.Objective.Value(x);
            },
            p.X0,
            p.CreateConstraintsWithoutGradients(),
            method: MinimizeMethod.Slsqp,
            bounds: p.Bounds);
        HsAssert.AtOptimum(p, r, fTolerance: 1e-5, xTolerance: 1e-3, violation: 1e-6);
        Assert.Equal(calls, r.Nfev);
    }

    [Fact]
    public void Constraint_Jacobians_by_differences_follow_the_options_scheme()
    {
        var p = Hs071.Problem;
        int CountCalls(FiniteDifferenceScheme scheme, out OptimizeResult result)
        {
            int calls = 0;
            var cons = new ConstraintBase[]
            {
                NonlinearConstraint.Equality(x =>
                {
                    calls++;
                    return p.Equalities[0].Value(x);
                }),
                NonlinearConstraint.Inequality(x => p.Inequalities[0].Value(x)),
            };
            result = Optimize.Minimize(p.CreateObjective(), p.X0, cons, MinimizeMethod.Slsqp, p.Bounds, new SlsqpOptions { FiniteDifference = scheme });
            return calls;
        }

        int two = CountCalls(FiniteDifferenceScheme.TwoPoint, out var r2);
        int three = CountCalls(FiniteDifferenceScheme.ThreePoint, out var r3);
        HsAssert.AtOptimum(p, r2, 1e-5, 1e-3, 1e-6);
        HsAssert.AtOptimum(p, r3, 1e-5, 1e-3, 1e-6);
        // Per Jacobian: 2-point takes n = 4 extra calls, 3-point 2n = 8 (plus one value each time either way).
        Assert.True(three > two, $"3-point made {three} calls, 2-point {two}");
    }

    [Fact]
    public void Linear_constraints_give_the_same_optimum()
    {
        // HS76 with its three inequalities as one LinearConstraint: lb ≤ A x ≤ ub.
        var a = new double[,] { { 1, 2, 1, 1 }, { 3, 1, 2, -1 }, { 0, 1, 4, 0 } };
        var lc = new LinearConstraint(a, [double.NegativeInfinity, double.NegativeInfinity, 1.5], [5, 4, double.PositiveInfinity]);
        var p = Hs076.Problem;
        var r = Optimize.Minimize(p.CreateObjective(), p.X0, [lc], MinimizeMethod.Slsqp, p.Bounds);
        HsAssert.AtOptimum(p, r, fTolerance: 1e-6, xTolerance: 1e-4, violation: 1e-8);
        Assert.Equal(3, r.Multipliers!.Length);
        Assert.True(r.Multipliers[0] <= 1e-8, "the first row is an upper bound: its multiplier is ≤ 0");
    }

    [Fact]
    public void Infeasible_constraints_give_a_clear_status()
    {
        // x₁² + x₂² ≤ 1 and x₁ + x₂ ≥ 3 cannot both hold.
        var disk = new NonlinearConstraint((ReadOnlySpan<double> x) => x[0] * x[0] + x[1] * x[1], double.NegativeInfinity, 1);
        var line = new LinearConstraint([1.0, 1.0], 3, double.PositiveInfinity);
        var r = Optimize.Minimize((ReadOnlySpan<double> x) => x[0] * x[0] + x[1], [0.0, 0.0], [disk, line], method: MinimizeMethod.Slsqp);
        Assert.False(r.Success);
        Assert.True(r.Status is OptimizeStatus.Infeasible or OptimizeStatus.MaxIterationsReached or OptimizeStatus.PrecisionLoss, r.ToString());
        Assert.True(r.ConstraintViolation > 0.1, r.ToString());
    }

    [Fact]
    public void Without_constraints_it_minimizes_within_the_bounds()
    {
        var r = Optimize.Minimize(
            (ReadOnlySpan<double> x) => (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1),
            [0.0, 0.0],
            [],
            method: MinimizeMethod.Slsqp,
            bounds: new Bounds([0, 0], [2, 2]));
        Assert.True(r.Success, r.ToString());
        Assert.Equal(2, r.X[0], 1e-8);
        Assert.Equal(0, r.X[1], 1e-8);
    }

    [Fact]
    public void Iteration_limit_is_reported()
    {
        var p = Hs100.Problem;
        var r = Optimize.Minimize(p.CreateObjective(), p.X0, p.CreateConstraints(), MinimizeMethod.Slsqp, options: new SlsqpOptions { MaxIter = 2 });
        Assert.Equal(OptimizeStatus.MaxIterationsReached, r.Status);
        Assert.False(r.Success);
    }
}

internal static class HsAssert
{
    public static void AtOptimum(HsProblem p, OptimizeResult r, double fTolerance, double xTolerance, double violation)
    {
        Assert.True(r.Success, $"{p.Name}: {r}");
        Assert.Equal(p.Objective.Value(r.X), r.Fun); // Fun is f at X, exactly
        Assert.True(Math.Abs(r.Fun - p.FStar) <= fTolerance * Math.Max(1, Math.Abs(p.FStar)), $"{p.Name}: f = {r.Fun:G12}, published f* = {p.FStar:G12}; {r}");
        Assert.True(r.ConstraintViolation <= violation, $"{p.Name}: violation {r.ConstraintViolation:G3}; {r}");
        if (p.XStar is { } xs)
        {
            for (int i = 0; i < p.N; i++)
            {
                Assert.True(Math.Abs(r.X[i] - xs[i]) <= xTolerance * Math.Max(1, Math.Abs(xs[i])), $"{p.Name}: x{i + 1} = {r.X[i]:G10}, published {xs[i]:G10}; {r}");
            }
        }
    }

    /// <summary>∇f(x) − Σ μᵣ ∇gᵣ(x) vanishes off the variables at a bound.</summary>
    public static void Stationary(HsProblem p, OptimizeResult r, double tolerance)
    {
        int n = p.N;
        var g = new double[n];
        var cg = new double[n];
        p.Objective.Gradient(r.X, g);
        var rows = new List<HsFunction>();
        rows.AddRange(p.Equalities);
        rows.AddRange(p.Inequalities);
        Assert.Equal(rows.Count, r.Multipliers!.Length);
        for (int k = 0; k < rows.Count; k++)
        {
            if (k >= p.Equalities.Length)
            {
                Assert.True(r.Multipliers[k] >= -1e-8, $"{p.Name}: inequality multiplier {r.Multipliers[k]} < 0");
            }

            rows[k].Gradient(r.X, cg);
            for (int j = 0; j < n; j++)
            {
                g[j] -= r.Multipliers[k] * cg[j];
            }
        }

        for (int j = 0; j < n; j++)
        {
            bool atBound = p.Lower is not null && (Math.Abs(r.X[j] - p.Lower[j]) < 1e-6 || Math.Abs(r.X[j] - p.Upper![j]) < 1e-6);
            if (!atBound)
            {
                Assert.True(Math.Abs(g[j]) <= tolerance * Math.Max(1, Math.Abs(r.Fun)), $"{p.Name}: ∂L/∂x{j + 1} = {g[j]:G3}");
            }
        }
    }
}
