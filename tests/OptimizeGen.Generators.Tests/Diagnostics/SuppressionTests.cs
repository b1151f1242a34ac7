using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using OptimizeGen.Generators.Tests.Generator;

namespace OptimizeGen.Generators.Tests.Diagnostics;

/// <summary>
/// The generator's configurable diagnostics obey the user's per-file settings: <c>#pragma warning disable</c>,
/// <c>[SuppressMessage]</c> and an .editorconfig severity for one file. That needs each diagnostic to be located in
/// the compilation's own syntax tree (a location that only names the file path is beyond the reach of all three).
/// The filters are applied as the compiler applies them, by <see cref="CompilationWithAnalyzers.GetEffectiveDiagnostics(ImmutableArray{Diagnostic}, Compilation)"/>.
/// </summary>
public class SuppressionTests
{
    private const string NonSmooth = """
        using System;
        using OptimizeGen;
        static partial class Problems
        {
            [Objective] static double F(double x) => Math.Abs(x) + x * x;
        }
        """;

    private const string NonSmoothSuppressed = """
        using System;
        using OptimizeGen;
        static partial class Others
        {
        #pragma warning disable OPTG0011 // the kink at 0 is intended
            [Objective] static double G(double x) => Math.Abs(x) + x * x;
        #pragma warning restore OPTG0011

            [Objective] static double H(double x) => Math.Abs(x - 1) + x * x;
        }
        """;

    [Fact]
    public void Generator_diagnostics_are_located_in_the_compilations_syntax_trees()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(NonSmooth, NonSmoothSuppressed);
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out _, out ImmutableArray<Diagnostic> diagnostics, TestContext.Current.CancellationToken);

        Assert.Equal(3, diagnostics.Count(d => d.Id == "OPTG0011"));
        Assert.All(diagnostics, d =>
        {
            Assert.True(d.Location.IsInSource, d.ToString());
            Assert.Contains(d.Location.SourceTree, compilation.SyntaxTrees);
        });
    }

    [Fact]
    public void Pragma_warning_disable_suppresses_a_generator_diagnostic_in_its_region_only()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(NonSmooth, NonSmoothSuppressed);
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out _, out ImmutableArray<Diagnostic> diagnostics, TestContext.Current.CancellationToken);

        var effective = CompilationWithAnalyzers.GetEffectiveDiagnostics(diagnostics, compilation).Where(d => !d.IsSuppressed).ToList();

        // F (Source0.cs) and H (after the restore) still report; G, inside the pragma region, does not.
        Assert.Equal(2, effective.Count(d => d.Id == "OPTG0011"));
        Assert.Contains(effective, d => d.Location.GetLineSpan().Path == "Source0.cs");
        Diagnostic h = Assert.Single(effective, d => d.Location.GetLineSpan().Path == "Source1.cs");
        Assert.Equal("Math.Abs(x - 1)", h.Location.SourceTree!.GetText(TestContext.Current.CancellationToken).ToString(h.Location.SourceSpan));
    }

    [Fact]
    public void SuppressMessage_attribute_suppresses_a_generator_diagnostic()
    {
        const string Source = """
            using System;
            using System.Diagnostics.CodeAnalysis;
            using OptimizeGen;
            static partial class Problems
            {
                [SuppressMessage("OptimizeGen", "OPTG0011", Justification = "The kink is intended.")]
                [Objective] static double F(double x) => Math.Abs(x) + x * x;
            }
            """;
        CSharpCompilation compilation = GeneratorHarness.Compilation(Source);
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out _, out ImmutableArray<Diagnostic> diagnostics, TestContext.Current.CancellationToken);

        Assert.Single(diagnostics, d => d.Id == "OPTG0011");
        Assert.DoesNotContain(CompilationWithAnalyzers.GetEffectiveDiagnostics(diagnostics, compilation), d => d.Id == "OPTG0011" && !d.IsSuppressed);
    }

    [Fact]
    public void An_editorconfig_severity_applies_to_its_file_only()
    {
        // What an .editorconfig section [Source0.cs] dotnet_diagnostic.OPTG0011.severity = error (and = none for
        // [Source1.cs]) gives the compiler: per-tree severities.
        CSharpCompilation compilation = GeneratorHarness.Compilation(NonSmooth, NonSmoothSuppressed.Replace("#pragma", "// pragma", StringComparison.Ordinal));
        var perFile = new PerFileSeverities(new Dictionary<string, ReportDiagnostic>
        {
            ["Source0.cs"] = ReportDiagnostic.Error,
            ["Source1.cs"] = ReportDiagnostic.Suppress,
        });
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(perFile));
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out _, out ImmutableArray<Diagnostic> diagnostics, TestContext.Current.CancellationToken);

        // The driver applies the per-tree severities itself (as the compiler would); the filters are idempotent.
        var effective = CompilationWithAnalyzers.GetEffectiveDiagnostics(diagnostics, compilation).Where(d => d.Id == "OPTG0011").ToList();
        Diagnostic inSource0 = Assert.Single(effective);
        Assert.Equal("Source0.cs", inSource0.Location.GetLineSpan().Path);
        Assert.Equal(DiagnosticSeverity.Error, inSource0.Severity);
    }

    [Fact]
    public void An_error_is_not_configurable()
    {
        const string Source = """
            using OptimizeGen;
            static class Problems
            {
            #pragma warning disable OPTG0001
                [Objective] static double F(double x) => x * x;
            }
            """;
        CSharpCompilation compilation = GeneratorHarness.Compilation(Source);
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out _, out ImmutableArray<Diagnostic> diagnostics, TestContext.Current.CancellationToken);

        Diagnostic error = Assert.Single(CompilationWithAnalyzers.GetEffectiveDiagnostics(diagnostics, compilation), d => d.Id == "OPTG0001");
        Assert.False(error.IsSuppressed);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
    }

    /// <summary>Per-file diagnostic severities, as the compiler reads them from .editorconfig sections.</summary>
    private sealed class PerFileSeverities(Dictionary<string, ReportDiagnostic> severities) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            severities.TryGetValue(tree.FilePath, out severity) && diagnosticId == "OPTG0011";

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
