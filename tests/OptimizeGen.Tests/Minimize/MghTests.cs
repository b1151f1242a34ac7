using OptimizeGen.TestProblems.Mgh;

namespace OptimizeGen.Tests.Minimize;

/// <summary>
/// The unconstrained problems of Moré, Garbow and Hillstrom, "Testing unconstrained optimization software", ACM TOMS
/// 7(1), 1981 (25 problems, MghCatalog), from their standard starting points, for every method that applies, asserting
/// the minimum values the paper tabulates (or another local minimum it lists). Exact gradients and Hessian-vector
/// products come from hyper-dual evaluation of the same functions (HyperDualObjective), independent of the generator.
/// </summary>
public class MghTests
{
    private static readonly MinimizeMethod[] GradientMethods =
    [
        MinimizeMethod.CG, MinimizeMethod.Bfgs, MinimizeMethod.LBfgsB, MinimizeMethod.Tnc, MinimizeMethod.NewtonCG,
        MinimizeMethod.TrustNcg, MinimizeMethod.TrustKrylov, MinimizeMethod.TrustExact, MinimizeMethod.Dogleg,
    ];

    /// <summary>
    /// Problems whose Hessian is indefinite at the start or on the way, where the dog-leg method does not apply (scipy
    /// raises "Hessian is not positive definite"; we return <see cref="OptimizeStatus.NumericalTrouble"/>).
    /// </summary>
    private static readonly int[] DoglegIndefinite = [5, 7, 12, 14, 15, 17, 18, 27, 35];

    /// <summary>
    /// Method and problem pairs that do not reach a tabulated minimum, with the honest status they report instead.
    /// Trust-exact on Biggs EXP6: the start (1, 2, 1, 1, 1, 1) is symmetric under (x₁, x₃) ↔ (x₅, x₆), so ∇f has no
    /// component along the antisymmetric directions, and the exact (eigendecomposition) subproblem solutions keep every
    /// iterate on x₁ = x₅, x₃ = x₆, where f only decreases towards 0.2427 as x drifts to infinity; it creeps there
    /// until maxiter (‖∇f‖₂ ≈ 0.01). scipy 1.10's trust-exact (Cholesky, with a LINPACK estimate of the lowest
    /// eigenvector) leaves the symmetric subspace through rounding and reaches f ≈ 1.7e-9 (checked with /usr/bin/python3).
    /// </summary>
    private static readonly Dictionary<(MinimizeMethod, int), OptimizeStatus> KnownFailures = new()
    {
        [(MinimizeMethod.TrustExact, 18)] = OptimizeStatus.MaxIterationsReached,
    };

    /// <summary>
    /// Nonzero-residual problems whose f* is large (Freudenstein–Roth's local minimum 48.98, Jennrich–Sampson 124.4,
    /// Brown–Dennis 85822): the absolute gtol is at or below the rounding floor of ∇f there, so a method may honestly
    /// stop with <see cref="OptimizeStatus.PrecisionLoss"/> at the minimum.
    /// </summary>
    private static readonly int[] RoundingFloorProblems = [2, 6, 16];

    public static TheoryData<MinimizeMethod, int> GradientCases()
    {
        var data = new TheoryData<MinimizeMethod, int>();
        foreach (var method in GradientMethods)
        {
            foreach (var problem in MghCatalog.All)
            {
                if (method == MinimizeMethod.Dogleg && DoglegIndefinite.Contains(problem.Number))
                {
                    continue;
                }

                data.Add(method, problem.Number);
            }
        }

        return data;
    }

    public static TheoryData<int> DoglegIndefiniteCases() => [.. DoglegIndefinite];

    public static TheoryData<MinimizeMethod, int> DerivativeFreeCases()
    {
        var data = new TheoryData<MinimizeMethod, int>();
        foreach (var problem in MghCatalog.All)
        {
            // Not Box three-dimensional: from (0, 10, 20) both derivative-free methods drift to x₂ → ∞ (x₂ ≈ 2311),
            // where f flattens to its asymptote 0.0755887, and their f-based tests pass there; no minimum, but no
            // gradient test either (scipy 1.10's Nelder–Mead stops at the same point, f = 0.07558874075).
            if (problem.Number == 12)
            {
                continue;
            }

            data.Add(MinimizeMethod.NelderMead, problem.Number);
            data.Add(MinimizeMethod.Powell, problem.Number);
        }

        return data;
    }

