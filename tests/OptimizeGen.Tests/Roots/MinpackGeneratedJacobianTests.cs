using OptimizeGen.TestProblems.Minpack;

namespace OptimizeGen.Tests.Roots;

/// <summary>
/// The Jacobians the generator writes for the fourteen <c>[Equations]</c> MINPACK systems agree with the hand-written ones of
/// <see cref="MinpackJacobians"/> and with central differences, for every system and dimension of the test set, at x₀, 10·x₀
/// and random points; the generated residuals are the method's own; the generated Jacobian-vector product is J·v.
/// </summary>
public class MinpackGeneratedJacobianTests
{
    public static TheoryData<int, int> SystemsAndDimensions()
    {
        var data = new TheoryData<int, int>();
        foreach (var (number, n) in MinpackCases.All.Select(c => (c.Number, c.N)).Distinct())
        {
            data.Add(number, n);
        }

        return data;
    }

    /// <summary>x₀, 10·x₀ and three random points in [−2, 2]ⁿ (seeded per system and dimension).</summary>
    internal static List<double[]> Points(MinpackCase c)
    {
        var points = new List<double[]> { (c with { Factor = 1 }).StartingPoint(), (c with { Factor = 10 }).StartingPoint() };
        var random = new Random(1000 * c.Number + c.N);
        for (int k = 0; k < 3; k++)
        {
            points.Add(Enumerable.Range(0, c.N).Select(_ => 4 * random.NextDouble() - 2).ToArray());
        }

        return points;
    }

    internal static MinpackCase Case(int number, int n) => MinpackCases.All.First(c => c.Number == number && c.N == n);

    [Theory]
    [MemberData(nameof(SystemsAndDimensions))]
    public void Generated_jacobian_matches_the_hand_jacobian_and_central_differences(int number, int n)
    {
        var c = Case(number, n);
        var system = c.GeneratedSystem();
        var f = new double[n];
        var fUser = new double[n];
        var generated = new double[n * n];
        var hand = new double[n * n];
        var fp = new double[n];
        var fm = new double[n];
        foreach (var x in Points(c))
        {
            string at = $"{c.Name} n={n} at ({string.Join(", ", x.Select(v => v.ToString("G4")))})";
            system.EvaluateWithJacobian(x, f, generated);
            c.Function(x, fUser);
            c.Jacobian(x, hand);
            for (int i = 0; i < n; i++)
            {
                Assert.True(Math.Abs(f[i] - fUser[i]) <= 1e-14 * Math.Max(1, Math.Abs(fUser[i])), $"{at}: F{i} = {f[i]} but the method gives {fUser[i]}.");
            }

            for (int k = 0; k < n * n; k++)
            {
                double scale = Math.Max(1, Math.Abs(hand[k]));
                Assert.True(Math.Abs(generated[k] - hand[k]) <= 1e-12 * scale,
                    $"{at}: generated ∂F{k / n}/∂x{k % n} = {generated[k]:R}, hand-written {hand[k]:R}.");
            }

            var xp = (double[])x.Clone();
            for (int j = 0; j < n; j++)
            {
                double h = 1e-6 * Math.Max(1, Math.Abs(x[j]));
                xp[j] = x[j] + h;
                c.Function(xp, fp);
                xp[j] = x[j] - h;
                c.Function(xp, fm);
                xp[j] = x[j];
                for (int i = 0; i < n; i++)
                {
                    double fd = (fp[i] - fm[i]) / (2 * h);
                    double exact = generated[i * n + j];
                    double scale = Math.Max(1, Math.Max(Math.Abs(exact), Math.Abs(fp[i]) / h * 1e-10));
                    Assert.True(Math.Abs(fd - exact) <= 1e-5 * scale, $"{at}: generated ∂F{i}/∂x{j} = {exact} but central differences give {fd}.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(SystemsAndDimensions))]
    public void Generated_jacobian_vector_product_is_the_jacobian_times_v(int number, int n)
    {
        var c = Case(number, n);
        var system = (IJacobianVectorProductFunction)c.GeneratedSystem();
        var random = new Random(number * 31 + n);
        var v = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var f = new double[n];
        var product = new double[n];
        var jac = new double[n * n];
        foreach (var x in Points(c))
        {
            system.JacobianVectorProduct(x, v, f, product);
            c.Jacobian(x, jac);
            for (int i = 0; i < n; i++)
            {
                double expected = 0, scale = 1;
                for (int j = 0; j < n; j++)
                {
                    expected += jac[i * n + j] * v[j];
                    scale += Math.Abs(jac[i * n + j] * v[j]);
                }

                Assert.True(Math.Abs(product[i] - expected) <= 1e-12 * scale, $"{c.Name} n={n}: (J·v){i} = {product[i]:R}, hand-written {expected:R}.");
            }
        }
    }
}
