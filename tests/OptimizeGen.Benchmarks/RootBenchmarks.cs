using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using OptimizeGen.TestProblems.Minpack;

namespace OptimizeGen.Benchmarks;

/// <summary>
/// hybr and lm on the 55 runs of MINPACK-1's hybrj test driver with exact Jacobians: time per solve, and (extra columns) the
/// evaluations of F and of the Jacobian, the final ‖F‖ and the status, beside MINPACK hybrj1's published evaluation count.
/// "Hybr (hybrj1)" uses hybrj1's settings (unit scaling, xtol = √ε); "Hybr" and "Lm" use scipy's defaults (automatic scaling).
/// Run: dotnet run -c Release --project tests/OptimizeGen.Benchmarks -- --filter '*MinpackRootBenchmarks*' scipy's side: /usr/bin/python3 tests/OptimizeGen.Benchmarks/scipy/root_minpack.py hybr --unit
/// </summary>
[Config(typeof(RootColumnsConfig))]
public class MinpackRootBenchmarks
{
    [ParamsSource(nameof(Methods))]
    public string Method { get; set; } = "Hybr (hybrj1)";

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "1 n=2 x1";

    public static IEnumerable<string> Methods() => ["Hybr (hybrj1)", "Hybr", "Lm"];

    public static IEnumerable<string> Cases() => MinpackCases.All.Select(RootRuns.ShortLabel);

    [Benchmark]
    public double Solve() => RootRuns.Run(Method, Case).FunNorm;
}

/// <summary>
/// The quasi-Newton and derivative-free methods (scipy's defaults; krylov with exact Jacobian-vector products) on the standard
/// start of each MINPACK system, with the same extra columns.
/// Run: dotnet run -c Release --project tests/OptimizeGen.Benchmarks -- --filter '*QuasiNewtonRootBenchmarks*'
/// </summary>
[Config(typeof(RootColumnsConfig))]
public class QuasiNewtonRootBenchmarks
{
    [ParamsSource(nameof(Methods))]
    public string Method { get; set; } = "Broyden1";

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "1 n=2 x1";

    public static IEnumerable<string> Methods() => ["Broyden1", "Broyden2", "Anderson", "Krylov", "DfSane", "DiagBroyden", "Hybr"];

    public static IEnumerable<string> Cases() => MinpackCases.All.Where(c => c.Factor == 1).Select(RootRuns.ShortLabel);

    [Benchmark]
    public double Solve() => RootRuns.Run(Method, Case).FunNorm;
}

/// <summary>Runs one (method, case) pair the way the benchmarks name it.</summary>
public static class RootRuns
{
    private static readonly ConcurrentDictionary<(string, string), RootResult> Cache = new();

    /// <summary>"problem n=N xFactor", e.g. "7 n=6 x10" (BenchmarkDotNet shortens longer parameter values).</summary>
    public static string ShortLabel(MinpackCase c) => $"{c.Number} n={c.N} x{c.Factor:G3}";

    /// <summary>The run a short label names.</summary>
    public static MinpackCase Find(string shortLabel) => MinpackCases.All.First(c => ShortLabel(c) == shortLabel);

    public static RootResult Run(string method, string shortLabel)
    {
        var c = Find(shortLabel);
        var x0 = c.StartingPoint();
        return method switch
        {
            "Hybr (hybrj1)" => Optimize.Root(c.System(), x0, RootMethod.Hybr, new RootOptions { Diag = Ones(c.N) }),
            "Hybr (fd)" => Optimize.Root(c.Function, x0, RootMethod.Hybr),
            _ => Optimize.Root(c.System(), x0, Enum.Parse<RootMethod>(method)),
        };
    }

    /// <summary>One run per pair, kept for the columns.</summary>
    public static RootResult Once(string method, string label) => Cache.GetOrAdd((method, label), k => Run(k.Item1, k.Item2));

    private static double[] Ones(int n)
    {
        var d = new double[n];
        Array.Fill(d, 1.0);
        return d;
    }
}

/// <summary>
/// A short in-process job (one warm-up, three 100 ms iterations: the solves take microseconds to a millisecond, and 300+ cases must
/// finish in minutes on a shared machine), and the evaluation counts, the final ‖F‖, the status and MINPACK's published count as
/// columns.
/// </summary>
public sealed class RootColumnsConfig : ManualConfig
{
    public RootColumnsConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100))
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Short-InProcess"));
        AddColumn(
            new RootColumn("Nfev", "Evaluations of F (including forward differences)", r => r.Nfev.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new RootColumn("Njev", "Jacobian evaluations (krylov: Jacobian-vector products)", r => r.Njev.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new RootColumn("FNorm", "Final ‖F‖₂", r => r.FunNorm.ToString("0.0E+0", System.Globalization.CultureInfo.InvariantCulture)),
            new RootColumn("Status", "Why the solve stopped", r => r.Status.ToString()),
            new PublishedColumn());
    }
}

/// <summary>A column computed from one solve of the benchmark's (Method, Case).</summary>
public sealed class RootColumn(string name, string legend, Func<RootResult, string> value) : IColumn
{
    public string Id => "Root" + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => name is "Nfev" or "Njev";

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        value(RootRuns.Once((string)benchmarkCase.Parameters["Method"], (string)benchmarkCase.Parameters["Case"]));

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}

/// <summary>MINPACK hybrj1's published evaluation count for the run (Moré, Garbow, Hillstrom, ANL-80-74 test output).</summary>
public sealed class PublishedColumn : IColumn
{
    public string Id => "RootHybrj1Nfev";

    public string ColumnName => "hybrj1 nfev";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "MINPACK hybrj1's published number of evaluations of F for this run";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        RootRuns.Find((string)benchmarkCase.Parameters["Case"]).HybrjNfev.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
