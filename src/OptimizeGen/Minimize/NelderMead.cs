// Nelder-Mead: the downhill simplex. J. A. Nelder and R. Mead, "A simplex method for function minimization",
// The Computer Journal 7(4), 1965; the adaptive coefficients ρ = 1, χ = 1 + 2/n, ψ = 0.75 − 1/(2n), σ = 1 − 1/n of
// F. Gao and L. Han, Comput. Optim. Appl. 51, 2012. The order of operations, the initial simplex (xᵢ scaled by 1.05,
// or 0.00025 where xᵢ = 0), the stopping test and the limits follow scipy.optimize._minimize_neldermead; with bounds
// every vertex is clipped into them, as scipy does.
// Departure: a vertex where f is NaN is ranked as +∞ (so the simplex shrinks away from it); the result says so if
// the best vertex itself is not finite.

namespace OptimizeGen;

internal static class NelderMead
{
    public static OptimizeResult Minimize(MinimizeContext context, double[] x0)
    {
        var options = context.Options as NelderMeadOptions;
        int n = x0.Length;
        double xatol = options?.Xatol ?? context.Options.Tol ?? 1e-4;
        double fatol = options?.Fatol ?? context.Options.Tol ?? 1e-4;
        int? maxIterGiven = context.Options.MaxIter;
        int? maxFevGiven = options?.MaxFev;
        int maxIter = maxIterGiven ?? (maxFevGiven is null ? 200 * n : int.MaxValue);
        int maxFev = maxFevGiven ?? (maxIterGiven is null ? 200 * n : int.MaxValue);
        bool adaptive = options?.Adaptive ?? false;
        double rho = 1, chi = 2, psi = 0.5, sigma = 0.5;
        if (adaptive)
        {
            chi = 1 + 2.0 / n;
            psi = 0.75 - 1.0 / (2 * n);
            sigma = 1 - 1.0 / n;
        }

        double[]? lower = null, upper = null;
        if (context.Bounds is { } bounds)
        {
            (lower, upper) = bounds.Resolve(n);
        }

        var sim = new double[n + 1][];
        if (options?.InitialSimplex is { } given)
        {
            if (given.GetLength(0) != n + 1 || given.GetLength(1) != n)
            {
                throw new ArgumentException($"initial_simplex must be (n + 1) × n = {n + 1} × {n}; it is {given.GetLength(0)} × {given.GetLength(1)}.", "options");
            }

            for (int k = 0; k <= n; k++)
            {
                sim[k] = new double[n];
                for (int j = 0; j < n; j++)
                {
                    sim[k][j] = given[k, j];
                }
            }
        }
        else
        {
            sim[0] = (double[])x0.Clone();
            for (int k = 0; k < n; k++)
            {
                var y = (double[])x0.Clone();
                y[k] = y[k] != 0 ? 1.05 * y[k] : 0.00025;
                sim[k + 1] = y;
            }
        }

        var fsim = new double[n + 1];
        for (int k = 0; k <= n; k++)
        {
            Clip(sim[k], lower, upper);
            fsim[k] = Eval(context, sim[k]);
        }

        var order = new int[n + 1];
        var xbar = new double[n];
        var xr = new double[n];
        var xe = new double[n];
        var xc = new double[n];
        Sort(sim, fsim, order);
        int iterations = 1;
        OptimizeStatus status = OptimizeStatus.Converged;
        string message = "";
        while (true)
        {
            if (context.Nfev >= maxFev)
            {
                status = OptimizeStatus.MaxFunctionEvaluationsReached;
                message = $"Maximum number of function evaluations has been exceeded (maxfev = {maxFev}).";
                break;
            }

            if (iterations >= maxIter)
            {
                status = OptimizeStatus.MaxIterationsReached;
                message = $"Maximum number of iterations has been exceeded (maxiter = {maxIter}).";
                break;
            }

            double xSpread = 0, fSpread = 0;
            for (int k = 1; k <= n; k++)
            {
                for (int j = 0; j < n; j++)
                {
                    xSpread = Math.Max(xSpread, Math.Abs(sim[k][j] - sim[0][j]));
                }

                fSpread = Math.Max(fSpread, Math.Abs(fsim[0] - fsim[k]));
            }

            if (xSpread <= xatol && fSpread <= fatol)
            {
                status = OptimizeStatus.Converged;
                message = $"Optimization terminated successfully: simplex spread {xSpread:G3} ≤ xatol = {xatol:G3} and f spread {fSpread:G3} ≤ fatol = {fatol:G3}.";
                break;
            }

            Array.Clear(xbar);
            for (int k = 0; k < n; k++)
            {
                for (int j = 0; j < n; j++)
                {
                    xbar[j] += sim[k][j] / n;
                }
            }

            double[] worst = sim[n];
            for (int j = 0; j < n; j++)
            {
                xr[j] = (1 + rho) * xbar[j] - rho * worst[j];
            }

            Clip(xr, lower, upper);
            double fxr = Eval(context, xr);
            bool doShrink = false;
            if (fxr < fsim[0])
            {
                for (int j = 0; j < n; j++)
                {
                    xe[j] = (1 + rho * chi) * xbar[j] - rho * chi * worst[j];
                }

                Clip(xe, lower, upper);
                double fxe = Eval(context, xe);
                if (fxe < fxr)
                {
                    Array.Copy(xe, worst, n);
                    fsim[n] = fxe;
                }
                else
                {
                    Array.Copy(xr, worst, n);
                    fsim[n] = fxr;
                }
            }
            else if (fxr < fsim[n - 1])
            {
                Array.Copy(xr, worst, n);
                fsim[n] = fxr;
            }
            else if (fxr < fsim[n])
            {
                // Outside contraction.
                for (int j = 0; j < n; j++)
                {
                    xc[j] = (1 + psi * rho) * xbar[j] - psi * rho * worst[j];
                }

                Clip(xc, lower, upper);
                double fxc = Eval(context, xc);
                if (fxc <= fxr)
                {
                    Array.Copy(xc, worst, n);
                    fsim[n] = fxc;
                }
                else
                {
                    doShrink = true;
                }
            }
            else
            {
                // Inside contraction.
                for (int j = 0; j < n; j++)
                {
                    xc[j] = (1 - psi) * xbar[j] + psi * worst[j];
                }

                Clip(xc, lower, upper);
                double fxcc = Eval(context, xc);
                if (fxcc < fsim[n])
                {
                    Array.Copy(xc, worst, n);
                    fsim[n] = fxcc;
                }
                else
                {
                    doShrink = true;
                }
            }

            if (doShrink)
            {
                for (int k = 1; k <= n; k++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        sim[k][j] = sim[0][j] + sigma * (sim[k][j] - sim[0][j]);
                    }

                    Clip(sim[k], lower, upper);
                    fsim[k] = Eval(context, sim[k]);
                }
            }

            Sort(sim, fsim, order);
            iterations++;
            if (context.AfterIteration(iterations - 1, sim[0], fsim[0]) is OptimizeStatus stop)
            {
                status = stop;
                message = context.InterruptMessage(stop, iterations - 1);
                break;
            }
        }

