namespace OptimizeGen.Tests.Generated;

/// <summary>
/// The small-system form of [Equations] — residuals returned as a tuple of doubles from double unknowns — end to end: the
/// generated Jacobian against closed forms, the Jacobian-vector product against J·v, the system object, and the typed
/// <c>SolveS</c> whose result names the unknowns.
/// </summary>
public class GeneratedTupleEquationsTests
{
    [Fact]
    public void Jacobian_returns_the_residuals_and_the_closed_form()
    {
        var j = new double[4];
        (double f0, double f1) = TupleSystems.CircleJacobian(1.5, -0.5, j);
        Assert.Equal(TupleSystems.Circle(1.5, -0.5), (f0, f1));
        Assert.Equal(new[] { 3.0, -1.0, 1.0, -1.0 }, j);
    }

    [Fact]
    public void Branches_data_and_early_returns_are_differentiated()
    {
        // Both branches of the early return, at points on either side of z = 0.
        foreach (double z in new[] { 0.7, -0.4 })
        {
            double x = 0.3, y = -1.2, r = 2.5;
            var j = new double[9];
            var result = TupleSystems.SphereJacobian(x, y, z, j, r);
            Assert.Equal(TupleSystems.Sphere(x, y, z, r), result);
            double[] expected = z > 0
                ? new[] { 2 * x, 2 * y, 2 * z, 1, -1, 0, 0, -1, Math.Exp(z) }
                : new[] { 2 * x, 2 * y, 2 * z, 1, -1, 0, 0, -1, -1 };
            for (int k = 0; k < 9; k++)
            {
                Assert.Equal(expected[k], j[k], 14);
            }

            var v = new[] { 0.5, -2.0, 1.5 };
            var product = new double[3];
            var again = TupleSystems.SphereJacobianVectorProduct(x, y, z, v, product, r);
            Assert.Equal(result, again);
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(expected[3 * i] * v[0] + expected[3 * i + 1] * v[1] + expected[3 * i + 2] * v[2], product[i], 14);
            }
        }
    }

    [Theory]
    [InlineData(RootMethod.Hybr)]
    [InlineData(RootMethod.Lm)]
    [InlineData(RootMethod.Krylov)]
    public void Solve_names_the_unknowns(RootMethod method)
    {
        TupleSystems.CircleSolution root = TupleSystems.SolveCircle(1.0, 0.5, method);
        Assert.True(root.Success, $"{method}: {root}");
        int digits = method == RootMethod.Krylov ? 5 : 9;
        Assert.Equal(Math.Sqrt(2), root.X, digits);
        Assert.Equal(Math.Sqrt(2), root.Y, digits);
        Assert.Equal(2, root.Residuals.Length);
        Assert.True(root.ResidualNorm <= (method == RootMethod.Krylov ? 1e-5 : 1e-10), root.ToString());
        Assert.Equal(root.Result.Status, root.Status);
        Assert.True(root.Nfev > 0 && root.Message.Length > 0);
        Assert.StartsWith("x = 1.41421", root.ToString());
    }

    [Fact]
    public void Solve_passes_data_through_and_reports_failure_honestly()
    {
        TupleSystems.SphereSolution root = TupleSystems.SolveSphere(1.0, 1.0, 1.0, r: 3.0, options: new RootOptions { Xtol = 1e-13 });
        Assert.True(root.Success, root.ToString());
        Assert.Equal(root.X, root.Y, 12);
        Assert.Equal(9.0, root.X * root.X + root.Y * root.Y + root.Z * root.Z, 10);

        // x² + y² + 1 = 0 has no real root: the result says so.
        TupleSystems.NoRootSolution none = TupleSystems.SolveNoRoot(1.0, 0.5);
        Assert.False(none.Success);
        Assert.True(none.ResidualNorm >= 1, none.ToString());
    }

    [Fact]
    public void System_object_is_square_and_fixed_size()
    {
        var system = TupleSystems.CircleSystem;
        Assert.Equal(2, system.InputDimension);
        Assert.Equal(2, system.OutputDimension);
        var f = new double[2];
        var j = new double[4];
        system.EvaluateWithJacobian(new[] { 2.0, 1.0 }, f, j);
        Assert.Equal(new[] { 1.0, 1.0 }, f);
        Assert.Equal(new[] { 4.0, 2.0, 1.0, -1.0 }, j);
        Assert.Equal("x0", Assert.Throws<ArgumentException>(() => Optimize.Root(system, new[] { 1.0, 2.0, 3.0 })).ParamName);
    }

    [Fact]
    public void Sparsity_is_constant_and_covers_both_branches()
    {
        Assert.Equal(4, TupleSystems.CircleJacobianSparsity.NonZeroCount);
        JacobianSparsity pattern = TupleSystems.SphereJacobianSparsity;
        Assert.Same(pattern, TupleSystems.SphereJacobianSparsity);
        // Row 2 is exp(z) − 1 − y or −z − y: both arms, {y, z}.
        Assert.Equal(new[] { 0, 3, 5, 7 }, pattern.RowStart.ToArray());
        Assert.Equal(new[] { 0, 1, 2, 0, 1, 1, 2 }, pattern.ColumnIndex.ToArray());
        var j = new double[9];
        foreach (double z in new[] { 0.7, -0.4 })
        {
            TupleSystems.SphereJacobian(0.3, -1.2, z, j, 2.0);
            for (int k = 0; k < 9; k++)
            {
                Assert.True(j[k] == 0 || pattern.Contains(k / 3, k % 3), $"∂F{k / 3}/∂x{k % 3} = {j[k]} outside the pattern");
            }
        }
    }

    [Fact]
    public void Misuse_throws_with_the_parameter_name()
    {
        Assert.Equal("jacobian", Assert.Throws<ArgumentException>(() => TupleSystems.CircleJacobian(1, 2, new double[3])).ParamName);
        Assert.Equal("v", Assert.Throws<ArgumentException>(() => TupleSystems.CircleJacobianVectorProduct(1, 2, new double[3], new double[2])).ParamName);
    }
}

/// <summary>Small systems returning their residuals as tuples.</summary>
internal static partial class TupleSystems
{
    /// <summary>A circle of radius 2 meeting the diagonal: root (√2, √2) from a start in the first quadrant.</summary>
    [Equations]
    public static (double, double) Circle(double x, double y) => (x * x + y * y - 4, x - y);

    /// <summary>No real root: x² + y² + 1 &gt; 0.</summary>
    [Equations]
    public static (double, double) NoRoot(double x, double y) => (x * x + y * y + 1, x - y);

    /// <summary>A sphere of radius r, the plane x = y and a curve that changes its formula at z = 0.</summary>
    [Equations]
    public static (double, double, double) Sphere(double x, double y, double z, [Data] double r)
    {
        double s = x * x + y * y + z * z;
        if (z > 0)
        {
            return (s - r * r, x - y, Math.Exp(z) - 1 - y);
        }

        return (s - r * r, x - y, -z - y);
    }
}
