using System.Reflection;
using OptimizeGen.TestProblems.HockSchittkowski;
using OptimizeGen.Tests.Constrained;

namespace OptimizeGen.Tests.Generated;

/// <summary>
/// The 21 Hock–Schittkowski problems as the user writes them: an [Objective] and its [Constraint] methods in one
/// partial class. The generator writes every gradient and the wrapper <c>MinimizeObjective</c> with all the
/// constraints; the wrapper reaches the published optima (Hock &amp; Schittkowski 1981) with SLSQP and trust-constr,
/// and the generated gradients agree with the hand-written ones.
/// </summary>
public class GeneratedHockSchittkowskiTests
{
    private static readonly Dictionary<string, Func<MinimizeMethod?, OptimizeResult>> Wrappers = new()
    {
        ["HS6"] = m => Hs006.MinimizeObjective(Hs006.Problem.X0, m, Hs006.Problem.Bounds).Result,
        ["HS7"] = m => Hs007.MinimizeObjective(Hs007.Problem.X0, m, Hs007.Problem.Bounds).Result,
        ["HS9"] = m => Hs009.MinimizeObjective(Hs009.Problem.X0, m, Hs009.Problem.Bounds).Result,
        ["HS14"] = m => Hs014.MinimizeObjective(Hs014.Problem.X0, m, Hs014.Problem.Bounds).Result,
        ["HS21"] = m => Hs021.MinimizeObjective(Hs021.Problem.X0, m, Hs021.Problem.Bounds).Result,
        ["HS26"] = m => Hs026.MinimizeObjective(Hs026.Problem.X0, m, Hs026.Problem.Bounds).Result,
        ["HS28"] = m => Hs028.MinimizeObjective(Hs028.Problem.X0, m, Hs028.Problem.Bounds).Result,
        ["HS35"] = m => Hs035.MinimizeObjective(Hs035.Problem.X0, m, Hs035.Problem.Bounds).Result,
        ["HS39"] = m => Hs039.MinimizeObjective(Hs039.Problem.X0, m, Hs039.Problem.Bounds).Result,
        ["HS40"] = m => Hs040.MinimizeObjective(Hs040.Problem.X0, m, Hs040.Problem.Bounds).Result,
        ["HS42"] = m => Hs042.MinimizeObjective(Hs042.Problem.X0, m, Hs042.Problem.Bounds).Result,
        ["HS43"] = m => Hs043.MinimizeObjective(Hs043.Problem.X0, m, Hs043.Problem.Bounds).Result,
        ["HS44"] = m => Hs044.MinimizeObjective(Hs044.Problem.X0, m, Hs044.Problem.Bounds).Result,
        ["HS48"] = m => Hs048.MinimizeObjective(Hs048.Problem.X0, m, Hs048.Problem.Bounds).Result,
        ["HS51"] = m => Hs051.MinimizeObjective(Hs051.Problem.X0, m, Hs051.Problem.Bounds).Result,
        ["HS65"] = m => Hs065.MinimizeObjective(Hs065.Problem.X0, m, Hs065.Problem.Bounds).Result,
        ["HS71"] = m => Hs071.MinimizeObjective(Hs071.Problem.X0, m, Hs071.Problem.Bounds).Result,
        ["HS76"] = m => Hs076.MinimizeObjective(Hs076.Problem.X0, m, Hs076.Problem.Bounds).Result,
        ["HS77"] = m => Hs077.MinimizeObjective(Hs077.Problem.X0, m, Hs077.Problem.Bounds).Result,
        ["HS79"] = m => Hs079.MinimizeObjective(Hs079.Problem.X0, m, Hs079.Problem.Bounds).Result,
        ["HS100"] = m => Hs100.MinimizeObjective(Hs100.Problem.X0, m, Hs100.Problem.Bounds).Result,
    };

