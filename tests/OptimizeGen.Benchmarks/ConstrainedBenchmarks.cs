using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using OptimizeGen.TestProblems.HockSchittkowski;

namespace OptimizeGen.Benchmarks;

/// <summary>
/// The 21 Hock–Schittkowski problems of the constrained tests, solved by SLSQP and trust-constr (exact gradients, as
/// generated code gives them) and COBYLA (values only, scipy's default tol = 1e-4). Besides BenchmarkDotNet's time per
/// solve, the columns show nfev, nit and |f − f*| of our solve, and scipy 1.10's nfev, nit and median time for the
/// same problem and method (tests/OptimizeGen.Benchmarks/scipy/constrained_hs.py, run once by /usr/bin/python3; the
/// columns read "n/a" where scipy is not installed).
/// Run: dotnet run -c Release --project tests/OptimizeGen.Benchmarks -- --filter '*Constrained*'
/// </summary>
[Config(typeof(Config))]
public class ConstrainedBenchmarks
{
    private HsProblem _problem = null!;
    private ConstraintBase[] _constraints = null!;

    [ParamsSource(nameof(Problems))]
    public string Problem { get; set; } = "HS71";

    [Params(MinimizeMethod.Slsqp, MinimizeMethod.TrustConstr, MinimizeMethod.Cobyla)]
    public MinimizeMethod Solver { get; set; } = MinimizeMethod.Slsqp;

    public static IEnumerable<string> Problems() => HockSchittkowskiSuite.All.Select(p => p.Name);

    [GlobalSetup]
    public void Setup()
    {
        _problem = HockSchittkowskiSuite.Get(Problem);
        _constraints = Solver == MinimizeMethod.Cobyla ? _problem.CreateConstraintsWithoutGradients() : _problem.CreateConstraints();
    }

    [Benchmark]
    public double Solve() => Run(_problem, Solver, _constraints).Fun;

    /// <summary>One solve as the benchmark runs it.</summary>
    public static OptimizeResult Run(HsProblem problem, MinimizeMethod method, ConstraintBase[] constraints)
    {
        if (method == MinimizeMethod.Cobyla)
        {
            ObjectiveFunction f = x => problem.Objective.Value(x);
            return Optimize.Minimize(f, problem.X0, constraints, method: method, bounds: problem.Bounds);
        }

        return Optimize.Minimize(problem.CreateObjective(), problem.X0, constraints, method, problem.Bounds);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // In process: each solve takes micro- to milliseconds, and a separate build of the benchmark project can
            // exceed BenchmarkDotNet's build timeout on a shared machine.
            AddJob(Job.ShortRun.WithEvaluateOverhead(false).WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(
                new SolveColumn("nfev", r => r.Nfev.ToString(CultureInfo.InvariantCulture)),
                new SolveColumn("nit", r => r.Nit.ToString(CultureInfo.InvariantCulture)),
                new SolveColumn("|f − f*|", null),
                new ScipyColumn("scipy nfev", "nfev"),
                new ScipyColumn("scipy nit", "nit"),
                new ScipyColumn("scipy time", "time_ms"));
        }
    }

    /// <summary>A column computed from one solve of the case in the host process.</summary>
    private sealed class SolveColumn(string name, Func<OptimizeResult, string>? value) : IColumn
    {
        public string Id => nameof(SolveColumn) + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => $"{name} of our solve (success marked ✗ when it failed)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var (problem, method) = Case(benchmarkCase);
            var p = HockSchittkowskiSuite.Get(problem);
            var r = Run(p, method, method == MinimizeMethod.Cobyla ? p.CreateConstraintsWithoutGradients() : p.CreateConstraints());
            string text = value is null ? Math.Abs(r.Fun - p.FStar).ToString("G2", CultureInfo.InvariantCulture) : value(r);
            return r.Success ? text : text + " ✗";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }

    /// <summary>A column from scipy's run of the same problem and method.</summary>
    private sealed class ScipyColumn(string name, string key) : IColumn
    {
        private static readonly Lazy<Dictionary<string, JsonElement>> Results = new(RunScipy);

        public string Id => nameof(ScipyColumn) + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => key == "time_ms" ? "scipy's median wall time per solve (ms, Python call overhead included)" : $"scipy's {key}";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var (problem, method) = Case(benchmarkCase);
            string caseKey = problem + "/" + method switch
            {
                MinimizeMethod.Slsqp => "SLSQP",
                MinimizeMethod.TrustConstr => "trust-constr",
                _ => "COBYLA",
            };
            if (!Results.Value.TryGetValue(caseKey, out var e))
            {
                return "n/a";
            }

            string text = key == "time_ms"
                ? e.GetProperty(key).GetDouble().ToString("F2", CultureInfo.InvariantCulture) + " ms"
                : e.GetProperty(key).GetInt32().ToString(CultureInfo.InvariantCulture);
            if (key == "nit" && caseKey.EndsWith("COBYLA", StringComparison.Ordinal))
            {
                text = "–"; // scipy's COBYLA does not count iterations
            }

            return e.GetProperty("success").GetBoolean() ? text : text + " ✗";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        private static Dictionary<string, JsonElement> RunScipy()
        {
            var results = new Dictionary<string, JsonElement>();
            string? script = FindScript();
            if (script is null || !File.Exists("/usr/bin/python3"))
            {
                return results;
            }

            try
            {
                var psi = new ProcessStartInfo("/usr/bin/python3", [script, "5"]) { RedirectStandardOutput = true, RedirectStandardError = true };
                using var process = Process.Start(psi)!;
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var e = JsonDocument.Parse(line).RootElement.Clone();
                    results[e.GetProperty("problem").GetString() + "/" + e.GetProperty("method").GetString()] = e;
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or JsonException or System.ComponentModel.Win32Exception)
            {
                results.Clear();
            }

            return results;
        }

        private static string? FindScript()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "OptimizeGen.Benchmarks", "scipy", "constrained_hs.py");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    private static (string Problem, MinimizeMethod Method) Case(BenchmarkCase benchmarkCase)
    {
        string problem = (string)benchmarkCase.Parameters["Problem"];
        var method = (MinimizeMethod)benchmarkCase.Parameters["Solver"];
        return (problem, method);
    }
}
