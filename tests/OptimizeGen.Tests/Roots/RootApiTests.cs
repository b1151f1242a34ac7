using OptimizeGen.TestProblems.Minpack;

namespace OptimizeGen.Tests.Roots;

/// <summary>Optimize.Root's overloads, argument checks and result fields.</summary>
public class RootApiTests
{
    private static void Circle(ReadOnlySpan<double> x, Span<double> f)
    {
        // x² + y² = 4 and y = x: root (√2, √2) from a positive start.
        f[0] = x[0] * x[0] + x[1] * x[1] - 4;
        f[1] = x[1] - x[0];
    }

    private static void CircleJacobian(ReadOnlySpan<double> x, Span<double> jac)
    {
        jac[0] = 2 * x[0];
        jac[1] = 2 * x[1];
        jac[2] = -1;
        jac[3] = 1;
    }

    [Theory]
    [InlineData(RootMethod.Hybr)]
    [InlineData(RootMethod.Lm)]
    [InlineData(RootMethod.Broyden1)]
    [InlineData(RootMethod.Broyden2)]
    [InlineData(RootMethod.Anderson)]
    [InlineData(RootMethod.Krylov)]
    [InlineData(RootMethod.DfSane)]
    public void Delegate_overloads_find_the_known_root(RootMethod method)
    {
        double s = Math.Sqrt(2);
        var withoutJacobian = Optimize.Root(Circle, [1.0, 2.0], method);
        var withJacobian = Optimize.Root(Circle, CircleJacobian, [1.0, 2.0], method);
        foreach (var r in new[] { withoutJacobian, withJacobian })
        {
            Assert.True(r.Success, r.ToString());
            Assert.Equal(s, r.X[0], 5e-6);
            Assert.Equal(s, r.X[1], 5e-6);
            Assert.Equal(method, r.Method);
            Assert.True(r.Nfev > 0);
        }

        if (method is RootMethod.Hybr or RootMethod.Lm)
        {
            // The exact Jacobian replaces forward differences: fewer evaluations of F, and Jacobian evaluations counted.
            Assert.True(withJacobian.Nfev < withoutJacobian.Nfev, $"{withJacobian.Nfev} ≥ {withoutJacobian.Nfev}");
            Assert.True(withJacobian.Njev >= 1);
        }
    }

