namespace OptimizeGen.TestProblems.Mgh;

/// <summary>
/// One problem of Moré, Garbow and Hillstrom (1981): its number in the paper, the standard starting point and the
/// published minimum value (the paper's table of f at the solution, to the digits it gives). <see cref="OtherMinima"/>
/// lists the other local minima the paper reports, which a local method may legitimately reach from x0.
/// </summary>
public sealed record MghProblem(int Number, string Name, double[] Start, double FStar, ObjectiveFunction Function, double[] OtherMinima, HyperDualFunction Exact)
{
    /// <summary>n.</summary>
    public int N => Start.Length;

    /// <summary>
    /// The objective with exact gradient and Hessian-vector products (hyper-dual evaluation of the same function; until
    /// the generator writes them). Each gradient or product costs n hyper-dual evaluations, counted once.
    /// </summary>
    public IHessianVectorObjective Objective => new HyperDualObjective(Function, Exact, N);

    /// <summary>The value alone, so that the solvers fall back to scipy's finite differences.</summary>
    public IObjective ValueOnly => new FunctionObjective(Function, N);

    /// <summary>The relative gap of <paramref name="f"/> to f*: |f − f*| / max(1, |f*|).</summary>
    public double Gap(double f) => Math.Abs(f - FStar) / Math.Max(1, Math.Abs(FStar));

    public override string ToString() => $"MGH {Number} {Name} (n = {N})";

    private sealed class FunctionObjective(ObjectiveFunction f, int n) : IObjective
    {
        public int Dimension => n;

        public double Value(ReadOnlySpan<double> x) => f(x);
    }
}

/// <summary>f from its double version; ∇f and ∇²f·v from hyper-dual sweeps x + eᵢε₁ + vε₂, one per coordinate.</summary>
public sealed class HyperDualObjective(ObjectiveFunction f, HyperDualFunction exact, int n) : IHessianVectorObjective
{
    private readonly HyperDual[] _point = new HyperDual[n];

    public int Dimension => n;

    public double Value(ReadOnlySpan<double> x) => f(x);

    public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient) => Sweep(x, default, gradient, default);

    public double HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> gradient, Span<double> product) =>
        Sweep(x, v, gradient, product);

    private double Sweep(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> gradient, Span<double> product)
    {
        double value = double.NaN;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                _point[j] = new HyperDual(x[j], i == j ? 1 : 0, v.IsEmpty ? 0 : v[j], 0);
            }

            HyperDual r = exact(_point);
            value = r.V;
            gradient[i] = r.A;
            if (!product.IsEmpty)
            {
                product[i] = r.AB;
            }
        }

        return value;
    }
}

/// <summary>The MGH problems used by the tests and the benchmarks, from their standard starting points.</summary>
public static class MghCatalog
{
    private static double[] Fill(int n, Func<int, double> value) => Enumerable.Range(1, n).Select(value).ToArray();

    /// <summary>All of them (25 problems).</summary>
    public static IReadOnlyList<MghProblem> All { get; } =
    [
        new(1, "Rosenbrock", [-1.2, 1], 0, MghSmall.Rosenbrock, [], MghSmallHyperDual.Rosenbrock),
        new(2, "Freudenstein and Roth", [0.5, -2], 0, MghSmall.FreudensteinRoth, [48.9842536792400], MghSmallHyperDual.FreudensteinRoth),
        new(5, "Beale", [1, 1], 0, MghSmall.Beale, [], MghSmallHyperDual.Beale),
        new(6, "Jennrich and Sampson", [0.3, 0.4], 124.362182355, MghSmall.JennrichSampson, [], MghSmallHyperDual.JennrichSampson),
        new(7, "Helical valley", [-1, 0, 0], 0, MghSmall.HelicalValley, [], MghSmallHyperDual.HelicalValley),
        new(8, "Bard", [1, 1, 1], 8.21487730e-3, MghSmall.Bard, [17.4286], MghSmallHyperDual.Bard),
        new(9, "Gaussian", [0.4, 1, 0], 1.12793277e-8, MghSmall.Gaussian, [], MghSmallHyperDual.Gaussian),
        new(12, "Box three-dimensional", [0, 10, 20], 0, MghMedium.Box3D, [], MghMediumHyperDual.Box3D),
        new(13, "Powell singular", [3, -1, 0, 1], 0, MghMedium.PowellSingular, [], MghMediumHyperDual.PowellSingular),
        new(14, "Wood", [-3, -1, -3, -1], 0, MghMedium.Wood, [], MghMediumHyperDual.Wood),
        new(15, "Kowalik and Osborne", [0.25, 0.39, 0.415, 0.39], 3.07505604e-4, MghMedium.KowalikOsborne, [1.02734e-3], MghMediumHyperDual.KowalikOsborne),
        new(16, "Brown and Dennis", [25, 5, -5, -1], 85822.2016263563, MghMedium.BrownDennis, [], MghMediumHyperDual.BrownDennis),
        new(17, "Osborne 1", [0.5, 1.5, -1, 0.01, 0.02], 5.46489469e-5, MghMedium.Osborne1, [], MghMediumHyperDual.Osborne1),
        new(18, "Biggs EXP6", [1, 2, 1, 1, 1, 1], 0, MghMedium.BiggsExp6, [5.65565e-3, 3.06315e-4], MghMediumHyperDual.BiggsExp6),
        new(20, "Watson", new double[6], 2.28767005e-3, MghVariable.Watson, [], MghVariableHyperDual.Watson),
        new(21, "Extended Rosenbrock", Fill(10, j => j % 2 == 1 ? -1.2 : 1), 0, MghVariable.ExtendedRosenbrock, [], MghVariableHyperDual.ExtendedRosenbrock),
        new(22, "Extended Powell singular", [3, -1, 0, 1, 3, -1, 0, 1], 0, MghVariable.ExtendedPowellSingular, [], MghVariableHyperDual.ExtendedPowellSingular),
        new(23, "Penalty I", Fill(4, j => j), 2.24997832e-5, MghVariable.PenaltyI, [], MghVariableHyperDual.PenaltyI),
        new(24, "Penalty II", Fill(4, _ => 0.5), 9.37629298e-6, MghVariable.PenaltyII, [], MghVariableHyperDual.PenaltyII),
        new(25, "Variably dimensioned", Fill(10, j => 1 - j / 10.0), 0, MghVariable.VariablyDimensioned, [], MghVariableHyperDual.VariablyDimensioned),
        new(27, "Brown almost-linear", Fill(10, _ => 0.5), 0, MghVariable.BrownAlmostLinear, [1], MghVariableHyperDual.BrownAlmostLinear),
        new(30, "Broyden tridiagonal", Fill(10, _ => -1), 0, MghVariable.BroydenTridiagonal, [], MghVariableHyperDual.BroydenTridiagonal),
        new(31, "Broyden banded", Fill(10, _ => -1), 0, MghVariable.BroydenBanded, [], MghVariableHyperDual.BroydenBanded),
        new(32, "Linear function, full rank", Fill(5, _ => 1), 5, MghVariable.LinearFullRank, [], MghVariableHyperDual.LinearFullRank),
        new(35, "Chebyquad", Fill(8, j => j / 9.0), 3.51687372e-3, MghVariable.Chebyquad, [], MghVariableHyperDual.Chebyquad),
    ];

    /// <summary>The problem with MGH number <paramref name="number"/>.</summary>
    public static MghProblem Get(int number) => All.Single(p => p.Number == number);
}
