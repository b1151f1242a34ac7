namespace OptimizeGen;

/// <summary>
/// Marks a method <c>double F(...)</c> as an objective to minimize. The OptimizeGen generator writes its exact
/// gradient <c>FGradient</c>, its Hessian-vector product <c>FHessianVectorProduct</c>, the object
/// <c>FObjective</c> that <see cref="Optimize"/> takes, and the typed wrapper <c>MinimizeF</c>.
/// </summary>
/// <remarks>
/// The containing type must be <c>partial</c>. The differentiable variables are the method's <c>double</c>
/// parameters, or its one <c>ReadOnlySpan&lt;double&gt;</c> / <c>double[]</c> parameter; parameters marked
/// <see cref="DataAttribute"/>, fields, properties and constants are data and are not differentiated.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ObjectiveAttribute : Attribute
{
}

/// <summary>
/// Marks a model <c>double M(double x, double p1, …, double pk)</c> (or with <c>ReadOnlySpan&lt;double&gt; x</c> for
/// several predictors, and the parameters as one <c>ReadOnlySpan&lt;double&gt;</c>) for curve fitting. The generator
/// writes <c>MJacobian</c> (value and ∂/∂p), <c>MModel</c> and the typed fit <c>FitM</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ModelAttribute : Attribute
{
}

/// <summary>
/// Marks a system of equations <c>void S(ReadOnlySpan&lt;double&gt; x, Span&lt;double&gt; f)</c> to solve for
/// <c>F(x) = 0</c>. The generator writes <c>SJacobian</c>, a Jacobian-vector product, <c>SSystem</c> and <c>SolveS</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class EquationsAttribute : Attribute
{
}

/// <summary>
/// Marks a constraint that joins the problem of the <see cref="ObjectiveAttribute"/> method in the same type.
/// Either a <c>bool</c> comparison that states the constraint as it reads (<c>x*x + y*y &lt;= 2</c>, <c>a == b</c>),
/// or a <c>double</c>-returning method with an explicit <see cref="ConstraintKind"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ConstraintAttribute : Attribute
{
    /// <summary>A constraint stated as a <c>bool</c> comparison.</summary>
    public ConstraintAttribute()
    {
        Kind = ConstraintKind.Comparison;
    }

    /// <summary>A <c>double</c>-returning constraint g(x) of the given kind.</summary>
    public ConstraintAttribute(ConstraintKind kind)
    {
        Kind = kind;
    }

    /// <summary>How the method's value is read.</summary>
    public ConstraintKind Kind { get; }
}

/// <summary>How a <see cref="ConstraintAttribute"/> method's value is read.</summary>
public enum ConstraintKind
{
    /// <summary>The method returns <c>bool</c>: a comparison such as <c>g(x) &lt;= h(x)</c>.</summary>
    Comparison = 0,

    /// <summary>g(x) = 0 (scipy's <c>'eq'</c>).</summary>
    Equality = 1,

    /// <summary>g(x) ≥ 0 (scipy's <c>'ineq'</c>).</summary>
    NonNegative = 2,

    /// <summary>g(x) ≤ 0.</summary>
    NonPositive = 3,
}

/// <summary>
/// Marks a helper method that annotated methods may call: the generator differentiates it too, so calls to it
/// carry exact derivatives.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
}

/// <summary>
/// Marks a parameter of an annotated method as data: it is passed through, never differentiated.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class DataAttribute : Attribute
{
}
