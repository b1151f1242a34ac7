namespace OptimizeGen;

// Brent's method on a bracket (scipy root_scalar 'brentq'): R. P. Brent, "Algorithms for Minimization without Derivatives",
// Prentice-Hall, 1973, chapter 4 (zeroin). Keeps a bracket [xcur, xblk] with |f(xcur)| ≤ |f(xblk)|, tries inverse quadratic
// interpolation through the last three points (secant when two coincide), and accepts it only when it is short compared with the
// previous steps and the bisection step; otherwise bisects. Stops when half the bracket is below (xtol + rtol·|xcur|)/2.
// Brenth (Brenth.cs) differs only in the extrapolation formula, so both share this driver.
internal static class Brentq
{
    public static RootScalarResult Solve(RootScalarFunction f, double a, double b, double fa, double fb, double xtol, double rtol, int maxiter) =>
        Run(RootScalarMethod.Brentq, f, a, b, fa, fb, xtol, rtol, maxiter, hyperbolic: false);

    /// <summary>The shared Brent driver; <paramref name="hyperbolic"/> selects Bus and Dekker's hyperbolic extrapolation (brenth).</summary>
    internal static RootScalarResult Run(RootScalarMethod method, RootScalarFunction f, double a, double b, double fa, double fb, double xtol, double rtol, int maxiter, bool hyperbolic)
    {
        double xpre = a, xcur = b, fpre = fa, fcur = fb;
        double xblk = 0, fblk = 0, spre = 0, scur = 0;
        for (int i = 1; i <= maxiter; i++)
        {
            if (fpre != 0 && fcur != 0 && double.IsNegative(fpre) != double.IsNegative(fcur))
            {
                xblk = xpre;
                fblk = fpre;
                spre = scur = xcur - xpre;
            }

            if (Math.Abs(fblk) < Math.Abs(fcur))
            {
                xpre = xcur;
                xcur = xblk;
                xblk = xpre;
                fpre = fcur;
                fcur = fblk;
                fblk = fpre;
            }

            double delta = (xtol + rtol * Math.Abs(xcur)) / 2;
            double sbis = (xblk - xcur) / 2;
            if (fcur == 0 || Math.Abs(sbis) < delta)
            {
                return RootScalarOutcome.Converged(method, xcur, i, f);
            }

            if (Math.Abs(spre) > delta && Math.Abs(fcur) < Math.Abs(fpre))
            {
                double stry;
                if (xpre == xblk)
                {
                    stry = -fcur * (xcur - xpre) / (fcur - fpre); // secant
                }
                else
                {
                    double dpre = (fpre - fcur) / (xpre - xcur);
                    double dblk = (fblk - fcur) / (xblk - xcur);
                    stry = hyperbolic
                        ? -fcur * (fblk - fpre) / (fblk * dpre - fpre * dblk)
                        : -fcur * (fblk * dblk - fpre * dpre) / (dblk * dpre * (fblk - fpre));
                }

                if (2 * Math.Abs(stry) < Math.Min(Math.Abs(spre), 3 * Math.Abs(sbis) - delta))
                {
                    spre = scur; // a good short step
                    scur = stry;
                }
                else
                {
                    spre = sbis;
                    scur = sbis;
                }
            }
            else
            {
                spre = sbis;
                scur = sbis;
            }

            xpre = xcur;
            fpre = fcur;
            xcur += Math.Abs(scur) > delta ? scur : (sbis > 0 ? delta : -delta);
            fcur = f.Evaluate(xcur);
            if (double.IsNaN(fcur))
            {
                return RootScalarOutcome.NotFinite(method, xcur, i, f);
            }
        }

        return RootScalarOutcome.MaxIterations(method, xcur, maxiter, f);
    }
}
