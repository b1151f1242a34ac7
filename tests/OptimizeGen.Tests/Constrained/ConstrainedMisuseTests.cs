using OptimizeGen.TestProblems.HockSchittkowski;

namespace OptimizeGen.Tests.Constrained;

public class ConstrainedMisuseTests
{
    private static readonly ObjectiveFunction Sphere = x => x[0] * x[0] + x[1] * x[1];

    [Fact]
    public void Null_arguments_name_the_parameter()
    {
        var p = Hs014.Problem;
        Assert.Equal("objective", Assert.Throws<ArgumentNullException>(() => Optimize.Minimize((IObjective)null!, p.X0, p.CreateConstraints())).ParamName);
        Assert.Equal("constraints", Assert.Throws<ArgumentNullException>(() => Optimize.Minimize(p.CreateObjective(), p.X0, (IReadOnlyList<ConstraintBase>)null!)).ParamName);
        Assert.Equal("constraints", Assert.Throws<ArgumentNullException>(() => Optimize.Minimize(p.CreateObjective(), p.X0, [null!])).ParamName);
    }

    [Fact]
    public void Bad_starting_points_are_refused()
    {
        var c = new LinearConstraint([1.0, 1.0], 1, 1);
        Assert.Equal("x0", Assert.Throws<ArgumentException>(() => Optimize.Minimize(Sphere, [double.NaN, 0.0], [c])).ParamName);
        Assert.Equal("x0", Assert.Throws<ArgumentException>(() => Optimize.Minimize(Sphere, ReadOnlySpan<double>.Empty, [c])).ParamName);
        Assert.Equal("x0", Assert.Throws<ArgumentException>(() => Optimize.Minimize(Hs014.Problem.CreateObjective(), [1.0, 2.0, 3.0], [c])).ParamName);
    }

    [Fact]
    public void Constraints_and_bounds_of_another_dimension_are_refused()
    {
        var c3 = new LinearConstraint([1.0, 1.0, 1.0], 1, 1);
        Assert.Equal("constraints", Assert.Throws<ArgumentException>(() => Optimize.Minimize(Sphere, [1.0, 1.0], [c3])).ParamName);
        var c = new LinearConstraint([1.0, 1.0], 1, 1);
        Assert.Equal("bounds", Assert.Throws<ArgumentException>(() => Optimize.Minimize(Sphere, [1.0, 1.0], [c], bounds: new Bounds([0, 0, 0], [1, 1, 1]))).ParamName);
    }

    [Fact]
    public void Unconstrained_methods_refuse_constraints()
    {
        var c = new LinearConstraint([1.0, 1.0], 1, 1);
        var e = Assert.Throws<ArgumentException>(() => Optimize.Minimize(Sphere, [1.0, 1.0], [c], method: MinimizeMethod.Bfgs));
        Assert.Equal("constraints", e.ParamName);
    }

