using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using OptimizeGen.CodeFixes;
using OptimizeGen.Generators.Tests.Generator;

namespace OptimizeGen.Generators.Tests.Diagnostics;

/// <summary>
/// The OPTG0001 the generator really reports, fed to the code fix: after the fix the generator reports nothing, and
/// the project compiles with the generated gradient.
/// </summary>
public class MakeTypePartialEndToEndTests
{
    [Fact]
    public async Task The_code_fix_answers_the_generators_own_OPTG0001()
    {
        const string source = """
            using OptimizeGen;
            namespace Demo;
            public class Outer
            {
                public static class Problems
                {
                    [Objective]
                    public static double Paraboloid(double x, double y) => x * x + 4 * y * y;
                }
            }
            """;
        var (_, diagnostics, _) = GeneratorHarness.Run(source);
        Diagnostic optg0001 = Assert.Single(diagnostics);
        Assert.Equal("OPTG0001", optg0001.Id);

        var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Test", LanguageNames.CSharp).WithParseOptions(GeneratorHarness.ParseOptions);
        Document document = project.AddDocument("Source0.cs", SourceText.From(source));
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, optg0001, (action, _) => actions.Add(action), TestContext.Current.CancellationToken);
        await new MakeTypePartialCodeFix().RegisterCodeFixesAsync(context);
        CodeAction action = Assert.Single(actions);
        var operations = await action.GetOperationsAsync(TestContext.Current.CancellationToken);
        var apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(operations));
        string fixedSource = (await apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync(TestContext.Current.CancellationToken)).ToString();

        Assert.Contains("public partial class Outer", fixedSource, StringComparison.Ordinal);
        Assert.Contains("public static partial class Problems", fixedSource, StringComparison.Ordinal);
        var (output, after, result) = GeneratorHarness.Run(fixedSource);
        Assert.Empty(after);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Demo.Outer.Problems.Paraboloid.g.cs");
        var type = GeneratorHarness.CompileAndLoad(output).GetType("Demo.Outer+Problems", throwOnError: true)!;
        var gradient = type.GetMethod("ParaboloidGradient")!;
        object?[] arguments = { 1.0, 0.5, null, null };
        double value = (double)gradient.Invoke(null, arguments)!;
        Assert.Equal(2.0, value);
        Assert.Equal(2.0, (double)arguments[2]!);
        Assert.Equal(4.0, (double)arguments[3]!);
    }
}
