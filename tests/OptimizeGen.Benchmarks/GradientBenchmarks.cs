using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace OptimizeGen.Benchmarks;

/// <summary>In process, short fixed iteration counts, allocations measured: the settings of the generator benchmarks.</summary>
internal sealed class GradientConfig : ManualConfig
{
    public GradientConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(TimeInterval.FromMilliseconds(200)));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>
/// The cost of a generated gradient against the value alone and against central differences (2n evaluations),
/// on the extended Rosenbrock function at n = 2, 100, 1000. Target: gradient ≤ 3× value, 0 bytes per call.
/// Run: dotnet run -c Release --project tests/OptimizeGen.Benchmarks -- --filter '*RosenbrockGradientBenchmarks*'
/// </summary>
[Config(typeof(GradientConfig))]
public partial class RosenbrockGradientBenchmarks
{
    private double[] _x = null!;
    private double[] _g = null!;

    [Params(2, 100, 1000)]
    public int N { get; set; }

    [Objective]
    public static double ExtendedRosenbrock(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int k = 0; k < x.Length / 2; k++)
        {
            int i = 2 * k;
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }

        return sum;
    }

    [GlobalSetup]
    public void Setup()
    {
        _x = Enumerable.Range(0, N).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
        _g = new double[N];
    }

    [Benchmark(Baseline = true)]
    public double Value() => ExtendedRosenbrock(_x);

    [Benchmark]
    public double GeneratedGradient() => ExtendedRosenbrockGradient(_x, _g);

    [Benchmark]
    public double CentralDifferences()
    {
        double[] x = _x;
        for (int j = 0; j < x.Length; j++)
        {
            double xj = x[j];
            double h = 6.055454452393343e-06 * Math.Max(1.0, Math.Abs(xj)); // ε^(1/3), scipy's 3-point step
            x[j] = xj + h;
            double fp = ExtendedRosenbrock(x);
            x[j] = xj - h;
            double fm = ExtendedRosenbrock(x);
            x[j] = xj;
            _g[j] = (fp - fm) / (2 * h);
        }

        return _g[0];
    }
}

/// <summary>
/// A least-squares loss over 10,000 data points, Σ (a·exp(−k·tᵢ) + c − yᵢ)²: the value against its generated gradient.
/// Run: dotnet run -c Release --project tests/OptimizeGen.Benchmarks -- --filter '*LossGradientBenchmarks*'
/// </summary>
[Config(typeof(GradientConfig))]
public partial class LossGradientBenchmarks
{
    private static readonly double[] T = Enumerable.Range(0, 10_000).Select(i => i * 1e-3).ToArray();
    private static readonly double[] Y = T.Select(t => 2.5 * Math.Exp(-1.3 * t) + 0.5 + 1e-3 * Math.Sin(1e3 * t)).ToArray();

    [Objective]
    public static double Loss(double a, double k, double c)
    {
        double sum = 0;
        for (int i = 0; i < T.Length; i++)
        {
            double r = a * Math.Exp(-k * T[i]) + c - Y[i];
            sum += r * r;
        }

        return sum;
    }

    [Benchmark(Baseline = true)]
    public double Value() => Loss(2.0, 1.0, 0.4);

    [Benchmark]
    public double GeneratedGradient() => LossGradient(2.0, 1.0, 0.4, out _, out _, out _);
}

/// <summary>
/// NIST Rat43 (15 points, 4 parameters): residuals plus the 15×4 Jacobian, generated ([Model] Rat43Jacobian per point,
/// and its batch form over all points, which computes 1/b4 once)
/// against a hand-optimized analytic version (one exp and one pow per point, shared between value and derivatives),
/// a naive analytic one (each derivative from its textbook formula) and central differences.
/// Target: generated within 1.1× of hand-optimized.
/// Run: dotnet run -c Release --project tests/OptimizeGen.Benchmarks -- --filter '*Rat43JacobianBenchmarks*'
/// </summary>
[Config(typeof(GradientConfig))]
public partial class Rat43JacobianBenchmarks
{
    // NIST StRD Rat43 data (x, y) and the certified solution.
    private static readonly double[] X = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
    private static readonly double[] Y =
    {
        16.08, 33.83, 65.80, 97.20, 191.55, 326.20, 386.87, 520.53, 590.03, 651.92, 724.93, 699.56, 689.96, 637.56, 717.41,
    };

