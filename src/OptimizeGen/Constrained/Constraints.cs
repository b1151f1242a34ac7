namespace OptimizeGen;

// The constraint types of Optimize.Minimize's constrained overload (scipy's LinearConstraint and NonlinearConstraint).
// Both state lb ≤ g(x) ≤ ub row by row: lbᵢ = ubᵢ is an equality, an infinite side is absent. Generated code hands its
// constraint methods over as IJacobianFunction objects (value and row-major Jacobian written into spans, no allocation
// per call), wrapped in a NonlinearConstraint; delegate users pass plain delegates, with finite differences where no
// Jacobian is given.

/// <summary>The common base of <see cref="LinearConstraint"/> and <see cref="NonlinearConstraint"/>: rows lb ≤ g(x) ≤ ub.</summary>
public abstract class ConstraintBase
{
    private protected ConstraintBase(double[] lower, double[] upper, string lowerName, string upperName)
    {
        ArgumentNullException.ThrowIfNull(lower, lowerName);
        ArgumentNullException.ThrowIfNull(upper, upperName);
        if (lower.Length != upper.Length)
        {
            throw new ArgumentException($"{lowerName} has {lower.Length} entries but {upperName} has {upper.Length}.", upperName);
        }

        for (int i = 0; i < lower.Length; i++)
        {
            if (double.IsNaN(lower[i]) || double.IsPositiveInfinity(lower[i]))
            {
                throw new ArgumentException($"{lowerName}[{i}] is {lower[i]}; a lower bound is finite or −∞.", lowerName);
            }

            if (double.IsNaN(upper[i]) || double.IsNegativeInfinity(upper[i]))
            {
                throw new ArgumentException($"{upperName}[{i}] is {upper[i]}; an upper bound is finite or +∞.", upperName);
            }

            if (lower[i] > upper[i])
            {
                throw new ArgumentException($"{lowerName}[{i}] = {lower[i]} exceeds {upperName}[{i}] = {upper[i]}.", lowerName);
            }
        }

        Lower = (double[])lower.Clone();
        Upper = (double[])upper.Clone();
    }

    /// <summary>The number of constraint rows m.</summary>
    public int Count => Lower.Count;

    /// <summary>The lower bounds lb (−∞ where absent).</summary>
    public IReadOnlyList<double> Lower { get; }

    /// <summary>The upper bounds ub (+∞ where absent).</summary>
    public IReadOnlyList<double> Upper { get; }

    /// <summary>Checks that the constraint fits n variables; throws naming <paramref name="parameterName"/>.</summary>
    internal abstract void CheckDimension(int n, string parameterName);

    /// <summary>Writes g(x) (length m).</summary>
    internal abstract void Evaluate(ReadOnlySpan<double> x, Span<double> values);

    /// <summary>
    /// Writes g(x) and its row-major m×n Jacobian (by <paramref name="scheme"/> with relative step
    /// <paramref name="relativeStep"/> where the function gives none); returns the number of extra evaluations made for
    /// finite differences.
    /// </summary>
    internal abstract int EvaluateWithJacobian(ReadOnlySpan<double> x, Span<double> values, Span<double> jacobian, FiniteDifferenceScheme scheme, double? relativeStep);

    private protected static double[] Repeat(double value, int m)
    {
        var a = new double[m];
        Array.Fill(a, value);
        return a;
    }
}

/// <summary>Linear constraints lb ≤ A x ≤ ub (scipy's <c>LinearConstraint</c>).</summary>
public sealed class LinearConstraint : ConstraintBase
{
    private readonly double[] _a;
    private readonly int _n;

