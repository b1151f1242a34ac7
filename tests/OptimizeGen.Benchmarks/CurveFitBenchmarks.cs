using BenchmarkDotNet.Attributes;
using OptimizeGen.TestProblems;
using OptimizeGen.TestProblems.Nist;

namespace OptimizeGen.Benchmarks;

/// <summary>
/// Every NIST StRD nonlinear regression fit (27 sets × 2 starts), timed two ways: scipy's defaults
/// (curve_fit → Lm, finite-difference Jacobian, ftol = xtol = gtol = 1e-8) and the certification settings of
/// NistCertificationTests (Trf, x_scale = 'jac', 3-point relative differences, ftol = xtol = 1e-15, gtol = 0).
/// Run: dotnet run -c Release --project tests/OptimizeGen.Benchmarks -- --filter '*CurveFit*'
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class CurveFitBenchmarks
{
    private NistDataSet _data = null!;
    private NistModel _model = null!;
    private double[] _y = null!;
    private double[] _start = null!;

    private static readonly CurveFitOptions Tight = new()
    {
        Method = LeastSquaresMethod.Trf,
        XScale = XScale.Jac,
        JacScheme = FiniteDifferenceScheme.ThreePoint,
        DiffStep = NumericalDifferentiation.DefaultRelativeStep(FiniteDifferenceScheme.ThreePoint),
        Ftol = 1e-15,
        Xtol = 1e-15,
        Gtol = 0,
        MaxNfev = 20000,
    };

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

    [Benchmark(Baseline = true, Description = "CurveFit defaults (Lm)")]
    public double Default() => Optimize.CurveFit(_model, _data.X, _y, _start).Rss;

    [Benchmark(Description = "Certification settings (Trf, tight)")]
    public double Certification() => Optimize.CurveFit(_model, _data.X, _y, _start, Tight).Rss;
}
