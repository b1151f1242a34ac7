using OptimizeGen.TestProblems.Mgh;

namespace OptimizeGen.Tests.Minimize;

public class BfgsTests
{
    [Fact]
    public void Rosenbrock_with_exact_gradient_reaches_the_published_minimum()
    {
        var f = new ExtendedRosenbrock(2);
        var r = Optimize.Minimize(f, [-1.2, 1.0], MinimizeMethod.Bfgs);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(MinimizeMethod.Bfgs, r.Method);
        // gtol = 1e-5 on the ∞-norm; near x* the Hessian's smallest eigenvalue is ≈ 0.4, so |x − x*| ≲ 1e-5/0.4.
        Assert.Equal(1.0, r.X[0], 1e-4);
        Assert.Equal(1.0, r.X[1], 1e-4);
        Assert.True(r.Fun < 1e-9, r.ToString());
        Assert.True(r.Jac!.Max(Math.Abs) <= 1e-5);
        Assert.Equal(r.Nfev, f.Calls);
        Assert.Equal(r.Nfev, r.Njev);
        Assert.True(r.Nit is > 10 and < 100, r.ToString());
        Assert.NotNull(r.HessInv);
        // The inverse-Hessian approximation at x* ≈ [[0.5, 1], [1, 2.005]] (the exact inverse of [[802, −400], [−400, 200]]).
        Assert.Equal(0.5, r.HessInv![0, 0], 0.15);
        Assert.Equal(1.0, r.HessInv[0, 1], 0.3);
    }

    [Fact]
    public void Default_method_without_bounds_is_bfgs()
    {
        var r = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0]);
        Assert.Equal(MinimizeMethod.Bfgs, r.Method);
        Assert.True(r.Success, r.ToString());
    }

    [Fact]
    public void Delegate_with_finite_differences_converges_and_counts_the_extra_evaluations()
    {
        int calls = 0;
        var r = Optimize.Minimize(
            (ReadOnlySpan<double> x) =>
            {
                calls++;
                return 100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2);
            },
            [-1.2, 1.0],
            method: MinimizeMethod.Bfgs);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(1.0, r.X[0], 1e-3);
        Assert.Equal(1.0, r.X[1], 1e-3);
        Assert.Equal(calls, r.Nfev);
        Assert.Equal(3 * r.Njev, r.Nfev); // 2-point: f(x) and one step per variable
    }

    [Fact]
    public void Array_delegate_overload_with_gradient()
    {
        var r = Optimize.Minimize(
            (double[] x) => (x[0] - 3) * (x[0] - 3) + 10 * (x[1] + 1) * (x[1] + 1),
            new[] { 0.0, 0.0 },
            x => [2 * (x[0] - 3), 20 * (x[1] + 1)]);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(3.0, r.X[0], 1e-6);
        Assert.Equal(-1.0, r.X[1], 1e-6);
    }

    [Fact]
    public void Gtol_and_norm_options_are_honoured()
    {
        var loose = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], MinimizeMethod.Bfgs, options: new BfgsOptions { Gtol = 1e-2 });
        var tight = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], MinimizeMethod.Bfgs, options: new BfgsOptions { Gtol = 1e-9, Norm = 2 });
        Assert.True(loose.Success && tight.Success);
        Assert.True(loose.Jac!.Max(Math.Abs) <= 1e-2);
        Assert.True(Math.Sqrt(tight.Jac!.Sum(v => v * v)) <= 1e-9);
        Assert.True(loose.Nit < tight.Nit);
    }

    [Fact]
    public void Maxiter_stops_without_claiming_success()
    {
        var r = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], MinimizeMethod.Bfgs, options: new MinimizeOptions { MaxIter = 5 });
        Assert.False(r.Success);
        Assert.Equal(OptimizeStatus.MaxIterationsReached, r.Status);
        Assert.Equal(5, r.Nit);
        Assert.Contains("maxiter", r.Message);
    }
}
