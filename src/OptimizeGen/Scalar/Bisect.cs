namespace OptimizeGen;

// Bisection on a bracket [a, b] with f(a)·f(b) < 0 (scipy root_scalar 'bisect'): halve the bracket, keep the half with the sign
// change, stop when the half-width |dm| < xtol + rtol·|xm| or f(xm) = 0. Linear convergence, one evaluation per iteration.
internal static class Bisect
{
    public static RootScalarResult Solve(RootScalarFunction f, double a, double b, double fa, double xtol, double rtol, int maxiter)
    {
        const RootScalarMethod method = RootScalarMethod.Bisect;
        double dm = b - a, xm = a;
        for (int i = 1; i <= maxiter; i++)
        {
            dm *= 0.5;
            xm = a + dm;
            double fm = f.Evaluate(xm);
            if (double.IsNaN(fm))
            {
                return RootScalarOutcome.NotFinite(method, xm, i, f);
            }

            if (fm * fa >= 0)
            {
                a = xm;
            }

            if (fm == 0 || Math.Abs(dm) < xtol + rtol * Math.Abs(xm))
            {
                return RootScalarOutcome.Converged(method, xm, i, f);
            }
        }

        return RootScalarOutcome.MaxIterations(method, xm, maxiter, f);
    }
}
