using OptimizeGen.TestProblems.HockSchittkowski;

namespace OptimizeGen.Tests.Constrained;

/// <summary>The hand-written gradients of the Hock–Schittkowski library agree with central differences.</summary>
public class HockSchittkowskiGradientTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var p in HockSchittkowskiSuite.All)
        {
            data.Add(p.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Gradients_match_central_differences(string name)
    {
        var p = HockSchittkowskiSuite.Get(name);
        // At x0 and at a point off the solution, where no term vanishes by symmetry.
        var points = new List<double[]> { p.X0 };
        var shifted = new double[p.N];
        for (int i = 0; i < p.N; i++)
        {
            shifted[i] = (p.XStar?[i] ?? p.X0[i]) + 0.1 * (i + 1);
        }

        points.Add(shifted);
        foreach (double[] x in points)
        {
            Check(p.Objective, x, $"{name} objective");
            for (int k = 0; k < p.Equalities.Length; k++)
            {
                Check(p.Equalities[k], x, $"{name} equality {k + 1}");
            }

            for (int k = 0; k < p.Inequalities.Length; k++)
            {
                Check(p.Inequalities[k], x, $"{name} inequality {k + 1}");
            }
        }
    }

    private static void Check(HsFunction f, double[] x, string what)
    {
        int n = x.Length;
        var g = new double[n];
        f.Gradient(x, g);
        var work = (double[])x.Clone();
        for (int j = 0; j < n; j++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(x[j]));
            work[j] = x[j] + h;
            double fp = f.Value(work);
            work[j] = x[j] - h;
            double fm = f.Value(work);
            work[j] = x[j];
            double fd = (fp - fm) / (2 * h);
            Assert.True(Math.Abs(fd - g[j]) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{what}: ∂/∂x{j + 1} = {g[j]} but central difference {fd}");
        }
    }
}