    private static readonly double[] B = { 6.9964151270E+02, 5.2771253025E+00, 7.5962938329E-01, 1.2792483859E+00 };

    private readonly double[] _r = new double[15];
    private readonly double[] _j = new double[15 * 4];

    [Model]
    public static double Rat43(double x, double b1, double b2, double b3, double b4) =>
        b1 / Math.Pow(1 + Math.Exp(b2 - b3 * x), 1 / b4);

    [Benchmark]
    public double ValueOnly()
    {
        double s = 0;
        for (int i = 0; i < 15; i++)
        {
            _r[i] = Rat43(X[i], B[0], B[1], B[2], B[3]) - Y[i];
            s += _r[i];
        }

        return s;
    }

    [Benchmark]
    public double Generated()
    {
        Span<double> j = _j;
        for (int i = 0; i < 15; i++)
        {
            _r[i] = Rat43Jacobian(X[i], B[0], B[1], B[2], B[3], out j[4 * i], out j[4 * i + 1], out j[4 * i + 2], out j[4 * i + 3]) - Y[i];
        }

        return _r[0] + j[1];
    }

    [Benchmark]
    public double GeneratedBatch()
    {
        Rat43Jacobian(X, B[0], B[1], B[2], B[3], _r, _j);
        for (int i = 0; i < 15; i++)
        {
            _r[i] -= Y[i];
        }

        return _r[0] + _j[1];
    }

    [Benchmark(Baseline = true)]
    public double HandOptimized()
    {
        double b1 = B[0], b2 = B[1], b3 = B[2], b4 = B[3];
        double inv4 = 1 / b4;
        Span<double> j = _j;
        for (int i = 0; i < 15; i++)
        {
            double e = Math.Exp(b2 - b3 * X[i]);
            double u = 1 + e;
            double p = Math.Pow(u, -inv4);           // u^(−1/b4)
            double f = b1 * p;
            double d = -f * inv4 * e / u;            // ∂f/∂b2
            j[4 * i] = p;
            j[4 * i + 1] = d;
            j[4 * i + 2] = -X[i] * d;
            j[4 * i + 3] = f * inv4 * inv4 * Math.Log(u);
            _r[i] = f - Y[i];
        }

        return _r[0] + j[1];
    }

    [Benchmark]
    public double NaiveAnalytic()
    {
        double b1 = B[0], b2 = B[1], b3 = B[2], b4 = B[3];
        Span<double> j = _j;
        for (int i = 0; i < 15; i++)
        {
            double x = X[i];
            _r[i] = b1 / Math.Pow(1 + Math.Exp(b2 - b3 * x), 1 / b4) - Y[i];
            j[4 * i] = 1 / Math.Pow(1 + Math.Exp(b2 - b3 * x), 1 / b4);
            j[4 * i + 1] = -b1 / b4 * Math.Exp(b2 - b3 * x) / Math.Pow(1 + Math.Exp(b2 - b3 * x), 1 / b4 + 1);
            j[4 * i + 2] = b1 / b4 * x * Math.Exp(b2 - b3 * x) / Math.Pow(1 + Math.Exp(b2 - b3 * x), 1 / b4 + 1);
            j[4 * i + 3] = b1 / (b4 * b4) * Math.Log(1 + Math.Exp(b2 - b3 * x)) / Math.Pow(1 + Math.Exp(b2 - b3 * x), 1 / b4);
        }

        return _r[0] + j[1];
    }

    [Benchmark]
    public double CentralDifferences()
    {
        Span<double> b = stackalloc double[4];
        Span<double> j = _j;
        for (int i = 0; i < 15; i++)
        {
            _r[i] = Rat43(X[i], B[0], B[1], B[2], B[3]) - Y[i];
            for (int k = 0; k < 4; k++)
            {
                B.CopyTo(b);
                double h = 6.055454452393343e-06 * Math.Max(1.0, Math.Abs(b[k]));
                b[k] += h;
                double fp = Rat43(X[i], b[0], b[1], b[2], b[3]);
                b[k] -= 2 * h;
                double fm = Rat43(X[i], b[0], b[1], b[2], b[3]);
                j[4 * i + k] = (fp - fm) / (2 * h);
            }
        }

        return _r[0] + j[1];
    }
}
