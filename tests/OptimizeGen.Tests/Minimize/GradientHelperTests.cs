using OptimizeGen.TestProblems.Mgh;

namespace OptimizeGen.Tests.Minimize;

public class GradientHelperTests
{
    [Fact]
    public void ApproxGradient_matches_the_analytic_gradient()
    {
        var rosen = new ExtendedRosenbrock(4);
        double[] x = [-1.2, 1.0, 0.3, -0.7];
        var exact = new double[4];
        rosen.ValueAndGradient(x, exact);
        foreach (var scheme in new[] { FiniteDifferenceScheme.TwoPoint, FiniteDifferenceScheme.ThreePoint })
        {
            double[] approx = Optimize.ApproxGradient(rosen.Value, x, scheme);
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(exact[i], approx[i], scheme == FiniteDifferenceScheme.TwoPoint ? 1e-4 * Math.Max(1, Math.Abs(exact[i])) : 1e-7 * Math.Max(1, Math.Abs(exact[i])));
            }
        }
    }

    [Fact]
    public void CheckGradient_is_small_for_a_right_gradient_and_large_for_a_wrong_one()
    {
        var rosen = new ExtendedRosenbrock(2);
        double[] x = [-1.2, 1.0];
        Assert.True(Optimize.CheckGradient(rosen, x) < 1e-6);
        double wrong = Optimize.CheckGradient(rosen.Value, (xx, g) => { rosen.ValueAndGradient(xx, g); g[1] += 0.01; }, x);
        Assert.Equal(0.01, wrong, 1e-6);
    }

    [Fact]
    public void Misuse_throws_naming_the_argument()
    {
        Assert.Throws<ArgumentNullException>(() => Optimize.ApproxGradient(null!, [1.0]));
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Optimize.ApproxGradient(x => x[0], [double.NaN])).ParamName);
    }
}
