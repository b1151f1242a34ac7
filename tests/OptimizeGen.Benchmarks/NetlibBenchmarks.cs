using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using OptimizeGen;
using OptimizeGen.TestProblems;

namespace OptimizeGen.Benchmarks;

/// <summary>
/// linprog on Netlib: the managed dual simplex against HiGHS's dual simplex (both single-threaded, presolve on), per
/// problem, with the ratio per problem and the geometric mean of the ratios over every problem in the run.
/// <code>
///   dotnet run -c Release --project tests/OptimizeGen.Benchmarks -- --filter '*NetlibBenchmarks*'
///   OPTIMIZEGEN_NETLIB=all dotnet run -c Release --project tests/OptimizeGen.Benchmarks -- --filter '*NetlibBenchmarks*'
/// </code>
/// The default set is the fast tier of the tests; OPTIMIZEGEN_NETLIB=all takes every problem, or a comma-separated list names some.
/// </summary>
[Config(typeof(Config))]
public class NetlibBenchmarks
{
    private LinearProgram _problem = null!;

    /// <summary>The Netlib problem.</summary>
    [ParamsSource(nameof(Problems))]
    public string Problem { get; set; } = "afiro";

    public static IEnumerable<string> Problems()
    {
        string? chosen = Environment.GetEnvironmentVariable("OPTIMIZEGEN_NETLIB");
        if (Netlib.All.Count == 0)
        {
            throw new InvalidOperationException(ReferenceData.MissingMessage("netlib"));
        }

        if (string.Equals(chosen, "all", StringComparison.OrdinalIgnoreCase))
        {
            return Netlib.All.Select(p => p.Name);
        }

        return string.IsNullOrWhiteSpace(chosen) ? Netlib.FastTier : chosen.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    [GlobalSetup]
    public void Setup()
    {
        NetlibProblem problem = Netlib.Find(Problem) ?? throw new InvalidOperationException($"No Netlib problem '{Problem}'.");
        _problem = LinearProgram.ReadMps(problem.Path);
    }

    [Benchmark(Baseline = true)]
    public double Highs() => Solve(LinprogMethod.HighsDs);

    [Benchmark]
    public double Simplex() => Solve(LinprogMethod.Simplex);

    private double Solve(LinprogMethod method)
    {
        LinprogResult result = Optimize.Linprog(_problem, method);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{Problem} {method}: {result}");
        }

        return result.Fun;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // In process: the generated boilerplate project would import tests/Directory.Build.props, whose global
            // `using Xunit` it cannot resolve.
            AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(7).WithLaunchCount(1)
                .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
            AddColumn(new GeometricMeanRatioColumn());
            SummaryStyle = BenchmarkDotNet.Reports.SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
        }
    }

    /// <summary>The geometric mean over all problems of mean(Simplex) / mean(Highs), shown on every row.</summary>
    private sealed class GeometricMeanRatioColumn : IColumn
    {
        public string Id => nameof(GeometricMeanRatioColumn);

        public string ColumnName => "GeoMean Simplex/HiGHS";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Geometric mean over every problem of this run of the managed simplex's mean time over HiGHS's";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var means = summary.Reports
                .Where(r => r.ResultStatistics is not null)
                .GroupBy(r => r.BenchmarkCase.Parameters["Problem"]?.ToString() ?? string.Empty)
                .Select(g => (
                    Highs: g.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(Highs))?.ResultStatistics?.Mean,
                    Simplex: g.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(Simplex))?.ResultStatistics?.Mean))
                .Where(p => p.Highs is > 0 && p.Simplex is > 0)
                .ToList();
            if (means.Count == 0)
            {
                return "-";
            }

            double logSum = means.Sum(p => Math.Log(p.Simplex!.Value / p.Highs!.Value));
            return Math.Exp(logSum / means.Count).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + $" ({means.Count} problems)";
        }
    }
}
