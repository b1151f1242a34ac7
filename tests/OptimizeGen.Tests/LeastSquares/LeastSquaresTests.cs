namespace OptimizeGen.Tests.LeastSquares;

public class LeastSquaresTests
{
    // Rosenbrock as residuals: f = (10(x₁ − x₀²), 1 − x₀); minimum 0 at (1, 1).
    private static void Rosenbrock(ReadOnlySpan<double> x, Span<double> f)
    {
        f[0] = 10 * (x[1] - x[0] * x[0]);
        f[1] = 1 - x[0];
    }

    private static void RosenbrockJacobian(ReadOnlySpan<double> x, Span<double> j)
    {
        j[0] = -20 * x[0];
        j[1] = 10;
        j[2] = -1;
        j[3] = 0;
    }

    public static TheoryData<LeastSquaresMethod> Methods() => [LeastSquaresMethod.Trf, LeastSquaresMethod.Dogbox, LeastSquaresMethod.Lm];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Rosenbrock_is_solved_by_every_method_with_finite_differences_and_with_the_jacobian(LeastSquaresMethod method)
    {
        var options = new LeastSquaresOptions { Method = method };
        LeastSquaresResult fd = Optimize.LeastSquares(Rosenbrock, [-1.2, 1.0], 2, options);
        LeastSquaresResult exact = Optimize.LeastSquares(Rosenbrock, RosenbrockJacobian, [-1.2, 1.0], 2, options);
        foreach (var r in new[] { fd, exact })
        {
            Assert.True(r.Success, r.ToString());
            Assert.Equal(1.0, r.X[0], 1e-7);
            Assert.Equal(1.0, r.X[1], 1e-7);
            Assert.True(r.Cost < 1e-14, r.ToString());
            Assert.Equal(method, r.Method);
            Assert.Equal(2, r.Fun.Length);
            Assert.Equal(2, r.Jac.GetLength(0));
        }

        Assert.True(exact.Njev > 0);
    }

    [Theory]
    [InlineData(LeastSquaresMethod.Trf)]
    [InlineData(LeastSquaresMethod.Dogbox)]
    public void Bounded_rosenbrock_matches_scipys_documented_solution(LeastSquaresMethod method)
    {
        // scipy.optimize.least_squares docs: bounds=([-inf, 1.5], inf) gives x = [1.22437075, 1.5], active_mask [0, -1].
        var options = new LeastSquaresOptions
        {
            Method = method,
            Bounds = new Bounds([double.NegativeInfinity, 1.5], [double.PositiveInfinity, double.PositiveInfinity]),
        };
        LeastSquaresResult r = Optimize.LeastSquares(Rosenbrock, [2.0, 2.0], 2, options);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(1.22437075, r.X[0], 1e-7);
        Assert.Equal(1.5, r.X[1], 1e-9);
        Assert.Equal([0, -1], r.ActiveMask);
        Assert.True(r.X[1] >= 1.5);
    }

    [Fact]
    public void The_levenberg_marquardt_method_reaches_minpacks_published_minimum_of_jennrich_sampson()
    {
        // Moré, Garbow, Hillstrom (1981), problem 6 with m = 10: ‖f‖² = 124.362 at x ≈ (0.2578, 0.2578).
        void Fun(ReadOnlySpan<double> x, Span<double> f)
        {
            for (int i = 1; i <= 10; i++)
            {
                f[i - 1] = 2 + 2 * i - (Math.Exp(i * x[0]) + Math.Exp(i * x[1]));
            }
        }

        LeastSquaresResult r = Optimize.LeastSquares(Fun, [0.3, 0.4], 10, new LeastSquaresOptions { Method = LeastSquaresMethod.Lm });
        Assert.True(r.Success, r.ToString());
        Assert.Equal(124.362, 2 * r.Cost, 1e-3);
        Assert.Equal(0.2578, r.X[0], 1e-4);
        Assert.Equal(0.2578, r.X[1], 1e-4);
    }

