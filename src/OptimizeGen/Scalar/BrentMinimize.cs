// Brent's method for minimizing a function of one variable: golden-section steps safeguarding parabolic
// interpolation. R. P. Brent, Algorithms for Minimization without Derivatives (1973), ch. 5; the loop, the
// bracketing search (golden ratio growth with parabolic extrapolation, grow_limit = 110) and the constants
// (tol = 1.48e-8, mintol = 1e-11, maxiter = 500) follow scipy.optimize.brent / bracket.
// Departure: a bracket search that fails (too many steps, or NaN) returns a failure instead of raising.

namespace OptimizeGen;

/// <summary>The outcome of a scalar minimization kernel.</summary>
internal readonly record struct ScalarOutcome(double X, double F, int Nit, int Nfev, OptimizeStatus Status, string Message);

internal static class BrentMinimize
{
    private const double Gold = 1.618034;
    private const double VerySmall = 1e-21;
    private const double Cg = 0.3819660;
    private const double MinTol = 1.0e-11;

    /// <summary>scipy's <c>bracket</c>: grows [xa, xb] downhill until f(xb) &lt; f(xa), f(xc). Returns false on failure.</summary>
    public static bool Bracket(
        Func<double, double> f, double xa, double xb, out double a, out double b, out double c,
        out double fa, out double fb, out double fc, ref int nfev, double growLimit = 110, int maxIter = 1000)
    {
        fa = f(xa);
        fb = f(xb);
        nfev += 2;
        if (fa < fb)
        {
            (xa, xb) = (xb, xa);
            (fa, fb) = (fb, fa);
        }

        double xc = xb + Gold * (xb - xa);
        fc = f(xc);
        nfev++;
        int iter = 0;
        while (fc < fb)
        {
            double tmp1 = (xb - xa) * (fb - fc);
            double tmp2 = (xb - xc) * (fb - fa);
            double val = tmp2 - tmp1;
            double denom = Math.Abs(val) < VerySmall ? 2 * VerySmall : 2 * val;
            double w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
            double wlim = xb + growLimit * (xc - xb);
            double fw;
            if (iter > maxIter || !double.IsFinite(xc))
            {
                a = xa;
                b = xb;
                c = xc;
                return false;
            }

            iter++;
            if ((w - xc) * (xb - w) > 0)
            {
                fw = f(w);
                nfev++;
                if (fw < fc)
                {
                    xa = xb;
                    xb = w;
                    fa = fb;
                    fb = fw;
                    break;
                }

                if (fw > fb)
                {
                    xc = w;
                    fc = fw;
                    break;
                }

                w = xc + Gold * (xc - xb);
                fw = f(w);
                nfev++;
            }
            else if ((w - wlim) * (wlim - xc) >= 0)
            {
                w = wlim;
                fw = f(w);
                nfev++;
            }
            else if ((w - wlim) * (xc - w) > 0)
            {
                fw = f(w);
                nfev++;
                if (fw < fc)
                {
                    xb = xc;
                    xc = w;
                    w = xc + Gold * (xc - xb);
                    fb = fc;
                    fc = fw;
                    fw = f(w);
                    nfev++;
                }
            }
            else
            {
                w = xc + Gold * (xc - xb);
                fw = f(w);
                nfev++;
            }

            xa = xb;
            xb = xc;
            xc = w;
            fa = fb;
            fb = fc;
            fc = fw;
        }

        a = xa;
        b = xb;
        c = xc;
        bool ok = double.IsFinite(fb) && fb <= fa && fb <= fc;
        return ok;
    }

    /// <summary>Brent's minimization inside the bracket (xa, xb, xc) with f(xb) = fb.</summary>
    public static ScalarOutcome Minimize(Func<double, double> f, double xa, double xb, double xc, double fb, int nfev, double tol = 1.48e-8, int maxIter = 500)
    {
        double x = xb, w = xb, v = xb;
        double fx = fb, fw = fb, fv = fb;
        double a = Math.Min(xa, xc), b = Math.Max(xa, xc);
        double deltax = 0, rat = 0;
        int iter = 0;
        while (iter < maxIter)
        {
            double tol1 = tol * Math.Abs(x) + MinTol;
            double tol2 = 2 * tol1;
            double xmid = 0.5 * (a + b);
            if (Math.Abs(x - xmid) < (tol2 - 0.5 * (b - a)))
            {
                break;
            }

            if (Math.Abs(deltax) <= tol1)
            {
                deltax = x >= xmid ? a - x : b - x;
                rat = Cg * deltax;
            }
            else
            {
                double tmp1 = (x - w) * (fx - fv);
                double tmp2 = (x - v) * (fx - fw);
                double p = (x - v) * tmp2 - (x - w) * tmp1;
                tmp2 = 2 * (tmp2 - tmp1);
                if (tmp2 > 0)
                {
                    p = -p;
                }

                tmp2 = Math.Abs(tmp2);
                double dxTemp = deltax;
                deltax = rat;
                if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && Math.Abs(p) < Math.Abs(0.5 * tmp2 * dxTemp))
                {
                    rat = p / tmp2;
                    double u0 = x + rat;
                    if ((u0 - a) < tol2 || (b - u0) < tol2)
                    {
                        rat = xmid - x >= 0 ? tol1 : -tol1;
                    }
                }
                else
                {
                    deltax = x >= xmid ? a - x : b - x;
                    rat = Cg * deltax;
                }
            }

            double u = Math.Abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
            double fu = f(u);
            nfev++;
            if (double.IsNaN(fu))
            {
                fu = double.PositiveInfinity; // treat as uphill, so the interval shrinks away from it
            }

            if (fu > fx)
            {
                if (u < x)
                {
                    a = u;
                }
                else
                {
                    b = u;
                }

                if (fu <= fw || w == x)
                {
                    v = w;
                    w = u;
                    fv = fw;
                    fw = fu;
                }
                else if (fu <= fv || v == x || v == w)
                {
                    v = u;
                    fv = fu;
                }
            }
            else
            {
                if (u >= x)
                {
                    a = x;
                }
                else
                {
                    b = x;
                }

                v = w;
                w = x;
                x = u;
                fv = fw;
                fw = fx;
                fx = fu;
            }

            iter++;
        }

        return iter < maxIter
            ? new ScalarOutcome(x, fx, iter, nfev, OptimizeStatus.Converged, $"Optimization terminated successfully: the bracket is within tol·|x| + 1e-11 (tol = {tol:G3}).")
            : new ScalarOutcome(x, fx, iter, nfev, OptimizeStatus.MaxIterationsReached, $"Maximum number of iterations exceeded (maxiter = {maxIter}).");
    }
}
