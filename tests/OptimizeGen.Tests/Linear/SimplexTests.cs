using OptimizeGen.TestProblems;

namespace OptimizeGen.Tests.Linear;

/// <summary>The managed dual simplex, checked against published optima, hand solutions and HiGHS.</summary>
public class SimplexTests
{
    private static readonly Bounds FreeX0 = new([double.NegativeInfinity, -3], [double.PositiveInfinity, double.PositiveInfinity]);

    [Fact]
    public void Scipy_documentation_example_gives_the_published_optimum_and_marginals()
    {
        LinprogResult r = Optimize.Linprog([-1.0, 4], aUb: new double[,] { { -3, 1 }, { 1, 2 } }, bUb: [6.0, 4], bounds: FreeX0,
            method: LinprogMethod.Simplex);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(LinprogMethod.Simplex, r.Method);
        Assert.Equal(-22.0, r.Fun, 1e-9);
        Assert.Equal(10.0, r.X[0], 1e-9);
        Assert.Equal(-3.0, r.X[1], 1e-9);
        Assert.Equal(-1.0, r.Ineqlin.Marginals[1], 1e-9);
        Assert.Equal(0.0, r.Ineqlin.Marginals[0], 1e-9);
        Assert.Equal(6.0, r.Lower.Marginals[1], 1e-9);
    }

    [Fact]
    public void Equality_rows_ranges_and_boxes_match_HiGHS_primal_and_dual()
    {
        // A small problem with every row kind and bound kind, whose solution is unique (checked by HiGHS's answer).
        LinearProgram lp = LinearProgram.FromCsc(
            c: [1, -2, 3, -1, 0.5],
            numRows: 4,
            columnStarts: [0, 3, 5, 8, 10, 12],
            rowIndices: [0, 1, 3, 0, 2, 1, 2, 3, 0, 3, 1, 2],
            values: [1, 2, 1, 1, -1, 1, 3, 1, 2, -1, 1, 1],
            rowLower: [double.NegativeInfinity, 2, -1, 1],
            rowUpper: [10, double.PositiveInfinity, 4, 1],
            columnLower: [0, -5, 0, double.NegativeInfinity, -1],
            columnUpper: [4, 5, double.PositiveInfinity, 3, 1]);
        LinprogResult highs = Optimize.Linprog(lp, LinprogMethod.HighsDs);
        LinprogResult ours = Optimize.Linprog(lp, LinprogMethod.Simplex);
        Assert.True(highs.Success, highs.ToString());
        Assert.True(ours.Success, ours.ToString());
        Assert.Equal(highs.Fun, ours.Fun, 1e-9);
        for (int j = 0; j < lp.NumColumns; j++)
        {
            Assert.Equal(highs.X[j], ours.X[j], 1e-8);
            Assert.Equal(highs.ReducedCosts[j], ours.ReducedCosts[j], 1e-8);
        }

        for (int i = 0; i < lp.NumRows; i++)
        {
            Assert.Equal(highs.RowDuals[i], ours.RowDuals[i], 1e-8);
        }
    }

    [Fact]
    public void Infeasible_problem_is_reported()
    {
        LinprogResult r = Optimize.Linprog([1.0, 1], aUb: new double[,] { { 1, 1 }, { -1, -1 } }, bUb: [1.0, -3], method: LinprogMethod.Simplex);
        Assert.Equal(LinprogStatus.Infeasible, r.Status);
        Assert.False(r.Success);
    }

    [Fact]
    public void Infeasible_equalities_are_reported()
    {
        // x0 + x1 = 1, x0 + x1 = 2.
        LinprogResult r = Optimize.Linprog([1.0, 2], aEq: new double[,] { { 1, 1 }, { 1, 1 } }, bEq: [1.0, 2], method: LinprogMethod.Simplex);
        Assert.Equal(LinprogStatus.Infeasible, r.Status);
    }

    [Fact]
    public void Unbounded_problem_is_reported()
    {
        LinprogResult r = Optimize.Linprog([-1.0, -1], aUb: new double[,] { { 1, -1 } }, bUb: [1.0], method: LinprogMethod.Simplex);
        Assert.Equal(LinprogStatus.Unbounded, r.Status);
        Assert.False(r.Success);
    }

    [Fact]
    public void Unbounded_free_variable_is_reported()
    {
        // min x0 with x0 free and x0 − x1 ≤ 3, x1 ≥ 0.
        LinprogResult r = Optimize.Linprog([1.0, 0], aUb: new double[,] { { 1, -1 } }, bUb: [3.0],
            bounds: new Bounds([double.NegativeInfinity, 0], [double.PositiveInfinity, double.PositiveInfinity]), method: LinprogMethod.Simplex);
        Assert.Equal(LinprogStatus.Unbounded, r.Status);
    }

    [Fact]
    public void Infeasible_and_dual_infeasible_is_reported_infeasible()
    {
        // min −x0 − x1, x0 − x1 ≤ −1 and −x0 + x1 ≤ −1 (contradictory), x ≥ 0: both primal and dual infeasible.
        LinprogResult r = Optimize.Linprog([-1.0, -1], aUb: new double[,] { { 1, -1 }, { -1, 1 } }, bUb: [-1.0, -1], method: LinprogMethod.Simplex);
        Assert.Equal(LinprogStatus.Infeasible, r.Status);
    }

