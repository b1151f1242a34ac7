namespace OptimizeGen;

// The small interfaces through which generated derivatives (and hand-written ones) reach the solvers.
// Generated code implements them with sealed classes; plain delegates are adapted to them by the solvers,
// with finite differences where no derivative is given, as scipy does with jac=None.

/// <summary>A scalar function f: ℝⁿ → ℝ to minimize.</summary>
public interface IObjective
{
    /// <summary>The number of variables, or -1 when any length is accepted (a span-parameter objective).</summary>
    int Dimension { get; }

    /// <summary>f(x).</summary>
    double Value(ReadOnlySpan<double> x);
}

/// <summary>An objective that also gives its exact gradient.</summary>
public interface IGradientObjective : IObjective
{
    /// <summary>Returns f(x) and writes ∇f(x) into <paramref name="gradient"/> (length n).</summary>
    double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient);
}

/// <summary>An objective that also gives Hessian-vector products (forward over reverse).</summary>
public interface IHessianVectorObjective : IGradientObjective
{
    /// <summary>Returns f(x), writes ∇f(x) into <paramref name="gradient"/> and ∇²f(x)·v into <paramref name="product"/>.</summary>
    double HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> gradient, Span<double> product);
}

/// <summary>A vector function F: ℝⁿ → ℝᵐ (a system of equations, or the residuals of a least-squares problem).</summary>
public interface IVectorFunction
{
    /// <summary>n, or -1 when any length is accepted.</summary>
    int InputDimension { get; }

    /// <summary>m, or -1 when it equals the input length (a square system) or is set by the caller.</summary>
    int OutputDimension { get; }

    /// <summary>Writes F(x) into <paramref name="f"/>.</summary>
    void Evaluate(ReadOnlySpan<double> x, Span<double> f);
}

/// <summary>A vector function that also gives its dense Jacobian.</summary>
public interface IJacobianFunction : IVectorFunction
{
    /// <summary>
    /// Writes F(x) into <paramref name="f"/> and the Jacobian into <paramref name="jacobian"/>, row-major m×n:
    /// <c>jacobian[i * n + j] = ∂Fᵢ/∂xⱼ</c>.
    /// </summary>
    void EvaluateWithJacobian(ReadOnlySpan<double> x, Span<double> f, Span<double> jacobian);
}

/// <summary>A vector function that gives Jacobian-vector products J(x)·v (for Newton–Krylov methods).</summary>
public interface IJacobianVectorProductFunction : IVectorFunction
{
    /// <summary>Writes F(x) into <paramref name="f"/> and J(x)·v into <paramref name="product"/>.</summary>
    void JacobianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> f, Span<double> product);
}

/// <summary>A model y = m(x; p) for curve fitting: x the predictor(s), p the parameters.</summary>
public interface IModel
{
    /// <summary>The number of parameters k, or -1 when set by the initial guess (a span-parameter model).</summary>
    int ParameterCount { get; }

    /// <summary>The number of predictors per data point (1 for <c>double x</c>).</summary>
    int PredictorCount { get; }

    /// <summary>m(x; p).</summary>
    double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> parameters);
}

/// <summary>A model that also gives its exact gradient with respect to the parameters.</summary>
public interface IGradientModel : IModel
{
    /// <summary>Returns m(x; p) and writes ∂m/∂p into <paramref name="gradient"/> (length k).</summary>
    double EvaluateWithGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> parameters, Span<double> gradient);
}

/// <summary>
/// A model that gives its values and parameter Jacobian at many data points in one call (the generator's batch
/// <c>MJacobian</c>, which computes what does not depend on the point once). <c>Optimize.CurveFit</c> uses it when the
/// model has it.
/// </summary>
public interface IBatchGradientModel : IGradientModel
{
    /// <summary>
    /// Writes m(xᵢ; p) into <paramref name="values"/> and ∂m(xᵢ; p)/∂p into row i of the row-major
    /// <paramref name="jacobian"/> (N×k) for the N data points whose predictors are the rows of the row-major
    /// <paramref name="x"/> (N×<see cref="IModel.PredictorCount"/>).
    /// </summary>
    void EvaluateWithJacobian(ReadOnlySpan<double> x, ReadOnlySpan<double> parameters, Span<double> values, Span<double> jacobian);
}

/// <summary>f(x) for a plain-delegate objective.</summary>
public delegate double ObjectiveFunction(ReadOnlySpan<double> x);

/// <summary>Writes ∇f(x) for a plain-delegate objective.</summary>
public delegate void GradientFunction(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>Writes F(x) for a plain-delegate vector function.</summary>
public delegate void VectorFunction(ReadOnlySpan<double> x, Span<double> f);

/// <summary>Writes the row-major m×n Jacobian of a plain-delegate vector function.</summary>
public delegate void JacobianFunction(ReadOnlySpan<double> x, Span<double> jacobian);

/// <summary>m(x; p) for a plain-delegate model with one predictor.</summary>
public delegate double ModelFunction(double x, ReadOnlySpan<double> parameters);
