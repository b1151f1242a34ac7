using OptimizeGen.TestProblems.HockSchittkowski;

namespace OptimizeGen.Tests.Constrained;

public class ConstrainedMonitorTests
{
    [Theory]
    [InlineData(MinimizeMethod.Slsqp)]
    [InlineData(MinimizeMethod.TrustConstr)]
    [InlineData(MinimizeMethod.Cobyla)]
    public void Callback_stops_the_solve_and_sees_every_iteration(MinimizeMethod method)
    {
        var p = Hs100.Problem;
        var seen = new List<int>();
        var options = new MinimizeOptions
        {
            Callback = it =>
            {
                seen.Add(it.Iteration);
                Assert.Equal(p.N, it.X.Length);
                return it.Iteration == 3;
            },
        };
        var r = Optimize.Minimize(p.CreateObjective(), p.X0, p.CreateConstraints(), method, p.Bounds, options);
        Assert.Equal(OptimizeStatus.StoppedByCallback, r.Status);
        Assert.False(r.Success);
        Assert.Equal([1, 2, 3], seen);
        Assert.Contains("callback", r.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(MinimizeMethod.Slsqp)]
    [InlineData(MinimizeMethod.TrustConstr)]
    [InlineData(MinimizeMethod.Cobyla)]
    public void Cancellation_is_reported(MinimizeMethod method)
    {
        var p = Hs071.Problem;
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var r = Optimize.Minimize(p.CreateObjective(), p.X0, p.CreateConstraints(), method, p.Bounds, new MinimizeOptions { CancellationToken = cts.Token });
        Assert.Equal(OptimizeStatus.Cancelled, r.Status);
        Assert.Equal(p.N, r.X.Length);
    }
}
