using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OptimizeGen.Generators.Tests.Generator;

/// <summary>Runs the generator in memory over C# sources, compiles the result and loads it.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var references = trusted.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "mscorlib.dll" or "netstandard.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(OptimizeGen.ObjectiveAttribute).Assembly.Location));
        return references.ToImmutableArray();
    });

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The references every test compilation gets: the framework and the OptimizeGen runtime.</summary>
    public static ImmutableArray<MetadataReference> MetadataReferences => References.Value;

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Generated" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release, warningLevel: 9999));

    public static GeneratorDriver Driver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new ObjectiveGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns the output compilation, the generator's diagnostics and generated sources.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics, GeneratorRunResult Result) Run(params string[] sources)
    {
        CSharpCompilation compilation = Compilation(sources);
        GeneratorDriver driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return (output, diagnostics, driver.GetRunResult().Results[0]);
    }

    /// <summary>The generated source for one hint name suffix (e.g. "Problems.Rosenbrock.g.cs").</summary>
    public static string Generated(GeneratorRunResult result, string hintSuffix) =>
        result.GeneratedSources.Single(s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Compiles (every warning an error) and loads the output; throws with the diagnostics when it does not compile.</summary>
    public static Assembly CompileAndLoad(Compilation output)
    {
        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        var generated = output.SyntaxTrees.Where(t => t.FilePath.Contains("OptimizeGen.Generators", StringComparison.Ordinal)).ToHashSet();
        var problems = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error
            || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree))).ToList();
        if (!result.Success || problems.Count > 0)
        {
            throw new InvalidOperationException("The generated code does not compile warning-free:\n" + string.Join("\n", problems.Take(30)));
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext(output.AssemblyName, isCollectible: true);
        return context.LoadFromStream(stream);
    }
}
