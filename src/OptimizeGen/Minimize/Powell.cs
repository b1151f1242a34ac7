// Powell's conjugate-direction method: line minimizations along a set of directions, replacing the direction of
// largest decrease by the sweep's net displacement when Powell's test says the set stays well conditioned.
// M. J. D. Powell, "An efficient method for finding the minimum of a function of several variables without
// calculating derivatives", The Computer Journal 7(2), 1964; the sweep, the replacement test, the stopping rule
// 2(f₀ − f) ≤ ftol(|f₀| + |f|) + 1e-20 and the limits (1000·n) follow scipy.optimize._minimize_powell. Line
// minimizations use Brent's method (tol = 100·xtol) from the bracket (0, 1), or, with bounds, the bounded Brent method
// on the feasible step interval (through α = tan θ when that interval is half-infinite), as scipy does.

namespace OptimizeGen;

internal static class Powell
{
    public static OptimizeResult Minimize(MinimizeContext context, double[] x0)
    {
        var options = context.Options as PowellOptions;
        int n = x0.Length;
        double xtol = options?.Xtol ?? context.Options.Tol ?? 1e-4;
        double ftol = options?.Ftol ?? context.Options.Tol ?? 1e-4;
        int? maxIterGiven = context.Options.MaxIter;
        int? maxFevGiven = options?.MaxFev;
        int maxIter = maxIterGiven ?? (maxFevGiven is null ? 1000 * n : int.MaxValue);
        int maxFev = maxFevGiven ?? (maxIterGiven is null ? 1000 * n : int.MaxValue);
        double[]? lower = null, upper = null;
        if (context.Bounds is { } bounds)
        {
            (lower, upper) = bounds.Resolve(n);
        }

        var direc = new double[n][];
        for (int i = 0; i < n; i++)
        {
            direc[i] = new double[n];
            if (options?.Direc is { } given)
            {
                if (given.GetLength(0) != n || given.GetLength(1) != n)
                {
                    throw new ArgumentException($"direc must be n × n = {n} × {n}.", "options");
                }

                for (int j = 0; j < n; j++)
                {
                    direc[i][j] = given[i, j];
                }
            }
            else
            {
                direc[i][i] = 1;
            }
        }

        double[] x = (double[])x0.Clone();
        double[] x1 = (double[])x0.Clone();
        double[] trial = new double[n];
        double fval = context.Value(x);
        int iter = 0;
        OptimizeStatus status;
        string message;
        if (double.IsNaN(fval))
        {
            return context.Result(x, fval, OptimizeStatus.NotFinite, "The objective is NaN at x0.", 0);
        }

        int finiteTrials = 0;
        while (true)
        {
            double fx = fval;
            finiteTrials = 0;
            int bigind = 0;
            double delta = 0;
            for (int i = 0; i < n; i++)
            {
                double fx2 = fval;
                fval = LineSearch(context, x, direc[i], fval, xtol * 100, lower, upper, trial, ref finiteTrials);
                if (fx2 - fval > delta)
                {
                    delta = fx2 - fval;
                    bigind = i;
                }
            }

            iter++;
            if (context.AfterIteration(iter, x, fval) is OptimizeStatus stop)
            {
                status = stop;
                message = context.InterruptMessage(stop, iter);
                break;
            }

            if (finiteTrials == 0)
            {
                // Departs from scipy, which reports success here: no trial point of the sweep had a finite f.
                status = OptimizeStatus.NotFinite;
                message = "The objective returned NaN or ±∞ at every trial point of a sweep; no progress was possible from this point.";
                break;
            }

            double bnd = ftol * (Math.Abs(fx) + Math.Abs(fval)) + 1e-20;
            if (2.0 * (fx - fval) <= bnd)
            {
                status = OptimizeStatus.Converged;
                message = $"Optimization terminated successfully: 2(f₀ − f) = {2 * (fx - fval):G3} ≤ ftol(|f₀| + |f|) + 1e-20 over the last sweep.";
                break;
            }

            if (context.Nfev >= maxFev)
            {
                status = OptimizeStatus.MaxFunctionEvaluationsReached;
                message = $"Maximum number of function evaluations has been exceeded (maxfev = {maxFev}).";
                break;
            }

            if (iter >= maxIter)
            {
                status = OptimizeStatus.MaxIterationsReached;
                message = $"Maximum number of iterations has been exceeded (maxiter = {maxIter}).";
                break;
            }

            if (double.IsNaN(fx) && double.IsNaN(fval))
            {
                status = OptimizeStatus.NotFinite;
                message = "The objective returned NaN on a whole sweep.";
                break;
            }

            // The extrapolated point x + min(1, lmax)(x − x₁).
            double[] direc1 = new double[n];
            for (int j = 0; j < n; j++)
            {
                direc1[j] = x[j] - x1[j];
                x1[j] = x[j];
            }

            double lmax = 1;
            if (lower is not null && upper is not null)
            {
                (_, lmax) = StepInterval(x, direc1, lower, upper);
            }

            double step = Math.Min(lmax, 1);
            for (int j = 0; j < n; j++)
            {
                trial[j] = x[j] + step * direc1[j];
            }

            double fx2e = context.Value(trial);
            if (fx > fx2e)
            {
                double t = 2.0 * (fx + fx2e - 2.0 * fval);
                double temp = fx - fval - delta;
                t *= temp * temp;
                temp = fx - fx2e;
                t -= delta * temp * temp;
                if (t < 0)
                {
                    double[] saved = (double[])x.Clone();
                    fval = LineSearch(context, x, direc1, fval, xtol * 100, lower, upper, trial, ref finiteTrials);
                    bool moved = false;
                    for (int j = 0; j < n; j++)
                    {
                        direc1[j] = x[j] - saved[j];
                        moved |= direc1[j] != 0;
                    }

                    if (moved)
                    {
                        direc[bigind] = direc[n - 1];
                        direc[n - 1] = direc1;
                    }
                }
            }
        }

        return context.Result(x, fval, status, message, iter);
    }

