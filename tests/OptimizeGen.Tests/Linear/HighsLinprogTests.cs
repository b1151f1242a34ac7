using OptimizeGen.TestProblems;

namespace OptimizeGen.Tests.Linear;

public class HighsLinprogTests
{
    public static TheoryData<LinprogMethod> HighsMethods => [LinprogMethod.Highs, LinprogMethod.HighsDs, LinprogMethod.HighsIpm];

    [Theory]
    [MemberData(nameof(HighsMethods))]
    public void Scipy_documentation_example_gives_the_published_optimum_and_marginals(LinprogMethod method)
    {
        // scipy.optimize.linprog's docstring: min −x0 + 4x1, −3x0 + x1 ≤ 6, x0 + 2x1 ≤ 4, x1 ≥ −3 → x = (10, −3), fun = −22,
        // ineqlin.marginals = (0, −1), lower.marginals = (0, 6).
        LinprogResult r = Optimize.Linprog(
            [-1.0, 4],
            aUb: new double[,] { { -3, 1 }, { 1, 2 } },
            bUb: [6.0, 4],
            bounds: new Bounds([double.NegativeInfinity, -3], [double.PositiveInfinity, double.PositiveInfinity]),
            method: method);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(LinprogStatus.Optimal, r.Status);
        Assert.Equal(method, r.Method);
        Assert.Equal(-22.0, r.Fun, 1e-9);
        Assert.Equal(10.0, r.X[0], 1e-9);
        Assert.Equal(-3.0, r.X[1], 1e-9);
        Assert.Equal(39.0, r.Slack[0], 1e-9);
        Assert.Equal(0.0, r.Slack[1], 1e-9);
        Assert.Equal(0.0, r.Ineqlin.Marginals[0], 1e-9);
        Assert.Equal(-1.0, r.Ineqlin.Marginals[1], 1e-9);
        Assert.Equal(0.0, r.Lower.Marginals[0], 1e-9);
        Assert.Equal(6.0, r.Lower.Marginals[1], 1e-9);
        Assert.Equal([0.0, 0.0], r.Upper.Marginals);
        Assert.Empty(r.Con);
        Assert.True(r.Nit >= 0);
    }

    [Theory]
    [MemberData(nameof(HighsMethods))]
    public void Equality_rows_give_con_and_eqlin_marginals(LinprogMethod method)
    {
        // min x0 + 2x1 + 3x2, x0 + x1 + x2 = 6, x0 − x1 ≤ 1 (x ≥ 0). Hand solution: x = (3.5, 2.5, 0), fun = 8.5;
        // duals: y_eq = 1.5, y_ub = −0.5 (c0 = y_eq + y_ub, c1 = y_eq − y_ub), reduced cost of x2 = 3 − 1.5 = 1.5.
        LinprogResult r = Optimize.Linprog(
            [1.0, 2, 3],
            aUb: new double[,] { { 1, -1, 0 } }, bUb: [1.0],
            aEq: new double[,] { { 1, 1, 1 } }, bEq: [6.0],
            method: method);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(8.5, r.Fun, 1e-8);
        Assert.Equal(3.5, r.X[0], 1e-8);
        Assert.Equal(2.5, r.X[1], 1e-8);
        Assert.Equal(0.0, r.X[2], 1e-8);
        Assert.Equal(0.0, r.Con[0], 1e-8);
        Assert.Equal(1.5, r.Eqlin.Marginals[0], 1e-8);
        Assert.Equal(-0.5, r.Ineqlin.Marginals[0], 1e-8);
        Assert.Equal(1.5, r.Lower.Marginals[2], 1e-8);
    }

