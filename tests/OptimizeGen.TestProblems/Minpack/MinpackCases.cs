using OptimizeGen;

namespace OptimizeGen.TestProblems.Minpack;

/// <summary>One run of MINPACK-1's hybrd/hybrj test driver: a problem, its dimension, and the multiple of the standard start.</summary>
/// <param name="Number">MINPACK's problem number (1–14).</param>
/// <param name="Name">The problem's name.</param>
/// <param name="N">The dimension.</param>
/// <param name="Factor">1, 10 or 100: the start is Factor·x₀ (for Watson, whose x₀ = 0, every entry is Factor instead, as in MINPACK's initpt).</param>
/// <param name="Function">F as a delegate.</param>
/// <param name="Jacobian">The exact Jacobian (row-major) as a delegate.</param>
/// <param name="HybrjNfev">MINPACK hybrj1's published number of function evaluations for this run (ANL-80-74 test output).</param>
/// <param name="HybrjNjev">MINPACK hybrj1's published number of Jacobian evaluations.</param>
/// <param name="HybrjInfo">MINPACK hybrj1's published exit parameter (1 = converged, 4 = no progress).</param>
/// <param name="HybrjNorm">MINPACK hybrj1's published final ‖F‖₂.</param>
public sealed record MinpackCase(int Number, string Name, int N, double Factor, VectorFunction Function, JacobianFunction Jacobian, int HybrjNfev, int HybrjNjev, int HybrjInfo, double HybrjNorm)
{
    /// <summary>The starting point: Factor·x₀ with MINPACK's standard x₀ (initpt).</summary>
    public double[] StartingPoint()
    {
        var x = new double[N];
        double h = 1.0 / (N + 1);
        for (int j = 0; j < N; j++)
        {
            double tj = (j + 1) * h;
            x[j] = Number switch
            {
                1 => j == 0 ? -1.2 : 1.0,
                2 => new[] { 3.0, -1.0, 0.0, 1.0 }[j],
                3 => j == 0 ? 0.0 : 1.0,
                4 => j % 2 == 0 ? -3.0 : -1.0,
                5 => j == 0 ? -1.0 : 0.0,
                6 => 0.0,
                7 => tj,
                8 => 0.5,
                9 or 10 => tj * (tj - 1.0),
                11 => 1.0 / N,
                12 => 1.0 - (j + 1.0) / N,
                13 or 14 => -1.0,
                _ => throw new InvalidOperationException($"No problem {Number}."),
            };
        }

        for (int j = 0; j < N; j++)
        {
            x[j] = Number == 6 && Factor != 1 ? Factor : Factor * x[j];
        }

        return x;
    }

    /// <summary>The system as an object with exact Jacobian and Jacobian-vector products, shaped as a generated <c>C.SSystem</c>.</summary>
    public MinpackSystem System() => new(N, Function, Jacobian);

    /// <summary>
    /// The system as the generator emits it for the <c>[Equations]</c> method (<c>MinpackSystems.{Name}System</c>): residuals and the
    /// Jacobian by forward-mode differentiation of the method's body, Jacobian-vector products in one dual sweep.
    /// </summary>
    public IJacobianFunction GeneratedSystem() => Number switch
    {
        1 => MinpackSystems.RosenbrockSystem,
        2 => MinpackSystems.PowellSingularSystem,
        3 => MinpackSystems.PowellBadlyScaledSystem,
        4 => MinpackSystems.WoodSystem,
        5 => MinpackSystems.HelicalValleySystem,
        6 => MinpackSystems.WatsonSystem,
        7 => MinpackSystems.ChebyquadSystem,
        8 => MinpackSystems.BrownAlmostLinearSystem,
        9 => MinpackSystems.DiscreteBoundaryValueSystem,
        10 => MinpackSystems.DiscreteIntegralEquationSystem,
        11 => MinpackSystems.TrigonometricSystem,
        12 => MinpackSystems.VariablyDimensionedSystem,
        13 => MinpackSystems.BroydenTridiagonalSystem,
        14 => MinpackSystems.BroydenBandedSystem,
        _ => throw new InvalidOperationException($"No problem {Number}."),
    };