    [Fact]
    public void Option_values_are_checked()
    {
        var c = new LinearConstraint([1.0, 1.0], 1, 1);
        Assert.Equal("Ftol", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.Minimize(Sphere, [1.0, 1.0], [c], options: new SlsqpOptions { Ftol = -1 })).ParamName);
        Assert.Equal("Rhobeg", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.Minimize(Sphere, [1.0, 1.0], [c], method: MinimizeMethod.Cobyla, options: new CobylaOptions { Rhobeg = 0 })).ParamName);
        Assert.Equal("InitialTrRadius", Assert.Throws<ArgumentOutOfRangeException>(() => Optimize.Minimize(Sphere, [1.0, 1.0], [c], method: MinimizeMethod.TrustConstr, options: new TrustConstrOptions { InitialTrRadius = -1 })).ParamName);
    }

    [Fact]
    public void Constraint_types_check_their_arguments()
    {
        Assert.Equal("lb", Assert.Throws<ArgumentException>(() => new LinearConstraint(new double[,] { { 1, 0 } }, [2.0], [1.0])).ParamName);
        Assert.Equal("ub", Assert.Throws<ArgumentException>(() => new LinearConstraint(new double[,] { { 1, 0 } }, [0.0], [1.0, 2.0])).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => new LinearConstraint(new double[,] { { 1, double.NaN } }, [0.0], [1.0])).ParamName);
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => new LinearConstraint(new double[,] { { 1, 0 }, { 0, 1 } }, [0.0], [1.0])).ParamName);
        Assert.Equal("lb", Assert.Throws<ArgumentException>(() => new NonlinearConstraint(Sphere, double.PositiveInfinity, double.PositiveInfinity)).ParamName);
        Assert.Equal("function", Assert.Throws<ArgumentNullException>(() => new NonlinearConstraint((ObjectiveFunction)null!, 0, 1)).ParamName);
    }

    [Fact]
    public void Without_constraints_or_a_constrained_method_the_overload_chooses_as_scipy_does()
    {
        var r = Optimize.Minimize(Sphere, [1.0, 1.0], []);
        Assert.Equal(MinimizeMethod.Bfgs, r.Method);
        var rb = Optimize.Minimize(Sphere, [1.0, 1.0], [], bounds: new Bounds([0.5, 0.5], [2, 2]));
        Assert.Equal(MinimizeMethod.LBfgsB, rb.Method);
        Assert.Equal(0.5, rb.X[0], 1e-8);
    }

    [Fact]
    public void The_constrained_methods_take_bounds_alone()
    {
        // min (x − 3)² + (y + 1)² on [0, 2]²: the solution is (2, 0).
        ObjectiveFunction f = x => (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1);
        foreach (var method in new[] { MinimizeMethod.Slsqp, MinimizeMethod.TrustConstr, MinimizeMethod.Cobyla })
        {
            var r = Optimize.Minimize(f, [1.0, 1.0], [], method: method, bounds: new Bounds([0, 0], [2, 2]));
            Assert.True(r.Success, $"{method}: {r}");
            Assert.Equal(method, r.Method);
            Assert.Equal(2, r.X[0], 1e-3);
            Assert.Equal(0, r.X[1], 1e-3);
        }
    }

    [Fact]
    public void Vector_constraints_with_Jacobians_work_as_one_object()
    {
        // HS71's two constraints as one generated-style IJacobianFunction: rows [Σx² (= 40), x₁x₂x₃x₄ (≥ 25)].
        var g = new Hs071Constraints();
        var c = new NonlinearConstraint(g, [40, 25], [40, double.PositiveInfinity]);
        var p = Hs071.Problem;
        foreach (var method in new[] { MinimizeMethod.Slsqp, MinimizeMethod.TrustConstr })
        {
            var r = Optimize.Minimize(p.CreateObjective(), p.X0, [c], method, p.Bounds);
            HsAssert.AtOptimum(p, r, 1e-5, 1e-3, 1e-6);
            Assert.Equal(2, r.Multipliers!.Length);
            Assert.True(r.Multipliers[1] > 0, "the product constraint is active with a positive multiplier");
        }

        Assert.True(g.Calls > 0);
    }

    [Fact]
    public void Objective_shaped_constraints_work_as_generated_code_would_hand_them_over()
    {
        // HS14's constraints as IGradientObjective objects (the shape the generator emits for an [Objective]).
        var p = Hs014.Problem;
        var eq = NonlinearConstraint.Equality(new GradientFunctionObject(p.Equalities[0]));
        var ineq = NonlinearConstraint.Inequality(new GradientFunctionObject(p.Inequalities[0]));
        Assert.True(eq.HasJacobian);
        foreach (var method in new[] { MinimizeMethod.Slsqp, MinimizeMethod.TrustConstr, MinimizeMethod.Cobyla })
        {
            var r = Optimize.Minimize(p.CreateObjective(), p.X0, [eq, ineq], method, options: method == MinimizeMethod.Cobyla ? new CobylaOptions { Tol = 1e-8 } : null);
            HsAssert.AtOptimum(p, r, 1e-6, 1e-4, 1e-6);
        }
    }

    private sealed class GradientFunctionObject(HsFunction f) : IGradientObjective
    {
        public int Dimension => 2;

        public double Value(ReadOnlySpan<double> x) => f.Value(x);

        public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
        {
            f.Gradient(x, gradient);
            return f.Value(x);
        }
    }

    private sealed class Hs071Constraints : IJacobianFunction
    {
        public int Calls { get; private set; }

        public int InputDimension => 4;

        public int OutputDimension => 2;

        public void Evaluate(ReadOnlySpan<double> x, Span<double> f)
        {
            Calls++;
            f[0] = Hs071.Equality1(x) + 40;
            f[1] = Hs071.Inequality1(x) + 25;
        }

        public void EvaluateWithJacobian(ReadOnlySpan<double> x, Span<double> f, Span<double> jacobian)
        {
            Evaluate(x, f);
            Hs071.Equality1HandGradient(x, jacobian[..4]);
            Hs071.Inequality1HandGradient(x, jacobian[4..]);
        }
    }
}
