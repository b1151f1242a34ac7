namespace OptimizeGen.Tests.Roots;

/// <summary>Optimize.RootScalar on functions whose roots are known in closed form (or to published digits).</summary>
public class RootScalarTests
{
    public static TheoryData<string> Problems()
    {
        var data = new TheoryData<string>();
        foreach (var p in Catalog)
        {
            data.Add(p.Name);
        }

        return data;
    }

    /// <summary>A test function with its derivatives, a bracket, a start, and its root.</summary>
    private sealed record Problem(string Name, Func<double, double> F, Func<double, double> D1, Func<double, double> D2, double A, double B, double X0, double Root);

    private static readonly Problem[] Catalog =
    [
        // Wallis' cubic: the root 2.0945514815423265… (Wallis 1685; Newton's own example).
        new("wallis", x => (x * x - 2) * x - 5, x => 3 * x * x - 2, x => 6 * x, 2, 3, 2, 2.0945514815423265),
        new("sqrt2", x => x * x - 2, x => 2 * x, _ => 2, 0, 2, 1, Math.Sqrt(2)),
        new("dottie", x => Math.Cos(x) - x, x => -Math.Sin(x) - 1, x => -Math.Cos(x), 0, 1, 0.5, 0.73908513321516064166),
        new("ln2", x => Math.Exp(x) - 2, Math.Exp, Math.Exp, -1, 3, 0, Math.Log(2)),
        new("pi", Math.Sin, Math.Cos, x => -Math.Sin(x), 3, 4, 3, Math.PI),
        // Alefeld–Potra–Shi (1995) test function x·e^(−n) − 2x e^(−nx) ... here its simple member x e^x − 1 (omega constant).
        new("omega", x => x * Math.Exp(x) - 1, x => (x + 1) * Math.Exp(x), x => (x + 2) * Math.Exp(x), 0, 1, 1, 0.56714329040978387300),
        // A steep one: x²⁰ − 1 on [0, 5] (root 1).
        new("x20", x => Math.Pow(x, 20) - 1, x => 20 * Math.Pow(x, 19), x => 380 * Math.Pow(x, 18), 0, 5, 1.5, 1),
        // Kepler's equation E − e·sin E = M with e = 0.5, M = 1: checked by substitution below (no closed form).
        new("kepler", x => x - 0.5 * Math.Sin(x) - 1, x => 1 - 0.5 * Math.Cos(x), x => 0.5 * Math.Sin(x), 0, 3, 1, double.NaN),
    ];

    private static Problem Get(string name) => Catalog.First(p => p.Name == name);

