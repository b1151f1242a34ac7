using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OptimizeGen.TestProblems.Mgh;

namespace OptimizeGen.Benchmarks;

/// <summary>Which Rosenbrock: scipy's <c>rosen</c> (chained, overlapping terms) or MGH problem 21 (extended, separable pairs).</summary>
public enum Rosenbrock
{
    /// <summary>f = Σᵢ₌₀ⁿ⁻² 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)², scipy's <c>rosen</c>.</summary>
    Chained,

    /// <summary>f = Σᵢ 100(x₂ᵢ − x₂ᵢ₋₁²)² + (1 − x₂ᵢ₋₁)², Moré–Garbow–Hillstrom problem 21.</summary>
    Extended,

    /// <summary>
    /// <see cref="Chained"/> written as an <c>[Objective]</c> (<see cref="GeneratedRosenbrock.Rosen"/>): the solver
    /// driven by the generated gradient and Hessian-vector products instead of hand-written ones. Not in the default
    /// set; OPTIMIZEGEN_BENCH_FUNCTIONS=ChainedGenerated runs it.
    /// </summary>
    ChainedGenerated,
}

/// <summary>scipy's <c>rosen</c> as a user would write it; the generator writes its derivatives.</summary>
public static partial class GeneratedRosenbrock
{
    /// <summary>f = Σᵢ₌₀ⁿ⁻² 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)².</summary>
    [Objective]
    public static double Rosen(ReadOnlySpan<double> x)
    {
        double f = 0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
        }

        return f;
    }
}

/// <summary>One row of the table: a method at a size.</summary>
public sealed record MinimizeCase(MinimizeMethod Method, int N)
{
    public override string ToString() => $"{Method}/{N}";
}

/// <summary>
/// Rosenbrock from (−1.2, 1, −1.2, 1, …) at n = 2 … 10,000 for every unconstrained method, with exact gradients and
/// Hessian-vector products and scipy's default options, recording the time (BenchmarkDotNet) and the outcome: nit,
/// nfev, njev, nhev, f and the status (extra columns). The same cases run under scipy 1.10 with
/// tests/OptimizeGen.Benchmarks/scipy_minimize.py for the side-by-side table in docs/minimize.md.
/// Run: dotnet run -c Release --project tests/OptimizeGen.Benchmarks -- --filter '*MinimizeBenchmarks*'
/// </summary>
[Config(typeof(Config))]
public class MinimizeBenchmarks
{
    private double[] _x0 = [];
    private IObjective _objective = null!;

