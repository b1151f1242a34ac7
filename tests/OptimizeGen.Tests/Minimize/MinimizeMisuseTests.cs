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

    public static TheoryData<MinimizeMethod> ConstrainedMethods => [MinimizeMethod.Slsqp, MinimizeMethod.TrustConstr, MinimizeMethod.Cobyla];

    [Theory]
    [InlineData(MinimizeMethod.Slsqp, 1e-3, 1e-7)]
    [InlineData(MinimizeMethod.TrustConstr, 1e-6, 1e-12)]
    public void Constrained_methods_solve_Rosenbrock_through_the_plain_overload(MinimizeMethod method, double xTolerance, double fTolerance)
    {
        // Rosenbrock's minimum f = 0 at (1, 1); scipy runs SLSQP and trust-constr without constraints too (SLSQP stops
        // on its ftol = 1e-6 test, so its point is looser: scipy 1.10 stops at (0.99992, 0.99985) from here).
        var r = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], method);
        Assert.True(r.Success, r.Message);
        Assert.Equal(method, r.Method);
        Assert.Equal(1, r.X[0], xTolerance);
        Assert.Equal(1, r.X[1], xTolerance);
        Assert.True(r.Fun < fTolerance, $"f = {r.Fun}");
    }

    [Fact]
    public void Cobyla_solves_an_unconstrained_quadratic_through_the_plain_overload()
    {
        // f = (x₀ − 1)² + 10(x₁ + 2)², least at (1, −2). (On Rosenbrock's curved valley COBYLA, like scipy's, stops
        // with its trust radius at rhoend = 1e-4 well short of (1, 1): scipy 1.10 reports success at f = 0.0078.)
        var r = Optimize.Minimize(x => (x[0] - 1) * (x[0] - 1) + 10 * (x[1] + 2) * (x[1] + 2), [0.0, 0.0], method: MinimizeMethod.Cobyla);
        Assert.True(r.Success, r.Message);
        Assert.Equal(MinimizeMethod.Cobyla, r.Method);
        Assert.Equal(1, r.X[0], 1e-3);
        Assert.Equal(-2, r.X[1], 1e-3);
    }

    [Theory]
    [MemberData(nameof(ConstrainedMethods))]
    public void Constrained_methods_take_bounds_through_the_plain_overload(MinimizeMethod method)
    {
        // Rosenbrock with x₀ ≤ 0.5: for fixed x₀ the best x₁ is x₀², leaving (1 − x₀)², least at the bound x₀ = 0.5:
        // x* = (0.5, 0.25), f* = 0.25, where ∂f/∂x₀ = −1 pushes against the bound.
        var bounds = new Bounds([double.NegativeInfinity, double.NegativeInfinity], [0.5, double.PositiveInfinity]);
        var options = method == MinimizeMethod.Cobyla ? new CobylaOptions { MaxIter = 20000 } : null;
        var r = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], method, bounds, options);
        Assert.True(r.Success, r.Message);
        double tolerance = method == MinimizeMethod.Cobyla ? 1e-3 : 1e-5;
        Assert.Equal(0.5, r.X[0], tolerance);
        Assert.Equal(0.25, r.X[1], tolerance);
        Assert.Equal(0.25, r.Fun, tolerance);
        Assert.True(r.X[0] <= 0.5 + 1e-12, $"x₀ = {r.X[0]} is outside its bound");
    }

    [Fact]
    public void Constrained_method_options_are_accepted_by_the_plain_overload_and_others_refused()
    {
        var r = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], MinimizeMethod.Slsqp, options: new SlsqpOptions { Ftol = 1e-10 });
        Assert.True(r.Success, r.Message);
        var e = Assert.Throws<ArgumentException>(() =>
            Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], MinimizeMethod.Slsqp, options: new CobylaOptions()));
        Assert.Equal("options", e.ParamName);
    }
}
