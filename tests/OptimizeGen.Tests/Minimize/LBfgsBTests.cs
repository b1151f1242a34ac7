using OptimizeGen.TestProblems.Mgh;

namespace OptimizeGen.Tests.Minimize;

public class LBfgsBTests
{
    [Fact]
    public void Unbounded_rosenbrock_converges()
    {
        var r = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], MinimizeMethod.LBfgsB);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(1.0, r.X[0], 1e-3);
        Assert.Equal(1.0, r.X[1], 1e-3);
    }

    [Fact]
    public void Default_method_with_bounds_is_lbfgsb_and_the_active_bound_holds()
    {
        // min Rosenbrock with x0 ≤ 0.5 (x1 free): the bound is active; the minimum over x1 is x1 = x0² = 0.25,
        // and along the bound f = (1 − 0.5)² = 0.25 with ∂f/∂x0 = −1 < 0 pushing against it (KKT: multiplier 1).
        var bounds = new Bounds([double.NegativeInfinity, double.NegativeInfinity], [0.5, double.PositiveInfinity]);
        var r = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], bounds: bounds);
        Assert.Equal(MinimizeMethod.LBfgsB, r.Method);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(0.5, r.X[0], 12);
        Assert.Equal(0.25, r.X[1], 1e-5);
        Assert.Equal(0.25, r.Fun, 1e-9);
    }

    [Fact]
    public void Many_active_bounds_on_a_separable_quadratic()
    {
        // f = Σ (i+1)(xᵢ − cᵢ)² with cᵢ alternating far outside the box [−1, 1]: x* = clamp(c, −1, 1) exactly.
        int n = 50;
        var c = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? 3.0 : i % 3 == 1 ? -2.0 : 0.3).ToArray();
        ObjectiveFunction f = x =>
        {
            double s = 0;
            for (int i = 0; i < x.Length; i++)
            {
                s += (i + 1) * (x[i] - c[i]) * (x[i] - c[i]);
            }

            return s;
        };
        GradientFunction g = (x, grad) =>
        {
            for (int i = 0; i < x.Length; i++)
            {
                grad[i] = 2 * (i + 1) * (x[i] - c[i]);
            }
        };
        // ftol = 0 leaves the projected-gradient test alone: |∂f/∂xᵢ| = 2(i+1)|xᵢ − cᵢ| ≤ 1e-5 on free variables, so
        // |xᵢ − 0.3| ≤ 5e-6; the variables at a bound must sit on it exactly.
        var r = Optimize.Minimize(f, new double[n], g, MinimizeMethod.LBfgsB, Bounds.All(-1, 1), new LBfgsBOptions { Ftol = 0 });
        Assert.True(r.Success, r.ToString());
        Assert.Contains("PROJECTED GRADIENT", r.Message);
        for (int i = 0; i < n; i++)
        {
            if (i % 3 == 2)
            {
                Assert.Equal(0.3, r.X[i], 5e-6);
            }
            else
            {
                Assert.Equal(Math.Clamp(c[i], -1, 1), r.X[i]);
            }
        }
    }

    [Fact]
    public void Extended_rosenbrock_n_10000_converges_with_exact_gradient()
    {
        int n = 10_000;
        var f = new ExtendedRosenbrock(n);
        var r = Optimize.Minimize(f, ExtendedRosenbrock.Start(n), MinimizeMethod.LBfgsB);
        Assert.True(r.Success, r.ToString());
        Assert.True(r.Fun < 1e-6, r.ToString());
        Assert.True(r.X.Max(v => Math.Abs(v - 1)) < 1e-2, r.ToString());
    }
}
