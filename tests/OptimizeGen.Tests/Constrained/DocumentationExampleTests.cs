namespace OptimizeGen.Tests.Constrained;

/// <summary>The example of docs/constrained.md, as written there.</summary>
public class DocumentationExampleTests
{
    [Theory]
    [InlineData(MinimizeMethod.Slsqp)]
    [InlineData(MinimizeMethod.TrustConstr)]
    public void Hs71_with_delegates(MinimizeMethod method)
    {
        var product = new NonlinearConstraint(
            (ReadOnlySpan<double> x) => x[0] * x[1] * x[2] * x[3], 25, double.PositiveInfinity,
            (x, g) => { g[0] = x[1] * x[2] * x[3]; g[1] = x[0] * x[2] * x[3]; g[2] = x[0] * x[1] * x[3]; g[3] = x[0] * x[1] * x[2]; });
        var sphere = new NonlinearConstraint(
            (ReadOnlySpan<double> x) => x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3], 40, 40,
            (x, g) => { for (int i = 0; i < 4; i++) g[i] = 2 * x[i]; });
        var r = Optimize.Minimize(
            x => x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2], [1.0, 5, 5, 1], [product, sphere],
            gradient: (x, g) => { g[0] = x[3] * (2 * x[0] + x[1] + x[2]); g[1] = x[0] * x[3]; g[2] = x[0] * x[3] + 1; g[3] = x[0] * (x[0] + x[1] + x[2]); },
            method: method,
            bounds: Bounds.All(1, 5));
        Assert.True(r.Success, r.ToString());
        Assert.Equal(method, r.Method);
        Assert.Equal(17.0140173, r.Fun, 1e-6); // Hock & Schittkowski (1981), problem 71
        // The KKT multipliers of HS71 (∇f = μ₁∇(x₁x₂x₃x₄) + μ₂∇(Σx²) with x₁ at its lower bound).
        Assert.Equal(0.552294, r.Multipliers![0], 1e-4);
        Assert.Equal(-0.161469, r.Multipliers[1], 1e-4);
    }
}
