using Microsoft.CodeAnalysis;
using OptimizeGen.Generators.Tests.Generator;

namespace OptimizeGen.Generators.Tests.Diagnostics;

/// <summary>
/// The generator runs on every keystroke in an editor, so it sees half-typed code all the time: it must never throw
/// (no CS8785 "generator failed", no OPTG0014 internal error), and what it emits must at least parse.
/// </summary>
public class MalformedCodeTests
{
    public static TheoryData<string> Bodies() => new()
    {
        // Syntax errors.
        "[Objective] static double F(double x) =>",
        "[Objective] static double F(double x) => x *",
        "[Objective] static double F(double x) { return x * ; }",
        "[Objective] static double F(double x) { double y = x return y; }",
        "[Objective] static double F(double x) { if (x > ) return x; return -x; }",
        "[Objective] static double F(double x) { if (x > 0 return x; return -x; }",
        "[Objective] static double F(double x",
        "[Objective] static double F(",
        "[Objective] static double F",
        "[Objective] static double",
        "[Objective]",
        "[Objective] static double F(double x) { for (int i = 0; i < 3; i++ { x2 = x; } return x; }",
        "[Objective] static double F(System.ReadOnlySpan<double> x) { double s = 0; for (int i = 0; i < x.Length; i++) s += x[i] return s; }",
        "[Objective] static double F(System.ReadOnlySpan<double> x) { double s = 0; foreach (var in x) s += 1; return s; }",
        "[Objective] static double F(System.ReadOnlySpan<double> x) { double s = 0; foreach (double v in ) s += v; return s; }",
        "[Objective] static double F(double x) => Math.;",
        "[Objective] static double F(double x) => Math.Sin(;",
        "[Objective] static double F(double x) => Math.Pow(x, );",
        "[Objective] static double F(double x) { double y = x; y += ; return y; }",
        "[Objective] static double F(double x) => x ? 1 : ;",
        "[Objective] static double F(double x) { { return x; }",
        "[Objective] static double F(double x) } return x; {",
        "[Objective] static double F(double x) => x[0];",
        "[Objective] static double F(double[] x) => x[];",
        "[Objective] static double F(double[] x) => x[0, 1];",
        "[Objective] static double F(double[] x) => x[^1] + x[1..][0];",
        // Semantic errors.
        "[Objective] static double F(Unknown x) => x;",
        "[Objective] static Unknown F(double x) => x;",
        "[Objective] static double F(double x) => Undefined(x);",
        "[Objective] static double F(double x) => x.Foo;",
        "[Objective] static double F(double x) => undefinedVariable * x;",
        "[Objective] static double F(double x, double x) => x;",
        "[Objective] static double F(double x) => Math.Sin(x, x);",
        "[Objective] static double F(double x) => Math.Sin(\"a\");",
        "[Objective] static double F(double x) => G(x); [Objective] static double F(double y) => y;",
        "[Objective] static double F(double x) { double y = 1; double y = x; return y; }",
        "[Objective] static double F(double x) { return; }",
        "[Objective] static double F(double x) { }",
        "[Objective] static double F(double x) { return x; return 2 * x; }",
        "[Objective] static double F(double x) { double y; return y * x; }",
        "[Objective] static double F(double x) { const double c = x; return c; }",
        "[Objective] static double F(double x) { int n = x; return n; }",
        "[Objective] static double F(double x) => throw null!;",
        "[Objective] static double F(double x) => default;",
        "[Objective] static double F(double x) => x!;",
        "[Objective] static double F(double x) => checked(x * x);",
        "[Objective] static double F(double x) => x is > 0 ? x : -x;",
        "[Objective] static double F(double x) => (x, x).Item1;",
        "[Objective] static double F(double x) => new double[] { x }[0];",
        "[Objective] static double F(double x) => nameof(x).Length * x;",
        "[Objective] static double F(double x) { System.Func<double, double> f = t => t * x; return f(x); }",
        "[Objective] static double F(double x) { double Local(double t) => t * t; return Local(x); }",
        "[Objective] static double F(double x) { ref double r = ref x; return r; }",
        "[Objective] static double F(double x) { using var d = (System.IDisposable?)null; return x; }",
        "[Objective] static double F(double x) { lock (typeof(Problems)) { } return x; }",
        "[Objective] static double F(double x) { switch (x) { default: return x; } }",
        "[Objective] static double F(double x) { throw new System.Exception(); }",
        "[Objective] static double F(double x) { yield return x; }",
        "[Objective] static async System.Threading.Tasks.Task<double> F(double x) => await System.Threading.Tasks.Task.FromResult(x);",
        "[Objective] static double F(params double[] x) => x[0];",
        "[Objective] static double F(out double x) { x = 1; return x; }",
        "[Objective] static double F(in double x) => x * x;",
        "[Objective] static double F(double x = 1.0) => x * x;",
        "[Objective] static double F(double x, [Data] double y = 2) => x * y;",
        "[Objective] static double F(this double x) => x * x;",
        "[Objective] static double F(System.Span<double> x) => x[0] * x[0];",
        "[Objective] static double F(double x, System.ReadOnlySpan<double> y) => x * y[0];",
        "[Objective] static double F(System.ReadOnlySpan<double> x, System.ReadOnlySpan<double> y) => x[0] * y[0];",
        "[Objective] static extern double F(double x);",
        "[Objective] static partial double F(double x);",
        "[Objective] static double F(double x) => F(x);",
        "[Objective] static double F(double x) => x switch { };",
        "[Objective] static double F(double x) { for (;;) { } }",
        "[Objective] static double F(double x) { for (int i = 0, j = 0; i < 3; i++) { x2(); } return x; }",
        "[Objective] static double F(double x) { for (double i = 0; i < 3; i++) { } return x; }",
        "[Objective] static double F(double x) { for (int i = 0; i < x; i++) { } return x; }",
        "[Objective] static double F(System.ReadOnlySpan<double> x) { double s = 0; for (int i = 0; i < x.Length; i++) { for (int i = 0; i < 2; i++) s += x[i]; } return s; }",
        "[Objective] static double F(double x) { double s = x; label: s = s * 2; return s; }",
        "[Objective] static double F(double x) => Math.Pow(x, 1e308) + Math.Pow(x, -0.0) + Math.Pow(x, double.NaN);",
        "[Objective] static double F(double x) => x / 0 + 1e400;",
        "[Objective] static double F(double x) => (double)(decimal)x;",
        "[Objective] static double F(double x) => (int)x;",
        "[Objective] static double F(double x) => x % 0;",
        "[Objective] static double F(double x) { x2 += 1; return x; }",
        "[Objective] double F(double x) => x * Scale; double Scale => Undefined;",
        "[Objective] static double F(double x) => __arglist;",
        "[Objective] static double F(double x) => stackalloc double[1][0];",
        "[Objective] static double F(double x) => $\"{x}\".Length;",
        "[Objective] static double F(double x) => x is double d ? d : 0;",
        "[Objective] static double F(double x) => (x > 0 && x) ? 1 : 0;",
        "[Objective] static double F(double x) { if (x) return 1; return 0; }",
        "[Objective] static double F(double x) { if (x > 0) { } else if (x < 0) return 1; }",
        "[Objective] static double F(double x) { double y = 0; if (x > 0) y = 1; else { return y; } }",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void The_generator_never_throws_on_half_typed_code(string body)
    {
        foreach (string wrapper in new[] { "static partial class Problems\n{\n    ", "partial class Problems\n{\n    " })
        {
            string source = "using System;\nusing OptimizeGen;\nnamespace Demo;\n" + wrapper + body + "\n}\n";
            var (output, diagnostics, result) = GeneratorHarness.Run(source);
            Assert.True(result.Exception is null, $"the generator threw: {result.Exception}");
            Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "OPTG0014");
            foreach (GeneratedSourceResult generated in result.GeneratedSources)
            {
                var syntaxErrors = generated.SyntaxTree.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(syntaxErrors.Count == 0, $"{generated.HintName} does not parse:\n{string.Join("\n", syntaxErrors)}\n{generated.SourceText}");
            }

            Assert.NotNull(output);
        }
    }