    /// <summary>The Jacobian's sparsity pattern for this dimension, as the generator finds it from the method's body (<c>MinpackSystems.{Name}JacobianSparsity</c>).</summary>
    public JacobianSparsity GeneratedSparsity() => Number switch
    {
        1 => MinpackSystems.RosenbrockJacobianSparsity(N),
        2 => MinpackSystems.PowellSingularJacobianSparsity(N),
        3 => MinpackSystems.PowellBadlyScaledJacobianSparsity(N),
        4 => MinpackSystems.WoodJacobianSparsity(N),
        5 => MinpackSystems.HelicalValleyJacobianSparsity(N),
        6 => MinpackSystems.WatsonJacobianSparsity(N),
        7 => MinpackSystems.ChebyquadJacobianSparsity(N),
        8 => MinpackSystems.BrownAlmostLinearJacobianSparsity(N),
        9 => MinpackSystems.DiscreteBoundaryValueJacobianSparsity(N),
        10 => MinpackSystems.DiscreteIntegralEquationJacobianSparsity(N),
        11 => MinpackSystems.TrigonometricJacobianSparsity(N),
        12 => MinpackSystems.VariablyDimensionedJacobianSparsity(N),
        13 => MinpackSystems.BroydenTridiagonalJacobianSparsity(N),
        14 => MinpackSystems.BroydenBandedJacobianSparsity(N),
        _ => throw new InvalidOperationException($"No problem {Number}."),
    };

    /// <summary>A short label, e.g. "7 Chebyquad n=6 ×10".</summary>
    public override string ToString() => $"{Number} {Name} n={N} x{Factor:G3}";
}

/// <summary>
/// The 55 runs of MINPACK-1's hybrj test driver (problem, dimension, start multiple) with hybrj1's published results, transcribed
/// from the ANL-80-74 test output. The exit parameters agree with fortran-lang/minpack's test/test_hybrj.f90 (info_original); the
/// counts and norms could not be cross-checked against a second source (scipy's compiled MINPACK reproduces 41 of the 55 counts
/// exactly on this machine; see docs/roots.md).
/// </summary>
public static class MinpackCases
{
    /// <summary>Every run, in the driver's order.</summary>
    public static IReadOnlyList<MinpackCase> All { get; } = Build();

    /// <summary>Looks a run up by its label (<see cref="MinpackCase.ToString"/>).</summary>
    public static MinpackCase Find(string label) => All.First(c => c.ToString() == label);

