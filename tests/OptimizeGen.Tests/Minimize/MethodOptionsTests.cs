using OptimizeGen.TestProblems.Mgh;

namespace OptimizeGen.Tests.Minimize;

/// <summary>
/// Method-specific options are honoured: where our method is a port of scipy's, the same options give scipy 1.10's own
/// path (evaluation counts measured with /usr/bin/python3, scipy 1.10.1; scipy's Nelder–Mead nit counts one more
/// than the iterations it ran, ours counts the iterations).
/// </summary>
public class MethodOptionsTests
{
    private static double Rosen(ReadOnlySpan<double> x) => 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]);

    private static double Quadratic(ReadOnlySpan<double> x)
    {
        // Σ i (xᵢ − 0.5)², i = 1 … 10.
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += (i + 1) * (x[i] - 0.5) * (x[i] - 0.5);
        }

        return s;
    }

    [Fact]
    public void Nelder_mead_initial_simplex_gives_scipys_path()
    {
        // scipy: initial_simplex=[[-1.2, 1], [-1, 1], [-1.2, 1.2]] → nit 89, nfev 165, f = 3.906e-9.
        var options = new NelderMeadOptions { InitialSimplex = new double[,] { { -1.2, 1 }, { -1, 1 }, { -1.2, 1.2 } } };
        var r = Optimize.Minimize(Rosen, [-1.2, 1.0], method: MinimizeMethod.NelderMead, options: options);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(165, r.Nfev);
        Assert.Equal(88, r.Nit);
        Assert.Equal(3.906475844419729e-09, r.Fun, 1e-15);
    }

    [Fact]
    public void Nelder_mead_initial_simplex_of_the_wrong_shape_throws()
    {
        var options = new NelderMeadOptions { InitialSimplex = new double[2, 2] };
        var e = Assert.Throws<ArgumentException>(() => Optimize.Minimize(Rosen, [-1.2, 1.0], method: MinimizeMethod.NelderMead, options: options));
        Assert.Equal("options", e.ParamName);
    }

    [Theory]
    [InlineData(true, 1346, 0.004845238906313491)]
    [InlineData(false, 1415, 1.557041432741402)]
    public void Nelder_mead_adaptive_coefficients_give_scipys_path(bool adaptive, int nit, double fun)
    {
        // Σ i (xᵢ − 0.5)² from 0 in 10 dimensions, maxfev = 200 n = 2000: scipy stops at f = 0.004845 (adaptive,
        // nit 1346) and 1.557 (standard, nit 1415), both at the evaluation limit.
        var r = Optimize.Minimize((ObjectiveFunction)Quadratic, new double[10], method: MinimizeMethod.NelderMead, options: new NelderMeadOptions { Adaptive = adaptive });
        Assert.False(r.Success);
        Assert.Equal(OptimizeStatus.MaxFunctionEvaluationsReached, r.Status);
        // scipy's count or one less, and f to 1e-7: where the evaluation limit cuts the last iteration short, the two
        // stop one reflection apart (standard coefficients: f = 1.55704141 here, 1.55704143 there).
        Assert.InRange(r.Nit, nit - 1, nit);
        Assert.Equal(fun, r.Fun, 1e-7 * fun);
    }

    [Fact]
    public void Powell_direction_set_gives_scipys_path()
    {
        // scipy: direc=[[1, 1], [1, -1]] → nit 15, nfev 404, f = 1.9e-26 at (1, 1); the default unit directions take
        // 23 sweeps and 607 evaluations (both libraries). Ours follows scipy's path sweep by sweep (the same f to 12
        // digits and the same counts through sweep 14, 377 evaluations); the last sweep, at f ≈ 4e-19 where f is
        // rounding noise, takes 37 evaluations here and 27 there.
        var r = Optimize.Minimize(Rosen, [-1.2, 1.0], method: MinimizeMethod.Powell, options: new PowellOptions { Direc = new double[,] { { 1, 1 }, { 1, -1 } } });
        Assert.True(r.Success, r.ToString());
        Assert.Equal(15, r.Nit);
        Assert.InRange(r.Nfev, 404, 420);
        Assert.True(r.Fun < 1e-20, r.ToString());
        Assert.Equal(1.0, r.X[0], 1e-10);
    }

    [Fact]
    public void Lbfgsb_maxcor_gives_scipys_path()
    {
        // scipy: chained Rosenbrock, n = 10, rosen_der, maxcor = 3 → nit 82, nfev 96, f = 3.158e-9.
        var r = Optimize.Minimize(new ChainedRosenbrock(10), ChainedRosenbrock.Start(10), MinimizeMethod.LBfgsB, options: new LBfgsBOptions { MaxCor = 3 });
        Assert.True(r.Success, r.ToString());
        Assert.Equal(82, r.Nit);
        Assert.Equal(96, r.Nfev);
        Assert.Equal(3.1582291178714963e-09, r.Fun, 1e-12);
    }

    [Fact]
    public void Trust_region_radius_options_are_validated_and_used()
    {
        var f = new ExtendedRosenbrock(2);
        Assert.Equal("InitialTrustRadius", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Optimize.Minimize(f, [-1.2, 1.0], MinimizeMethod.TrustNcg, options: new TrustRegionOptions { InitialTrustRadius = 0 })).ParamName);
        Assert.Equal("Eta", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Optimize.Minimize(f, [-1.2, 1.0], MinimizeMethod.TrustNcg, options: new TrustRegionOptions { Eta = 0.3 })).ParamName);

        // A radius capped at 0.01 takes at least ‖x* − x0‖ / 0.01 ≈ 220 iterations to cover the distance to (1, 1).
        var small = Optimize.Minimize(f, [-1.2, 1.0], MinimizeMethod.TrustNcg, options: new TrustRegionOptions { InitialTrustRadius = 0.01, MaxTrustRadius = 0.01, MaxIter = 5000 });
        Assert.True(small.Success, small.ToString());
        Assert.True(small.Nit >= 220, small.ToString());
    }

    [Fact]
    public void Options_of_another_method_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], MinimizeMethod.Bfgs, options: new LBfgsBOptions()));
        Assert.Equal("options", e.ParamName);
    }
}
