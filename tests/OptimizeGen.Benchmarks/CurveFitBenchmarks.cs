using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using OptimizeGen.TestProblems;
using OptimizeGen.TestProblems.Nist;

namespace OptimizeGen.Benchmarks;

/// <summary>
/// Every NIST StRD nonlinear regression fit (27 sets × 2 starts), timed three ways:
/// <list type="bullet">
/// <item>Exact: <c>Optimize.CurveFit(model, x, y, start)</c> with scipy's defaults (Lm, ftol = xtol = 1.49e-8) and the
/// model's exact gradient — the path a generated <c>MModel</c> takes;</item>
/// <item>FiniteDifferences: the same without the gradient, MINPACK's forward differences — exactly scipy's
/// <c>curve_fit(f, x, y, p0)</c>;</item>
/// <item>Certification: the settings of NistCertificationTests (Lm, ftol = xtol = 1e-15, gtol = 0, Gauss–Newton
/// refinement, exact gradient).</item>
/// </list>
/// scipy's side: tests/OptimizeGen.Benchmarks/scipy/nist_curve_fit.py. Run:
/// dotnet run -c Release --project tests/OptimizeGen.Benchmarks -- --filter '*CurveFitBenchmarks*' --exporters csv
/// (162 benchmarks, in process, 3 warm-up and 7 measured iterations of 100 ms each: about 8 minutes.)
/// </summary>
[Config(typeof(InProcessShortConfig))]
public class CurveFitBenchmarks
{
    /// <summary>
    /// In process (BenchmarkDotNet's generated project would pick up the test projects' global <c>using Xunit</c>
    /// from tests/Directory.Build.props), with short fixed iteration counts to keep 162 cases to minutes.
    /// </summary>
    private sealed class InProcessShortConfig : ManualConfig
    {
        public InProcessShortConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(7)
                .WithIterationTime(TimeInterval.FromMilliseconds(100)));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }

    private static readonly CurveFitOptions Certification = new()
    {
        Method = LeastSquaresMethod.Lm,
        Ftol = 1e-15,
        Xtol = 1e-15,
        Gtol = 0,
        MaxNfev = 20000,
        Refine = true,
    };

    private NistDataSet _data = null!;
    private NistModel _model = null!;
    private double[] _y = null!;
    private double[] _start = null!;

    /// <summary>"Name/start", e.g. "Misra1a/1".</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "Misra1a/1";

    public static IEnumerable<string> Cases() => NistDataSet.Names.SelectMany(n => new[] { n + "/1", n + "/2" });

    [GlobalSetup]
    public void Setup()
    {
        if (ReferenceData.Nist is null)
        {
            throw new InvalidOperationException(ReferenceData.MissingMessage("nist"));
        }

        string[] parts = Case.Split('/');
        _data = NistDataSet.Load(parts[0]);
        _model = NistModel.For(parts[0]);
        _y = _data.Response;
        _start = _data.Starts[int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 1];
    }

    [Benchmark(Baseline = true)]
    public double Exact() => Optimize.CurveFit(_model, _data.X, _y, _start).Rss;

    [Benchmark]
    public double FiniteDifferences() => Optimize.CurveFit(_model.ValuesOnly, _data.X, _y, _start).Rss;

    [Benchmark]
    public double Certify() => Optimize.CurveFit(_model, _data.X, _y, _start, Certification).Rss;
}
