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

/// <summary>hybr and lm on plain delegates given the generated sparsity pattern: grouped forward differences (Curtis–Powell–Reid).</summary>
public class SparseFiniteDifferenceRootTests
{
    [Theory]
    [InlineData(RootMethod.Hybr)]
    [InlineData(RootMethod.Lm)]
    public void Broyden_banded_with_its_pattern_needs_one_evaluation_per_column_group(RootMethod method)
    {
        const int n = 60;
        var x0 = Enumerable.Repeat(-1.0, n).ToArray();
        var options = new RootOptions { Xtol = 1e-13 };
        RootResult dense = Optimize.Root(MinpackSystems.BroydenBanded, x0, method, options);
        RootResult sparse = Optimize.Root(MinpackSystems.BroydenBanded, x0, method, options with { JacSparsity = MinpackSystems.BroydenBandedJacobianSparsity(n) });
        RootResult exact = Optimize.Root(MinpackSystems.BroydenBandedSystem, x0, method, options);
        Assert.True(sparse.Success, sparse.ToString());
        Assert.True(sparse.FunNorm <= 1e-10, sparse.ToString());
        for (int j = 0; j < n; j++)
        {
            Assert.Equal(exact.X[j], sparse.X[j], 9);
        }

        // Seven groups (bandwidths 5 + 1 + 1) instead of 60 columns per Jacobian.
        Assert.True(dense.Success, dense.ToString());
        Assert.True(2 * sparse.Nfev < dense.Nfev, $"sparse {sparse.Nfev} evaluations ({sparse.Njev} Jacobians) against dense {dense.Nfev} ({dense.Njev})");
    }

    [Fact]
    public void Grouped_differences_match_the_exact_jacobian_with_one_evaluation_per_group()
    {
        const int n = 12;
        var x0 = Enumerable.Range(0, n).Select(i => Math.Cos(i + 0.5)).ToArray();
        var exact = new double[n * n];
        var f = new double[n];
        MinpackSystems.BroydenBandedJacobian(x0, f, exact);
        var system = new RootSystem(n, n, MinpackSystems.BroydenBanded, null, null, null, MinpackSystems.BroydenBandedJacobianSparsity(n));
        var fjac = new double[n * n];
        system.ColumnMajorJacobian(x0, f, fjac, NumericalDifferentiation.MachineEpsilon);
        Assert.Equal(7, system.Nfev);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double e = exact[i * n + j], d = fjac[i + j * n];
                if (e == 0)
                {
                    Assert.Equal(0.0, d);
                }
                else
                {
                    Assert.True(Math.Abs(d - e) <= 1e-6 * Math.Max(1, Math.Abs(e)), $"∂F{i}/∂x{j}: {d} by grouped differences, {e} exact");
                }
            }
        }
    }

    [Fact]
    public void A_pattern_of_the_wrong_shape_is_misuse()
    {
        var options = new RootOptions { JacSparsity = MinpackSystems.BroydenBandedJacobianSparsity(5) };
        Assert.Equal("JacSparsity", Assert.Throws<ArgumentException>(() => Optimize.Root(MinpackSystems.BroydenBanded, new double[6], RootMethod.Hybr, options)).ParamName);
    }
}