    [Fact]
    public void Without_HiGHS_the_default_is_the_managed_simplex()
    {
        using (LinearBackends.HideHighsForTesting())
        {
            LinprogResult r = Optimize.Linprog([-1.0, 4], aUb: new double[,] { { -3, 1 }, { 1, 2 } }, bUb: [6.0, 4], bounds: FreeX0);
            Assert.Equal(LinprogMethod.Simplex, r.Method);
            Assert.Equal(-22.0, r.Fun, 1e-9);
        }
    }

    [Fact]
    public void Iteration_limit_is_a_status_not_a_success()
    {
        NetlibProblem? problem = Netlib.Find("share2b");
        if (problem is null)
        {
            Assert.Skip(ReferenceData.MissingMessage("netlib"));
        }

        LinprogResult r = Optimize.Linprog(LinearProgram.ReadMps(problem.Path), LinprogMethod.Simplex, new LinprogOptions { MaxIter = 3 });
        Assert.Equal(LinprogStatus.IterationLimit, r.Status);
        Assert.False(r.Success);
    }

    public static TheoryData<string> FastTier => new(Netlib.FastTier);

    [Theory]
    [MemberData(nameof(FastTier))]
    public void Netlib_fast_tier_matches_the_published_optimum_with_duals_that_certify_it(string name)
    {
        NetlibProblem? problem = Netlib.Find(name);
        if (problem is null)
        {
            Assert.Skip(ReferenceData.MissingMessage("netlib"));
        }

        LinearProgram lp = LinearProgram.ReadMps(problem.Path);
        LinprogResult r = Optimize.Linprog(lp, LinprogMethod.Simplex);
        Assert.True(r.Success, $"{name}: {r}");
        Assert.True(Netlib.RelativeError(r.Fun, problem.Optimum) <= 1e-6, $"{name}: {r.Fun:R} vs {problem.Optimum:R}");

        // The duals certify the optimum: their dual objective equals HiGHS's optimal value.
        LinprogResult highs = Optimize.Linprog(lp, LinprogMethod.HighsDs);
        double dualObjective = DualObjective(lp, r.RowDuals, r.ReducedCosts);
        Assert.True(Netlib.RelativeError(dualObjective, highs.Fun) <= 1e-6, $"{name}: dual objective {dualObjective:R} vs HiGHS {highs.Fun:R}");
    }

    [Fact]
    public void Netlib_all_91_managed_simplex_solves_at_least_80_and_never_claims_a_wrong_optimum()
    {
        if (Environment.GetEnvironmentVariable("OPTIMIZEGEN_LONG") != "1")
        {
            Assert.Skip("Long suite: set OPTIMIZEGEN_LONG=1 to run the managed simplex on all 91 Netlib problems.");
        }

        if (Netlib.All.Count == 0)
        {
            Assert.Skip(ReferenceData.MissingMessage("netlib"));
        }

        int solved = 0;
        var wrong = new List<string>();
        var report = new List<string>();
        foreach (NetlibProblem problem in Netlib.All)
        {
            LinearProgram lp = LinearProgram.ReadMps(problem.Path);
            LinprogResult r = Optimize.Linprog(lp, LinprogMethod.Simplex, new LinprogOptions { TimeLimit = TimeSpan.FromSeconds(120) });
            double error = Netlib.RelativeError(r.Fun, problem.Optimum);
            report.Add($"{problem.Name}\t{r.Status}\t{r.Nit}\t{r.Elapsed.TotalSeconds:F2}s\t{error:E2}");
            if (r.Success && error <= 1e-6)
            {
                solved++;
            }
            else if (r.Success)
            {
                wrong.Add($"{problem.Name}: claimed optimal {r.Fun:R}, published {problem.Optimum:R}");
            }
        }

        TestContext.Current.SendDiagnosticMessage(string.Join("\n", report));
        Assert.True(wrong.Count == 0, "Wrong answers claimed optimal:\n" + string.Join("\n", wrong));
        Assert.True(solved >= 80, $"solved {solved} of 91:\n" + string.Join("\n", report));
    }

    /// <summary>c₀ + Σ yᵢ·(the row bound its sign selects) + Σ dⱼ·(the column bound its sign selects).</summary>
    internal static double DualObjective(LinearProgram lp, double[] y, double[] d)
    {
        double sum = lp.ObjectiveConstant;
        for (int i = 0; i < lp.NumRows; i++)
        {
            sum += Term(y[i], lp.RowLower[i], lp.RowUpper[i]);
        }

        for (int j = 0; j < lp.NumColumns; j++)
        {
            sum += Term(d[j], lp.ColumnLower[j], lp.ColumnUpper[j]);
        }

        return sum;

        static double Term(double multiplier, double lower, double upper)
        {
            if (Math.Abs(multiplier) <= 1e-9)
            {
                return 0;
            }

            return multiplier > 0 ? multiplier * lower : multiplier * upper;
        }
    }
}