    /// <summary>Tolerances tight enough to resolve f* to the digits of the paper's table (scipy's names).</summary>
    internal static MinimizeOptions TestOptions(MinimizeMethod method, MghProblem p) => method switch
    {
        MinimizeMethod.LBfgsB => new LBfgsBOptions { Gtol = 1e-6, Ftol = 1e-13 },
        MinimizeMethod.Tnc => new TncOptions { Gtol = 1e-6, MaxFun = 10000 },
        MinimizeMethod.NewtonCG => new NewtonCGOptions { Gtol = 1e-6, MaxIter = 5000 },
        MinimizeMethod.CG or MinimizeMethod.Bfgs => new MinimizeOptions { Gtol = 1e-6, MaxIter = 5000 },
        // fatol is absolute: 1e-12 relative to f* (Brown–Dennis has f* = 85822, whose rounding is ≈ 1e-11).
        MinimizeMethod.NelderMead => new NelderMeadOptions { Xatol = 1e-8, Fatol = 1e-12 * Math.Max(1, p.FStar), MaxFev = 100_000, Adaptive = p.N > 4 },
        MinimizeMethod.Powell => new PowellOptions { Xtol = 1e-8, Ftol = 1e-12, MaxFev = 200_000 },
        _ => new TrustRegionOptions { Gtol = 1e-6 },
    };

    /// <summary>f matches f* or a listed local minimum: |f − f*| ≤ 1e-6 + 1e-4·|f*|.</summary>
    internal static bool AtTabulatedMinimum(MghProblem p, double f) =>
        Math.Abs(f - p.FStar) <= 1e-6 + 1e-4 * Math.Abs(p.FStar) || p.OtherMinima.Any(o => Math.Abs(f - o) <= 1e-6 + 1e-4 * Math.Abs(o));

    [Theory]
    [MemberData(nameof(GradientCases))]
    public void Gradient_methods_reach_the_published_minimum(MinimizeMethod method, int number)
    {
        var p = MghCatalog.Get(number);
        var r = Optimize.Minimize(p.Objective, p.Start, method, options: TestOptions(method, p));
        if (KnownFailures.TryGetValue((method, number), out var expected))
        {
            Assert.False(r.Success, r.ToString());
            Assert.Equal(expected, r.Status);
            return;
        }

        Assert.True(AtTabulatedMinimum(p, r.Fun), $"{p}: f = {r.Fun:G10}, f* = {p.FStar:G10}; {r}");
        bool honestFloor = r.Status == OptimizeStatus.PrecisionLoss && RoundingFloorProblems.Contains(number);
        Assert.True(r.Success || honestFloor, $"{p}: {r}");
        Assert.True(r.Nfev > 0 && r.Njev > 0);
    }

    [Theory]
    [MemberData(nameof(DoglegIndefiniteCases))]
    public void Dogleg_refuses_an_indefinite_hessian(int number)
    {
        var p = MghCatalog.Get(number);
        var r = Optimize.Minimize(p.Objective, p.Start, MinimizeMethod.Dogleg);
        Assert.False(r.Success);
        Assert.Equal(OptimizeStatus.NumericalTrouble, r.Status);
        Assert.Contains("positive definite", r.Message);
        Assert.True(r.Fun <= p.Function(p.Start), "The result is never worse than x0.");
    }

    [Theory]
    [MemberData(nameof(DerivativeFreeCases))]
    public void Derivative_free_methods(MinimizeMethod method, int number)
    {
        var p = MghCatalog.Get(number);
        var r = Optimize.Minimize(p.Function, p.Start, method: method, options: TestOptions(method, p));
        Assert.True(r.Success, $"{p}: {r}");
        Assert.True(AtTabulatedMinimum(p, r.Fun), $"{p}: f = {r.Fun:G10}, f* = {p.FStar:G10}; {r}");
    }
}
