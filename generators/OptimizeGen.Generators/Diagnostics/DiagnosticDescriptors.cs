using Microsoft.CodeAnalysis;

namespace OptimizeGen.Generators.Diagnostics;

/// <summary>
/// Every diagnostic of the OptimizeGen generator. IDs are stable: OPTG00xx for [Objective] and the shared
/// differentiable subset; OPTG01xx is reserved for [Model], OPTG02xx for [Equations], OPTG03xx for [Constraint].
/// Each has a section in docs/diagnostics.md with a bad and a fixed example; the help link is built from the ID.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "OptimizeGen";

    /// <summary>The help page of a diagnostic: docs/diagnostics.md#optg0001.</summary>
    public static string HelpUri(string id) =>
        "https://github.com/optimizegen/optimizegen/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant();

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            helpLinkUri: HelpUri(id), customTags: WellKnownDiagnosticTags.NotConfigurable);

    /// <summary>OPTG0001: "The type '{0}' containing [Objective] method '{1}' must be partial (and so must every enclosing type)".</summary>
    public static readonly DiagnosticDescriptor TypeNotPartial = Error(
        "OPTG0001", "The containing type must be partial",
        "The type '{0}' containing the annotated method '{1}' must be partial (and so must every enclosing type), so that the generator can add the derivatives to it");

    /// <summary>OPTG0002: "The [Objective] method '{0}' must return double, not '{1}'".</summary>
    public static readonly DiagnosticDescriptor WrongReturnType = Error(
        "OPTG0002", "Wrong return type", "The annotated method '{0}' must return double, not '{1}'");

    /// <summary>OPTG0003: "Parameter '{0}' of type '{1}' is not supported ...".</summary>
    public static readonly DiagnosticDescriptor UnsupportedParameter = Error(
        "OPTG0003", "Unsupported parameter type",
        "Parameter '{0}' of type '{1}' is not supported: the variables are double parameters or one ReadOnlySpan<double> / double[] parameter; mark other parameters [Data]");

    /// <summary>OPTG0004: "The statement '{0}' is not in the differentiable subset".</summary>
    public static readonly DiagnosticDescriptor UnsupportedStatement = Error(
        "OPTG0004", "Unsupported statement", "The statement '{0}' is not in the differentiable subset{1}");

    /// <summary>OPTG0005: "The expression '{0}' is not in the differentiable subset".</summary>
    public static readonly DiagnosticDescriptor UnsupportedExpression = Error(
        "OPTG0005", "Unsupported expression", "The expression '{0}' is not in the differentiable subset{1}");

    /// <summary>OPTG0006: "'{0}' cannot be differentiated; mark it [Differentiable] ...".</summary>
    public static readonly DiagnosticDescriptor NotDifferentiableCall = Error(
        "OPTG0006", "Call to a method that cannot be differentiated",
        "The call to '{0}' cannot be differentiated: mark the method [Differentiable] (double parameters, a body in the differentiable subset), or pass only data to it");

    /// <summary>OPTG0007: "'{0}' calls itself recursively".</summary>
    public static readonly DiagnosticDescriptor Recursion = Error(
        "OPTG0007", "Recursion", "The call to '{0}' is recursive; differentiable methods are inlined and cannot recurse");

    /// <summary>OPTG0008: "'{0}' is unsupported control flow".</summary>
    public static readonly DiagnosticDescriptor UnsupportedControlFlow = Error(
        "OPTG0008", "Unsupported control flow",
        "'{0}' is not supported in a differentiable method: use if/else, ?: and counted for or foreach loops");

    /// <summary>OPTG0009: "'{0}' is a differentiable input and cannot be written".</summary>
    public static readonly DiagnosticDescriptor WriteToInput = Error(
        "OPTG0009", "Writing to a differentiable input",
        "'{0}' is a differentiable input and cannot be written; copy it into a local first");

    /// <summary>OPTG0010: "'{0}' divides integers derived from differentiable values".</summary>
    public static readonly DiagnosticDescriptor IntegerDivision = Error(
        "OPTG0010", "Integer division of differentiable values",
        "'{0}' is an integer division of differentiable values, which has no derivative; divide doubles instead");

    /// <summary>OPTG0011 (Info): "'{0}' is not smooth; its derivative is piecewise".</summary>
    public static readonly DiagnosticDescriptor NonSmooth = new(
        "OPTG0011", "Non-smooth function",
        "'{0}' is not smooth: the generated derivative is piecewise ({1}), and gradient-based methods may stall at its kinks",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpUri("OPTG0011"));

    /// <summary>OPTG0012: "The generated member '{0}' collides with an existing member".</summary>
    public static readonly DiagnosticDescriptor NameCollision = Error(
        "OPTG0012", "Generated-name collision",
        "The generator would add '{0}' to '{1}', which already declares a member of that name; rename one of them");

    /// <summary>OPTG0013: "This for loop is not a counted loop".</summary>
    public static readonly DiagnosticDescriptor NotCountedLoop = Error(
        "OPTG0013", "Not a counted for loop",
        "This for loop is not a counted loop: write 'for (int i = start; i < end; i++)' (or <=, >, >=, i--) with bounds from constants, lengths or data, and do not assign i in the body{0}");

    /// <summary>OPTG0014: "The generator failed on '{0}': {1}" — a bug in the generator, never a crash of the build.</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        "OPTG0014", "Generator internal error",
        "The OptimizeGen generator failed on '{0}': {1}. Please report it.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpUri("OPTG0014"));

    /// <summary>OPTG0015: "The type '{0}' containing the annotated method '{1}' is file-local ...".</summary>
    public static readonly DiagnosticDescriptor FileLocalType = Error(
        "OPTG0015", "The containing type cannot be file-local",
        "The type '{0}' containing the annotated method '{1}' is file-local: the generator adds the derivatives in a file of its own, which cannot extend a 'file' type; make it internal");

    /// <summary>OPTG0101: "The predictor of [Model] '{0}' …" — the first parameter must be what the data feeds.</summary>
    public static readonly DiagnosticDescriptor ModelPredictor = Error(
        "OPTG0101", "The model's predictor cannot be fed by the data",
        "The first parameter of the [Model] method '{0}' is the predictor the data feeds: it must be 'double x' (one predictor) or 'ReadOnlySpan<double> x' (several), not '{1}' of type '{2}'");

    /// <summary>OPTG0102: "The [Model] method '{0}' has no parameters to fit".</summary>
    public static readonly DiagnosticDescriptor ModelWithoutParameters = Error(
        "OPTG0102", "Model without parameters",
        "The [Model] method '{0}' has no parameters to fit: after the predictor, declare the parameters as doubles (double a, double b) or as one ReadOnlySpan<double>");

    /// <summary>OPTG0201: the shape of an [Equations] method.</summary>
    public static readonly DiagnosticDescriptor EquationsSignature = Error(
        "OPTG0201", "Equations signature",
        "The [Equations] method '{0}' must be 'void {0}(ReadOnlySpan<double> x, Span<double> f)' (x the unknowns, f the residuals it writes; [Data] parameters may follow) or return its residuals as a tuple of doubles from double unknowns: {1}");

    /// <summary>OPTG0202: the residual span of an [Equations] method used otherwise than element by element.</summary>
    public static readonly DiagnosticDescriptor EquationsOutputRead = Error(
        "OPTG0202", "Residuals are used element by element",
        "'{0}' uses the residual span '{1}' otherwise than element by element: write, read and update residuals as '{1}[i]' with an index counted from the start (only '{1}.Length' may be read besides)");

    /// <summary>OPTG0203: "The residual {2} of the [Equations] method '{0}' is '{1}', not double".</summary>
    public static readonly DiagnosticDescriptor ResidualNotDouble = Error(
        "OPTG0203", "Residual is not a double",
        "The residual {2} of the [Equations] method '{0}' is '{1}', not double: a system that returns its residuals returns a tuple of doubles, e.g. '(double, double) {0}(double x, double y)'");

    /// <summary>OPTG0204: "The [Equations] method '{0}' returns {1} residuals …" — the tuple form takes 2 to 7.</summary>
    public static readonly DiagnosticDescriptor ResidualTupleArity = Error(
        "OPTG0204", "Residual tuple size",
        "The [Equations] method '{0}' returns {1} residuals in a tuple: the tuple form takes 2 to 7 (one equation is Optimize.RootScalar's; a larger system writes its residuals into a Span<double>)");

    /// <summary>OPTG0205: a system returning its residuals whose unknowns are not as many as its residuals.</summary>
    public static readonly DiagnosticDescriptor EquationsNotSquare = Error(
        "OPTG0205", "Residuals and unknowns differ in number",
        "The [Equations] method '{0}' returns {1} residuals but takes {2} unknowns: a system F(x) = 0 is square, with one double parameter per residual ([Data] parameters besides)");

    /// <summary>OPTG0206: a return of the tuple form that is not a tuple literal of the residuals.</summary>
    public static readonly DiagnosticDescriptor ResidualTupleLiteral = Error(
        "OPTG0206", "Residuals returned as a tuple literal",
        "'{0}' must be a tuple literal of the {1} residuals, e.g. 'return (a, b);': the generated Jacobian differentiates each element");

    /// <summary>OPTG0301: a [Constraint] in a type without an [Objective].</summary>
    public static readonly DiagnosticDescriptor ConstraintWithoutObjective = Error(
        "OPTG0301", "Constraint without an objective",
        "The [Constraint] method '{0}' is in '{1}', which has no [Objective] method: a constraint joins the objective declared in the same type");

    /// <summary>OPTG0302: a [Constraint] whose variables differ from the objective's.</summary>
    public static readonly DiagnosticDescriptor ConstraintVariables = Error(
        "OPTG0302", "Constraint variables differ from the objective's",
        "The [Constraint] method '{0}' takes ({1}) but the objective '{2}' takes ({3}): a constraint takes exactly the objective's variables, in the same order, and is static when it is");

    /// <summary>OPTG0303: a bool [Constraint] that is not a comparison, or a double one without its kind.</summary>
    public static readonly DiagnosticDescriptor ConstraintNotComparison = Error(
        "OPTG0303", "Constraint is not a comparison",
        "The constraint '{0}' cannot be read as a comparison: {1}");

    /// <summary>OPTG0304: a strict comparison in a constraint (warning): optimizers work on closed sets.</summary>
    public static readonly DiagnosticDescriptor StrictConstraint = new(
        "OPTG0304", "Strict inequality in a constraint",
        "The constraint uses '{0}', which is treated as non-strict ('{0}='): optimizers work on closed feasible sets",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpUri("OPTG0304"));

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new[]
    {
        ConstraintWithoutObjective, ConstraintVariables, ConstraintNotComparison, StrictConstraint,
        ModelPredictor, ModelWithoutParameters, EquationsSignature, EquationsOutputRead,
        ResidualNotDouble, ResidualTupleArity, EquationsNotSquare, ResidualTupleLiteral,
        TypeNotPartial, WrongReturnType, UnsupportedParameter, UnsupportedStatement, UnsupportedExpression,
        NotDifferentiableCall, Recursion, UnsupportedControlFlow, WriteToInput, IntegerDivision, NonSmooth,
        NameCollision, NotCountedLoop, InternalError, FileLocalType,
    }.ToDictionary(d => d.Id);

    /// <summary>The descriptor of an ID.</summary>
    public static DiagnosticDescriptor Get(string id) => ById[id];
}