    /// <summary>lb ≤ A x ≤ ub with A of m rows and n columns (finite entries).</summary>
    public LinearConstraint(double[,] a, double[] lb, double[] ub)
        : base(lb, ub, nameof(lb), nameof(ub))
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.GetLength(0) != lb.Length)
        {
            throw new ArgumentException($"A has {a.GetLength(0)} rows but lb and ub have {lb.Length} entries.", nameof(a));
        }

        _n = a.GetLength(1);
        _a = new double[a.Length];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < _n; j++)
            {
                _a[i * _n + j] = a[i, j];
            }
        }

        Guard.Finite(_a, nameof(a));
    }

    /// <summary>lb ≤ A x ≤ ub with the same bounds on every row.</summary>
    public LinearConstraint(double[,] a, double lb, double ub)
        : this(a, Repeat(lb, a?.GetLength(0) ?? 0), Repeat(ub, a?.GetLength(0) ?? 0))
    {
    }

    /// <summary>One row: lb ≤ aᵀx ≤ ub.</summary>
    public LinearConstraint(double[] a, double lb, double ub)
        : this(ToRow(a), [lb], [ub])
    {
    }

    /// <summary>The number of variables (columns of A).</summary>
    public int Dimension => _n;

    /// <summary>Aᵢⱼ.</summary>
    public double this[int i, int j] => _a[i * _n + j];

    internal override void CheckDimension(int n, string parameterName)
    {
        if (_n != n)
        {
            throw new ArgumentException($"A linear constraint has {_n} columns but the problem has {n} variables.", parameterName);
        }
    }

    internal override void Evaluate(ReadOnlySpan<double> x, Span<double> values)
    {
        for (int i = 0; i < Count; i++)
        {
            double s = 0;
            int row = i * _n;
            for (int j = 0; j < _n; j++)
            {
                s += _a[row + j] * x[j];
            }

            values[i] = s;
        }
    }

    internal override int EvaluateWithJacobian(ReadOnlySpan<double> x, Span<double> values, Span<double> jacobian, FiniteDifferenceScheme scheme, double? relativeStep)
    {
        Evaluate(x, values);
        _a.CopyTo(jacobian);
        return 0;
    }

    private static double[,] ToRow(double[] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var m = new double[1, a.Length];
        for (int j = 0; j < a.Length; j++)
        {
            m[0, j] = a[j];
        }

        return m;
    }
}

/// <summary>
/// Nonlinear constraints lb ≤ g(x) ≤ ub (scipy's <c>NonlinearConstraint</c>). g is an <see cref="IVectorFunction"/>
/// (an <see cref="IJacobianFunction"/> gives its exact Jacobian, as generated code does) or a delegate; without a
/// Jacobian it is approximated by finite differences with the solve's <see cref="MinimizeOptions.FiniteDifference"/>
/// scheme and step (scipy's 2-point by default).
/// </summary>
public sealed class NonlinearConstraint : ConstraintBase
{
    private readonly IVectorFunction _function;
    private readonly IJacobianFunction? _jacobian;
    private readonly VectorFunction _evaluate;

