using OptimizeGen.TestProblems.Minpack;

namespace OptimizeGen.Tests.Roots;

/// <summary>The hand-written Jacobians of the MINPACK systems agree with central differences at the test set's starting points.</summary>
public class MinpackJacobianTests
{
    public static TheoryData<string> Starts()
    {
        var data = new TheoryData<string>();
        foreach (var c in MinpackCases.All)
        {
            data.Add(c.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Starts))]
    public void Jacobian_matches_central_differences(string label)
    {
        var c = MinpackCases.Find(label);
        int n = c.N;
        // The start itself, and a point off the start's symmetries (many starts have equal entries).
        var points = new[] { c.StartingPoint(), c.StartingPoint() };
        for (int j = 0; j < n; j++)
        {
            points[1][j] += 0.01 * (j + 1) * (j % 2 == 0 ? 1 : -1) + (points[1][j] == 0 ? 0.03 : 0);
        }

        var jac = new double[n * n];
        var fp = new double[n];
        var fm = new double[n];
        foreach (var x in points)
        {
            c.Jacobian(x, jac);
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
                    double exact = jac[i * n + j];
                    double scale = Math.Max(1, Math.Max(Math.Abs(exact), Math.Abs(fp[i]) / h * 1e-10));
                    Assert.True(Math.Abs(fd - exact) <= 1e-5 * scale, $"{label}: ∂F{i}/∂x{j} = {exact} but central differences give {fd}.");
                }
            }
        }
    }
}
