using OptimizeGen.TestProblems.Mgh;

namespace OptimizeGen.Tests.Minimize;

/// <summary>
/// The generator's [Objective] output for the 25 MGH functions against the hyper-dual derivatives the MGH tests use:
/// the two are independent (source-to-source reverse mode and forward-over-reverse vs. operator-overloaded hyper-dual
/// numbers), so agreement to rounding checks both, and prepares the switch of MghCatalog to the generated objects.
/// </summary>
public class MghGeneratedTests
{
    private static readonly Dictionary<int, IObjective> Generated = new()
    {
        [1] = MghSmall.RosenbrockObjective,
        [2] = MghSmall.FreudensteinRothObjective,
        [5] = MghSmall.BealeObjective,
        [6] = MghSmall.JennrichSampsonObjective,
        [7] = MghSmall.HelicalValleyObjective,
        [8] = MghSmall.BardObjective,
        [9] = MghSmall.GaussianObjective,
        [12] = MghMedium.Box3DObjective,
        [13] = MghMedium.PowellSingularObjective,
        [14] = MghMedium.WoodObjective,
        [15] = MghMedium.KowalikOsborneObjective,
        [16] = MghMedium.BrownDennisObjective,
        [17] = MghMedium.Osborne1Objective,
        [18] = MghMedium.BiggsExp6Objective,
        [20] = MghVariable.WatsonObjective,
        [21] = MghVariable.ExtendedRosenbrockObjective,
        [22] = MghVariable.ExtendedPowellSingularObjective,
        [23] = MghVariable.PenaltyIObjective,
        [24] = MghVariable.PenaltyIIObjective,
        [25] = MghVariable.VariablyDimensionedObjective,
        [27] = MghVariable.BrownAlmostLinearObjective,
        [30] = MghVariable.BroydenTridiagonalObjective,
        [31] = MghVariable.BroydenBandedObjective,
        [32] = MghVariable.LinearFullRankObjective,
        [35] = MghVariable.ChebyquadObjective,
    };

    public static TheoryData<int> Problems() => [.. MghCatalog.All.Select(p => p.Number)];

    [Theory]
    [MemberData(nameof(Problems))]
    public void Generated_gradient_and_hessian_vector_product_match_the_hyper_dual_ones(int number)
    {
        var p = MghCatalog.Get(number);
        var generated = Assert.IsAssignableFrom<IHessianVectorObjective>(Generated[number]);
        var reference = p.Objective;
        var x = new double[p.N];
        var v = new double[p.N];
        for (int i = 0; i < p.N; i++)
        {
            x[i] = p.Start[i] + 0.1 * Math.Sin(i + 1) + 0.05;
            v[i] = Math.Cos(3 * i + 1);
        }

        var g1 = new double[p.N];
        var g2 = new double[p.N];
        var h1 = new double[p.N];
        var h2 = new double[p.N];
        double f1 = generated.HessianVectorProduct(x, v, g1, h1);
        double f2 = reference.HessianVectorProduct(x, v, g2, h2);
        Assert.Equal(f2, f1, 1e-13 * Math.Max(1, Math.Abs(f2)));
        Assert.Equal(f2, generated.ValueAndGradient(x, g1), 1e-13 * Math.Max(1, Math.Abs(f2)));
        double gScale = Math.Max(1, g2.Max(Math.Abs));
        double hScale = Math.Max(1, h2.Max(Math.Abs));
        for (int i = 0; i < p.N; i++)
        {
            Assert.True(Math.Abs(g1[i] - g2[i]) <= 1e-12 * gScale, $"{p}: ∂f/∂x{i}: generated {g1[i]:G17}, hyper-dual {g2[i]:G17}");
            Assert.True(Math.Abs(h1[i] - h2[i]) <= 1e-11 * hScale, $"{p}: (∇²f v){i}: generated {h1[i]:G17}, hyper-dual {h2[i]:G17}");
        }
    }
}