    [Theory]
    [MemberData(nameof(HighsMethods))]
    public void Infeasible_problem_is_reported_not_thrown(LinprogMethod method)
    {
        // x0 + x1 ≤ 1 and x0 + x1 ≥ 3 (as −x0 − x1 ≤ −3).
        LinprogResult r = Optimize.Linprog([1.0, 1], aUb: new double[,] { { 1, 1 }, { -1, -1 } }, bUb: [1.0, -3], method: method);
        Assert.False(r.Success);
        Assert.Equal(LinprogStatus.Infeasible, r.Status);
        Assert.Contains("infeasible", r.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Infeasible_problem_without_presolve_is_infeasible_for_every_method()
    {
        foreach (LinprogMethod method in new[] { LinprogMethod.Highs, LinprogMethod.HighsDs, LinprogMethod.HighsIpm })
        {
            LinprogResult r = Optimize.Linprog([1.0, 1], aUb: new double[,] { { 1, 1 }, { -1, -1 } }, bUb: [1.0, -3],
                method: method, options: new LinprogOptions { Presolve = false });
            Assert.Equal(LinprogStatus.Infeasible, r.Status);
        }
    }

    [Theory]
    [MemberData(nameof(HighsMethods))]
    public void Unbounded_problem_is_reported_not_thrown(LinprogMethod method)
    {
        // min −x0 − x1 with x0 − x1 ≤ 1: the ray (1, 1) decreases the objective forever.
        LinprogResult r = Optimize.Linprog([-1.0, -1], aUb: new double[,] { { 1, -1 } }, bUb: [1.0], method: method,
            options: new LinprogOptions { Presolve = false });
        Assert.False(r.Success);
        Assert.Equal(LinprogStatus.Unbounded, r.Status);
    }

    [Fact]
    public void Sparse_arguments_give_the_same_answer_as_dense()
    {
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.SparseOfArray(new double[,] { { -3, 1 }, { 1, 2 } });
        LinprogResult r = Optimize.Linprog([-1.0, 4], a, [6.0, 4],
            bounds: new Bounds([double.NegativeInfinity, -3], [double.PositiveInfinity, double.PositiveInfinity]),
            method: LinprogMethod.Highs);
        Assert.Equal(-22.0, r.Fun, 1e-9);
    }

    [Fact]
    public void Milp_solves_scipys_documentation_example()
    {
        // scipy.optimize.milp's docstring: max x1 s.t. −x0 + x1 ≤ 1, 3x0 + 2x1 ≤ 12, 2x0 + 3x1 ≤ 12, x integer → x1 = 2.
        MilpResult r = Optimize.Milp(
            [0.0, -1],
            integrality: [true, true],
            a: new double[,] { { -1, 1 }, { 3, 2 }, { 2, 3 } },
            lb: [double.NegativeInfinity, 0, 0],
            ub: [1.0, 12, 12]);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(-2.0, r.Fun, 1e-9);
        Assert.Equal(2.0, r.X[1], 1e-9);
        Assert.Equal(Math.Round(r.X[0]), r.X[0], 1e-9);
        // Its LP relaxation is better (x = (1.8, 2.8)): the integrality mattered.
        LinprogResult relaxed = Optimize.Linprog([0.0, -1], aUb: new double[,] { { -1, 1 }, { 3, 2 }, { 2, 3 } }, bUb: [1.0, 12, 12]);
        Assert.Equal(-2.8, relaxed.Fun, 1e-9);
    }

    [Fact]
    public void Milp_reports_an_infeasible_integer_problem()
    {
        // 0.2 ≤ x ≤ 0.8 with x integer.
        MilpResult r = Optimize.Milp([1.0], integrality: [true], bounds: new Bounds([0.2], [0.8]));
        Assert.Equal(LinprogStatus.Infeasible, r.Status);
        Assert.False(r.Success);
    }

    [Fact]
    public void Without_the_backend_asking_for_HiGHS_says_which_package_to_add()
    {
        using (LinearBackends.HideHighsForTesting())
        {
            var error = Assert.Throws<NotSupportedException>(() => Optimize.Linprog([1.0], method: LinprogMethod.HighsDs));
            Assert.Contains("OptimizeGen.Highs", error.Message);
            error = Assert.Throws<NotSupportedException>(() => Optimize.Milp([1.0], integrality: [true]));
            Assert.Contains("OptimizeGen.Highs", error.Message);
        }
    }

    [Fact]
    public void The_backend_is_found_by_reference_and_is_the_default()
    {
        Assert.NotNull(LinearBackends.Highs);
        LinprogResult r = Optimize.Linprog([1.0], bounds: new Bounds([2.0], [5.0]));
        Assert.Equal(LinprogMethod.Highs, r.Method);
        Assert.Equal(2.0, r.Fun, 1e-12);
    }

    public static TheoryData<string> FastTier => new(Netlib.FastTier);

    [Theory]
    [MemberData(nameof(FastTier))]
    public void Netlib_fast_tier_matches_the_published_optimum(string name)
    {
        NetlibProblem? problem = Netlib.Find(name);
        if (problem is null)
        {
            Assert.Skip(ReferenceData.MissingMessage("netlib"));
        }

        LinearProgram lp = LinearProgram.ReadMps(problem.Path);
        LinprogResult r = Optimize.Linprog(lp, LinprogMethod.Highs);
        Assert.True(r.Success, r.ToString());
        Assert.True(Netlib.RelativeError(r.Fun, problem.Optimum) <= 1e-6, $"{name}: {r.Fun:R} vs {problem.Optimum:R}");
    }

    [Fact]
    public void Netlib_all_91_with_every_HiGHS_method_match_the_published_optima()
    {
        if (Environment.GetEnvironmentVariable("OPTIMIZEGEN_LONG") != "1")
        {
            Assert.Skip("Long suite: set OPTIMIZEGEN_LONG=1 to solve all 91 Netlib problems with highs, highs-ds and highs-ipm.");
        }

        if (Netlib.All.Count == 0)
        {
            Assert.Skip(ReferenceData.MissingMessage("netlib"));
        }

        var failures = new List<string>();
        foreach (NetlibProblem problem in Netlib.All)
        {
            LinearProgram lp = LinearProgram.ReadMps(problem.Path);
            foreach (LinprogMethod method in new[] { LinprogMethod.Highs, LinprogMethod.HighsDs, LinprogMethod.HighsIpm })
            {
                LinprogResult r = Optimize.Linprog(lp, method);
                if (!r.Success || Netlib.RelativeError(r.Fun, problem.Optimum) > 1e-6)
                {
                    failures.Add($"{problem.Name} {method}: {r.Status} {r.Fun:R} vs {problem.Optimum:R}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
