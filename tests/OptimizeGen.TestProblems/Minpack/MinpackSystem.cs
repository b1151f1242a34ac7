namespace OptimizeGen.TestProblems.Minpack;

/// <summary>
/// A MINPACK test system as an object with its exact Jacobian and Jacobian-vector products, the shape the generator gives
/// <c>C.SSystem</c> for an <c>[Equations]</c> method: <see cref="IJacobianFunction"/> for hybr and lm,
/// <see cref="IJacobianVectorProductFunction"/> for krylov. The product is formed from the dense Jacobian (the generator will emit
/// a forward-mode product instead).
/// </summary>
public sealed class MinpackSystem : IJacobianFunction, IJacobianVectorProductFunction
{
    private readonly VectorFunction function;
    private readonly JacobianFunction jacobian;
    private readonly double[] jacobianScratch;

    /// <summary>Wraps F and its Jacobian for dimension <paramref name="n"/>.</summary>
    public MinpackSystem(int n, VectorFunction function, JacobianFunction jacobian)
    {
        InputDimension = n;
        this.function = function;
        this.jacobian = jacobian;
        jacobianScratch = new double[n * n];
    }

    /// <inheritdoc />
    public int InputDimension { get; }

    /// <inheritdoc />
    public int OutputDimension => InputDimension;

    /// <inheritdoc />
    public void Evaluate(ReadOnlySpan<double> x, Span<double> f) => function(x, f);

    /// <inheritdoc />
    public void EvaluateWithJacobian(ReadOnlySpan<double> x, Span<double> f, Span<double> jac)
    {
        function(x, f);
        jacobian(x, jac);
    }

    /// <inheritdoc />
    public void JacobianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> f, Span<double> product)
    {
        int n = InputDimension;
        function(x, f);
        jacobian(x, jacobianScratch);
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                s += jacobianScratch[i * n + j] * v[j];
            }

            product[i] = s;
        }
    }
}
