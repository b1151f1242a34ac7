namespace OptimizeGen;

// The secant method for f(x) = 0 (scipy root_scalar 'secant', scipy.optimize.newton without fprime): from x₀ and x₁ (by default
// x₁ = x₀(1 + 10⁻⁴) ± 10⁻⁴, scipy's choice), xₖ₊₁ is the zero of the line through the last two points, computed in the form that
// divides by the larger |f| for stability. Stops when |xₖ₊₁ − xₖ| ≤ xtol + rtol·|xₖ₊₁|. f(xₖ) = f(xₖ₋₁) ends the solve with
// FlatSecant (scipy returns the midpoint with a warning; here the result says so).
internal static class Secant
{
    public static RootScalarResult Solve(RootScalarFunction f, double x0, double? x1, double xtol, double rtol, int maxiter)
    {
        const RootScalarMethod method = RootScalarMethod.Secant;
        double p0 = x0;
        double p1;
        if (x1 is double given)
        {
            p1 = given;
        }
        else
        {
            const double eps = 1e-4;
            p1 = x0 * (1 + eps);
            p1 += p1 >= 0 ? eps : -eps;
        }

        double q0 = f.Evaluate(p0);
        double q1 = f.Evaluate(p1);
        if (!double.IsFinite(q0) || !double.IsFinite(q1))
        {
            return RootScalarOutcome.NotFinite(method, double.IsFinite(q0) ? p1 : p0, 0, f);
        }

        if (q0 == 0)
        {
            return RootScalarOutcome.Converged(method, p0, 0, f, "f(x0) = 0 exactly.");
        }

        if (Math.Abs(q1) < Math.Abs(q0))
        {
            (p0, p1, q0, q1) = (p1, p0, q1, q0);
        }

        for (int i = 1; i <= maxiter; i++)
        {
            if (q1 == 0)
            {
                return RootScalarOutcome.Converged(method, p1, i, f, "f(x) = 0 exactly.");
            }

            if (q1 == q0)
            {
                return RootScalarOutcome.Failed(method, RootScalarStatus.FlatSecant, (p0 + p1) / 2, i, f,
                    $"f takes the same value {q1:G6} at {p0:R} and {p1:R}: the secant is flat.");
            }

            double p = Math.Abs(q1) > Math.Abs(q0)
                ? (-q0 / q1 * p1 + p0) / (1 - q0 / q1)
                : (-q1 / q0 * p0 + p1) / (1 - q1 / q0);
            if (Math.Abs(p - p1) <= xtol + rtol * Math.Abs(p))
            {
                return RootScalarOutcome.Converged(method, p, i, f, $"Converged: the last step {Math.Abs(p - p1):G3} ≤ xtol + rtol·|x|.");
            }

            p0 = p1;
            q0 = q1;
            p1 = p;
            q1 = f.Evaluate(p1);
            if (!double.IsFinite(q1))
            {
                return RootScalarOutcome.NotFinite(method, p1, i, f);
            }
        }

        return RootScalarOutcome.MaxIterations(method, p1, maxiter, f);
    }
}
