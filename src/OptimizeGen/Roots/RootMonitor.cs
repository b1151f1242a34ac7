namespace OptimizeGen;

/// <summary>
/// What every root method does after an iteration: reports it to <see cref="RootOptions.Callback"/> and
/// <see cref="RootOptions.Progress"/>, and checks cancellation and the time limit. Returns the status that stops the solve, if any.
/// </summary>
internal sealed class RootMonitor(RootOptions options)
{
    private readonly long start = System.Diagnostics.Stopwatch.GetTimestamp();

    public (RootStatus Status, string Message)? AfterIteration(int iteration, double[] x, double fnorm, int nfev)
    {
        var report = new OptimizeIteration(iteration, x, fnorm, nfev);
        options.Progress?.Report(report);
        if (options.Callback is { } callback && callback(report))
        {
            return (RootStatus.StoppedByCallback, "The callback asked to stop.");
        }

        if (options.CancellationToken.IsCancellationRequested)
        {
            return (RootStatus.Cancelled, $"The solve was cancelled after iteration {iteration}.");
        }

        if (options.TimeLimit is TimeSpan limit && System.Diagnostics.Stopwatch.GetElapsedTime(start) >= limit)
        {
            return (RootStatus.TimeLimitReached, $"The time limit of {limit.TotalSeconds:G4} s was reached after iteration {iteration}.");
        }

        return null;
    }
}
