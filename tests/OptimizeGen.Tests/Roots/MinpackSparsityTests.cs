using OptimizeGen.TestProblems.Minpack;

namespace OptimizeGen.Tests.Roots;

/// <summary>
/// The Jacobian sparsity patterns the generator finds from the bodies of the fourteen MINPACK <c>[Equations]</c> systems: a
/// superset of the nonzeros of the (hand-written, independent) dense Jacobian at x₀, 10·x₀ and random points, for every system
/// and dimension of the test set — and no larger than those nonzeros, so that the known structures come out exactly:
/// tridiagonal (Broyden tridiagonal, discrete boundary value), banded with lower bandwidth 5 and upper 1 (Broyden banded),
/// dense (Watson, Chebyquad).
/// </summary>
public class MinpackSparsityTests
{
    public static TheoryData<int, int> SystemsAndDimensions() => MinpackGeneratedJacobianTests.SystemsAndDimensions();

    [Theory]
    [MemberData(nameof(SystemsAndDimensions))]
    public void Pattern_is_exactly_the_union_of_the_nonzeros_at_sample_points(int number, int n)
    {
        var c = MinpackGeneratedJacobianTests.Case(number, n);
        JacobianSparsity pattern = c.GeneratedSparsity();
        Assert.Equal(n, pattern.Rows);
        Assert.Equal(n, pattern.Columns);
        var seen = new bool[n, n];
        var jac = new double[n * n];
        foreach (var x in MinpackGeneratedJacobianTests.Points(c))
        {
            c.Jacobian(x, jac);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    if (jac[i * n + j] != 0)
                    {
                        Assert.True(pattern.Contains(i, j), $"{c.Name} n={n}: ∂F{i}/∂x{j} = {jac[i * n + j]} at a sample point, outside the pattern {pattern}.");
                        seen[i, j] = true;
                    }
                }
            }
        }

        // Tight: every structural nonzero is a nonzero at one of the sample points.
        Assert.Equal(seen, pattern.ToDense());
    }

    [Fact]
    public void Broyden_tridiagonal_and_discrete_boundary_value_are_tridiagonal()
    {
        foreach (var pattern in new[] { MinpackSystems.BroydenTridiagonalJacobianSparsity(10), MinpackSystems.DiscreteBoundaryValueJacobianSparsity(10) })
        {
            Assert.Equal(3 * 10 - 2, pattern.NonZeroCount);
            for (int i = 0; i < 10; i++)
            {
                for (int j = 0; j < 10; j++)
                {
                    Assert.Equal(Math.Abs(i - j) <= 1, pattern.Contains(i, j));
                }
            }

            Assert.Equal(1, pattern.LowerBandwidth);
            Assert.Equal(1, pattern.UpperBandwidth);
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    public void Broyden_banded_has_lower_bandwidth_5_and_upper_1(int n)
    {
        JacobianSparsity pattern = MinpackSystems.BroydenBandedJacobianSparsity(n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(j >= i - 5 && j <= i + 1, pattern.Contains(i, j));
            }
        }

        Assert.Equal(5, pattern.LowerBandwidth);
        Assert.Equal(1, pattern.UpperBandwidth);
        // Curtis–Powell–Reid: seven structurally orthogonal column groups whatever n (band width 5 + 1 + 1).
        Assert.Equal(7, pattern.ColumnGroups().Max() + 1);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(9)]
    public void Watson_and_chebyquad_are_dense(int n)
    {
        Assert.Equal(n * n, MinpackSystems.WatsonJacobianSparsity(n).NonZeroCount);
        Assert.Equal(n * n, MinpackSystems.ChebyquadJacobianSparsity(n).NonZeroCount);
    }

    [Fact]
    public void Pattern_follows_the_dimension_and_rejects_a_negative_one()
    {
        Assert.Equal(3 * 50 - 2, MinpackSystems.BroydenTridiagonalJacobianSparsity(50).NonZeroCount);
        Assert.Equal(0, MinpackSystems.BroydenTridiagonalJacobianSparsity(0).NonZeroCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => MinpackSystems.BroydenTridiagonalJacobianSparsity(-1));
    }
}