    [Fact]
    public void The_levenberg_marquardt_method_solves_a_rank_deficient_linear_problem()
    {
        // f = A x − b with A's columns 1 and 2 equal: the minimum ‖f‖ is reached on a line; lmpar's singular branch.
        void Fun(ReadOnlySpan<double> x, Span<double> f)
        {
            for (int i = 0; i < 5; i++)
            {
                f[i] = (i + 1) * (x[0] + x[1]) + x[2] - (2.0 * i + 3.0);
            }
        }

        LeastSquaresResult r = Optimize.LeastSquares(Fun, [0.0, 0.0, 0.0], 5, new LeastSquaresOptions { Method = LeastSquaresMethod.Lm });
        Assert.True(r.Success, r.ToString());
        Assert.Equal(2.0, r.X[0] + r.X[1], 1e-8);
        Assert.Equal(1.0, r.X[2], 1e-8);
    }

    [Theory]
    [InlineData(LossFunction.SoftL1)]
    [InlineData(LossFunction.Huber)]
    [InlineData(LossFunction.Cauchy)]
    [InlineData(LossFunction.Arctan)]
    public void Robust_losses_resist_outliers_that_pull_the_linear_loss_away(LossFunction loss)
    {
        // y = 1 + 2x exactly, with three gross outliers.
        double[] x = Enumerable.Range(0, 30).Select(i => i / 3.0).ToArray();
        double[] y = x.Select(v => 1 + 2 * v).ToArray();
        y[5] += 30;
        y[17] -= 25;
        y[23] += 40;
        void Fun(ReadOnlySpan<double> p, Span<double> f)
        {
            for (int i = 0; i < x.Length; i++)
            {
                f[i] = p[0] + p[1] * x[i] - y[i];
            }
        }

        LeastSquaresResult linear = Optimize.LeastSquares(Fun, [0.0, 0.0], x.Length);
        LeastSquaresResult robust = Optimize.LeastSquares(Fun, [0.0, 0.0], x.Length, new LeastSquaresOptions { Loss = loss, FScale = 0.1 });
        Assert.True(robust.Success, robust.ToString());
        double linearError = Math.Abs(linear.X[0] - 1) + Math.Abs(linear.X[1] - 2);
        double robustError = Math.Abs(robust.X[0] - 1) + Math.Abs(robust.X[1] - 2);
        Assert.True(linearError > 0.5, $"linear error {linearError}");
        Assert.True(robustError < 0.02, $"{loss} error {robustError}");

        // The reported cost is ½ C² Σ ρ((fᵢ/C)²), computed here from ρ's closed form.
        double c = 0.1;
        double expected = 0;
        foreach (double fi in robust.Fun)
        {
            double z = fi * fi / (c * c);
            expected += loss switch
            {
                LossFunction.SoftL1 => 2 * (Math.Sqrt(1 + z) - 1),
                LossFunction.Huber => z <= 1 ? z : 2 * Math.Sqrt(z) - 1,
                LossFunction.Cauchy => Math.Log(1 + z),
                _ => Math.Atan(z),
            };
        }

        Assert.Equal(0.5 * c * c * expected, robust.Cost, 1e-10);
    }

    [Theory]
    [InlineData(LossFunction.SoftL1)]
    [InlineData(LossFunction.Huber)]
    [InlineData(LossFunction.Cauchy)]
    [InlineData(LossFunction.Arctan)]
    public void Loss_derivatives_match_finite_differences_of_the_loss(LossFunction loss)
    {
        foreach (double z in new[] { 0.01, 0.5, 0.9, 1.7, 12.0 })
        {
            var (_, r1, r2) = OptimizeGen.LeastSquaresInternals.RobustLoss.Evaluate(loss, z);
            double h = 1e-6;
            var (p, _, _) = OptimizeGen.LeastSquaresInternals.RobustLoss.Evaluate(loss, z + h);
            var (m, _, _) = OptimizeGen.LeastSquaresInternals.RobustLoss.Evaluate(loss, z - h);
            var (_, p1, _) = OptimizeGen.LeastSquaresInternals.RobustLoss.Evaluate(loss, z + h);
            var (_, m1, _) = OptimizeGen.LeastSquaresInternals.RobustLoss.Evaluate(loss, z - h);
            Assert.Equal((p - m) / (2 * h), r1, 1e-6);
            Assert.Equal((p1 - m1) / (2 * h), r2, 1e-5);
        }
    }