        if (!double.IsFinite(fsim[0]))
        {
            status = OptimizeStatus.NotFinite;
            message = "The objective is NaN or ±∞ at every vertex of the simplex.";
        }

        return context.Result((double[])sim[0].Clone(), fsim[0], status, message, iterations - 1);
    }

    private static double Eval(MinimizeContext context, double[] x)
    {
        double f = context.Value(x);
        return double.IsNaN(f) ? double.PositiveInfinity : f;
    }

    private static void Clip(double[] x, double[]? lower, double[]? upper)
    {
        if (lower is null || upper is null)
        {
            return;
        }

        for (int j = 0; j < x.Length; j++)
        {
            x[j] = Math.Clamp(x[j], lower[j], upper[j]);
        }
    }

    /// <summary>Orders the vertices by f (stable, as numpy's argsort with kind='stable' would; scipy uses the default).</summary>
    private static void Sort(double[][] sim, double[] fsim, int[] order)
    {
        int m = fsim.Length;
        for (int i = 0; i < m; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = fsim[a].CompareTo(fsim[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        var simCopy = (double[][])sim.Clone();
        var fCopy = (double[])fsim.Clone();
        for (int i = 0; i < m; i++)
        {
            sim[i] = simCopy[order[i]];
            fsim[i] = fCopy[order[i]];
        }
    }
}