    private static void AssertRoot(Problem p, RootScalarResult r, double tol)
    {
        Assert.True(r.Success, $"{p.Name}: {r}");
        if (double.IsNaN(p.Root))
        {
            Assert.True(Math.Abs(p.F(r.Root)) <= tol, $"{p.Name}: f({r.Root}) = {p.F(r.Root)}");
        }
        else
        {
            Assert.Equal(p.Root, r.Root, tol);
        }

        Assert.True(r.FunctionCalls > 0 && r.Iterations >= 0);
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Bracketing_methods_find_the_root(string name)
    {
        var p = Get(name);
        foreach (var method in new[] { RootScalarMethod.Brentq, RootScalarMethod.Brenth, RootScalarMethod.Ridder, RootScalarMethod.Bisect, RootScalarMethod.Toms748 })
        {
            var r = Optimize.RootScalar(p.F, (p.A, p.B), method);
            Assert.Equal(method, r.Method);
            // Default xtol = 2e-12, rtol = 4ε: the bracket closes to about that width.
            AssertRoot(p, r, 4e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Problems))]
    public void Open_methods_find_the_root(string name)
    {
        var p = Get(name);
        var options = new RootScalarOptions { Xtol = 1e-12 };
        AssertRoot(p, Optimize.RootScalar(p.F, p.X0, p.D1, options: options), 1e-11);
        AssertRoot(p, Optimize.RootScalar(p.F, p.X0, p.D1, p.D2, options: options), 1e-11);
        AssertRoot(p, Optimize.RootScalar(p.F, p.X0, method: RootScalarMethod.Secant, options: options), 1e-11);
    }

    [Fact]
    public void Scipy_picks_the_open_method_from_the_derivatives_given()
    {
        var p = Get("wallis");
        Assert.Equal(RootScalarMethod.Halley, Optimize.RootScalar(p.F, 2.0, p.D1, p.D2).Method);
        Assert.Equal(RootScalarMethod.Newton, Optimize.RootScalar(p.F, 2.0, p.D1).Method);
        Assert.Equal(RootScalarMethod.Secant, Optimize.RootScalar(p.F, 2.0).Method);
        Assert.Equal(RootScalarMethod.Brentq, Optimize.RootScalar(p.F, (2.0, 3.0)).Method);
    }

    [Fact]
    public void Faster_methods_need_fewer_evaluations_than_bisection()
    {
        var p = Get("wallis");
        int bisect = Optimize.RootScalar(p.F, (p.A, p.B), RootScalarMethod.Bisect).FunctionCalls;
        foreach (var method in new[] { RootScalarMethod.Brentq, RootScalarMethod.Brenth, RootScalarMethod.Ridder, RootScalarMethod.Toms748 })
        {
            var r = Optimize.RootScalar(p.F, (p.A, p.B), method);
            Assert.True(r.FunctionCalls < bisect / 2, $"{method}: {r.FunctionCalls} calls against bisection's {bisect}");
        }

        // Bisection halves [2, 3] until the half-width is below 2e-12 + 4ε·x: 39 halvings (and the two end evaluations).
        Assert.Equal(41, bisect);
    }

    [Fact]
    public void Halley_converges_in_fewer_iterations_than_newton()
    {
        var p = Get("x20");
        var newton = Optimize.RootScalar(p.F, 1.5, p.D1, options: new RootScalarOptions { Xtol = 1e-13 });
        var halley = Optimize.RootScalar(p.F, 1.5, p.D1, p.D2, options: new RootScalarOptions { Xtol = 1e-13 });
        Assert.True(newton.Success && halley.Success);
        Assert.True(halley.Iterations < newton.Iterations, $"halley {halley.Iterations}, newton {newton.Iterations}");
    }

    [Fact]
    public void Root_at_an_end_of_the_bracket_is_returned_at_once()
    {
        var r = Optimize.RootScalar(x => x - 1, (1.0, 3.0), RootScalarMethod.Toms748);
        Assert.True(r.Success);
        Assert.Equal(1.0, r.Root);
        Assert.Equal(2, r.FunctionCalls);
    }

    [Fact]
    public void Reversed_bracket_is_accepted()
    {
        var r = Optimize.RootScalar(x => x * x - 2, (2.0, 0.0));
        Assert.Equal(Math.Sqrt(2), r.Root, 1e-11);
    }

    [Fact]
    public void Triple_root_is_found_by_ridder_bisect_and_toms748_while_brent_runs_out_of_iterations_as_in_scipy()
    {
        foreach (var method in new[] { RootScalarMethod.Ridder, RootScalarMethod.Bisect, RootScalarMethod.Toms748 })
        {
            var r = Optimize.RootScalar(x => Math.Pow(x - 1, 3), (0.0, 3.5), method);
            Assert.True(r.Success, $"{method}: {r}");
            Assert.Equal(1.0, r.Root, 1e-11);
        }

        // Brent's interpolation steps shrink to the tolerance δ near a triple root, so the bracket closes slowly; with scipy's
        // maxiter = 100 both brentq and brenth stop unconverged (scipy 1.10.1 returns the same estimate, 0.999999999901552 for
        // brentq, after 100 iterations and 102 calls) — and say so.
        foreach (var method in new[] { RootScalarMethod.Brentq, RootScalarMethod.Brenth })
        {
            var r = Optimize.RootScalar(x => Math.Pow(x - 1, 3), (0.0, 3.5), method);
            Assert.False(r.Success);
            Assert.Equal(RootScalarStatus.MaxIterationsReached, r.Status);
            Assert.Equal(1.0, r.Root, 1e-9);
            var more = Optimize.RootScalar(x => Math.Pow(x - 1, 3), (0.0, 3.5), method, new RootScalarOptions { MaxIter = 2000 });
            Assert.True(more.Success, $"{method}: {more}");
        }
    }

    [Fact]
    public void Evaluation_counts_match_scipy_on_wallis_cubic()
    {
        // scipy 1.10.1 root_scalar(lambda x: x**3 - 2*x - 5, bracket=[2, 3], method=…).function_calls (run by hand, see docs/roots.md).
        var expected = new Dictionary<RootScalarMethod, int>
        {
            [RootScalarMethod.Brentq] = 8,
            [RootScalarMethod.Brenth] = 8,
            [RootScalarMethod.Ridder] = 14,
            [RootScalarMethod.Bisect] = 41,
            [RootScalarMethod.Toms748] = 11,
        };
        foreach (var (method, calls) in expected)
        {
            var r = Optimize.RootScalar(x => (x * x - 2) * x - 5, (2.0, 3.0), method);
            Assert.True(r.Success);
            Assert.True(r.FunctionCalls <= calls, $"{method}: {r.FunctionCalls} calls against scipy's {calls}");
        }
    }

    [Fact]
    public void Bracket_without_sign_change_throws_naming_the_bracket()
    {
        var e = Assert.Throws<ArgumentException>(() => Optimize.RootScalar(x => x * x + 1, (-1.0, 1.0)));
        Assert.Equal("bracket", e.ParamName);
        Assert.Contains("same sign", e.Message);
        Assert.Equal("bracket", Assert.Throws<ArgumentException>(() => Optimize.RootScalar(x => x, (1.0, 1.0))).ParamName);
        Assert.Equal("bracket", Assert.Throws<ArgumentException>(() => Optimize.RootScalar(x => x, (double.NegativeInfinity, 1.0))).ParamName);
        Assert.Equal("bracket", Assert.Throws<ArgumentException>(() => Optimize.RootScalar(Math.Sqrt, (-1.0, 1.0))).ParamName);
    }

    [Fact]
    public void Misuse_throws_naming_the_parameter()
    {
        Func<double, double> f = x => x - 1;
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => Optimize.RootScalar(null!, (0.0, 2.0))).ParamName);
        Assert.Equal("fprime", Assert.Throws<ArgumentException>(() => Optimize.RootScalar(f, 0.0, method: RootScalarMethod.Newton)).ParamName);
        Assert.Equal("fprime2", Assert.Throws<ArgumentException>(() => Optimize.RootScalar(f, 0.0, _ => 1, method: RootScalarMethod.Halley)).ParamName);
        Assert.Equal("method", Assert.Throws<ArgumentException>(() => Optimize.RootScalar(f, 0.0, method: RootScalarMethod.Brentq)).ParamName);
        Assert.Equal("method", Assert.Throws<ArgumentException>(() => Optimize.RootScalar(f, (0.0, 2.0), RootScalarMethod.Newton)).ParamName);
        Assert.Equal("x0", Assert.Throws<ArgumentException>(() => Optimize.RootScalar(f, double.NaN)).ParamName);
        Assert.Equal("Xtol", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.RootScalar(f, (0.0, 2.0), options: new RootScalarOptions { Xtol = 0 })).ParamName);
        Assert.Equal("Rtol", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.RootScalar(f, (0.0, 2.0), options: new RootScalarOptions { Rtol = 1e-20 })).ParamName);
        Assert.Equal("MaxIter", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.RootScalar(f, 0.0, options: new RootScalarOptions { MaxIter = 0 })).ParamName);
    }

    [Fact]
    public void Zero_derivative_is_a_result_not_an_exception()
    {
        var r = Optimize.RootScalar(x => x * x + 1, 0.0, x => 2 * x);
        Assert.False(r.Success);
        Assert.Equal(RootScalarStatus.ZeroDerivative, r.Status);
    }

    [Fact]
    public void Iteration_limit_is_reported()
    {
        var r = Optimize.RootScalar(x => x * x - 2, (0.0, 2.0), RootScalarMethod.Bisect, new RootScalarOptions { MaxIter = 5 });
        Assert.False(r.Success);
        Assert.Equal(RootScalarStatus.MaxIterationsReached, r.Status);
        var n = Optimize.RootScalar(x => Math.Atan(x), 2.0, x => 1 / (1 + x * x));  // Newton diverges on atan from |x0| > 1.39
        Assert.False(n.Success);
    }

    [Fact]
    public void Flat_secant_is_reported()
    {
        var r = Optimize.RootScalar(_ => 1.0, 0.0, x1: 1.0);
        Assert.False(r.Success);
        Assert.Equal(RootScalarStatus.FlatSecant, r.Status);
    }

    [Fact]
    public void Objective_objects_supply_their_derivatives()
    {
        // f(x) = x³ − 2x − 5 as an object with gradient and Hessian-vector product, the shape of a generated [Objective].
        var wallis = new WallisObjective();
        var newton = Optimize.RootScalar(wallis, 2.0);
        var halley = Optimize.RootScalar(wallis, 2.0, RootScalarMethod.Halley);
        Assert.Equal(RootScalarMethod.Newton, newton.Method);
        Assert.Equal(2.0945514815423265, newton.Root, 1e-9);
        Assert.Equal(2.0945514815423265, halley.Root, 1e-9);
        Assert.Equal("f", Assert.Throws<ArgumentException>(() => Optimize.RootScalar(new TwoVariables(), 1.0)).ParamName);
    }

    [Fact]
    public void One_equation_systems_supply_their_jacobian_as_the_derivative()
    {
        var wallis = new WallisEquation();
        var newton = Optimize.RootScalar(wallis, 2.0);
        Assert.Equal(RootScalarMethod.Newton, newton.Method);
        Assert.Equal(2.0945514815423265, newton.Root, 1e-9);
        var secant = Optimize.RootScalar(wallis, 2.0, RootScalarMethod.Secant);
        Assert.Equal(2.0945514815423265, secant.Root, 1e-9);
        Assert.Equal("method", Assert.Throws<ArgumentException>(() => Optimize.RootScalar(wallis, 2.0, RootScalarMethod.Halley)).ParamName);
        Assert.Equal("f", Assert.Throws<ArgumentException>(() => Optimize.RootScalar(new OptimizeGen.TestProblems.Minpack.MinpackSystem(2, (_, _) => { }, (_, _) => { }), 1.0)).ParamName);
    }

    private sealed class WallisEquation : IJacobianFunction
    {
        public int InputDimension => 1;

        public int OutputDimension => 1;

        public void Evaluate(ReadOnlySpan<double> x, Span<double> f) => f[0] = (x[0] * x[0] - 2) * x[0] - 5;

        public void EvaluateWithJacobian(ReadOnlySpan<double> x, Span<double> f, Span<double> jacobian)
        {
            Evaluate(x, f);
            jacobian[0] = 3 * x[0] * x[0] - 2;
        }
    }

    private sealed class WallisObjective : IHessianVectorObjective
    {
        public int Dimension => 1;

        public double Value(ReadOnlySpan<double> x) => (x[0] * x[0] - 2) * x[0] - 5;

        public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
        {
            gradient[0] = 3 * x[0] * x[0] - 2;
            return Value(x);
        }

        public double HessianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> gradient, Span<double> product)
        {
            product[0] = 6 * x[0] * v[0];
            return ValueAndGradient(x, gradient);
        }
    }

    private sealed class TwoVariables : IObjective
    {
        public int Dimension => 2;

        public double Value(ReadOnlySpan<double> x) => x[0] + x[1];
    }
}
