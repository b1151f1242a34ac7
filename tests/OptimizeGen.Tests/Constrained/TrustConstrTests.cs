using OptimizeGen.TestProblems.HockSchittkowski;

namespace OptimizeGen.Tests.Constrained;

public class TrustConstrTests
{
    [Theory]
    [MemberData(nameof(HockSchittkowskiGradientTests.Names), MemberType = typeof(HockSchittkowskiGradientTests))]
    public void Reaches_the_published_optimum_of_Hock_Schittkowski(string name)
    {
        var p = HockSchittkowskiSuite.Get(name);
        var f = p.CreateObjective();
        var r = Optimize.Minimize(f, p.X0, p.CreateConstraints(), MinimizeMethod.TrustConstr, p.Bounds);
        HsAssert.AtOptimum(p, r, fTolerance: 1e-5, xTolerance: 1e-3, violation: 1e-6);
        Assert.Equal(f.Calls, r.Nfev);
        Assert.Equal(MinimizeMethod.TrustConstr, r.Method);
    }

    [Fact]
    public void Finite_differences_and_linear_constraints_reach_the_optimum()
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
            method: MinimizeMethod.TrustConstr,
            bounds: p.Bounds);
        HsAssert.AtOptimum(p, r, fTolerance: 1e-5, xTolerance: 1e-3, violation: 1e-6);
        Assert.Equal(calls, r.Nfev);

        var a = new double[,] { { 1, 2, 1, 1 }, { 3, 1, 2, -1 }, { 0, 1, 4, 0 } };
        var lc = new LinearConstraint(a, [double.NegativeInfinity, double.NegativeInfinity, 1.5], [5, 4, double.PositiveInfinity]);
        var q = Hs076.Problem;
        var rl = Optimize.Minimize(q.CreateObjective(), q.X0, [lc], MinimizeMethod.TrustConstr, q.Bounds);
        HsAssert.AtOptimum(q, rl, fTolerance: 1e-6, xTolerance: 1e-4, violation: 1e-8);
    }

    [Fact]
    public void Multipliers_satisfy_stationarity_of_the_Lagrangian()
    {
        foreach (var p in new[] { Hs014.Problem, Hs043.Problem, Hs042.Problem })
        {
            var r = Optimize.Minimize(p.CreateObjective(), p.X0, p.CreateConstraints(), MinimizeMethod.TrustConstr, p.Bounds);
            Assert.True(r.Success, r.ToString());
            HsAssert.Stationary(p, r, 1e-5);
        }
    }

    [Fact]
    public void Infeasible_constraints_are_not_reported_as_success()
    {
        var disk = new NonlinearConstraint((ReadOnlySpan<double> x) => x[0] * x[0] + x[1] * x[1], double.NegativeInfinity, 1);
        var line = new LinearConstraint([1.0, 1.0], 3, double.PositiveInfinity);
        var r = Optimize.Minimize((ReadOnlySpan<double> x) => x[0] * x[0] + x[1], [0.0, 0.0], [disk, line], method: MinimizeMethod.TrustConstr);
        Assert.False(r.Success, r.ToString());
        Assert.True(r.ConstraintViolation > 0.1, r.ToString());
    }

    [Fact]
    public void Options_of_another_method_are_refused()
    {
        var p = Hs014.Problem;
        var e = Assert.Throws<ArgumentException>(() => Optimize.Minimize(p.CreateObjective(), p.X0, p.CreateConstraints(), MinimizeMethod.TrustConstr, options: new SlsqpOptions()));
        Assert.Equal("options", e.ParamName);
    }
}