    private static List<MinpackCase> Build()
    {
        var list = new List<MinpackCase>();
        void Add(int number, string name, int n, double factor, VectorFunction f, JacobianFunction jac, int nfev, int njev, int info, double norm) =>
            list.Add(new MinpackCase(number, name, n, factor, f, jac, nfev, njev, info, norm));

        Add(1, "Rosenbrock", 2, 1, MinpackSystems.Rosenbrock, MinpackJacobians.Rosenbrock, 16, 3, 1, 0.0);
        Add(1, "Rosenbrock", 2, 10, MinpackSystems.Rosenbrock, MinpackJacobians.Rosenbrock, 7, 1, 1, 2.8865799e-14);
        Add(1, "Rosenbrock", 2, 100, MinpackSystems.Rosenbrock, MinpackJacobians.Rosenbrock, 7, 1, 1, 0.0);
        Add(2, "PowellSingular", 4, 1, MinpackSystems.PowellSingular, MinpackJacobians.PowellSingular, 108, 5, 4, 7.4832034e-36);
        Add(2, "PowellSingular", 4, 10, MinpackSystems.PowellSingular, MinpackJacobians.PowellSingular, 118, 6, 4, 4.3896201e-34);
        Add(2, "PowellSingular", 4, 100, MinpackSystems.PowellSingular, MinpackJacobians.PowellSingular, 123, 4, 4, 6.1725251e-34);
        Add(3, "PowellBadlyScaled", 2, 1, MinpackSystems.PowellBadlyScaled, MinpackJacobians.PowellBadlyScaled, 169, 6, 1, 1.7126731e-09);
        Add(3, "PowellBadlyScaled", 2, 10, MinpackSystems.PowellBadlyScaled, MinpackJacobians.PowellBadlyScaled, 9, 1, 1, 3.7440617e-08);
        Add(4, "Wood", 4, 1, MinpackSystems.Wood, MinpackJacobians.Wood, 86, 2, 1, 3.9866900e-11);
        Add(4, "Wood", 4, 10, MinpackSystems.Wood, MinpackJacobians.Wood, 202, 8, 1, 3.7710661e-10);
        Add(4, "Wood", 4, 100, MinpackSystems.Wood, MinpackJacobians.Wood, 386, 35, 1, 3.4801042e-11);
        Add(5, "HelicalValley", 3, 1, MinpackSystems.HelicalValley, MinpackJacobians.HelicalValley, 18, 3, 1, 2.7534405e-13);
        Add(5, "HelicalValley", 3, 10, MinpackSystems.HelicalValley, MinpackJacobians.HelicalValley, 20, 4, 1, 2.2509949e-10);
        Add(5, "HelicalValley", 3, 100, MinpackSystems.HelicalValley, MinpackJacobians.HelicalValley, 37, 8, 1, 7.2027771e-10);
        Add(6, "Watson", 6, 1, MinpackSystems.Watson, MinpackJacobians.Watson, 60, 6, 1, 3.6213512e-13);
        Add(6, "Watson", 6, 10, MinpackSystems.Watson, MinpackJacobians.Watson, 140, 6, 1, 6.0049255e-14);
        Add(6, "Watson", 9, 1, MinpackSystems.Watson, MinpackJacobians.Watson, 92, 4, 1, 7.2626867e-12);
        Add(6, "Watson", 9, 10, MinpackSystems.Watson, MinpackJacobians.Watson, 272, 12, 4, 3.7192520e-02);
        Add(7, "Chebyquad", 5, 1, MinpackSystems.Chebyquad, MinpackJacobians.Chebyquad, 10, 1, 1, 6.0458606e-13);
        Add(7, "Chebyquad", 5, 10, MinpackSystems.Chebyquad, MinpackJacobians.Chebyquad, 136, 26, 1, 2.2495489e-10);
        Add(7, "Chebyquad", 5, 100, MinpackSystems.Chebyquad, MinpackJacobians.Chebyquad, 217, 44, 1, 1.1433424e-11);
        Add(7, "Chebyquad", 6, 1, MinpackSystems.Chebyquad, MinpackJacobians.Chebyquad, 13, 2, 1, 1.4343338e-11);
        Add(7, "Chebyquad", 6, 10, MinpackSystems.Chebyquad, MinpackJacobians.Chebyquad, 91, 13, 1, 6.3966404e-11);
        Add(7, "Chebyquad", 6, 100, MinpackSystems.Chebyquad, MinpackJacobians.Chebyquad, 141, 20, 1, 7.1157224e-12);
        Add(7, "Chebyquad", 7, 1, MinpackSystems.Chebyquad, MinpackJacobians.Chebyquad, 11, 1, 1, 1.9355759e-10);
        Add(7, "Chebyquad", 7, 10, MinpackSystems.Chebyquad, MinpackJacobians.Chebyquad, 262, 43, 1, 1.4504942e-10);
        Add(7, "Chebyquad", 7, 100, MinpackSystems.Chebyquad, MinpackJacobians.Chebyquad, 56, 10, 4, 6.2435437e+12);
        Add(7, "Chebyquad", 8, 1, MinpackSystems.Chebyquad, MinpackJacobians.Chebyquad, 56, 8, 4, 6.4405122e-02);
        Add(7, "Chebyquad", 9, 1, MinpackSystems.Chebyquad, MinpackJacobians.Chebyquad, 23, 2, 1, 5.1074075e-10);
        Add(8, "BrownAlmostLinear", 10, 1, MinpackSystems.BrownAlmostLinear, MinpackJacobians.BrownAlmostLinear, 11, 2, 1, 1.1147104e-14);
        Add(8, "BrownAlmostLinear", 10, 10, MinpackSystems.BrownAlmostLinear, MinpackJacobians.BrownAlmostLinear, 11, 2, 1, 8.6853223e-15);
        Add(8, "BrownAlmostLinear", 10, 100, MinpackSystems.BrownAlmostLinear, MinpackJacobians.BrownAlmostLinear, 17, 2, 1, 1.0079211e-14);
        Add(8, "BrownAlmostLinear", 30, 1, MinpackSystems.BrownAlmostLinear, MinpackJacobians.BrownAlmostLinear, 12, 2, 1, 1.2136830e-13);
        Add(8, "BrownAlmostLinear", 40, 1, MinpackSystems.BrownAlmostLinear, MinpackJacobians.BrownAlmostLinear, 12, 2, 1, 1.1154112e-13);
        Add(9, "DiscreteBoundaryValue", 10, 1, MinpackSystems.DiscreteBoundaryValue, MinpackJacobians.DiscreteBoundaryValue, 6, 1, 1, 2.5162633e-15);
        Add(9, "DiscreteBoundaryValue", 10, 10, MinpackSystems.DiscreteBoundaryValue, MinpackJacobians.DiscreteBoundaryValue, 9, 1, 1, 1.7261102e-13);
        Add(9, "DiscreteBoundaryValue", 10, 100, MinpackSystems.DiscreteBoundaryValue, MinpackJacobians.DiscreteBoundaryValue, 42, 1, 1, 4.1750601e-10);
        Add(10, "DiscreteIntegralEquation", 1, 1, MinpackSystems.DiscreteIntegralEquation, MinpackJacobians.DiscreteIntegralEquation, 6, 1, 1, 3.3306691e-16);
        Add(10, "DiscreteIntegralEquation", 1, 10, MinpackSystems.DiscreteIntegralEquation, MinpackJacobians.DiscreteIntegralEquation, 8, 1, 1, 5.5511151e-17);
        Add(10, "DiscreteIntegralEquation", 1, 100, MinpackSystems.DiscreteIntegralEquation, MinpackJacobians.DiscreteIntegralEquation, 24, 2, 1, 2.7755576e-17);
        Add(10, "DiscreteIntegralEquation", 10, 1, MinpackSystems.DiscreteIntegralEquation, MinpackJacobians.DiscreteIntegralEquation, 8, 1, 1, 8.5698248e-12);
        Add(10, "DiscreteIntegralEquation", 10, 10, MinpackSystems.DiscreteIntegralEquation, MinpackJacobians.DiscreteIntegralEquation, 9, 1, 1, 2.7315310e-12);
        Add(10, "DiscreteIntegralEquation", 10, 100, MinpackSystems.DiscreteIntegralEquation, MinpackJacobians.DiscreteIntegralEquation, 48, 3, 1, 7.8965670e-14);
        Add(11, "Trigonometric", 10, 1, MinpackSystems.Trigonometric, MinpackJacobians.Trigonometric, 60, 7, 4, 5.2963921e-03);
        Add(11, "Trigonometric", 10, 10, MinpackSystems.Trigonometric, MinpackJacobians.Trigonometric, 34, 5, 1, 5.9165818e-11);
        Add(11, "Trigonometric", 10, 100, MinpackSystems.Trigonometric, MinpackJacobians.Trigonometric, 44, 4, 1, 1.5129521e-09);
        Add(12, "VariablyDimensioned", 10, 1, MinpackSystems.VariablyDimensioned, MinpackJacobians.VariablyDimensioned, 21, 1, 1, 5.3575313e-12);
        Add(12, "VariablyDimensioned", 10, 10, MinpackSystems.VariablyDimensioned, MinpackJacobians.VariablyDimensioned, 25, 1, 1, 1.2587250e-10);
        Add(12, "VariablyDimensioned", 10, 100, MinpackSystems.VariablyDimensioned, MinpackJacobians.VariablyDimensioned, 40, 2, 1, 0.0);
        Add(13, "BroydenTridiagonal", 10, 1, MinpackSystems.BroydenTridiagonal, MinpackJacobians.BroydenTridiagonal, 11, 1, 1, 1.4938794e-08);
        Add(13, "BroydenTridiagonal", 10, 10, MinpackSystems.BroydenTridiagonal, MinpackJacobians.BroydenTridiagonal, 49, 1, 1, 5.1929336e-09);
        Add(13, "BroydenTridiagonal", 10, 100, MinpackSystems.BroydenTridiagonal, MinpackJacobians.BroydenTridiagonal, 22, 2, 1, 9.8789030e-11);
        Add(14, "BroydenBanded", 10, 1, MinpackSystems.BroydenBanded, MinpackJacobians.BroydenBanded, 20, 1, 1, 2.0578977e-09);
        Add(14, "BroydenBanded", 10, 10, MinpackSystems.BroydenBanded, MinpackJacobians.BroydenBanded, 25, 2, 1, 7.9536129e-09);
        Add(14, "BroydenBanded", 10, 100, MinpackSystems.BroydenBanded, MinpackJacobians.BroydenBanded, 38, 2, 1, 4.5264336e-10);
        return list;
    }
}
