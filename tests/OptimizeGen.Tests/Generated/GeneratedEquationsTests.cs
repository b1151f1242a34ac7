namespace OptimizeGen.Tests.Generated;

/// <summary>
/// [Equations] end to end: the generated Jacobian against closed forms, the Jacobian-vector product against J·v, and
/// <c>SolveS</c> through <c>Optimize.Root</c> with the generated system.
/// </summary>
public class GeneratedEquationsTests
{
    [Fact]
    public void Jacobian_matches_the_closed_form()
    {
        double[] x = { 3, -1, 0, 1 };
        var f = new double[4];
        var j = new double[16];
        Systems.PowellSingularJacobian(x, f, j);
        Assert.Equal(new[] { -7.0, -5 * Math.Sqrt(5) / 5 * 1, 1.0, 4 * Math.Sqrt(10) }, f, new Tolerance(1e-14));
        double[] expected =
        {
            1, 10, 0, 0,
            0, 0, Math.Sqrt(5), -Math.Sqrt(5),
            0, 2 * (x[1] - 2 * x[2]), -4 * (x[1] - 2 * x[2]), 0,
            2 * Math.Sqrt(10) * (x[0] - x[3]), 0, 0, -2 * Math.Sqrt(10) * (x[0] - x[3]),
        };
        Assert.Equal(expected, j, new Tolerance(1e-13));
    }

    [Fact]
    public void Banded_jacobian_and_products_of_a_loop_system()
    {
        const int n = 7;
        double[] x = Enumerable.Range(0, n).Select(i => Math.Sin(i + 1.0)).ToArray();
        var f = new double[n];
        var j = new double[n * n];
        Systems.BroydenTridiagonalJacobian(x, f, j);
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                double expected = c == r ? 3 - 4 * x[r] : c == r - 1 ? -1 : c == r + 1 ? -2 : 0;
                Assert.Equal(expected, j[r * n + c], 14);
            }
        }

        double[] v = Enumerable.Range(0, n).Select(i => 1.0 / (i + 1)).ToArray();
        var product = new double[n];
        var f2 = new double[n];
        Systems.BroydenTridiagonalJacobianVectorProduct(x, v, f2, product);
        Assert.Equal(f, f2);
        for (int r = 0; r < n; r++)
        {
            double jv = 0;
            for (int c = 0; c < n; c++)
            {
                jv += j[r * n + c] * v[c];
            }

            Assert.Equal(jv, product[r], 13);
        }
    }

    [Fact]
    public void Solve_finds_the_root_with_the_generated_jacobian()
    {
        double[] x0 = Enumerable.Repeat(-1.0, 10).ToArray();
        RootResult result = Systems.SolveBroydenTridiagonal(x0, options: new RootOptions { Xtol = 1e-13 });
        Assert.True(result.Success, result.Message);
        var f = new double[10];
        Systems.BroydenTridiagonal(result.X, f);
        Assert.True(f.Max(Math.Abs) <= 1e-10, $"‖F‖∞ = {f.Max(Math.Abs)}");
        Assert.True(result.Njev > 0, "the generated Jacobian was used");
    }

    [Theory]
    [InlineData(RootMethod.Hybr)]
    [InlineData(RootMethod.Lm)]
    [InlineData(RootMethod.Krylov)]
    public void Data_parameters_pass_through_to_the_system(RootMethod method)
    {
        RootResult result = Systems.SolveCircleAndLine(new[] { 1.0, 0.5 }, slope: 1.0, method: method);
        Assert.True(result.Success, $"{method}: {result.Message}");
        // Krylov stops on scipy's fatol = 6e-6 in the residual; the others on xtol.
        int digits = method == RootMethod.Krylov ? 5 : 8;
        Assert.Equal(Math.Sqrt(2), result.X[0], digits);
        Assert.Equal(Math.Sqrt(2), result.X[1], digits);
    }

    [Theory]
    [InlineData(8, 2)]
    [InlineData(12, 0)]
    [InlineData(5, 9)]
    public void Sparsity_follows_the_data_and_covers_the_jacobian(int n, int band)
    {
        JacobianSparsity pattern = Systems.BandedSparsityJacobianSparsity(n, band);
        Assert.Equal(n, pattern.Rows);
        Assert.Equal(n, pattern.Columns);
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < n; c++)
            {
                Assert.Equal(c <= i && c >= i - band, pattern.Contains(i, c));
            }
        }

        // The branch on x[j] is taken both ways across these points; every nonzero is in the pattern, and the pattern is tight.
        var random = new Random(n + 100 * band);
        var seen = new bool[n, n];
        var f = new double[n];
        var jac = new double[n * n];
        for (int trial = 0; trial < 4; trial++)
        {
            double[] x = Enumerable.Range(0, n).Select(_ => 2 * random.NextDouble() - 1).ToArray();
            Systems.BandedSparsityJacobian(x, f, jac, band);
            for (int k = 0; k < n * n; k++)
            {
                if (jac[k] != 0)
                {
                    Assert.True(pattern.Contains(k / n, k % n), $"∂F{k / n}/∂x{k % n} = {jac[k]} outside {pattern}");
                    seen[k / n, k % n] = true;
                }
            }
        }

        Assert.Equal(seen, pattern.ToDense());
    }

    [Fact]
    public void Misuse_throws_with_the_parameter_name()
    {
        Assert.Equal("jacobian", Assert.Throws<ArgumentException>(() => Systems.PowellSingularJacobian(new double[4], new double[4], new double[15])).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => Systems.PowellSingularJacobianVectorProduct(new double[4], new double[3], new double[4], new double[4])).ParamName);
    }

    private sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Abs(b));

        public int GetHashCode(double value) => 0;
    }
}