    [Fact]
    public void The_evaluation_limit_gives_a_failure_with_a_reason_not_an_exception()
    {
        LeastSquaresResult r = Optimize.LeastSquares(Rosenbrock, [-1.2, 1.0], 2, new LeastSquaresOptions { MaxNfev = 3 });
        Assert.False(r.Success);
        Assert.Equal(LeastSquaresStatus.MaxFunctionEvaluations, r.Status);
        Assert.Contains("function evaluations", r.Message);
    }

    [Fact]
    public void Misuse_throws_naming_the_parameter()
    {
        Assert.Equal("x0", Assert.Throws<ArgumentException>(() => Optimize.LeastSquares(Rosenbrock, [double.NaN, 1.0], 2)).ParamName);
        Assert.Equal("m", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.LeastSquares(Rosenbrock, [1.0, 1.0], 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => Optimize.LeastSquares((VectorFunction)null!, [1.0], 1));
        var bounds = new Bounds([0.0, 0.0], [1.0, 1.0]);
        Assert.Equal("x0", Assert.Throws<ArgumentException>(() => Optimize.LeastSquares(Rosenbrock, [2.0, 0.5], 2, new LeastSquaresOptions { Bounds = bounds })).ParamName);
        Assert.Throws<ArgumentException>(() => Optimize.LeastSquares(Rosenbrock, [0.5, 0.5], 2, new LeastSquaresOptions { Bounds = bounds, Method = LeastSquaresMethod.Lm }));
        Assert.Throws<ArgumentException>(() => Optimize.LeastSquares(Rosenbrock, [0.5, 0.5], 2, new LeastSquaresOptions { Loss = LossFunction.Huber, Method = LeastSquaresMethod.Lm }));
        Assert.Throws<ArgumentException>(() => Optimize.LeastSquares(Rosenbrock, [0.5, 0.5], 1, new LeastSquaresOptions { Method = LeastSquaresMethod.Lm }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.LeastSquares(Rosenbrock, [0.5, 0.5], 2, new LeastSquaresOptions { Ftol = -1 }));
    }

    [Fact]
    public void Non_finite_residuals_at_the_start_are_reported()
    {
        void Fun(ReadOnlySpan<double> x, Span<double> f)
        {
            f[0] = Math.Log(x[0]);
            f[1] = x[0];
        }

        foreach (var method in new[] { LeastSquaresMethod.Trf, LeastSquaresMethod.Dogbox, LeastSquaresMethod.Lm })
        {
            LeastSquaresResult r = Optimize.LeastSquares(Fun, [-1.0], 2, new LeastSquaresOptions { Method = method });
            Assert.False(r.Success);
            Assert.Equal(LeastSquaresStatus.NotFinite, r.Status);
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Jacobian_scaling_solves_a_badly_scaled_problem(LeastSquaresMethod method)
    {
        // Residuals of very different scales in the two variables: fᵢ = 1e6·x₀·tᵢ + 1e-3·x₁ − yᵢ.
        double[] t = [1, 2, 3, 4, 5];
        double[] y = t.Select(v => 1e6 * 2e-6 * v + 1e-3 * 3000).ToArray();
        void Fun(ReadOnlySpan<double> x, Span<double> f)
        {
            for (int i = 0; i < t.Length; i++)
            {
                f[i] = 1e6 * x[0] * t[i] + 1e-3 * x[1] - y[i];
            }
        }

        LeastSquaresResult r = Optimize.LeastSquares(Fun, [0.0, 0.0], t.Length, new LeastSquaresOptions { Method = method, XScale = XScale.Jac, Ftol = 1e-12, Xtol = 1e-12, Gtol = 1e-12 });
        Assert.True(r.Success, r.ToString());
        Assert.Equal(2e-6, r.X[0], 1e-12);
        Assert.Equal(3000, r.X[1], 1e-4);
    }
}
