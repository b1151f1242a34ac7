using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OptimizeGen.Generators.Tests.Generator;

namespace OptimizeGen.Generators.Tests.Diagnostics;

/// <summary>
/// The markup of Microsoft.CodeAnalysis.Testing, <c>{|OPTG0005:text|}</c>, read by hand and checked against the
/// in-memory harness: every OPTG diagnostic the generator reports must be marked, with its exact span (and so its
/// exact line and column), and every mark must be reported. Marks nest.
/// </summary>
internal static class DiagnosticMarkup
{
    /// <summary>One expected diagnostic: its ID and where it is.</summary>
    internal sealed record Expected(string Id, TextSpan Span, LinePositionSpan Lines)
    {
        public override string ToString() =>
            $"{Id} at {Lines.Start.Line + 1}:{Lines.Start.Character + 1}-{Lines.End.Line + 1}:{Lines.End.Character + 1} {Span}";
    }

    /// <summary>Strips the marks; returns the plain source and the marked spans.</summary>
    public static (string Source, ImmutableArray<Expected> Expected) Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var open = new Stack<(string Id, int Start)>();
        var spans = new List<(string Id, TextSpan Span)>();
        for (int k = 0; k < markup.Length; k++)
        {
            if (markup[k] == '{' && k + 1 < markup.Length && markup[k + 1] == '|')
            {
                int colon = markup.IndexOf(':', k + 2);
                string id = markup.Substring(k + 2, colon - k - 2);
                open.Push((id, text.Length));
                k = colon;
                continue;
            }

            if (markup[k] == '|' && k + 1 < markup.Length && markup[k + 1] == '}' && open.Count > 0)
            {
                (string id, int start) = open.Pop();
                spans.Add((id, TextSpan.FromBounds(start, text.Length)));
                k++;
                continue;
            }

            text.Append(markup[k]);
        }

        if (open.Count > 0)
        {
            throw new ArgumentException("Unclosed markup for " + open.Peek().Id, nameof(markup));
        }

        string source = text.ToString();
        SourceText sourceText = SourceText.From(source);
        return (source, spans.Select(s => new Expected(s.Id, s.Span, sourceText.Lines.GetLinePositionSpan(s.Span)))
            .OrderBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToImmutableArray());
    }

    /// <summary>
    /// Runs the generator over the marked source (Source0.cs); asserts that the OPTG diagnostics are exactly the marked
    /// ones, that none is an internal error, that the generator did not throw, and that each message contains the given
    /// fragments. Returns the diagnostics for further checks.
    /// </summary>
    public static ImmutableArray<Diagnostic> Verify(string markup, params string[] messageFragments) =>
        VerifyFiles(new[] { markup }, messageFragments);

    /// <summary>As <see cref="Verify"/>, over several marked files Source0.cs, Source1.cs, ….</summary>
    public static ImmutableArray<Diagnostic> VerifyFiles(string[] markups, params string[] messageFragments)
    {
        var parsed = markups.Select(Parse).ToList();
        var (_, diagnostics, result) = GeneratorHarness.Run(parsed.Select(p => p.Source).ToArray());
        Assert.Null(result.Exception);
        ImmutableArray<Diagnostic> ours = diagnostics.Where(d => d.Id.StartsWith("OPTG", StringComparison.Ordinal)).ToImmutableArray();
        for (int file = 0; file < parsed.Count; file++)
        {
            string path = $"Source{file}.cs";
            var inFile = ours.Where(d => d.Location.GetLineSpan().Path == path)
                .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
            var actual = inFile.Select(d => new Expected(d.Id, d.Location.SourceSpan, d.Location.GetLineSpan().Span)).ToList();
            Assert.True(parsed[file].Expected.SequenceEqual(actual), path + ":\n" + Describe(parsed[file].Source, parsed[file].Expected, actual, inFile));
        }

        Assert.All(ours, d => Assert.Matches(@"^Source\d+\.cs$", d.Location.GetLineSpan().Path));
        string messages = string.Join("\n", ours.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (string fragment in messageFragments)
        {
            Assert.Contains(fragment, messages, StringComparison.Ordinal);
        }

        foreach (Diagnostic diagnostic in ours)
        {
            Assert.Equal(DiagnosticsCatalogTests.HelpLink(diagnostic.Id), diagnostic.Descriptor.HelpLinkUri);
        }

        return ours;
    }

    private static string Describe(string source, IReadOnlyList<Expected> expected, IReadOnlyList<Expected> actual, IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        builder.AppendLine("Expected:");
        foreach (Expected e in expected)
        {
            builder.AppendLine("  " + e + " '" + source.Substring(e.Span.Start, e.Span.Length) + "'");
        }

        builder.AppendLine("Actual:");
        foreach (Expected a in actual)
        {
            builder.AppendLine("  " + a + " '" + source.Substring(a.Span.Start, a.Span.Length) + "'");
        }

        builder.AppendLine("Messages:");
        foreach (Diagnostic d in diagnostics)
        {
            builder.AppendLine("  " + d);
        }

        return builder.ToString();
    }
}
