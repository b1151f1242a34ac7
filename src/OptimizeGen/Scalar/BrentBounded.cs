// Bounded scalar minimization (scipy's method='bounded', fminbound): Brent's method on a fixed interval [a, b]
// without a bracket. R. P. Brent, Algorithms for Minimization without Derivatives (1973), procedure localmin; the
// loop and the tolerances (x_tol = √ε·|x| + xatol/3, xatol = 1e-5, maxiter = 500 evaluations) follow
// scipy.optimize._minimize_scalar_bounded. A NaN value stops the search with NotFinite, as scipy's flag 2 does.

namespace OptimizeGen;

internal static class BrentBounded
{
    public static ScalarOutcome Minimize(Func<double, double> f, double x1, double x2, double xatol = 1e-5, int maxFun = 500)
    {
        double sqrtEps = Math.Sqrt(2.2e-16);
        double goldenMean = 0.5 * (3.0 - Math.Sqrt(5.0));
        double a = x1, b = x2;
        double fulc = a + goldenMean * (b - a);
        double nfc = fulc, xf = fulc;
        double rat = 0, e = 0;
        double x = xf;
        double fx = f(x);
        int num = 1;
        double ffulc = fx, fnfc = fx;
        double xm = 0.5 * (a + b);
        double tol1 = sqrtEps * Math.Abs(xf) + xatol / 3.0;
        double tol2 = 2.0 * tol1;
        int nit = 0;
        if (double.IsNaN(fx))
        {
            return new ScalarOutcome(xf, fx, 0, num, OptimizeStatus.NotFinite, "The objective returned NaN.");
        }

        while (Math.Abs(xf - xm) > (tol2 - 0.5 * (b - a)))
        {
            bool golden = true;
            if (Math.Abs(e) > tol1)
            {
                golden = false;
                double r = (xf - nfc) * (fx - ffulc);
                double q = (xf - fulc) * (fx - fnfc);
                double p = (xf - fulc) * q - (xf - nfc) * r;
                q = 2.0 * (q - r);
                if (q > 0.0)
                {
                    p = -p;
                }

                q = Math.Abs(q);
                r = e;
                e = rat;
                if (Math.Abs(p) < Math.Abs(0.5 * q * r) && p > q * (a - xf) && p < q * (b - xf))
                {
                    rat = p / q;
                    x = xf + rat;
                    if ((x - a) < tol2 || (b - x) < tol2)
                    {
                        double si0 = Math.Sign(xm - xf) + (xm - xf == 0 ? 1 : 0);
                        rat = tol1 * si0;
                    }
                }
                else
                {
                    golden = true;
                }
            }

            if (golden)
            {
                e = xf >= xm ? a - xf : b - xf;
                rat = goldenMean * e;
            }

            double si = Math.Sign(rat) + (rat == 0 ? 1 : 0);
            x = xf + si * Math.Max(Math.Abs(rat), tol1);
            double fu = f(x);
            num++;
            nit++;
            if (double.IsNaN(fu))
            {
                return new ScalarOutcome(xf, fx, nit, num, OptimizeStatus.NotFinite, $"The objective returned NaN at x = {x:G6}; the best point so far is returned.");
            }

            if (fu <= fx)
            {
                if (x >= xf)
                {
                    a = xf;
                }
                else
                {
                    b = xf;
                }

                fulc = nfc;
                ffulc = fnfc;
                nfc = xf;
                fnfc = fx;
                xf = x;
                fx = fu;
            }
            else
            {
                if (x < xf)
                {
                    a = x;
                }
                else
                {
                    b = x;
                }

                if (fu <= fnfc || nfc == xf)
                {
                    fulc = nfc;
                    ffulc = fnfc;
                    nfc = x;
                    fnfc = fu;
                }
                else if (fu <= ffulc || fulc == xf || fulc == nfc)
                {
                    fulc = x;
                    ffulc = fu;
                }
            }

            xm = 0.5 * (a + b);
            tol1 = sqrtEps * Math.Abs(xf) + xatol / 3.0;
            tol2 = 2.0 * tol1;
            if (num >= maxFun)
            {
                return new ScalarOutcome(xf, fx, nit, num, OptimizeStatus.MaxFunctionEvaluationsReached, $"Maximum number of function calls reached (maxiter = {maxFun}).");
            }
        }

        return new ScalarOutcome(xf, fx, nit, num, OptimizeStatus.Converged, $"Solution found: the interval around x is within √ε·|x| + xatol/3 (xatol = {xatol:G3}).");
    }
}
