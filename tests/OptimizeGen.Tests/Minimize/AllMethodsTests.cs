using OptimizeGen.TestProblems.Mgh;

namespace OptimizeGen.Tests.Minimize;

/// <summary>
/// Every unconstrained method of <c>Optimize.Minimize</c> on Rosenbrock (MGH problem 1: f* = 0 at (1, 1)), with exact
/// derivatives and with finite differences, and the per-iteration controls (callback, progress, cancellation, time
/// limit) that every method must honour.
/// </summary>
public class AllMethodsTests
{
    public static TheoryData<MinimizeMethod> Methods =>
    [
        MinimizeMethod.NelderMead, MinimizeMethod.Powell, MinimizeMethod.CG, MinimizeMethod.Bfgs, MinimizeMethod.LBfgsB,
        MinimizeMethod.Tnc, MinimizeMethod.NewtonCG, MinimizeMethod.TrustNcg, MinimizeMethod.TrustKrylov,
        MinimizeMethod.TrustExact, MinimizeMethod.Dogleg,
    ];

    public static TheoryData<MinimizeMethod> BoundedMethods =>
        [MinimizeMethod.NelderMead, MinimizeMethod.Powell, MinimizeMethod.LBfgsB, MinimizeMethod.Tnc];

    private static MinimizeOptions? RoomFor(MinimizeMethod method) => method switch
    {
        // scipy's TNC default maxfun = max(100, 10n) = 100 is too few for Rosenbrock from (−1.2, 1) (scipy's own TNC
        // needs about 130 evaluations there too).
        MinimizeMethod.Tnc => new TncOptions { MaxFun = 1000 },
        _ => null,
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Rosenbrock_with_exact_derivatives(MinimizeMethod method)
    {
        var r = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], method, options: RoomFor(method));
        Assert.True(r.Success, r.ToString());
        Assert.Equal(method, r.Method);
        double tol = method is MinimizeMethod.NelderMead ? 1e-3 : 1e-4;
        Assert.Equal(1.0, r.X[0], tol);
        Assert.Equal(1.0, r.X[1], 2 * tol);
        Assert.True(r.Fun < 1e-7, r.ToString());
        Assert.True(r.Nit > 0 && r.Nfev > 0);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Rosenbrock_with_finite_differences(MinimizeMethod method)
    {
        ObjectiveFunction f = x => 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]);
        var r = Optimize.Minimize(f, [-1.2, 1.0], method: method, options: RoomFor(method));
        Assert.True(r.Success, r.ToString());
        Assert.Equal(1.0, r.X[0], 1e-3);
        Assert.Equal(1.0, r.X[1], 2e-3);
    }

    [Theory]
    [InlineData(MinimizeMethod.NelderMead)]
    [InlineData(MinimizeMethod.LBfgsB)]
    [InlineData(MinimizeMethod.Tnc)]
    public void Active_upper_bound_on_rosenbrock(MinimizeMethod method)
    {
        // x0 ≤ 0.5, x1 free: the constrained minimum is (0.5, 0.25) with f = 0.25 and ∂f/∂x0 = −1 against the bound.
        // Not Powell: its bounded line searches (fminbound over the whole feasible step interval, as scipy's) stall
        // in the curved valley; scipy 1.10 itself stops at (−0.458, 0.222), f = 2.14, from this start.
        var bounds = new Bounds([-2.0, -2.0], [0.5, 2.0]);
        var r = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], method, bounds, RoomFor(method));
        Assert.True(r.Success, r.ToString());
        Assert.True(bounds.Contains(r.X), r.ToString());
        Assert.Equal(0.5, r.X[0], 1e-3);
        Assert.Equal(0.25, r.X[1], 2e-3);
        Assert.Equal(0.25, r.Fun, 1e-4);
    }

    [Theory]
    [MemberData(nameof(BoundedMethods))]
    public void Active_bounds_on_a_coupled_quadratic(MinimizeMethod method)
    {
        // f = Σ (xᵢ − cᵢ)² + 0.5 Σ (xᵢ − xᵢ₊₁)² on [−1, 1]⁴ with c = (3, −2, 0.2, 2); the KKT point is found by hand below.
        double[] c = [3, -2, 0.2, 2];
        ObjectiveFunction f = x =>
        {
            double s = 0;
            for (int i = 0; i < 4; i++)
            {
                s += (x[i] - c[i]) * (x[i] - c[i]);
            }

            for (int i = 0; i < 3; i++)
            {
                s += 0.5 * (x[i] - x[i + 1]) * (x[i] - x[i + 1]);
            }

            return s;
        };
        // With x₀ = 1 and x₃ = 1 at their upper bounds, x₁, x₂ solve
        //   2(x₁ + 2) + (x₁ − 1) + (x₁ − x₂) = 0  → 4x₁ − x₂ = −3
        //   2(x₂ − 0.2) + (x₂ − x₁) + (x₂ − 1) = 0 → −x₁ + 4x₂ = 1.4
        // so x₁ = (−12 + 1.4)/15 = −0.70667, x₂ = (5.6 − 3)/15 = 0.17333; both inside [−1, 1], and the bound
        // multipliers ∂f/∂x₀ = 2(1 − 3) + (1 − x₁) = −2.29 &lt; 0, ∂f/∂x₃ = 2(1 − 2) + (1 − x₂) = −1.17 &lt; 0 push outward.
        double x1 = (-12 + 1.4) / 15, x2 = (5.6 - 3) / 15;
        var bounds = Bounds.All(-1, 1);
        var options = method switch
        {
            MinimizeMethod.NelderMead => new NelderMeadOptions { Xatol = 1e-8, Fatol = 1e-12, MaxFev = 20000 },
            MinimizeMethod.Powell => new PowellOptions { Xtol = 1e-8, Ftol = 1e-12 },
            _ => RoomFor(method),
        };
        // From x0 = 0.5 (from x0 = 0 the clipped Nelder-Mead simplex collapses onto x₁ = −1 and Powell stalls at
        // x₁ = −0.7137 — exactly where scipy 1.10 stops too, with the same options).
        var r = Optimize.Minimize(f, [0.5, 0.5, 0.5, 0.5], method: method, bounds: bounds, options: options);
        Assert.True(r.Success, r.ToString());
        Assert.True(bounds.Contains(r.X), r.ToString());
        Assert.Equal(1.0, r.X[0], 1e-5);
        Assert.Equal(x1, r.X[1], 1e-5);
        Assert.Equal(x2, r.X[2], 1e-5);
        Assert.Equal(1.0, r.X[3], 1e-5);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Callback_returning_true_stops_without_claiming_success(MinimizeMethod method)
    {
        int calls = 0;
        var progress = new List<int>();
        var options = WithControls(method, new MinimizeOptions
        {
            Callback = it =>
            {
                calls++;
                Assert.Equal(2, it.X.Length);
                return it.Iteration >= 3;
            },
        });
        var r = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], method, options: options);
        Assert.Equal(OptimizeStatus.StoppedByCallback, r.Status);
        Assert.False(r.Success);
        Assert.Equal(3, calls);
        Assert.Equal(3, r.Nit);
        Assert.Contains("callback", r.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Progress_reports_every_iteration(MinimizeMethod method)
    {
        var sink = new ListProgress();
        var r = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], method, options: WithControls(method, new MinimizeOptions { Progress = sink }));
        Assert.True(r.Success, r.ToString());
        Assert.Equal(r.Nit, sink.Items.Count);
        Assert.Equal(Enumerable.Range(1, r.Nit), sink.Items.Select(i => i.Iteration));
        Assert.Equal(r.Fun, sink.Items[^1].Fun);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Cancelled_token_stops_with_cancelled(MinimizeMethod method)
    {
        using var cts = new CancellationTokenSource();
        var options = WithControls(method, new MinimizeOptions
        {
            CancellationToken = cts.Token,
            Callback = it =>
            {
                if (it.Iteration == 2)
                {
                    cts.Cancel();
                }

                return false;
            },
        });
        var r = Optimize.Minimize(new ExtendedRosenbrock(2), [-1.2, 1.0], method, options: options);
        Assert.Equal(OptimizeStatus.Cancelled, r.Status);
        Assert.False(r.Success);
        Assert.Equal(2, r.Nit);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Time_limit_stops_a_slow_objective(MinimizeMethod method)
    {
        // Each evaluation sleeps 2 ms; a 30 ms limit leaves only a few iterations.
        ObjectiveFunction slow = x =>
        {
            Thread.Sleep(2);
            return 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]) + (1 - x[0]) * (1 - x[0]);
        };
        var options = WithControls(method, new MinimizeOptions { TimeLimit = TimeSpan.FromMilliseconds(30) });
        var r = Optimize.Minimize(slow, [-1.2, 1.0], method: method, options: options);
        Assert.Equal(OptimizeStatus.TimeLimitReached, r.Status);
        Assert.False(r.Success);
        Assert.True(r.Elapsed < TimeSpan.FromSeconds(2), r.ToString());
        Assert.Contains("time limit", r.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void NaN_region_is_backed_off_from(MinimizeMethod method)
    {
        // Rosenbrock, but NaN wherever |x0| > 1.6 or |x1| > 2.2: the first steps of most methods overshoot into it.
        var inner = new ExtendedRosenbrock(2);
        var fenced = new FencedObjective(inner, 1.6, 2.2);
        var r = Optimize.Minimize(fenced, [-1.2, 1.0], method, options: RoomFor(method));
        Assert.True(r.Success, r.ToString());
        Assert.Equal(1.0, r.X[0], 1e-3);
        Assert.True(double.IsFinite(r.Fun));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void NaN_everywhere_but_the_start_is_reported_not_hidden(MinimizeMethod method)
    {
        double[] x0 = [-1.2, 1.0];
        var inner = new ExtendedRosenbrock(2);
        var spike = new FencedObjective(inner, 1.2, 1.0, exactOnly: x0);
        var r = Optimize.Minimize(spike, x0, method);
        Assert.False(r.Success, r.ToString());
        Assert.True(double.IsFinite(r.Fun), r.ToString());
        Assert.Equal(x0, r.X);
        Assert.False(string.IsNullOrWhiteSpace(r.Message));
    }

    private static MinimizeOptions WithControls(MinimizeMethod method, MinimizeOptions controls) => RoomFor(method) switch
    {
        TncOptions t => t with { Callback = controls.Callback, Progress = controls.Progress, CancellationToken = controls.CancellationToken, TimeLimit = controls.TimeLimit },
        _ => controls,
    };

    private sealed class ListProgress : IProgress<OptimizeIteration>
    {
        public List<OptimizeIteration> Items { get; } = [];

        public void Report(OptimizeIteration value) => Items.Add(value with { X = value.X.ToArray() });
    }

    /// <summary>An objective that is NaN outside a box (or everywhere except one point), gradient and products too.</summary>
    private sealed class FencedObjective(ExtendedRosenbrock inner, double r0, double r1, double[]? exactOnly = null) : IHessianVectorObjective
    {
        public int Dimension => 2;

        private bool Outside(ReadOnlySpan<double> x) =>
            exactOnly is not null ? !(x[0] == exactOnly[0] && x[1] == exactOnly[1]) : Math.Abs(x[0]) > r0 || Math.Abs(x[1]) > r1;

        public double Value(ReadOnlySpan<double> x) => Outside(x) ? double.NaN : inner.Value(x);

        public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
        {
            double f = inner.ValueAndGradient(x, gradient);
            if (Outside(x))
            {
                gradient.Fill(double.NaN);
                return double.NaN;
            }

            return f;
        }

        public double HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> gradient, Span<double> product)
        {
            double f = inner.HessianVectorProduct(x, v, gradient, product);
            if (Outside(x))
            {
                gradient.Fill(double.NaN);
                product.Fill(double.NaN);
                return double.NaN;
            }

            return f;
        }
    }
}
