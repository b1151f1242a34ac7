using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OptimizeGen.Generators.Tests.Generator;
using OptimizeGen.Generators.Tests.Packaging;

namespace OptimizeGen.Generators.Tests.Snapshots;

/// <summary>
/// The generated source of <see cref="SnapshotCases"/>, compared byte for byte with the files checked in under
/// Snapshots/&lt;Case&gt;/&lt;HintName&gt;.txt (the generator's version replaced by %VERSION%). Set
/// OPTIMIZEGEN_UPDATE_SNAPSHOTS=1 to rewrite them after an intended change to the emitted code, then review the diff.
/// </summary>
public class SnapshotTests
{
    private const string UpdateVariable = "OPTIMIZEGEN_UPDATE_SNAPSHOTS";
    private const string PostInitializationFolder = "_PostInitialization";

    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "OptimizeGen.Generators.Tests", "Snapshots");

    private static bool Update => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static TheoryData<string> Cases() => new(SnapshotCases.All.Keys);

    [Fact]
    public void There_are_at_least_15_cases()
    {
        Assert.True(SnapshotCases.All.Count >= 15);
    }

    [Fact]
    public void Every_snapshot_folder_belongs_to_a_case()
    {
        var expected = SnapshotCases.All.Keys.Append(PostInitializationFolder).ToHashSet(StringComparer.Ordinal);
        foreach (string folder in Directory.GetDirectories(Folder).Select(Path.GetFileName).OfType<string>())
        {
            if (expected.Contains(folder))
            {
                continue;
            }

            if (Update)
            {
                Directory.Delete(Path.Combine(Folder, folder), recursive: true);
            }
            else
            {
                Assert.Fail($"Snapshots/{folder} belongs to no case (set {UpdateVariable}=1 to delete it)");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_source_matches_the_snapshot(string name)
    {
        Compare(name, Generate(SnapshotCases.All[name]).Where(s => s.Key.StartsWith("Snapshots.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Post_initialization_source_matches_the_snapshot()
    {
        Compare(PostInitializationFolder, Generate("namespace Empty;").Where(s => !s.Key.StartsWith("Snapshots.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        // A culture whose minus sign is U+2212 and whose decimal separator is a comma: every constant must still be
        // written invariantly (STYLE.md 7).
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = "\u00a0";
        var invariant = SnapshotCases.All.ToDictionary(c => c.Key, c => Generate(c.Value));
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            Assert.Equal("\u22120,5", (-0.5).ToString(CultureInfo.CurrentCulture));
            foreach (var (name, source) in SnapshotCases.All)
            {
                var local = Generate(source);
                Assert.Equal(invariant[name].Keys.Order(StringComparer.Ordinal), local.Keys.Order(StringComparer.Ordinal));
                foreach (var (hint, text) in local)
                {
                    Assert.True(invariant[name][hint] == text, $"{name}/{hint} differs under a culture with U+2212 as minus sign");
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    [Theory]
    [InlineData(LanguageVersion.Latest)]
    [InlineData(LanguageVersion.CSharp12)]
    public void All_generated_code_compiles_with_nullable_and_warnings_as_errors_and_no_warning(LanguageVersion version)
    {
        // Every case in one compilation, nullable enabled, the highest warning level, every warning an error; at the
        // latest language version and at C# 12, the default of the oldest SDK the generator supports (.NET 8).
        // (With documentation comments diagnosed: the next test.)
        var parseOptions = GeneratorHarness.ParseOptions.WithLanguageVersion(version);
        var compilation = CSharpCompilation.Create(
            "Snapshots",
            SnapshotCases.All.Select(c => CSharpSyntaxTree.ParseText(c.Value, parseOptions, path: c.Key + ".cs", cancellationToken: TestContext.Current.CancellationToken)),
            GeneratorHarness.MetadataReferences,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999,
                optimizationLevel: OptimizationLevel.Release));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new ObjectiveGenerator().AsSourceGenerator() }, parseOptions: parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics, TestContext.Current.CancellationToken);

        Assert.All(generatorDiagnostics, d => Assert.True(d.Severity < DiagnosticSeverity.Warning, d.ToString()));
        int generatedTrees = output.SyntaxTrees.Count() - SnapshotCases.All.Count;
        Assert.True(generatedTrees > SnapshotCases.All.Count, $"only {generatedTrees} generated files");

        using var stream = new MemoryStream();
        var emitted = output.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();
        if (version != LanguageVersion.Latest)
        {
            // The test runs on .NET 10 reference assemblies, where foreach over a span in the user's code needs
            // C# 13 (CS9202); only the generated files are held to C# 12 here.
            var generated = output.SyntaxTrees.Where(t => t.FilePath.Contains("OptimizeGen.Generators", StringComparison.Ordinal)).ToHashSet();
            Assert.All(problems, d => Assert.True(d.Id == "CS9202" || (d.Location.SourceTree is { } tree && generated.Contains(tree)), d.ToString()));
            problems = problems.Where(d => d.Location.SourceTree is { } tree && generated.Contains(tree)).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
            return;
        }

        Assert.True(emitted.Success && problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    [Fact]
    public void All_generated_code_compiles_warning_free_with_documentation_comments_diagnosed()
    {
        // What a consumer project with <GenerateDocumentationFile>true</GenerateDocumentationFile> and warnings as
        // errors gets: every generated doc comment is checked (CS1573: a parameter without <param> where others have
        // one; CS1591: a public member without a comment; CS1572/CS1574: a tag naming nothing). The user's own
        // members are not held to it here.
        var parseOptions = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "SnapshotsWithDocs",
            SnapshotCases.All.Append(new KeyValuePair<string, string>("DocumentedExtras", DocumentedExtras))
                .Append(new KeyValuePair<string, string>("KeywordNames", Regressions.GeneratedCodeRegressionTests.KeywordNames))
                .Select(c => CSharpSyntaxTree.ParseText(c.Value, parseOptions, path: c.Key + ".cs", cancellationToken: TestContext.Current.CancellationToken)),
            GeneratorHarness.MetadataReferences,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999,
                optimizationLevel: OptimizationLevel.Release));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new ObjectiveGenerator().AsSourceGenerator() }, parseOptions: parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics, TestContext.Current.CancellationToken);
        Assert.All(generatorDiagnostics, d => Assert.True(d.Severity < DiagnosticSeverity.Warning, d.ToString()));

        var generated = output.SyntaxTrees.Where(t => t.FilePath.Contains("OptimizeGen.Generators", StringComparison.Ordinal)).ToHashSet();
        Assert.All(generated, t => Assert.Equal(DocumentationMode.Diagnose, t.Options.DocumentationMode));
        var problems = output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    /// <summary>Shapes beyond the snapshot cases whose generated comments once went wrong: overloads of the annotated
    /// method's name (an ambiguous cref), a model with a double[] predictor and data, keyword-named parameters.</summary>
    private const string DocumentedExtras = """
        using System;
        using OptimizeGen;
        namespace Snapshots.DocumentedExtras;

        /// <summary>Documented extras.</summary>
        public static partial class Problems
        {
            /// <summary>An overload that is not annotated.</summary>
            public static double F(int n) => n;

            /// <summary>F.</summary>
            [Objective]
            public static double F(double x, [Data] double scale) => scale * x * x;

            /// <summary>A model over several predictors with data.</summary>
            [Model]
            public static double M(double[] t, double a, double b, [Data] double shift) => a * t[0] + b * t[1] + shift;

            /// <summary>A system with data.</summary>
            [Equations]
            public static void S(ReadOnlySpan<double> x, Span<double> f, [Data] double c)
            {
                f[0] = x[0] * x[0] - c;
            }
        }
        """;

    /// <summary>Runs the generator on one source; returns hint name → normalized text.</summary>
    private static Dictionary<string, string> Generate(string source)
    {
        var (_, diagnostics, result) = GeneratorHarness.Run(source);
        Assert.Null(result.Exception);
        Assert.All(diagnostics, d => Assert.True(d.Severity < DiagnosticSeverity.Warning, d.ToString()));
        return result.GeneratedSources.ToDictionary(s => s.HintName, s => Normalize(s.SourceText.ToString()), StringComparer.Ordinal);
    }

    /// <summary>The version the generator stamps into [GeneratedCode] becomes %VERSION%, so that a release does not rewrite every snapshot.</summary>
    private static string Normalize(string text) =>
        Regex.Replace(text, "GeneratedCode\\(\"OptimizeGen.Generators\", \"[^\"]*\"\\)", "GeneratedCode(\"OptimizeGen.Generators\", \"%VERSION%\")");

    private static void Compare(string folderName, IEnumerable<KeyValuePair<string, string>> generated)
    {
        string folder = Path.Combine(Folder, folderName);
        var expected = generated.ToDictionary(g => g.Key + ".txt", g => g.Value, StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (Update)
        {
            Directory.CreateDirectory(folder);
            foreach (string stale in Directory.GetFiles(folder).Where(f => !expected.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            foreach (var (file, text) in expected)
            {
                File.WriteAllBytes(Path.Combine(folder, file), encoding.GetBytes(text));
            }

            return;
        }

        string hint = $"(set {UpdateVariable}=1 to rewrite the snapshots after an intended change, then review the diff)";
        Assert.True(Directory.Exists(folder), $"no snapshot folder {folder} {hint}");
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.SequenceEqual(expected.Keys.Order(StringComparer.Ordinal)),
            $"{folderName}: snapshot files [{string.Join(", ", files)}] but generated [{string.Join(", ", expected.Keys)}] {hint}");
        foreach (var (file, text) in expected)
        {
            byte[] actual = encoding.GetBytes(text);
            byte[] snapshot = File.ReadAllBytes(Path.Combine(folder, file));
            if (!actual.AsSpan().SequenceEqual(snapshot))
            {
                Assert.Fail($"{folderName}/{file} differs from the snapshot {hint}:\n{FirstDifference(encoding.GetString(snapshot), text)}");
            }
        }
    }

    private static string FirstDifference(string snapshot, string actual)
    {
        string[] a = snapshot.Split('\n');
        string[] b = actual.Split('\n');
        for (int k = 0; k < Math.Max(a.Length, b.Length); k++)
        {
            string left = k < a.Length ? a[k] : "<end of file>";
            string right = k < b.Length ? b[k] : "<end of file>";
            if (left != right)
            {
                return $"line {k + 1}:\n  snapshot:  {left}\n  generated: {right}";
            }
        }

        return "(line endings or encoding differ)";
    }
}
