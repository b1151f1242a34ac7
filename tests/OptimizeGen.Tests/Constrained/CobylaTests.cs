using OptimizeGen.TestProblems.HockSchittkowski;

namespace OptimizeGen.Tests.Constrained;

public class CobylaTests
{
    public static TheoryData<string> SmallProblems() =>
    [
        "HS6", "HS7", "HS9", "HS14", "HS21", "HS28", "HS35", "HS42", "HS43", "HS44", "HS48", "HS51", "HS65", "HS76",
    ];

    [Theory]
    [MemberData(nameof(SmallProblems))]
    public void Reaches_the_published_optimum_of_small_Hock_Schittkowski_problems(string name)
    {
        var p = HockSchittkowskiSuite.Get(name);
        int calls = 0;
        var r = Optimize.Minimize(
            x =>
            {
                calls++;
                return p.Objective.Value(x);
            },
            p.X0,
            p.CreateConstraintsWithoutGradients(),
            method: MinimizeMethod.Cobyla,
            bounds: p.Bounds,
            options: new CobylaOptions { Tol = 1e-8, MaxIter = 20000 });
        // HS26 is left out: f = (x₁ − x₂)² + (x₂ − x₃)⁴ is so flat at x* that COBYLA (scipy 1.10 alike) stalls on rounding
        // errors before ρ_end = 1e-8. ρ_end = 1e-8: near a solution where f is flat to first order (HS6, 28, 48, 51
        // have f* = 0 with f quadratic) locates x* only to about √(tolerance of f).
        HsAssert.AtOptimum(p, r, fTolerance: 1e-5, xTolerance: 1e-2, violation: 1e-6);
        Assert.Equal(calls, r.Nfev);
        Assert.Null(r.Multipliers);
    }

    [Fact]
    public void Linear_constraints_give_the_same_optimum()
    {
        var a = new double[,] { { 1, 2, 1, 1 }, { 3, 1, 2, -1 }, { 0, 1, 4, 0 } };
        var lc = new LinearConstraint(a, [double.NegativeInfinity, double.NegativeInfinity, 1.5], [5, 4, double.PositiveInfinity]);
        var p = Hs076.Problem;
        var r = Optimize.Minimize(p.CreateObjective(), p.X0, [lc], MinimizeMethod.Cobyla, p.Bounds, new CobylaOptions { Tol = 1e-8 });
        HsAssert.AtOptimum(p, r, fTolerance: 1e-6, xTolerance: 1e-4, violation: 1e-8);
    }

    [Fact]
    public void Default_tolerance_gives_a_point_near_the_optimum()
    {
        var p = Hs014.Problem;
        var r = Optimize.Minimize(p.CreateObjective(), p.X0, p.CreateConstraints(), MinimizeMethod.Cobyla);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(p.FStar, r.Fun, 1e-3);
        Assert.True(r.ConstraintViolation <= 2e-4, r.ToString());
    }

    [Fact]
    public void Evaluation_limit_is_reported()
    {
        var p = Hs100.Problem;
        var r = Optimize.Minimize(p.CreateObjective(), p.X0, p.CreateConstraints(), MinimizeMethod.Cobyla, options: new CobylaOptions { MaxIter = 30 });
        Assert.Equal(OptimizeStatus.MaxFunctionEvaluationsReached, r.Status);
        Assert.Equal(30, r.Nfev);
    }

    [Fact]
    public void Infeasible_constraints_are_not_reported_as_success()
    {
        var disk = new NonlinearConstraint((ReadOnlySpan<double> x) => x[0] * x[0] + x[1] * x[1], double.NegativeInfinity, 1);
        var line = new LinearConstraint([1.0, 1.0], 3, double.PositiveInfinity);
        var r = Optimize.Minimize((ReadOnlySpan<double> x) => x[0] * x[0] + x[1], [0.0, 0.0], [disk, line], method: MinimizeMethod.Cobyla);
        Assert.False(r.Success, r.ToString());
        Assert.True(r.ConstraintViolation > 0.1, r.ToString());
    }
}
