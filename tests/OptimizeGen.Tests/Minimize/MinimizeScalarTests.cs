namespace OptimizeGen.Tests.Minimize;

public class MinimizeScalarTests
{
    // scipy's documented example: f(x) = (x − 2) x (x + 2)², whose local minimum right of the origin is where
    // f'(x) = (x + 2)(4x² − 2x − 4) = 0, i.e. x = (1 + √17)/4 = 1.2807764064044151; on [−3, −1] the minimum is x = −2 (f = 0).
    private static double F(double x) => (x - 2) * x * (x + 2) * (x + 2);

    private static readonly double XStar = (1 + Math.Sqrt(17)) / 4;

    [Theory]
    [InlineData(MinimizeScalarMethod.Brent)]
    [InlineData(MinimizeScalarMethod.Golden)]
    public void Bracketing_methods_find_the_analytic_minimum(MinimizeScalarMethod method)
    {
        var r = Optimize.MinimizeScalar(F, method);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(XStar, r.X, 1e-7);
        Assert.Equal(F(XStar), r.Fun, 1e-12);
        Assert.Equal(method, r.Method);
    }

    [Fact]
    public void Default_without_bounds_is_brent_and_with_bounds_is_bounded()
    {
        Assert.Equal(MinimizeScalarMethod.Brent, Optimize.MinimizeScalar(F).Method);
        var r = Optimize.MinimizeScalar(F, bounds: (-3, -1));
        Assert.Equal(MinimizeScalarMethod.Bounded, r.Method);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(-2.0, r.X, 1e-5);
    }

    [Fact]
    public void Three_point_bracket_is_used_as_given()
    {
        var r = Optimize.MinimizeScalar(x => Math.Cos(x), MinimizeScalarMethod.Brent, bracket: [2.0, 3.0, 4.0]);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(Math.PI, r.X, 1e-7);
    }

    [Fact]
    public void Bounded_minimum_at_the_end_of_the_interval()
    {
        // f(x) = x on [1, 2]: the minimum is the end point 1, within xatol.
        var r = Optimize.MinimizeScalar(x => x, bounds: (1, 2), options: new MinimizeScalarOptions { Xatol = 1e-8 });
        Assert.True(r.Success, r.ToString());
        Assert.Equal(1.0, r.X, 1e-7);
    }

    [Fact]
    public void Unbounded_below_is_reported()
    {
        var r = Optimize.MinimizeScalar(x => -x);
        Assert.False(r.Success);
        Assert.Equal(OptimizeStatus.Unbounded, r.Status);
    }

    [Fact]
    public void Bad_bracket_and_bounds_throw_naming_them()
    {
        Assert.Equal("bracket", Assert.Throws<ArgumentException>(() => Optimize.MinimizeScalar(F, bracket: [1.0])).ParamName);
        Assert.Equal("bounds", Assert.Throws<ArgumentException>(() => Optimize.MinimizeScalar(F, MinimizeScalarMethod.Bounded)).ParamName);
        Assert.Equal("bounds", Assert.Throws<ArgumentException>(() => Optimize.MinimizeScalar(F, bounds: (2, 1))).ParamName);
        Assert.Throws<ArgumentNullException>(() => Optimize.MinimizeScalar(null!));
    }
}
