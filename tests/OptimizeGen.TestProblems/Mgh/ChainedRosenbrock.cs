namespace OptimizeGen.TestProblems.Mgh;

/// <summary>
/// The chained (generalized) Rosenbrock function that scipy calls <c>rosen</c>: f = Σᵢ₌₀ⁿ⁻² 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²,
/// minimum f = 0 at (1, …, 1) (for n ≥ 4 there is also a local minimum near x₀ = −1; Kok and Sandrock, Evol. Comput.
/// 17(3), 2009). Unlike MGH's extended Rosenbrock (problem 21) its terms overlap, which makes it far harder at large n.
/// Hand-written exact gradient and Hessian-vector product, O(n) each; the scipy side of the benchmark uses
/// <c>rosen</c>, <c>rosen_der</c> and <c>rosen_hess_prod</c> on the same function.
/// </summary>
public sealed class ChainedRosenbrock(int n = -1) : IHessianVectorObjective
{
    public int Dimension => n;

    public double Value(ReadOnlySpan<double> x)
    {
        double f = 0;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
        }

        return f;
    }

    public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        if (gradient.Length != x.Length)
        {
            throw new ArgumentException("The gradient must have the length of x.", nameof(gradient));
        }

        if (x.Length == 0)
        {
            return 0;
        }

        // Term i contributes to ∂f/∂xᵢ and ∂f/∂xᵢ₊₁; the second is carried to the next pass, so each entry is written
        // once (no clearing, no read-modify-write) with the same sums in the same order as accumulating would give.
        double f = 0;
        double carried = 0; // 200 aᵢ₋₁, term i − 1's share of ∂f/∂xᵢ
        for (int i = 0; i + 1 < x.Length; i++)
        {
            double xi = x[i];
            double a = x[i + 1] - xi * xi;
            double b = 1 - xi;
            f += 100 * a * a + b * b;
            gradient[i] = carried + (-400 * xi * a - 2 * b);
            carried = 200 * a;
        }

        gradient[x.Length - 1] = carried;
        return f;
    }

    public double HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> gradient, Span<double> product)
    {
        double f = ValueAndGradient(x, gradient);
        product.Clear();
        for (int i = 0; i + 1 < x.Length; i++)
        {
            // The 2 × 2 Hessian of term i in (xᵢ, xᵢ₊₁): [[1200xᵢ² − 400xᵢ₊₁ + 2, −400xᵢ], [−400xᵢ, 200]].
            double h11 = 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            double h12 = -400 * x[i];
            product[i] += h11 * v[i] + h12 * v[i + 1];
            product[i + 1] += h12 * v[i] + 200 * v[i + 1];
        }

        return f;
    }

    /// <summary>scipy's customary start: (−1.2, 1, −1.2, 1, …).</summary>
    public static double[] Start(int n) => ExtendedRosenbrock.Start(n);
}
