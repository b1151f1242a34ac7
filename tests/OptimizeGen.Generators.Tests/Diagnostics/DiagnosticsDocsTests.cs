using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using OptimizeGen.Generators.Tests.Generator;
using OptimizeGen.Generators.Tests.Packaging;

namespace OptimizeGen.Generators.Tests.Diagnostics;

/// <summary>
/// The examples of docs/diagnostics.md are code, so they are compiled: each bad example raises its diagnostic (and no
/// other error of ours), each fixed example generates and compiles warning-free with no diagnostic of ours at all.
/// </summary>
public class DiagnosticsDocsTests
{
    /// <summary>Every ID of the catalog but OPTG0014 (an internal error has no bad example to write).</summary>
    public static TheoryData<string> Ids() => new(DiagnosticsCatalogTests.Descriptors().Select(d => d.Id).Where(id => id != "OPTG0014"));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Bad_example_raises_the_diagnostic_and_fixed_example_compiles_clean(string id)
    {
        (string bad, string fix) = Examples(id);

        var (_, badDiagnostics, badResult) = GeneratorHarness.Run(bad);
        Assert.Null(badResult.Exception);
        var ours = badDiagnostics.Where(d => d.Id.StartsWith("OPTG", StringComparison.Ordinal)).ToList();
        Assert.Contains(ours, d => d.Id == id);
        Assert.All(ours, d => Assert.True(d.Id == id || d.Severity < DiagnosticSeverity.Error, $"the bad example of {id} also raises {d}"));

        var (output, fixedDiagnostics, fixedResult) = GeneratorHarness.Run(fix);
        Assert.Null(fixedResult.Exception);
        Assert.Empty(fixedDiagnostics);
        Assert.Equal(2, fixedResult.GeneratedSources.Length);
        var userWarnings = output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(userWarnings.Count == 0, string.Join("\n", userWarnings));
        GeneratorHarness.CompileAndLoad(output);
    }

    /// <summary>The first two csharp blocks of the section headed "## OPTGnnnn": the bad and the fixed example.</summary>
    private static (string Bad, string Fixed) Examples(string id)
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md"));
        string section = Regex.Split(docs, @"^## ", RegexOptions.Multiline).Single(s => s.StartsWith(id + "\n", StringComparison.Ordinal));
        var blocks = Regex.Matches(section, @"^Bad:\s*```csharp\n(?<bad>.*?)^```.*?^Fixed:\s*```csharp\n(?<fixed>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline);
        Match match = Assert.Single(blocks);
        return (match.Groups["bad"].Value, match.Groups["fixed"].Value);
    }
}
