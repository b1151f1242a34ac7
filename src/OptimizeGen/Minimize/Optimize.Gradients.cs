namespace OptimizeGen;

public static partial class Optimize
{
    /// <summary>
    /// scipy's <c>approx_fprime</c> / <c>approx_derivative</c>: the finite-difference gradient of f at x with scipy's
    /// relative steps (√ε for 2-point, ∛ε for 3-point), one-sided inside <paramref name="bounds"/> where needed.
    /// </summary>
    public static double[] ApproxGradient(
        ObjectiveFunction objective,
        ReadOnlySpan<double> x,
        FiniteDifferenceScheme scheme = FiniteDifferenceScheme.TwoPoint,
        Bounds? bounds = null,
        double? relativeStep = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Guard.NotEmpty(x, nameof(x));
        Guard.Finite(x, nameof(x));
        var gradient = new double[x.Length];
        NumericalDifferentiation.Gradient(objective, x, gradient, scheme, null, bounds, relativeStep);
        return gradient;
    }

    /// <summary>
    /// scipy's <c>check_grad</c>: ‖g(x) − ∇f_FD(x)‖₂, the 2-norm of the difference between the given gradient and a
    /// finite-difference one (3-point by default here, whose error O(∛ε²) ≈ 4e-11·scale makes a wrong gradient stand
    /// out; scipy uses 2-point). Small compared with ‖g(x)‖ means the gradient is right.
    /// </summary>
    public static double CheckGradient(
        ObjectiveFunction objective,
        GradientFunction gradient,
        ReadOnlySpan<double> x,
        FiniteDifferenceScheme scheme = FiniteDifferenceScheme.ThreePoint)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        double[] approx = ApproxGradient(objective, x, scheme);
        var given = new double[x.Length];
        gradient(x, given);
        double sum = 0;
        for (int i = 0; i < given.Length; i++)
        {
            double d = given[i] - approx[i];
            sum += d * d;
        }

        return Math.Sqrt(sum);
    }

    /// <summary><see cref="CheckGradient(ObjectiveFunction, GradientFunction, ReadOnlySpan{double}, FiniteDifferenceScheme)"/>
    /// for an objective that gives its own gradient (a generated one, say).</summary>
    public static double CheckGradient(IGradientObjective objective, ReadOnlySpan<double> x, FiniteDifferenceScheme scheme = FiniteDifferenceScheme.ThreePoint)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return CheckGradient(objective.Value, (xx, g) => objective.ValueAndGradient(xx, g), x, scheme);
    }
}