    public static TheoryData<string, MinimizeMethod> Cases()
    {
        var data = new TheoryData<string, MinimizeMethod>();
        foreach (HsProblem p in HockSchittkowskiSuite.All)
        {
            data.Add(p.Name, MinimizeMethod.Slsqp);
            data.Add(p.Name, MinimizeMethod.TrustConstr);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_generated_wrapper_reaches_the_published_optimum(string name, MinimizeMethod method)
    {
        HsProblem p = HockSchittkowskiSuite.Get(name);
        OptimizeResult r = Wrappers[name](method);
        Assert.Equal(method, r.Method);
        HsAssert.AtOptimum(p, r, fTolerance: 1e-5, xTolerance: 1e-3, violation: 1e-6);
    }

    /// <summary>
    /// The problems whose statement (Hock &amp; Schittkowski 1981) is a quadratic objective under linear constraints and
    /// bounds: the generator must prove exactly these and route them to the QP solver when no method is given. HS44's
    /// quadratic is indefinite, so it is proved quadratic but handed on to SLSQP.
    /// </summary>
    private static readonly string[] StrictlyConvexQps = ["HS21", "HS28", "HS35", "HS48", "HS51", "HS76"];

    [Fact]
    public void Quadratic_programs_are_recognized_and_solved_in_one_QP_solve()
    {
        foreach (HsProblem p in HockSchittkowskiSuite.All)
        {
            OptimizeResult r = Wrappers[p.Name](null);
            if (StrictlyConvexQps.Contains(p.Name))
            {
                Assert.True(r.Method == MinimizeMethod.QuadraticProgram, $"{p.Name}: solved by {r.Method}: {r.Message}");
                Assert.Equal(1, r.Nit);
                HsAssert.AtOptimum(p, r, fTolerance: 1e-8, xTolerance: 1e-6, violation: 1e-9);
            }
            else if (p.Name == "HS44")
            {
                Assert.Equal(MinimizeMethod.Slsqp, r.Method);
                Assert.Contains("not positive definite", r.Message, StringComparison.Ordinal);
                HsAssert.AtOptimum(p, r, fTolerance: 1e-5, xTolerance: 1e-3, violation: 1e-6);
            }
            else
            {
                Assert.True(r.Method == MinimizeMethod.Slsqp, $"{p.Name} is not a QP but was solved by {r.Method}");
            }
        }
    }

    [Fact]
    public void QP_multipliers_agree_with_SLSQP()
    {
        foreach (string name in StrictlyConvexQps)
        {
            OptimizeResult qp = Wrappers[name](null);
            OptimizeResult slsqp = Wrappers[name](MinimizeMethod.Slsqp);
            Assert.NotNull(qp.Multipliers);
            Assert.NotNull(slsqp.Multipliers);
            Assert.Equal(slsqp.Multipliers!.Length, qp.Multipliers!.Length);
            for (int i = 0; i < qp.Multipliers.Length; i++)
            {
                Assert.True(Math.Abs(qp.Multipliers[i] - slsqp.Multipliers[i]) <= 1e-5 * (1 + Math.Abs(qp.Multipliers[i])), $"{name} row {i}: QP {qp.Multipliers[i]}, SLSQP {slsqp.Multipliers[i]}");
            }
        }
    }

    [Fact]
    public void Every_problem_is_covered()
    {
        Assert.Equal(HockSchittkowskiSuite.All.Select(p => p.Name).Order(), Wrappers.Keys.Order());
    }

    [Fact]
    public void Generated_gradients_agree_with_the_hand_written_ones()
    {
        var random = new Random(1981);
        int checkedFunctions = 0;
        foreach (Type type in typeof(HsProblem).Assembly.GetTypes().Where(t => t.Namespace == typeof(HsProblem).Namespace && t.Name.StartsWith("Hs", StringComparison.Ordinal)))
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.GetCustomAttribute<ObjectiveAttribute>() is not null || m.GetCustomAttribute<ConstraintAttribute>() is not null))
            {
                var generated = (GradientWithValue)type.GetMethod(method.Name + "Gradient")!.CreateDelegate(typeof(GradientWithValue));
                var hand = (GradientFunction)type.GetMethod(method.Name + "HandGradient")!.CreateDelegate(typeof(GradientFunction));
                var value = (ObjectiveFunction)method.CreateDelegate(typeof(ObjectiveFunction));
                int n = ((HsProblem)type.GetProperty("Problem")!.GetValue(null)!).N;
                for (int trial = 0; trial < 20; trial++)
                {
                    double[] x = Enumerable.Range(0, n).Select(_ => 0.5 + 2 * random.NextDouble()).ToArray();
                    var g = new double[n];
                    var h = new double[n];
                    double f = generated(x, g);
                    hand(x, h);
                    Assert.Equal(value(x), f, 12);
                    for (int j = 0; j < n; j++)
                    {
                        Assert.True(Math.Abs(g[j] - h[j]) <= 1e-12 * (1 + Math.Abs(h[j])), $"{type.Name}.{method.Name} ∂/∂x{j + 1}: generated {g[j]}, hand-written {h[j]}");
                    }
                }

                checkedFunctions++;
            }
        }

        Assert.True(checkedFunctions >= 21 + 40, $"only {checkedFunctions} functions checked");
    }

    private delegate double GradientWithValue(ReadOnlySpan<double> x, Span<double> gradient);
}
