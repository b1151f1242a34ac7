namespace OptimizeGen.Tests.Minimize;

/// <summary>The examples of docs/minimize.md, compiled and checked.</summary>
public partial class DocExampleTests
{
    [Objective]
    public static double Rosenbrock(ReadOnlySpan<double> x) => 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]);

    [Fact]
    public void Generated_objective_with_newton_cg()
    {
        var r = Optimize.Minimize(RosenbrockObjective, [-1.2, 1.0], MinimizeMethod.NewtonCG);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(1.0, r.X[0], 1e-4);
        Assert.True(r.Nhev > 0);
    }

    [Fact]
    public void Delegate_with_bounds_and_a_time_limit()
    {
        var b = Optimize.Minimize(
            x => (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1),
            [0.0, 0.0],
            bounds: new Bounds([double.NegativeInfinity, 0], [2, double.PositiveInfinity]),
            options: new LBfgsBOptions { TimeLimit = TimeSpan.FromSeconds(1) });
        Assert.True(b.Success, b.ToString());
        Assert.Equal(MinimizeMethod.LBfgsB, b.Method);
        Assert.Equal(2.0, b.X[0], 1e-8);
        Assert.Equal(0.0, b.X[1], 1e-8);
    }

    [Fact]
    public void Scalar()
    {
        var s = Optimize.MinimizeScalar(x => (x - 2) * x * (x + 2) * (x + 2));
        Assert.Equal((1 + Math.Sqrt(17)) / 4, s.X, 1e-7);
    }
}