    /// <summary>The cases: dense methods (BFGS's n × n inverse, trust-exact and dog-leg's dense Hessian) and the
    /// derivative-free ones stop at the sizes where they are still meaningful.</summary>
    /// <remarks>
    /// The full set takes hours on a loaded machine; OPTIMIZEGEN_BENCH_SIZES (e.g. "1000,10000") and
    /// OPTIMIZEGEN_BENCH_METHODS (e.g. "LBfgsB,NewtonCG") pick a subset, OPTIMIZEGEN_BENCH_FUNCTIONS ("Chained").
    /// </remarks>
    public static IEnumerable<MinimizeCase> Cases()
    {
        int[] sizes = Environment.GetEnvironmentVariable("OPTIMIZEGEN_BENCH_SIZES") is { Length: > 0 } sizeList
            ? [.. sizeList.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))]
            : [2, 10, 100, 1000, 10_000];
        MinimizeMethod[] methods = Environment.GetEnvironmentVariable("OPTIMIZEGEN_BENCH_METHODS") is { Length: > 0 } methodList
            ? [.. methodList.Split(',').Select(Enum.Parse<MinimizeMethod>)]
            :
            [
                MinimizeMethod.NelderMead, MinimizeMethod.Powell, MinimizeMethod.CG, MinimizeMethod.Bfgs, MinimizeMethod.LBfgsB,
                MinimizeMethod.Tnc, MinimizeMethod.NewtonCG, MinimizeMethod.TrustNcg, MinimizeMethod.TrustKrylov,
                MinimizeMethod.TrustExact, MinimizeMethod.Dogleg,
            ];
        foreach (var method in methods)
        {
            foreach (int n in sizes)
            {
                if (n <= MaxSize(method))
                {
                    yield return new MinimizeCase(method, n);
                }
            }
        }
    }

    /// <summary>The largest n run for a method.</summary>
    public static int MaxSize(MinimizeMethod method) => method switch
    {
        MinimizeMethod.NelderMead or MinimizeMethod.Powell or MinimizeMethod.TrustExact or MinimizeMethod.Dogleg => 100,
        MinimizeMethod.Bfgs => 1000,
        _ => 10_000,
    };

    [ParamsSource(nameof(Cases))]
    public MinimizeCase Case { get; set; } = new(MinimizeMethod.LBfgsB, 2);

    [ParamsSource(nameof(Functions))]
    public Rosenbrock Function { get; set; }

    public static IEnumerable<Rosenbrock> Functions() =>
        Environment.GetEnvironmentVariable("OPTIMIZEGEN_BENCH_FUNCTIONS") is { Length: > 0 } list
            ? list.Split(',').Select(Enum.Parse<Rosenbrock>)
            : [Rosenbrock.Chained, Rosenbrock.Extended];

    /// <summary>The objective with exact derivatives.</summary>
    public static IObjective Objective(Rosenbrock function, int n) => function switch
    {
        Rosenbrock.Chained => new ChainedRosenbrock(n),
        Rosenbrock.ChainedGenerated => GeneratedRosenbrock.RosenObjective,
        _ => new ExtendedRosenbrock(n),
    };

    [GlobalSetup]
    public void Setup()
    {
        _x0 = ExtendedRosenbrock.Start(Case.N);
        _objective = Objective(Function, Case.N);

        // One solve outside the measurement, whose outcome the extra columns show; then more, for at least a second in
        // all, so that what is measured is the JIT's optimized code: a method's first calls run unoptimized code until
        // the runtime recompiles it (tiered compilation, after ~30 calls and a 100 ms quiet period), which a solve of a
        // few milliseconds would otherwise be measured with (a 2 ms Newton-CG solve took 64 ms in its first three runs).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = Optimize.Minimize(_objective, _x0, Case.Method);
        OutcomeStore.Write(Function, Case, r);
        for (int run = 0; run < 100 && clock.Elapsed < TimeSpan.FromSeconds(1); run++)
        {
            Optimize.Minimize(_objective, _x0, Case.Method);
        }
    }

    [Benchmark]
    public OptimizeResult Minimize() => Optimize.Minimize(_objective, _x0, Case.Method);

    /// <summary>Measured runs per case: 1, or OPTIMIZEGEN_BENCH_ITERATIONS.</summary>
    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("OPTIMIZEGEN_BENCH_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int k) && k > 0 ? k : 1;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Each solve is a long single invocation: the setup solve warms up, then one measured run (the large cases take
            // tens of seconds each; OPTIMIZEGEN_BENCH_ITERATIONS for more), no pilot, no unrolling.
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(Iterations)
                .WithInvocationCount(1).WithUnrollFactor(1)
                .WithToolchain(InProcessEmitToolchain.Instance)); // in process: the generated boilerplate project would inherit the tests' global usings
            AddColumn(StatisticColumn.Min, StatisticColumn.Median);
            foreach (string field in OutcomeStore.Fields)
            {
                AddColumn(new OutcomeColumn(field));
            }

            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}

/// <summary>The outcome of each case, written by the benchmark process and read by the summary's columns.</summary>
internal static class OutcomeStore
{
    public static readonly string[] Fields = ["nit", "nfev", "njev", "nhev", "fun", "status"];

    private static string PathFor(Rosenbrock function, MinimizeCase c) =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "optimizegen-minimize-outcomes", $"{function}-{c.Method}-{c.N}.txt");

    public static void Write(Rosenbrock function, MinimizeCase c, OptimizeResult r)
    {
        string path = PathFor(function, c);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllLines(path,
        [
            r.Nit.ToString(CultureInfo.InvariantCulture), r.Nfev.ToString(CultureInfo.InvariantCulture),
            r.Njev.ToString(CultureInfo.InvariantCulture), r.Nhev.ToString(CultureInfo.InvariantCulture),
            r.Fun.ToString("G4", CultureInfo.InvariantCulture), r.Status.ToString(),
        ]);
    }

    private static readonly ConcurrentDictionary<string, string[]> Cache = new();

    public static string Read(Rosenbrock function, MinimizeCase c, int field)
    {
        string path = PathFor(function, c);
        string[] lines = Cache.GetOrAdd(path, p => File.Exists(p) ? File.ReadAllLines(p) : []);
        return field < lines.Length ? lines[field] : "?";
    }
}

internal sealed class OutcomeColumn(string name) : IColumn
{
    private readonly int _index = Array.IndexOf(OutcomeStore.Fields, name);

    public string Id => "Outcome." + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => _index;

    public bool IsNumeric => _index < 5;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"The solve's {name} (from one run in the benchmark process)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var c = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == nameof(MinimizeBenchmarks.Case))?.Value as MinimizeCase;
        var f = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == nameof(MinimizeBenchmarks.Function))?.Value;
        return c is null || f is not Rosenbrock function ? "-" : OutcomeStore.Read(function, c, _index);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