    /// <summary>lb ≤ g(x) ≤ ub for a vector function g; its output dimension must equal the length of lb and ub.</summary>
    public NonlinearConstraint(IVectorFunction function, double[] lb, double[] ub)
        : base(lb, ub, nameof(lb), nameof(ub))
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.OutputDimension >= 0 && function.OutputDimension != lb.Length)
        {
            throw new ArgumentException($"The function has {function.OutputDimension} outputs but lb and ub have {lb.Length} entries.", nameof(function));
        }

        _function = function;
        _jacobian = function as IJacobianFunction;
        _evaluate = function.Evaluate;
    }

    /// <summary>lb ≤ g(x) ≤ ub with the same bounds on every output (m = the function's output dimension, which must be known).</summary>
    public NonlinearConstraint(IVectorFunction function, double lb, double ub)
        : this(function, Repeat(lb, OutputsOf(function)), Repeat(ub, OutputsOf(function)))
    {
    }

    /// <summary>lb ≤ g(x) ≤ ub for delegates: <paramref name="function"/> writes the m values, <paramref name="jacobian"/>
    /// (optional) the row-major m×n Jacobian.</summary>
    public NonlinearConstraint(VectorFunction function, double[] lb, double[] ub, JacobianFunction? jacobian = null)
        : this(Wrap(function, jacobian, lb?.Length ?? 0), lb!, ub)
    {
    }

    /// <summary>One scalar constraint lb ≤ g(x) ≤ ub from delegates, with its gradient when given.</summary>
    public NonlinearConstraint(ObjectiveFunction function, double lb, double ub, GradientFunction? gradient = null)
        : this(WrapScalar(function, gradient), [lb], [ub])
    {
    }

    /// <summary>
    /// One scalar row lb ≤ g(x) ≤ ub from an <see cref="IObjective"/>-shaped function; an <see cref="IGradientObjective"/>
    /// gives its exact gradient (the shape generated code already emits for an objective, so a <c>[Constraint]</c>
    /// method can be handed over the same way).
    /// </summary>
    public NonlinearConstraint(IObjective function, double lb, double ub)
        : this(WrapObjective(function), [lb], [ub])
    {
    }

    /// <summary>The scalar equality g(x) = 0 from an objective-shaped function.</summary>
    public static NonlinearConstraint Equality(IObjective function) => new(function, 0.0, 0.0);

    /// <summary>The scalar inequality g(x) ≥ 0 from an objective-shaped function.</summary>
    public static NonlinearConstraint Inequality(IObjective function) => new(function, 0.0, double.PositiveInfinity);

    /// <summary>The equality g(x) = 0 (scipy's <c>{'type': 'eq'}</c>).</summary>
    public static NonlinearConstraint Equality(IVectorFunction function) => new(function, 0.0, 0.0);

    /// <summary>The inequalities g(x) ≥ 0 (scipy's <c>{'type': 'ineq'}</c>).</summary>
    public static NonlinearConstraint Inequality(IVectorFunction function) => new(function, 0.0, double.PositiveInfinity);

    /// <summary>The scalar equality g(x) = 0.</summary>
    public static NonlinearConstraint Equality(ObjectiveFunction function, GradientFunction? gradient = null) => new(function, 0.0, 0.0, gradient);

    /// <summary>The scalar inequality g(x) ≥ 0.</summary>
    public static NonlinearConstraint Inequality(ObjectiveFunction function, GradientFunction? gradient = null) => new(function, 0.0, double.PositiveInfinity, gradient);

    /// <summary>The constraint function.</summary>
    public IVectorFunction Function => _function;

    /// <summary>True when the function gives its exact Jacobian.</summary>
    public bool HasJacobian => _jacobian is not null;

    internal override void CheckDimension(int n, string parameterName)
    {
        if (_function.InputDimension >= 0 && _function.InputDimension != n)
        {
            throw new ArgumentException($"A nonlinear constraint takes {_function.InputDimension} variables but the problem has {n}.", parameterName);
        }
    }

    internal override void Evaluate(ReadOnlySpan<double> x, Span<double> values) => _function.Evaluate(x, values);

    internal override int EvaluateWithJacobian(ReadOnlySpan<double> x, Span<double> values, Span<double> jacobian, FiniteDifferenceScheme scheme, double? relativeStep)
    {
        if (_jacobian is not null)
        {
            _jacobian.EvaluateWithJacobian(x, values, jacobian);
            return 0;
        }

        _function.Evaluate(x, values);
        return NumericalDifferentiation.Jacobian(_evaluate, x, values, jacobian, scheme, null, relativeStep);
    }

    private static int OutputsOf(IVectorFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.OutputDimension < 0)
        {
            throw new ArgumentException("The function's output dimension is not known; give lb and ub as arrays.", nameof(function));
        }

        return function.OutputDimension;
    }

    private static IVectorFunction Wrap(VectorFunction function, JacobianFunction? jacobian, int m)
    {
        ArgumentNullException.ThrowIfNull(function);
        return jacobian is null ? new DelegateVector(function, m) : new DelegateJacobian(function, jacobian, m);
    }

    private static IVectorFunction WrapObjective(IObjective function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return function is IGradientObjective g ? new ObjectiveJacobian(g) : new ObjectiveVector(function);
    }

    private static IVectorFunction WrapScalar(ObjectiveFunction function, GradientFunction? gradient)
    {
        ArgumentNullException.ThrowIfNull(function);
        return gradient is null ? new ScalarVector(function) : new ScalarJacobian(function, gradient);
    }

    private class DelegateVector(VectorFunction f, int m) : IVectorFunction
    {
        public int InputDimension => -1;

        public int OutputDimension => m;

        public void Evaluate(ReadOnlySpan<double> x, Span<double> values) => f(x, values);
    }

    private sealed class DelegateJacobian(VectorFunction function, JacobianFunction j, int m) : DelegateVector(function, m), IJacobianFunction
    {
        public void EvaluateWithJacobian(ReadOnlySpan<double> x, Span<double> values, Span<double> jacobian)
        {
            Evaluate(x, values);
            j(x, jacobian);
        }
    }

    private class ScalarVector(ObjectiveFunction f) : IVectorFunction
    {
        public int InputDimension => -1;

        public int OutputDimension => 1;

        public void Evaluate(ReadOnlySpan<double> x, Span<double> values) => values[0] = f(x);
    }

    private class ObjectiveVector(IObjective f) : IVectorFunction
    {
        public int InputDimension => f.Dimension;

        public int OutputDimension => 1;

        public void Evaluate(ReadOnlySpan<double> x, Span<double> values) => values[0] = f.Value(x);
    }

    private sealed class ObjectiveJacobian(IGradientObjective g) : ObjectiveVector(g), IJacobianFunction
    {
        public void EvaluateWithJacobian(ReadOnlySpan<double> x, Span<double> values, Span<double> jacobian) => values[0] = g.ValueAndGradient(x, jacobian);
    }

    private sealed class ScalarJacobian(ObjectiveFunction function, GradientFunction g) : ScalarVector(function), IJacobianFunction
    {
        public void EvaluateWithJacobian(ReadOnlySpan<double> x, Span<double> values, Span<double> jacobian)
        {
            Evaluate(x, values);
            g(x, jacobian);
        }
    }
}
