using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using OptimizeGen.Generators.Diagnostics;
using OptimizeGen.Generators.Emit;
using OptimizeGen.Generators.Model;
using OptimizeGen.Generators.Parsing;

namespace OptimizeGen.Generators;

/// <summary>The names of the pipeline's steps, asserted Cached/Unchanged by the incrementality tests.</summary>
public static class ObjectiveGeneratorSteps
{
    /// <summary>Each [Objective] method parsed to its IR and diagnostics.</summary>
    public const string Parse = "OptimizeGen.Parse";

    /// <summary>The IR of the methods that can be generated.</summary>
    public const string Specs = "OptimizeGen.Specs";

    /// <summary>The diagnostics, reported through their own output.</summary>
    public const string Diagnostics = "OptimizeGen.Diagnostics";
}

/// <summary>
/// The OptimizeGen source generator: for every <c>[Objective]</c> method, its exact gradient, Hessian-vector
/// product, objective object and typed minimize wrapper. Parsing (Parsing/) lowers syntax to a plain-data IR,
/// Differentiation/ holds the adjoint rules and the tape analysis, Emit/ writes C#. Diagnostics flow as
/// equatable data through a separate output, so that they never invalidate the cached source.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ObjectiveGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static post => post.AddSource(DualSource.HintName, SourceText.From(DualSource.Text, System.Text.Encoding.UTF8)));

        IncrementalValueProvider<ImmutableArray<EquatableArray<DiagnosticInfo>>> objectives = Register(context, ObjectiveParser.ObjectiveAttributeName, SpecRole.Objective);
        IncrementalValueProvider<ImmutableArray<EquatableArray<DiagnosticInfo>>> models = Register(context, ObjectiveParser.ModelAttributeName, SpecRole.Model);
        IncrementalValueProvider<ImmutableArray<EquatableArray<DiagnosticInfo>>> equations = Register(context, ObjectiveParser.EquationsAttributeName, SpecRole.Equations);
        IncrementalValueProvider<ImmutableArray<EquatableArray<DiagnosticInfo>>> constraints = Register(context, ObjectiveParser.ConstraintAttributeName, SpecRole.Constraint);

        // One output for every method's diagnostics, so that a [Differentiable] helper called by several annotated
        // methods is reported once per problem (same ID, same location), not once per caller. Reported against the
        // compilation's syntax trees, so that #pragma, [SuppressMessage] and per-file .editorconfig severities reach
        // them; re-reporting on each edit is cheap, and the named steps before the Combine stay cached.
        var all = objectives.Combine(models).Combine(equations.Combine(constraints))
            .Combine(context.CompilationProvider);
        context.RegisterSourceOutput(all, static (spc, pair) =>
        {
            var (((objective, model), (equation, constraint)), compilation) = pair;
            var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                if (!trees.ContainsKey(tree.FilePath))
                {
                    trees.Add(tree.FilePath, tree);
                }
            }

            var seen = new HashSet<(string Id, LocationInfo? Location)>();
            foreach (EquatableArray<DiagnosticInfo> list in objective.Concat(model).Concat(equation).Concat(constraint))
            {
                foreach (DiagnosticInfo info in list)
                {
                    if (seen.Add((info.Id, info.Location)))
                    {
                        spc.ReportDiagnostic(ToDiagnostic(info, trees));
                    }
                }
            }
        });
    }

    private static IncrementalValueProvider<ImmutableArray<EquatableArray<DiagnosticInfo>>> Register(IncrementalGeneratorInitializationContext context, string attribute, SpecRole role)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is MethodDeclarationSyntax,
                (ctx, ct) => ObjectiveParser.Parse(ctx, role, ct))
            .WithTrackingName(ObjectiveGeneratorSteps.Parse);

        IncrementalValuesProvider<ObjectiveSpec> specs = parsed
            .Where(static r => r.Spec is not null)
            .Select(static (r, _) => r.Spec!)
            .WithTrackingName(ObjectiveGeneratorSteps.Specs);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
            .Select(static (r, _) => r.Diagnostics)
            .Where(static d => d.Count > 0)
            .WithTrackingName(ObjectiveGeneratorSteps.Diagnostics);

        context.RegisterSourceOutput(specs, static (spc, spec) =>
        {
            string source;
            try
            {
                source = spec.Role switch
                {
                    SpecRole.Model => ModelEmitter.Emit(spec),
                    SpecRole.Equations => EquationsEmitter.Emit(spec),
                    _ => ObjectiveEmitter.Emit(spec),
                };
            }
            catch (Exception ex)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, spec.MethodName, ex.GetType().Name + ": " + ex.Message));
                return;
            }

            spc.AddSource(spec.HintName + ".g.cs", SourceText.From(source, System.Text.Encoding.UTF8));
        });

        return diagnostics.Collect();
    }

    private static Diagnostic ToDiagnostic(DiagnosticInfo info, Dictionary<string, SyntaxTree> trees)
    {
        Location location = Location.None;
        if (info.Location is { } l)
        {
            var span = new TextSpan(l.Start, l.Length);
            location = trees.TryGetValue(l.FilePath, out SyntaxTree? tree) && span.End <= tree.Length
                ? Location.Create(tree, span)
                : Location.Create(l.FilePath, span, new LinePositionSpan(new LinePosition(l.StartLine, l.StartCharacter), new LinePosition(l.EndLine, l.EndCharacter)));
        }

        return Diagnostic.Create(DiagnosticDescriptors.Get(info.Id), location, info.Arguments.Cast<object?>().ToArray());
    }
}
