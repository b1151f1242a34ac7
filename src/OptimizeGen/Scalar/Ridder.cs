namespace OptimizeGen;

// Ridders' method on a bracket (scipy root_scalar 'ridder'): C. J. F. Ridders, "A new algorithm for computing a single root of a
// real continuous function", IEEE Trans. Circuits Syst. 26 (1979) 979–980. Each iteration evaluates f at the midpoint m, fits
// f·e^(Qx) to be linear through a, m, b and takes its zero xₙ = m + (m − a)·sign(f(a) − f(b))·f(m)/√(f(m)² − f(a)f(b)), kept at
// least tol/2 inside the half-bracket; the new bracket is the smallest with a sign change. Two evaluations per iteration,
// quadratic convergence. Stops when f(xₙ) = 0 or |b − a| < xtol + rtol·|xₙ|.
internal static class Ridder
{
    public static RootScalarResult Solve(RootScalarFunction f, double a, double b, double fa, double fb, double xtol, double rtol, int maxiter)
    {
        const RootScalarMethod method = RootScalarMethod.Ridder;
        double tol = xtol + rtol * Math.Abs(b);
        double xn = a;
        for (int i = 1; i <= maxiter; i++)
        {
            double dm = 0.5 * (b - a);
            double xm = a + dm;
            double fm = f.Evaluate(xm);
            if (double.IsNaN(fm))
            {
                return RootScalarOutcome.NotFinite(method, xm, i, f);
            }

            double dn = Math.Sign(fb - fa) * dm * fm / Math.Sqrt(fm * fm - fa * fb);
            xn = xm - Math.Sign(dn) * Math.Min(Math.Abs(dn), Math.Abs(dm) - 0.5 * tol);
            double fn = f.Evaluate(xn);
            if (double.IsNaN(fn))
            {
                return RootScalarOutcome.NotFinite(method, xn, i, f);
            }

            if (fn * fm < 0)
            {
                a = xn;
                fa = fn;
                b = xm;
                fb = fm;
            }
            else if (fn * fa < 0)
            {
                b = xn;
                fb = fn;
            }
            else
            {
                a = xn;
                fa = fn;
            }

            tol = xtol + rtol * Math.Abs(xn);
            if (fn == 0 || Math.Abs(b - a) < tol)
            {
                return RootScalarOutcome.Converged(method, xn, i, f);
            }
        }

        return RootScalarOutcome.MaxIterations(method, xn, maxiter, f);
    }
}
