namespace OptimizeGen.Tests.LeastSquares;

/// <summary>The Gauss–Newton refinement of <see cref="LeastSquaresOptions.Refine"/>: when it acts and when it must not.</summary>
public class RefinementTests
{
    // Exponential decay y = a·exp(−b·t) + c with a known minimizer: zero residuals at (a, b, c) = (2.5, 1.3, 0.5), so
    // the refined solution must reach it to rounding while the cost-based tests stop at about √ε.
    private static readonly double[] T = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6];

    private static void Decay(ReadOnlySpan<double> p, Span<double> f)
    {
        for (int i = 0; i < T.Length; i++)
        {
            f[i] = p[0] * Math.Exp(-p[1] * T[i]) + p[2] - (2.5 * Math.Exp(-1.3 * T[i]) + 0.5);
        }
    }

    private static void DecayJacobian(ReadOnlySpan<double> p, Span<double> j)
    {
        for (int i = 0; i < T.Length; i++)
        {
            double e = Math.Exp(-p[1] * T[i]);
            j[i * 3] = e;
            j[i * 3 + 1] = -p[0] * T[i] * e;
            j[i * 3 + 2] = 1;
        }
    }

    [Theory]
    [InlineData(LeastSquaresMethod.Lm)]
    [InlineData(LeastSquaresMethod.Trf)]
    [InlineData(LeastSquaresMethod.Dogbox)]
    public void Refinement_reaches_a_zero_residual_minimizer_to_rounding(LeastSquaresMethod method)
    {
        var options = new LeastSquaresOptions { Method = method, Ftol = 1e-6, Xtol = 1e-6, Gtol = 1e-6 };
        LeastSquaresResult plain = Optimize.LeastSquares(Decay, DecayJacobian, [1.0, 1.0, 0.0], T.Length, options);
        LeastSquaresResult refined = Optimize.LeastSquares(Decay, DecayJacobian, [1.0, 1.0, 0.0], T.Length, options with { Refine = true });
        Assert.True(plain.Success, plain.ToString());
        Assert.True(refined.Success, refined.ToString());
        Assert.Equal(plain.Status, refined.Status);
        Assert.Contains("Gauss–Newton", refined.Message);
        double[] truth = [2.5, 1.3, 0.5];
        for (int j = 0; j < 3; j++)
        {
            Assert.True(Math.Abs(refined.X[j] - truth[j]) <= 1e-13, $"x[{j}] = {refined.X[j]:R}");
        }

        Assert.True(refined.Cost <= plain.Cost);
        Assert.True(refined.Nfev > plain.Nfev);
        Assert.True(refined.Optimality < 1e-12, refined.ToString());
    }

    [Fact]
    public void Refinement_keeps_no_step_where_gauss_newton_does_not_contract()
    {
        // Dennis & Schnabel (1983), Example 10.2.4: f = (x + 1, λx² + x − 1) has its minimum at x = 0 for λ = −2, where
        // Gauss–Newton diverges locally (rate |λ| = 2): the refinement must leave the solver's answer unchanged.
        static void Fun(ReadOnlySpan<double> x, Span<double> f)
        {
            f[0] = x[0] + 1;
            f[1] = -2 * x[0] * x[0] + x[0] - 1;
        }

        var options = new LeastSquaresOptions { Method = LeastSquaresMethod.Lm, Xtol = 1e-6, Ftol = 1e-6 };
        LeastSquaresResult plain = Optimize.LeastSquares(Fun, [0.3], 2, options);
        LeastSquaresResult refined = Optimize.LeastSquares(Fun, [0.3], 2, options with { Refine = true });
        Assert.True(plain.Success, plain.ToString());
        Assert.Equal(plain.X[0], refined.X[0]);
        Assert.Equal(plain.Nfev, refined.Nfev);
        Assert.DoesNotContain("Gauss–Newton", refined.Message);
        Assert.True(Math.Abs(refined.X[0]) < 1e-3);
    }

    [Fact]
    public void Refinement_is_off_by_default_and_skipped_with_bounds_or_a_robust_loss()
    {
        var start = new[] { 1.0, 1.0, 0.0 };
        var loose = new LeastSquaresOptions { Ftol = 1e-6, Xtol = 1e-6, Gtol = 1e-6 };
        LeastSquaresResult byDefault = Optimize.LeastSquares(Decay, DecayJacobian, start, T.Length, loose);
        Assert.DoesNotContain("Gauss–Newton", byDefault.Message);

        var bounded = loose with { Refine = true, Bounds = new Bounds([0.0, 0.0, -10.0], [10.0, 10.0, 10.0]) };
        LeastSquaresResult withBounds = Optimize.LeastSquares(Decay, DecayJacobian, start, T.Length, bounded);
        Assert.True(withBounds.Success, withBounds.ToString());
        Assert.DoesNotContain("Gauss–Newton", withBounds.Message);

        var robust = loose with { Refine = true, Loss = LossFunction.SoftL1 };
        LeastSquaresResult withLoss = Optimize.LeastSquares(Decay, DecayJacobian, start, T.Length, robust);
        Assert.True(withLoss.Success, withLoss.ToString());
        Assert.DoesNotContain("Gauss–Newton", withLoss.Message);
    }

    [Fact]
    public void A_non_positive_step_limit_throws_naming_the_option()
    {
        var options = new LeastSquaresOptions { Refine = true, MaxRefinementSteps = 0 };
        var e = Assert.ThrowsAny<ArgumentException>(() => Optimize.LeastSquares(Decay, DecayJacobian, [1.0, 1.0, 0.0], T.Length, options));
        Assert.Contains("MaxRefinementSteps", e.Message + e.ParamName);
    }
}
