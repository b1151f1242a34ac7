namespace OptimizeGen.Generators.Model;

/// <summary>How the differentiable variables are passed.</summary>
internal enum VariableKind
{
    /// <summary>One <c>double</c> parameter per variable.</summary>
    Scalars,

    /// <summary>One <c>ReadOnlySpan&lt;double&gt;</c> parameter.</summary>
    Span,

    /// <summary>One <c>double[]</c> parameter.</summary>
    Array,
}

/// <summary>What the annotated method is, which decides what is generated for it.</summary>
internal enum SpecRole
{
    /// <summary><c>[Objective] double F(…)</c>: gradient, Hessian-vector product, objective object, Minimize wrapper.</summary>
    Objective,

    /// <summary><c>[Model] double M(x, p…)</c>: the first parameter is the predictor (data); ∂M/∂p, model object, Fit wrapper.</summary>
    Model,

    /// <summary><c>[Equations] void S(ReadOnlySpan&lt;double&gt; x, Span&lt;double&gt; f)</c>: Jacobian (forward mode), JVP, system object, Solve wrapper.</summary>
    Equations,

    /// <summary><c>[Constraint]</c> beside an objective: lb ≤ g(x) ≤ ub with g's gradient; it joins the objective's Minimize wrapper.</summary>
    Constraint,
}

/// <summary>A parameter of the user's method, in declaration order.</summary>
/// <param name="Name">Its name.</param>
/// <param name="TypeText">Its type, fully qualified.</param>
/// <param name="IsData">True for a <c>[Data]</c> parameter (passed through), false for a differentiable one.</param>
internal sealed record ParameterSpec(string Name, string TypeText, bool IsData);

/// <summary>A containing type, outermost first: <c>partial class Outer</c>, <c>partial struct Inner</c>.</summary>
internal sealed record TypeSpec(string Keyword, string NameWithTypeParameters);

/// <summary>Names of the generated locals and parameters that must not collide with the user's identifiers.</summary>
internal sealed record GeneratedNames(
    string Gradient,
    string Point,
    string Direction,
    string Product,
    string Value,
    EquatableArray<string> ScalarAdjoints);

/// <summary>Everything the emitter needs for one <c>[Objective]</c> method. Plain data.</summary>
internal sealed record ObjectiveSpec(
    SpecRole Role,
    string Namespace,
    EquatableArray<TypeSpec> ContainingTypes,
    string MethodName,
    bool IsStatic,
    string Accessibility,
    VariableKind Kind,
    EquatableArray<ParameterSpec> Parameters,
    EquatableArray<string> Variables,
    EquatableArray<Stmt> Body,
    GeneratedNames Names,
    bool EmitWrapper,
    string HintName,
    string OutputName = "",
    double ConstraintLower = 0,
    double ConstraintUpper = 0,
    EquatableArray<string> Constraints = default,
    ProblemClass Class = ProblemClass.General);

/// <summary>What the generator proved of an objective together with the constraints beside it.</summary>
internal enum ProblemClass
{
    /// <summary>Nothing special: the wrapper calls <c>Optimize.Minimize</c>.</summary>
    General,

    /// <summary>The objective and every constraint are affine: the wrapper routes to <c>Optimize.MinimizeAffine</c> (linprog).</summary>
    Linear,

    /// <summary>The objective is quadratic and every constraint affine: the wrapper routes to <c>Optimize.MinimizeQuadratic</c>.</summary>
    Quadratic,
}

/// <summary>A source location as plain data.</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter);

/// <summary>A diagnostic as plain data: reported by its own pipeline output, never through the cached source path.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments);

/// <summary>What parsing one method produces: the spec (null when the method cannot be generated) and its diagnostics.</summary>
internal sealed record ParseResult(ObjectiveSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