    public static TheoryData<string> EditedCases() => new("SpanLoop", "TapedNestedLoops", "Branches", "CallsBetweenMethods", "DataFieldsAndParameters", "ModelDecay", "EquationsSystem");

    /// <summary>
    /// Typing simulated on real objectives: every version with one token deleted, and the prefixes ending at every
    /// fourth token (to keep the suite short), go through the generator.
    /// </summary>
    [Theory]
    [MemberData(nameof(EditedCases))]
    public void Single_token_deletions_and_prefixes_of_an_objective_are_survived(string name)
    {
        string source = Snapshots.SnapshotCases.All[name];
        var tokens = Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseTokens(source).ToList();
        int body = source.IndexOf('[', StringComparison.Ordinal);
        int k = 0;
        foreach (SyntaxToken token in tokens.Where(t => t.SpanStart >= body))
        {
            if (k++ % 4 == 0)
            {
                Check(source.Substring(0, token.Span.End));
            }

            Check(source.Remove(token.SpanStart, token.Span.Length));
        }
    }

    private static void Check(string source)
    {
        var (_, diagnostics, result) = GeneratorHarness.Run(source);
        Assert.True(result.Exception is null, $"the generator threw on:\n{source}\n{result.Exception}");
        Assert.True(!diagnostics.Any(d => d.Id is "CS8785" or "OPTG0014"), $"{string.Join("\n", diagnostics)}\non:\n{source}");
        foreach (GeneratedSourceResult generated in result.GeneratedSources)
        {
            var syntaxErrors = generated.SyntaxTree.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(syntaxErrors.Count == 0, $"{generated.HintName} does not parse:\n{string.Join("\n", syntaxErrors)}\nfrom:\n{source}");
        }
    }

