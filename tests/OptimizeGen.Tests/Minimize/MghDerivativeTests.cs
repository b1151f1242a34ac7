using OptimizeGen.TestProblems.Mgh;

namespace OptimizeGen.Tests.Minimize;

/// <summary>
/// The exact derivatives the MGH tests use are checked against the functions themselves: the hyper-dual copy gives
/// the same value, its gradient agrees with central differences, and its Hessian-vector product with central
/// differences of that gradient.
/// </summary>
public class MghDerivativeTests
{
    public static TheoryData<int> Problems() => [.. MghCatalog.All.Select(p => p.Number)];

    private static double[] Probe(MghProblem p)
    {
        // Off the start point, so that no symmetry of x0 hides a wrong entry.
        var x = new double[p.N];
        for (int i = 0; i < p.N; i++)
        {
            x[i] = p.Start[i] + 0.1 * Math.Sin(i + 1) + 0.05;
        }

        return x;
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Hyper_dual_copy_has_the_same_value(int number)
    {
        var p = MghCatalog.Get(number);
        foreach (double[] x in new[] { p.Start, Probe(p) })
        {
            double f = p.Function(x);
            var g = new double[p.N];
            Assert.Equal(f, p.Objective.ValueAndGradient(x, g), Math.Abs(f) * 1e-14 + 1e-300);
        }
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Gradient_agrees_with_central_differences(int number)
    {
        var p = MghCatalog.Get(number);
        double[] x = Probe(p);
        var g = new double[p.N];
        p.Objective.ValueAndGradient(x, g);
        double[] fd = Optimize.ApproxGradient(p.Function, x, FiniteDifferenceScheme.ThreePoint);
        for (int i = 0; i < p.N; i++)
        {
            Assert.True(Math.Abs(g[i] - fd[i]) <= 1e-6 * (1 + Math.Abs(g[i])) * Math.Max(1, Math.Abs(p.Function(x))), $"{p}: ∂f/∂x{i} = {g[i]:G12}, central difference {fd[i]:G12}");
        }
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Hessian_vector_product_agrees_with_differences_of_the_gradient(int number)
    {
        var p = MghCatalog.Get(number);
        var objective = p.Objective;
        double[] x = Probe(p);
        var v = new double[p.N];
        for (int i = 0; i < p.N; i++)
        {
            v[i] = Math.Cos(3 * i + 1);
        }

        var g = new double[p.N];
        var hv = new double[p.N];
        objective.HessianVectorProduct(x, v, g, hv);
        double h = 1e-5;
        var xp = new double[p.N];
        var xm = new double[p.N];
        for (int i = 0; i < p.N; i++)
        {
            xp[i] = x[i] + h * v[i];
            xm[i] = x[i] - h * v[i];
        }

        var gp = new double[p.N];
        var gm = new double[p.N];
        objective.ValueAndGradient(xp, gp);
        objective.ValueAndGradient(xm, gm);
        double scale = 1;
        foreach (double e in hv)
        {
            scale = Math.Max(scale, Math.Abs(e));
        }

        for (int i = 0; i < p.N; i++)
        {
            double fd = (gp[i] - gm[i]) / (2 * h);
            Assert.True(Math.Abs(hv[i] - fd) <= 1e-5 * scale, $"{p}: (∇²f v){i} = {hv[i]:G12}, difference {fd:G12}");
        }
    }
}
