using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OptimizeGen.Generators.Tests.Generator;

namespace OptimizeGen.Generators.Tests.Incrementality;

/// <summary>
/// The generator's pipeline is incremental: an edit elsewhere in the project re-runs nothing (every named step
/// Cached or Unchanged), and an edit of the objective's body flows through to a new source. The model that flows
/// between steps is plain equatable data, checked by walking its types.
/// </summary>
public class IncrementalityTests
{
    private static readonly string[] StepNames = { ObjectiveGeneratorSteps.Parse, ObjectiveGeneratorSteps.Specs, ObjectiveGeneratorSteps.Diagnostics };

    // Two objectives, one with an Info diagnostic, so that the Diagnostics step has an output to cache.
    private const string Objectives = """
        using System;
        using OptimizeGen;
        namespace Demo;
        public static partial class Problems
        {
            [Objective] public static double Rosenbrock(double x, double y) => 100 * Math.Pow(y - x * x, 2) + Math.Pow(1 - x, 2);

            [Objective]
            public static double Sum(ReadOnlySpan<double> x)
            {
                double s = 0;
                foreach (double v in x)
                {
                    s += Math.Abs(v) + v * v;
                }

                return s;
            }
        }
        """;

    private const string Unrelated = """
        namespace Demo;
        public static class Other
        {
            public static int Answer => 42;
        }
        """;

    [Fact]
    public void Editing_an_unrelated_file_leaves_every_step_cached()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        CSharpCompilation edited = Replace(compilation, "Source1.cs", Unrelated.Replace("42", "43", StringComparison.Ordinal) + "\npublic static class More { public static double Pi => 3.14; }\n");
        GeneratorRunResult result = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        foreach (string step in StepNames)
        {
            var outputs = Outputs(result, step);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o}"));
        }

        // The source outputs are not asserted: reporting diagnostics at syntax-tree locations (so that #pragma reaches
        // them) needs the compilation's trees, which change with every edit; re-reporting is cheap, re-emitting is not.
    }

    [Fact]
    public void Adding_a_member_beside_the_objective_reparses_but_generates_nothing_new()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        string withMember = Objectives.TrimEnd().TrimEnd('}') + "    public static int Unused() => 1;\n}\n";
        CSharpCompilation edited = Replace(compilation, "Source0.cs", withMember);
        GeneratorRunResult result = driver.RunGenerators(edited, TestContext.Current.CancellationToken).GetRunResult().Results.Single();

        // The tree changed, so the methods are parsed again; their IR (which holds no symbol or syntax) is equal.
        Assert.All(Outputs(result, ObjectiveGeneratorSteps.Parse), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o));
        Assert.All(Outputs(result, ObjectiveGeneratorSteps.Specs), o => Assert.True(o is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.ToString()));
        Assert.All(Outputs(result, ObjectiveGeneratorSteps.Diagnostics), o => Assert.True(o is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.ToString()));
    }

    [Fact]
    public void Editing_the_objective_body_changes_the_parse_and_the_generated_source()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        string before = Generated(driver, "Problems.Rosenbrock.g.cs");
        CSharpCompilation edited = Replace(compilation, "Source0.cs", Objectives.Replace("Math.Pow(1 - x, 2)", "Math.Pow(2 - x, 2)", StringComparison.Ordinal));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Outputs(result, ObjectiveGeneratorSteps.Parse));
        Assert.Contains(IncrementalStepRunReason.Modified, Outputs(result, ObjectiveGeneratorSteps.Specs));
        // The other objective's IR is untouched.
        Assert.Contains(Outputs(result, ObjectiveGeneratorSteps.Specs), o => o is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
        string after = Generated(driver, "Problems.Rosenbrock.g.cs");
        Assert.NotEqual(before, after);
        Assert.Contains("2.0 - x", after, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_between_steps_holds_only_equatable_plain_data()
    {
        Assembly generator = typeof(ObjectiveGenerator).Assembly;
        Type root = generator.GetType("OptimizeGen.Generators.Model.ParseResult", throwOnError: true)!;
        Type[] forbidden = { typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxToken), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel) };
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            Type type = queue.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }

            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
            if (type.IsPrimitive || type.IsEnum || type.IsGenericParameter || type == typeof(string) || type == typeof(object))
            {
                continue;
            }

            if (type.Name.StartsWith("EquatableArray", StringComparison.Ordinal))
            {
                // Its element type is walked from the field that holds it; inside, it is an equatable immutable array.
                Assert.True(type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>)), $"{type} is not equatable");
                continue;
            }

            Assert.True(type.Assembly == generator, $"{type} from {type.Assembly.GetName().Name} in the model");
            Assert.False(typeof(IEnumerable).IsAssignableFrom(type), $"{type}: collections in the model must be EquatableArray");
            // A record: compiler-generated value equality.
            Assert.True(type.GetProperty("EqualityContract", BindingFlags.Instance | BindingFlags.NonPublic) is not null, $"{type} is not a record");

            foreach (Type derived in generator.GetTypes().Where(t => t != type && type.IsAssignableFrom(t)))
            {
                queue.Enqueue(derived);
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Type fieldType = Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType;
                if (fieldType.IsArray)
                {
                    fieldType = fieldType.GetElementType()!;
                }

                queue.Enqueue(fieldType.IsGenericType && fieldType.Assembly == generator ? fieldType.GetGenericTypeDefinition() : fieldType);
                foreach (Type argument in fieldType.GetGenericArguments())
                {
                    queue.Enqueue(argument);
                }
            }
        }

        Assert.Contains(seen, t => t.Name == "ObjectiveSpec");
        Assert.Contains(seen, t => t.Name == "LetStmt");
        Assert.Contains(seen, t => t.Name == "DiagnosticInfo");
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        CSharpCompilation compilation = GeneratorHarness.Compilation(Objectives, Unrelated);
        GeneratorDriver driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation, TestContext.Current.CancellationToken);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();
        Assert.Null(first.Exception);
        Assert.Equal(2, Outputs(first, ObjectiveGeneratorSteps.Specs).Count);
        Assert.NotEmpty(Outputs(first, ObjectiveGeneratorSteps.Diagnostics));
        return (driver, compilation);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string source)
    {
        SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: path, cancellationToken: TestContext.Current.CancellationToken));
    }

    private static List<IncrementalStepRunReason> Outputs(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var steps)
            ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList()
            : new List<IncrementalStepRunReason>();

    private static string Generated(GeneratorDriver driver, string hintSuffix) =>
        GeneratorHarness.Generated(driver.GetRunResult().Results.Single(), hintSuffix);
}