    [Fact]
    public void Unbalanced_files_and_stray_attributes_do_not_throw()
    {
        string[] sources =
        {
            "using OptimizeGen; partial class P { [Objective] static double F(double x) => x * x;",
            "using OptimizeGen; partial class P { [Objective] static double F(double x) { return x * x; ",
            "using OptimizeGen; [Objective] static double F(double x) => x * x;",
            "using OptimizeGen; partial class P { [Objective] P() { } }",
            "using OptimizeGen; partial class P { [Objective] double X { get; } }",
            "using OptimizeGen; partial interface I { [Objective] static double F(double x) => x * x; }",
            "using OptimizeGen; partial record R(double A) { [Objective] static double F(double x) => x * x; }",
            "using OptimizeGen; partial struct S { [Objective] double F(double x) => x * x; }",
            "using OptimizeGen; partial class G<T> { [Objective] static double F(double x) => x * x; } partial class G { [Objective] static double F(double x) => x * x; }",
            "using OptimizeGen; partial class P { [Objective] static double F(double x) => x * x; [Objective] static double F(double x, double y) => x * y; }",
            "using OptimizeGen; partial class P { [Objective, Objective] static double F(double x) => x * x; }",
            "using OptimizeGen; partial class P { [Objective(1)] static double F(double x) => x * x; }",
            "partial class P { [OptimizeGen.Objective] static double F(double x) => x * x; } namespace OptimizeGen { class ObjectiveAttribute : System.Attribute { } }",
        };
        foreach (string source in sources)
        {
            var (_, diagnostics, result) = GeneratorHarness.Run(source);
            Assert.True(result.Exception is null, $"the generator threw on {source}: {result.Exception}");
            Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "OPTG0014");
        }
    }
}
