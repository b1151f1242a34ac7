using OptimizeGen.TestProblems.Mgh;

namespace OptimizeGen.Tests.Minimize;

public class MinimizeMisuseTests
{
    [Fact]
    public void Null_objective_throws_naming_it()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Optimize.Minimize((IObjective)null!, [1.0]));
        Assert.Equal("objective", e.ParamName);
    }

    [Fact]
    public void Empty_x0_throws_naming_it()
    {
        var e = Assert.Throws<ArgumentException>(() => Optimize.Minimize(new ExtendedRosenbrock(), ReadOnlySpan<double>.Empty));
        Assert.Equal("x0", e.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_x0_throws_naming_it(double bad)
    {
        var e = Assert.Throws<ArgumentException>(() => Optimize.Minimize(new ExtendedRosenbrock(), [1.0, bad]));
        Assert.Equal("x0", e.ParamName);
    }

    [Fact]
    public void Dimension_mismatch_throws_naming_x0()
    {
        var e = Assert.Throws<ArgumentException>(() => Optimize.Minimize(new ExtendedRosenbrock(4), [1.0, 2.0]));
        Assert.Equal("x0", e.ParamName);
    }

    [Fact]
    public void Bounds_of_the_wrong_length_throw_naming_them()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Optimize.Minimize(new ExtendedRosenbrock(2), [1.0, 2.0], bounds: new Bounds([0.0], [1.0])));
        Assert.Equal("bounds", e.ParamName);
    }

    [Fact]
    public void Bounds_given_to_bfgs_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            Optimize.Minimize(new ExtendedRosenbrock(2), [1.0, 2.0], MinimizeMethod.Bfgs, Bounds.All(0, 1)));
        Assert.Equal("bounds", e.ParamName);
    }

    [Fact]
    public void Negative_tolerance_throws_naming_the_option()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Optimize.Minimize(new ExtendedRosenbrock(2), [1.0, 2.0], MinimizeMethod.Bfgs, options: new MinimizeOptions { Gtol = -1 }));
        Assert.Equal("Gtol", e.ParamName);
    }

    [Fact]
    public void Constrained_methods_point_to_the_constrained_overload()
    {
        var e = Assert.Throws<NotSupportedException>(() => Optimize.Minimize(new ExtendedRosenbrock(2), [1.0, 2.0], MinimizeMethod.Slsqp));
        Assert.Contains("constrained overload", e.Message);
    }
}
