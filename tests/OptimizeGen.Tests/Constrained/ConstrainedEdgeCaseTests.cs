namespace OptimizeGen.Tests.Constrained;

/// <summary>Degenerate problems end with an honest status, never an exception or a false success.</summary>
public class ConstrainedEdgeCaseTests
{
    private static readonly ObjectiveFunction F = x => (x[0] - 1) * (x[0] - 1) + (x[1] - 2) * (x[1] - 2);

    [Theory]
    [InlineData(MinimizeMethod.Slsqp)]
    [InlineData(MinimizeMethod.TrustConstr)]
    [InlineData(MinimizeMethod.Cobyla)]
    public void A_constraint_that_turns_NaN_is_not_a_success(MinimizeMethod method)
    {
        // g(x) = x₁ on x₁ ≤ 0.5 and NaN beyond: the solve runs into the NaN region.
        var c = new NonlinearConstraint((ReadOnlySpan<double> x) => x[0] > 0.5 ? double.NaN : x[0], 0, 1);
        var r = Optimize.Minimize(F, [0.1, 0.1], [c], method: method);
        Assert.Equal(OptimizeStatus.NotFinite, r.Status);
        Assert.True(double.IsFinite(r.Fun), r.ToString());
    }

    [Fact]
    public void More_equalities_than_variables_is_reported_by_Slsqp_and_Cobyla_still_solves_a_consistent_system()
    {
        ConstraintBase[] cons = [new LinearConstraint([1.0, 1.0], 1, 1), new LinearConstraint([1.0, -1.0], 0, 0), new LinearConstraint([2.0, 0.0], 1, 1)];
        var r = Optimize.Minimize(F, [0.1, 0.1], cons, method: MinimizeMethod.Slsqp);
        Assert.Equal(OptimizeStatus.NumericalTrouble, r.Status);
        Assert.Contains("More equality constraints", r.Message, StringComparison.Ordinal);
        var rc = Optimize.Minimize(F, [0.1, 0.1], cons, method: MinimizeMethod.Cobyla);
        Assert.True(rc.Success, rc.ToString());
        Assert.Equal(0.5, rc.X[0], 1e-6);
        Assert.Equal(0.5, rc.X[1], 1e-6);
    }

    [Fact]
    public void Dependent_equalities_stop_Slsqp_as_scipy_does_and_trust_constr_solves_them()
    {
        var eq = new LinearConstraint([1.0, 1.0], 1, 1);
        var r = Optimize.Minimize(F, [0.1, 0.1], [eq, eq], method: MinimizeMethod.Slsqp);
        Assert.Equal(OptimizeStatus.NumericalTrouble, r.Status); // scipy 1.10: "Singular matrix C in LSQ subproblem"
        Assert.Contains("Singular matrix C", r.Message, StringComparison.Ordinal);

        // trust-constr drops the dependent row from its projections (scipy switches to an SVD): min on x + y = 1 is (0, 1).
        var rt = Optimize.Minimize(F, [0.1, 0.1], [eq, eq], method: MinimizeMethod.TrustConstr);
        Assert.True(rt.Success, rt.ToString());
        Assert.Equal(0, rt.X[0], 1e-6);
        Assert.Equal(1, rt.X[1], 1e-6);
        Assert.Equal(-2, rt.Multipliers![0] + rt.Multipliers[1], 1e-5); // ∇f = (−2, −2) = μ (1, 1), split between the rows

        // An inconsistent pair is never a success.
        var other = new LinearConstraint([1.0, 1.0], 2, 2);
        var ri = Optimize.Minimize(F, [0.1, 0.1], [eq, other], method: MinimizeMethod.TrustConstr);
        Assert.False(ri.Success, ri.ToString());
        Assert.True(ri.ConstraintViolation >= 0.5 - 1e-6, ri.ToString());
    }

    [Theory]
    [InlineData(MinimizeMethod.Slsqp)]
    [InlineData(MinimizeMethod.TrustConstr)]
    [InlineData(MinimizeMethod.Cobyla)]
    public void A_range_constraint_is_met_on_its_active_side(MinimizeMethod method)
    {
        // 1 ≤ x² + y² ≤ 2: the unconstrained minimum (1, 2) lies outside; the solution is (1, 2)·√(2/5).
        var c = new NonlinearConstraint((ReadOnlySpan<double> x) => x[0] * x[0] + x[1] * x[1], 1, 2);
        var r = Optimize.Minimize(F, [0.1, 0.1], [c], method: method);
        Assert.True(r.Success, r.ToString());
        double scale = Math.Sqrt(2.0 / 5);
        Assert.Equal(scale, r.X[0], 1e-3);
        Assert.Equal(2 * scale, r.X[1], 1e-3);
        if (r.Multipliers is { } mu)
        {
            Assert.True(mu[0] < 0, "the upper side is active: μ ≤ 0");
        }
    }
}
