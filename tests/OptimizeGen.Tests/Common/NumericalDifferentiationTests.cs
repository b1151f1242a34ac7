using OptimizeGen;

namespace OptimizeGen.Tests.Common;

public class NumericalDifferentiationTests
{
    private static double Rosenbrock(ReadOnlySpan<double> x) => 100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2);

    private static double[] RosenbrockGradient(double[] x) =>
    [
        -400 * x[0] * (x[1] - x[0] * x[0]) - 2 * (1 - x[0]),
        200 * (x[1] - x[0] * x[0]),
    ];

    [Theory]
    [InlineData(FiniteDifferenceScheme.TwoPoint, 1e-6)]
    [InlineData(FiniteDifferenceScheme.ThreePoint, 1e-9)]
    public void Gradient_matches_the_analytic_gradient(FiniteDifferenceScheme scheme, double tolerance)
    {
        double[] x = [-1.2, 1.0];
        var g = new double[2];
        int evaluations = NumericalDifferentiation.Gradient(Rosenbrock, x, g, scheme);
        double[] exact = RosenbrockGradient(x);
        for (int i = 0; i < 2; i++)
        {
            Assert.True(Math.Abs(g[i] - exact[i]) <= tolerance * Math.Max(1, Math.Abs(exact[i])), $"component {i}: {g[i]} vs {exact[i]}");
        }

        Assert.Equal(scheme == FiniteDifferenceScheme.TwoPoint ? 3 : 4, evaluations);
    }

    [Theory]
    [InlineData(FiniteDifferenceScheme.TwoPoint)]
    [InlineData(FiniteDifferenceScheme.ThreePoint)]
    public void Steps_never_leave_the_bounds(FiniteDifferenceScheme scheme)
    {
        var bounds = new Bounds([-1.2, 0.0], [-1.2 + 1e-3, 1.0]);
        double[] x = [-1.2 + 1e-3, 1.0];
        var g = new double[2];
        NumericalDifferentiation.Gradient(
            p =>
            {
                Assert.True(bounds.Contains(p), $"evaluated outside the bounds at ({p[0]}, {p[1]})");
                return Rosenbrock(p);
            },
            x,
            g,
            scheme,
            bounds: bounds);
        double[] exact = RosenbrockGradient(x);
        for (int i = 0; i < 2; i++)
        {
            Assert.True(Math.Abs(g[i] - exact[i]) <= 1e-5 * Math.Max(1, Math.Abs(exact[i])), $"component {i}: {g[i]} vs {exact[i]}");
        }
    }

    [Fact]
    public void Jacobian_of_a_linear_map_is_its_matrix()
    {
        double[] a = [1, 2, 3, -4, 5, 0.5];
        VectorFunction f = (x, y) =>
        {
            y[0] = a[0] * x[0] + a[1] * x[1];
            y[1] = a[2] * x[0] + a[3] * x[1];
            y[2] = a[4] * x[0] + a[5] * x[1];
        };
        double[] x0 = [0.3, -7];
        var f0 = new double[3];
        f(x0, f0);
        var jac = new double[6];
        NumericalDifferentiation.Jacobian(f, x0, f0, jac, FiniteDifferenceScheme.ThreePoint);
        for (int k = 0; k < 6; k++)
        {
            Assert.Equal(a[k], jac[k], 1e-8);
        }
    }

    [Fact]
    public void Wrong_lengths_throw_with_the_parameter_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => NumericalDifferentiation.Gradient(Rosenbrock, [1.0, 2.0], new double[3]));
        Assert.Equal("gradient", ex.ParamName);
    }
}