    /// <summary>Minimizes f(x + α d) over α, moving x to the best point; returns f there.</summary>
    private static double LineSearch(MinimizeContext context, double[] x, double[] d, double fx, double tol, double[]? lower, double[]? upper, double[] trial, ref int finiteTrials)
    {
        int n = x.Length;
        bool any = false;
        for (int j = 0; j < n; j++)
        {
            any |= d[j] != 0;
        }

        if (!any)
        {
            return fx;
        }

        int finite = 0;
        Func<double, double> phi = alpha =>
        {
            for (int j = 0; j < n; j++)
            {
                trial[j] = x[j] + alpha * d[j];
            }

            double v = context.Value(trial);
            if (alpha != 0 && double.IsFinite(v))
            {
                finite++;
            }

            return double.IsNaN(v) ? double.PositiveInfinity : v;
        };
        try
        {
            return Search(x, d, fx, tol, lower, upper, phi);
        }
        finally
        {
            finiteTrials += finite;
        }
    }

    private static double Search(double[] x, double[] d, double fx, double tol, double[]? lower, double[]? upper, Func<double, double> phi)
    {
        int n = x.Length;
        double alphaMin;
        double fmin;
        double lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        if (lower is not null && upper is not null)
        {
            (lo, hi) = StepInterval(x, d, lower, upper);
        }

        if (double.IsNegativeInfinity(lo) && double.IsPositiveInfinity(hi))
        {
            int nfev = 0;
            if (!BrentMinimize.Bracket(phi, 0, 1, out double a, out double b, out double c, out _, out double fb, out _, ref nfev))
            {
                // No bracket (e.g. f keeps decreasing or is not finite): keep the best point the search saw.
                if (double.IsFinite(fb) && fb < fx)
                {
                    alphaMin = b;
                    fmin = fb;
                }
                else
                {
                    return fx;
                }
            }
            else
            {
                var outcome = BrentMinimize.Minimize(phi, a, b, c, fb, nfev, tol);
                alphaMin = outcome.X;
                fmin = outcome.F;
            }
        }
        else if (double.IsFinite(lo) && double.IsFinite(hi))
        {
            if (hi - lo <= 0)
            {
                return fx;
            }

            var outcome = BrentBounded.Minimize(phi, lo, hi, tol / 100);
            alphaMin = outcome.X;
            fmin = outcome.F;
        }
        else
        {
            double tlo = Math.Atan(lo), thi = Math.Atan(hi);
            var outcome = BrentBounded.Minimize(theta => phi(Math.Tan(theta)), tlo, thi, tol / 100);
            alphaMin = Math.Tan(outcome.X);
            fmin = outcome.F;
        }

        if (!(fmin <= fx))
        {
            return fx; // never accept a worse point than the one we stand on
        }

        for (int j = 0; j < n; j++)
        {
            x[j] += alphaMin * d[j];
            if (lower is not null && upper is not null)
            {
                x[j] = Math.Clamp(x[j], lower[j], upper[j]);
            }
        }

        return fmin;
    }

    /// <summary>The interval of α with lower ≤ x + α d ≤ upper (scipy's _line_for_search).</summary>
    private static (double Lo, double Hi) StepInterval(double[] x, double[] d, double[] lower, double[] upper)
    {
        double lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        for (int j = 0; j < x.Length; j++)
        {
            if (d[j] == 0)
            {
                continue;
            }

            double a = (lower[j] - x[j]) / d[j];
            double b = (upper[j] - x[j]) / d[j];
            lo = Math.Max(lo, Math.Min(a, b));
            hi = Math.Min(hi, Math.Max(a, b));
        }

        return (lo, hi);
    }
}