/// <summary>The systems under test (outside the test class: xunit reserves its public void methods).</summary>
internal static partial class Systems
{
    /// <summary>Powell's singular function (Moré, Garbow, Hillstrom 1981, problem 13): the root is 0, where J is singular.</summary>
    [Equations]
    public static void PowellSingular(ReadOnlySpan<double> x, Span<double> f)
    {
        f[0] = x[0] + 10 * x[1];
        f[1] = Math.Sqrt(5) * (x[2] - x[3]);
        f[2] = Math.Pow(x[1] - 2 * x[2], 2);
        f[3] = Math.Sqrt(10) * Math.Pow(x[0] - x[3], 2);
    }

    /// <summary>Broyden tridiagonal (MGH problem 30) of any size: loops, branches at the ends.</summary>
    [Equations]
    public static void BroydenTridiagonal(ReadOnlySpan<double> x, Span<double> f)
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            double left = i > 0 ? x[i - 1] : 0.0;
            double right = i < n - 1 ? x[i + 1] : 0.0;
            f[i] = (3 - 2 * x[i]) * x[i] - left - 2 * right + 1;
        }
    }

    /// <summary>A circle meeting a line, the line's slope given as data: x² + y² = r², y = m·x.</summary>
    [Equations]
    public static void CircleAndLine(ReadOnlySpan<double> p, Span<double> residual, [Data] double slope)
    {
        residual[0] = p[0] * p[0] + p[1] * p[1] - Radius * Radius;
        residual[1] = p[1] - slope * p[0];
    }

    /// <summary>A lower-banded system whose bandwidth is data, with residual updates and a branch on an unknown.</summary>
    [Equations]
    public static void BandedSparsity(ReadOnlySpan<double> x, Span<double> f, [Data] int band)
    {
        int n = x.Length;
        for (int k = 0; k < n; k++)
        {
            f[k] = x[k] * x[k] - 1.0;
            for (int j = Math.Max(0, k - band); j < k; j++)
            {
                f[k] += x[j] > 0 ? x[j] : 0.5 * x[j];
            }
        }
    }

    private const double Radius = 2.0;
}