    [Fact]
    public void Hybr_returns_its_final_jacobian_approximation_exact_for_a_linear_system()
    {
        // For F(x) = A·x − b every secant is exact, so the rank-one updates keep Q·R = A.
        double[] a = [4, 1, 0, 1, 3, 1, 0, 1, 2];
        double[] b = [1, 2, 3];
        VectorFunction linear = (x, f) =>
        {
            for (int i = 0; i < 3; i++)
            {
                f[i] = a[3 * i] * x[0] + a[3 * i + 1] * x[1] + a[3 * i + 2] * x[2] - b[i];
            }
        };
        var r = Optimize.Root(linear, (x, jac) => a.CopyTo(jac), [10.0, -10.0, 10.0], RootMethod.Hybr);
        Assert.True(r.Success, r.ToString());
        Assert.NotNull(r.Jac);
        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(a[i], r.Jac![i], 1e-9);
        }
    }

    [Fact]
    public void Hybr_with_a_band_spends_fewer_evaluations_on_differences()
    {
        var c = MinpackCases.Find("14 BroydenBanded n=10 x1");
        var dense = Optimize.Root(c.Function, c.StartingPoint(), RootMethod.Hybr);
        var banded = Optimize.Root(c.Function, c.StartingPoint(), RootMethod.Hybr, new RootOptions { Band = (5, 1) });
        Assert.True(dense.Success && banded.Success);
        Assert.True(banded.Nfev < dense.Nfev, $"{banded.Nfev} ≥ {dense.Nfev}");
        for (int i = 0; i < c.N; i++)
        {
            Assert.Equal(dense.X[i], banded.X[i], 1e-7);
        }
    }

    [Fact]
    public void Lm_solves_an_overdetermined_consistent_system()
    {
        var system = new OverdeterminedLine();
        var r = Optimize.Root(system, [0.0, 0.0], RootMethod.Lm);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(3, r.Fun.Length);
        Assert.Equal(1.0, r.X[0], 1e-8);
        Assert.Equal(2.0, r.X[1], 1e-8);
    }

    [Fact]
    public void Lm_reports_an_inconsistent_system_as_a_stationary_point_not_a_root()
    {
        var r = Optimize.Root(new InconsistentSystem(), [0.0], RootMethod.Lm);
        Assert.False(r.Success);
        Assert.Equal(RootStatus.StationaryPoint, r.Status);
        Assert.Equal(1.0, r.X[0], 1e-6); // the least-squares point of x = 0 and x = 2
    }

    [Fact]
    public void Maxfev_stops_hybr_with_that_status()
    {
        var c = MinpackCases.Find("4 Wood n=4 x100");
        var r = Optimize.Root(c.System(), c.StartingPoint(), RootMethod.Hybr, new RootOptions { Maxfev = 20 });
        Assert.Equal(RootStatus.MaxFunctionEvaluationsReached, r.Status);
        Assert.False(r.Success);
        Assert.Equal(20, r.Nfev);
    }

    [Theory]
    [InlineData(RootMethod.Hybr)]
    [InlineData(RootMethod.Lm)]
    [InlineData(RootMethod.Broyden1)]
    [InlineData(RootMethod.DfSane)]
    public void Callback_can_stop_every_method(RootMethod method)
    {
        int calls = 0;
        var r = Optimize.Root(Circle, [1.0, 2.0], method, new RootOptions { Callback = _ => ++calls >= 2 });
        Assert.Equal(RootStatus.StoppedByCallback, r.Status);
        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData(RootMethod.Hybr)]
    [InlineData(RootMethod.Lm)]
    [InlineData(RootMethod.Anderson)]
    [InlineData(RootMethod.DfSane)]
    public void Cancellation_time_limit_and_progress_are_honoured(RootMethod method)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var c = Optimize.Root(Circle, [1.0, 2.0], method, new RootOptions { CancellationToken = cancelled.Token });
        Assert.Equal(RootStatus.Cancelled, c.Status);
        Assert.False(c.Success);

        var t = Optimize.Root(Circle, [1.0, 2.0], method, new RootOptions { TimeLimit = TimeSpan.Zero });
        Assert.Equal(RootStatus.TimeLimitReached, t.Status);

        var reports = new List<OptimizeIteration>();
        var p = Optimize.Root(Circle, [1.0, 2.0], method, new RootOptions { Progress = new Collect(reports) });
        Assert.True(p.Success, p.ToString());
        Assert.NotEmpty(reports);
        Assert.True(reports[^1].Nfev <= p.Nfev);
    }

    private sealed class Collect(List<OptimizeIteration> into) : IProgress<OptimizeIteration>
    {
        public void Report(OptimizeIteration value) => into.Add(value);
    }

    [Fact]
    public void Generic_tol_maps_onto_the_methods_option_as_scipy_does()
    {
        // hybr: tol is xtol — a tighter tol gives a more accurate root.
        var loose = Optimize.Root(Circle, [1.0, 2.0], RootMethod.Hybr, new RootOptions { Tol = 1e-3 });
        var tight = Optimize.Root(Circle, [1.0, 2.0], RootMethod.Hybr, new RootOptions { Tol = 1e-12 });
        Assert.True(loose.Success, loose.ToString());
        Assert.True(tight.Success, tight.ToString());
        Assert.True(tight.FunNorm < 1e-10 && tight.FunNorm < loose.FunNorm, tight.ToString());

        // broyden1: tol is the relative step test, the residual tests are off; an explicit Fatol still wins.
        var stepTest = Optimize.Root(Circle, [1.0, 2.0], RootMethod.Broyden1, new RootOptions { Tol = 1e-12 });
        Assert.True(stepTest.Success, stepTest.ToString());
        Assert.Equal(Math.Sqrt(2), stepTest.X[0], 1e-9);

        // df-sane: tol is ftol, relative to ‖F(x0)‖.
        var dfsane = Optimize.Root(Circle, [1.0, 2.0], RootMethod.DfSane, new RootOptions { Tol = 1e-12 });
        Assert.True(dfsane.Success && dfsane.FunNorm < 1e-11, dfsane.ToString());
        Assert.Equal("Tol", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.Root(Circle, [1.0, 1.0], options: new RootOptions { Tol = -1 })).ParamName);
    }

    [Fact]
    public void Non_finite_function_at_x0_is_a_result_not_an_exception()
    {
        var r = Optimize.Root((x, f) => f[0] = Math.Log(x[0]), [-1.0]);
        Assert.Equal(RootStatus.NotFinite, r.Status);
        Assert.False(r.Success);
    }

    [Fact]
    public void Trial_points_where_f_is_not_finite_shrink_the_step()
    {
        // log x = 1 from x = 0.1: the first full Newton-type steps may land at x < 0.
        var r = Optimize.Root((x, f) => f[0] = Math.Log(x[0]) - 1, [0.1], RootMethod.Hybr, new RootOptions { Xtol = 1e-12 });
        Assert.True(r.Success, r.ToString());
        Assert.Equal(Math.E, r.X[0], 1e-9);
    }

    [Fact]
    public void Null_function_throws_naming_it()
    {
        Assert.Equal("fun", Assert.Throws<ArgumentNullException>(() => Optimize.Root((VectorFunction)null!, [1.0])).ParamName);
        Assert.Equal("fun", Assert.Throws<ArgumentNullException>(() => Optimize.Root((IVectorFunction)null!, [1.0])).ParamName);
        Assert.Equal("jac", Assert.Throws<ArgumentNullException>(() => Optimize.Root(Circle, null!, [1.0, 1.0])).ParamName);
    }

    [Fact]
    public void Bad_x0_throws_naming_it()
    {
        Assert.Equal("x0", Assert.Throws<ArgumentException>(() => Optimize.Root(Circle, ReadOnlySpan<double>.Empty)).ParamName);
        Assert.Equal("x0", Assert.Throws<ArgumentException>(() => Optimize.Root(Circle, [1.0, double.NaN])).ParamName);
        var c = MinpackCases.Find("1 Rosenbrock n=2 x1");
        Assert.Equal("x0", Assert.Throws<ArgumentException>(() => Optimize.Root(c.System(), [1.0, 2.0, 3.0])).ParamName);
        // A non-square system is for lm only.
        Assert.Equal("x0", Assert.Throws<ArgumentException>(() => Optimize.Root(new OverdeterminedLine(), [0.0, 0.0], RootMethod.Hybr)).ParamName);
    }

    [Fact]
    public void Bad_options_throw_naming_the_option()
    {
        Assert.Equal("Xtol", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.Root(Circle, [1.0, 1.0], options: new RootOptions { Xtol = -1 })).ParamName);
        Assert.Equal("Fatol", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.Root(Circle, [1.0, 1.0], options: new RootOptions { Fatol = double.NaN })).ParamName);
        Assert.Equal("MaxIter", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.Root(Circle, [1.0, 1.0], options: new RootOptions { MaxIter = 0 })).ParamName);
        Assert.Equal("Factor", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.Root(Circle, [1.0, 1.0], options: new RootOptions { Factor = 0 })).ParamName);
        Assert.Equal("Diag", Assert.Throws<ArgumentException>(() => Optimize.Root(Circle, [1.0, 1.0], options: new RootOptions { Diag = [1.0] })).ParamName);
        Assert.Equal("Diag", Assert.Throws<ArgumentException>(() => Optimize.Root(Circle, [1.0, 1.0], options: new RootOptions { Diag = [1.0, -1.0] })).ParamName);
        Assert.Equal("method", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.Root(Circle, [1.0, 1.0], (RootMethod)99)).ParamName);
        Assert.Equal("TimeLimit", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.Root(Circle, [1.0, 1.0], options: new RootOptions { TimeLimit = TimeSpan.FromSeconds(-1) })).ParamName);
        Assert.Equal("MaxRank", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.Root(Circle, [1.0, 1.0], RootMethod.Broyden1, new RootOptions { JacOptions = new RootJacobianOptions { MaxRank = 0 } })).ParamName);
        Assert.Equal("Alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.Root(Circle, [1.0, 1.0], RootMethod.Broyden1, new RootOptions { JacOptions = new RootJacobianOptions { Alpha = -1 } })).ParamName);
    }

    private sealed class OverdeterminedLine : IJacobianFunction
    {
        public int InputDimension => 2;

        public int OutputDimension => 3;

        public void Evaluate(ReadOnlySpan<double> x, Span<double> f)
        {
            f[0] = x[0] - 1;
            f[1] = x[1] - 2;
            f[2] = x[0] + x[1] - 3;
        }

        public void EvaluateWithJacobian(ReadOnlySpan<double> x, Span<double> f, Span<double> jacobian)
        {
            Evaluate(x, f);
            jacobian[0] = 1;
            jacobian[1] = 0;
            jacobian[2] = 0;
            jacobian[3] = 1;
            jacobian[4] = 1;
            jacobian[5] = 1;
        }
    }

    private sealed class InconsistentSystem : IVectorFunction
    {
        public int InputDimension => 1;

        public int OutputDimension => 2;

        public void Evaluate(ReadOnlySpan<double> x, Span<double> f)
        {
            f[0] = x[0];
            f[1] = x[0] - 2;
        }
    }
}
