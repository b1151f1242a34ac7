using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using OptimizeGen.Generators.Tests.Packaging;

namespace OptimizeGen.Generators.Tests.Diagnostics;

/// <summary>
/// The descriptor catalog against its documentation: every ID has a help link to its own section of
/// docs/diagnostics.md, that section exists (with a bad and a fixed example), and AnalyzerReleases lists it.
/// </summary>
public class DiagnosticsCatalogTests
{
    /// <summary>The help link every descriptor must carry.</summary>
    public static string HelpLink(string id) =>
        "https://github.com/optimizegen/optimizegen/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant();

    /// <summary>Every descriptor of the generator's catalog (an internal class, read by reflection).</summary>
    internal static IReadOnlyList<DiagnosticDescriptor> Descriptors()
    {
        Type catalog = typeof(ObjectiveGenerator).Assembly.GetType("OptimizeGen.Generators.Diagnostics.DiagnosticDescriptors", throwOnError: true)!;
        return catalog.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void Ids_are_unique_consecutive_and_each_has_a_help_link_to_its_docs_section()
    {
        IReadOnlyList<DiagnosticDescriptor> descriptors = Descriptors();
        Assert.True(descriptors.Count >= 15, $"only {descriptors.Count} descriptors");
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        for (int k = 0; k < 15; k++)
        {
            Assert.Equal($"OPTG{k + 1:D4}", descriptors[k].Id);
        }

        Assert.All(descriptors, d =>
        {
            Assert.Equal(HelpLink(d.Id), d.HelpLinkUri);
            Assert.Equal("OptimizeGen", d.Category);
            Assert.True(d.IsEnabledByDefault);
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()));
        });
    }

    [Fact]
    public void Errors_are_not_configurable_and_non_smooth_is_info()
    {
        foreach (DiagnosticDescriptor d in Descriptors())
        {
            if (d.Id == "OPTG0011")
            {
                Assert.Equal(DiagnosticSeverity.Info, d.DefaultSeverity);
            }
            else
            {
                Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
            }
        }

        Assert.All(Descriptors().Where(d => d.Id is not "OPTG0011" and not "OPTG0014"),
            d => Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, d.CustomTags));
    }

    [Fact]
    public void Docs_have_a_section_per_id_with_a_bad_and_a_fixed_example()
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md"));
        // GitHub's anchors: headings lower-cased, punctuation dropped, spaces to hyphens.
        var sections = Regex.Split(docs, @"^## ", RegexOptions.Multiline).Skip(1)
            .ToDictionary(s => Anchor(s.Substring(0, s.IndexOf('\n', StringComparison.Ordinal))), s => s);
        foreach (DiagnosticDescriptor d in Descriptors())
        {
            string anchor = d.HelpLinkUri.Substring(d.HelpLinkUri.IndexOf('#', StringComparison.Ordinal) + 1);
            Assert.True(sections.TryGetValue(anchor, out string? section), $"docs/diagnostics.md has no heading whose anchor is #{anchor}");
            Assert.Contains(d.Title.ToString(), section, StringComparison.Ordinal);
            if (d.Id != "OPTG0014")
            {
                int blocks = Regex.Matches(section, "^```csharp", RegexOptions.Multiline).Count;
                Assert.True(blocks >= 2, $"{d.Id}: expected a bad and a fixed example, found {blocks} code blocks");
                Assert.Contains("Bad", section, StringComparison.Ordinal);
                Assert.Contains("Fixed", section, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Analyzer_releases_list_every_id_with_its_severity()
    {
        string unshipped = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "generators", "OptimizeGen.Generators", "Diagnostics", "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor d in Descriptors())
        {
            Assert.Contains($"{d.Id} | OptimizeGen | {d.DefaultSeverity} |", unshipped, StringComparison.Ordinal);
        }
    }

    private static string Anchor(string heading) =>
        Regex.Replace(heading.Trim().ToLowerInvariant(), @"[^a-z0-9 _-]", string.Empty).Replace(' ', '-');
}
