using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OptimizeGen.CodeFixes;

namespace OptimizeGen.Generators.Tests.CodeFixes;

/// <summary>
/// The code fix for OPTG0001, applied in a real workspace to a diagnostic placed where the generator reports it
/// (anywhere inside the offending type: the fix walks outwards from the location).
/// </summary>
public class MakeTypePartialCodeFixTests
{
    private static readonly DiagnosticDescriptor Optg0001 = new(
        MakeTypePartialCodeFix.DiagnosticId,
        "Type must be partial",
        "The type '{0}' must be partial",
        "OptimizeGen",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    [Fact]
    public async Task Adds_partial_to_a_static_class()
    {
        const string before = """
            using OptimizeGen;

            public static class Problems
            {
                [Objective]
                public static double F(double x) => x * x;
            }
            """;
        const string after = """
            using OptimizeGen;

            public static partial class Problems
            {
                [Objective]
                public static double F(double x) => x * x;
            }
            """;
        Assert.Equal(after, await FixAsync(before, "F"));
    }

    [Fact]
    public async Task Adds_partial_to_every_enclosing_type_that_lacks_it_and_keeps_trivia()
    {
        const string before = """
            namespace Demo;

            // Outer holds the problems.
            class Outer
            {
                internal partial struct Middle
                {
                    /// <summary>Inner.</summary>
                    sealed class Inner
                    {
                        [OptimizeGen.Objective]
                        double F(double x) => x * x;
                    }
                }
            }
            """;
        const string after = """
            namespace Demo;

            // Outer holds the problems.
            partial class Outer
            {
                internal partial struct Middle
                {
                    /// <summary>Inner.</summary>
                    sealed partial class Inner
                    {
                        [OptimizeGen.Objective]
                        double F(double x) => x * x;
                    }
                }
            }
            """;
        Assert.Equal(after, await FixAsync(before, "F"));
    }

    [Fact]
    public async Task Offers_nothing_when_every_type_is_already_partial()
    {
        const string source = """
            public partial class Problems
            {
                public static double F(double x) => x * x;
            }
            """;
        (Document document, Diagnostic diagnostic) = Prepare(source, "F");
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new MakeTypePartialCodeFix().RegisterCodeFixesAsync(context);
        Assert.Empty(actions);
    }

    [Fact]
    public void Fixes_OPTG0001_only_and_supports_fix_all()
    {
        var fix = new MakeTypePartialCodeFix();
        Assert.Equal(["OPTG0001"], fix.FixableDiagnosticIds);
        Assert.NotNull(fix.GetFixAllProvider());
    }

    private static async Task<string> FixAsync(string source, string methodName)
    {
        (Document document, Diagnostic diagnostic) = Prepare(source, methodName);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new MakeTypePartialCodeFix().RegisterCodeFixesAsync(context);
        CodeAction action = Assert.Single(actions);
        Assert.Equal(MakeTypePartialCodeFix.Title, action.Title);
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        ApplyChangesOperation apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(operations));
        Document changed = apply.ChangedSolution.GetDocument(document.Id)!;
        SourceText text = await changed.GetTextAsync();
        return text.ToString();
    }

    /// <summary>A one-document workspace and an OPTG0001 diagnostic on the method's name, as the generator reports it.</summary>
    private static (Document Document, Diagnostic Diagnostic) Prepare(string source, string methodName)
    {
        var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        Document document = project.AddDocument("Test.cs", SourceText.From(source));
        int start = source.IndexOf(" " + methodName + "(", StringComparison.Ordinal) + 1;
        Location location = Location.Create(
            document.GetSyntaxTreeAsync().Result!,
            new TextSpan(start, methodName.Length));
        return (document, Diagnostic.Create(Optg0001, location, "Problems"));
    }
}
