// TNC: truncated Newton for bound-constrained problems. S. G. Nash, "Newton-type minimization via the Lanczos
// method", SIAM J. Numer. Anal. 21(4), 1984 (the truncated-Newton inner solve), with the active-set projection of
// D. P. Bertsekas, "Projected Newton methods for optimization problems with simple constraints", SIAM J. Control
// Optim. 20(2), 1982. Each iteration fixes the variables at a bound whose gradient points outward, solves
// ∇²f_FF p_F = −g_F by conjugate gradients on Hessian-vector products (at most maxCGit, scipy's default
// max(1, min(50, n/2)); tolerance min(0.5, √‖g_F‖)·‖g_F‖; stopping at negative curvature), then backtracks along the
// projected path P(x + αp) until f(P(x + αp)) ≤ f(x) + 1e-4·∇fᵀ(P(x + αp) − x).
// Departures from scipy's TNC (Nash's C code): no diagonal BFGS preconditioner and no variable scaling; the projected
// backtracking replaces its bounded safeguarded line search; success is the projected-gradient test ‖P(x − g) − x‖∞ ≤
// gtol (default 1e-5), with the optional ftol/xtol tests as TNC's; maxfun counts evaluations of f with its gradient
// (those of accepted points and of differenced Hessian-vector products); the inner solve takes up to min(50, n)
// products by default (scipy: max(1, min(50, n/2)), which relies on the preconditioner).

namespace OptimizeGen;

internal static class Tnc
{
    public static OptimizeResult Minimize(MinimizeContext context, double[] x0)
    {
        var options = context.Options as TncOptions;
        int n = x0.Length;
        double gtol = context.Options.Gtol ?? context.Options.Tol ?? 1e-5;
        double ftol = options?.Ftol ?? 0;
        double xtol = options?.Xtol ?? 0;
        int maxFun = options?.MaxFun ?? Math.Max(100, 10 * n);
        int maxIter = context.Options.MaxIter ?? int.MaxValue;
        int maxCg = options?.MaxCGit ?? Math.Min(50, n);
        double[] lower, upper;
        if (context.Bounds is { } bounds)
        {
            (lower, upper) = bounds.Resolve(n);
        }
        else
        {
            lower = new double[n];
            upper = new double[n];
            Array.Fill(lower, double.NegativeInfinity);
            Array.Fill(upper, double.PositiveInfinity);
        }

        double[] x = (double[])x0.Clone();
        double[] g = new double[n];
        double[] p = new double[n];
        double[] r = new double[n];
        double[] d = new double[n];
        double[] hd = new double[n];
        double[] xt = new double[n];
        double[] gt = new double[n];
        bool[] active = new bool[n];
        double f = context.ValueAndGradient(x, g);
        if (!double.IsFinite(f) || !MinimizeContext.AllFinite(g))
        {
            return context.Result(x, f, OptimizeStatus.NotFinite, $"The objective or its gradient is not finite at x0 (f = {f}).", 0, g);
        }

        int iter = 0;
        OptimizeStatus status;
        string message;
        while (true)
        {
            double pg = 0;
            for (int i = 0; i < n; i++)
            {
                pg = Math.Max(pg, Math.Abs(Math.Clamp(x[i] - g[i], lower[i], upper[i]) - x[i]));
            }

            if (pg <= gtol)
            {
                status = OptimizeStatus.Converged;
                message = $"Local minimum reached (|pg| ~= 0): ‖P(x − ∇f) − x‖∞ = {pg:G3} ≤ gtol = {gtol:G3}.";
                break;
            }

            if (context.Njev >= maxFun)
            {
                status = OptimizeStatus.MaxFunctionEvaluationsReached;
                message = $"Max. number of function evaluations reached (maxfun = {maxFun}); ‖proj g‖∞ = {pg:G3}.";
                break;
            }

            if (iter >= maxIter)
            {
                status = OptimizeStatus.MaxIterationsReached;
                message = $"Maximum number of iterations has been exceeded (maxiter = {maxIter}); ‖proj g‖∞ = {pg:G3}.";
                break;
            }

            // Active set: at a bound with the gradient pushing outward (or a fixed variable).
            double gfree2 = 0;
            for (int i = 0; i < n; i++)
            {
                active[i] = lower[i] == upper[i]
                    || (x[i] <= lower[i] && g[i] > 0)
                    || (x[i] >= upper[i] && g[i] < 0);
                if (!active[i])
                {
                    gfree2 += g[i] * g[i];
                }
            }

            // Truncated CG on the free variables.
            double gfree = Math.Sqrt(gfree2);
            double tol = Math.Min(0.01, gfree) * gfree;
            for (int i = 0; i < n; i++)
            {
                p[i] = 0;
                r[i] = active[i] ? 0 : g[i];
                d[i] = -r[i];
            }

            double rr = gfree2;
            for (int it = 0; it < maxCg && Math.Sqrt(rr) > tol; it++)
            {
                context.HessianVector(x, d, g, hd);
                for (int i = 0; i < n; i++)
                {
                    if (active[i])
                    {
                        hd[i] = 0;
                    }
                }

                double curv = ConjugateGradient.Dot(d, hd);
                if (!(curv > 0))
                {
                    if (it == 0)
                    {
                        // Steepest descent on the free variables, scaled by the curvature along it.
                        double scale = curv < 0 ? rr / -curv : 1;
                        for (int i = 0; i < n; i++)
                        {
                            p[i] = scale * d[i];
                        }
                    }

                    break;
                }

                double alpha = rr / curv;
                for (int i = 0; i < n; i++)
                {
                    p[i] += alpha * d[i];
                    r[i] += alpha * hd[i];
                }

                double rrNew = ConjugateGradient.Dot(r, r);
                double beta = rrNew / rr;
                rr = rrNew;
                for (int i = 0; i < n; i++)
                {
                    d[i] = -r[i] + beta * d[i];
                }
            }

            if (!(ConjugateGradient.Dot(p, g) < 0))
            {
                for (int i = 0; i < n; i++)
                {
                    p[i] = active[i] ? 0 : -g[i];
                }
            }

            // Projected backtracking (Armijo along the projection arc).
            double step = 1;
            double maxStep = MaxUsefulStep(x, p, lower, upper);
            if (iter == 0)
            {
                double pnorm = MinimizeContext.Norm(p, 2);
                step = Math.Min(1, 10 * Math.Max(1, MinimizeContext.Norm(x, 2)) / Math.Max(pnorm, 1e-300));
            }

            step = Math.Min(step, maxStep);
            bool accepted = false;
            bool sawNonFinite = false;
            double ft = f;
            for (int ls = 0; ls < 30; ls++)
            {
                double descent = 0;
                for (int i = 0; i < n; i++)
                {
                    xt[i] = Math.Clamp(x[i] + step * p[i], lower[i], upper[i]);
                    descent += g[i] * (xt[i] - x[i]);
                }

                ft = context.Value(xt);
                if (!double.IsFinite(ft))
                {
                    sawNonFinite = true;
                    step *= 0.5;
                    continue;
                }

                if (ft <= f + 1e-4 * descent && descent < 0)
                {
                    ft = context.ValueAndGradient(xt, gt);
                    if (!MinimizeContext.AllFinite(gt))
                    {
                        sawNonFinite = true;
                        step *= 0.5;
                        continue;
                    }

                    accepted = true;
                    break;
                }

                // Quadratic interpolation of the backtrack, safeguarded to [0.1, 0.5] of the step.
                double denom = 2 * (ft - f - descent);
                double shrink = denom > 0 ? -descent / denom : 0.5;
                step *= Math.Clamp(shrink, 0.1, 0.5);
            }

            if (!accepted)
            {
                status = sawNonFinite ? OptimizeStatus.NotFinite : OptimizeStatus.PrecisionLoss;
                message = sawNonFinite
                    ? $"The objective returned NaN or ±∞ along the search path and backtracking could not avoid it; ‖proj g‖∞ = {pg:G3}."
                    : $"Linear search failed: no decrease along the projected Newton path; ‖proj g‖∞ = {pg:G3} > gtol = {gtol:G3}.";
                break;
            }

            double dx = 0;
            for (int i = 0; i < n; i++)
            {
                dx = Math.Max(dx, Math.Abs(xt[i] - x[i]));
            }

            double df = f - ft;
            Array.Copy(xt, x, n);
            Array.Copy(gt, g, n);
            f = ft;
            iter++;
            if (ftol > 0 && df <= ftol * Math.Max(1, Math.Abs(f)))
            {
                status = OptimizeStatus.Converged;
                message = $"Converged (|f_n-f_(n-1)| ~= 0): {df:G3} ≤ ftol·max(1, |f|).";
                break;
            }

            if (xtol > 0 && dx <= xtol * Math.Max(1, MinimizeContext.Norm(x, double.PositiveInfinity)))
            {
                status = OptimizeStatus.Converged;
                message = $"Converged (|x_n-x_(n-1)| ~= 0): {dx:G3} ≤ xtol·max(1, ‖x‖∞).";
                break;
            }

            if (context.AfterIteration(iter, x, f) is OptimizeStatus stop)
            {
                status = stop;
                message = context.InterruptMessage(stop, iter);
                break;
            }
        }

        return context.Result(x, f, status, message, iter, g);
    }

    /// <summary>The step beyond which P(x + αp) no longer changes (every moving variable has hit its bound).</summary>
    private static double MaxUsefulStep(double[] x, double[] p, double[] lower, double[] upper)
    {
        double largest = 0;
        bool unbounded = false;
        for (int i = 0; i < x.Length; i++)
        {
            if (p[i] > 0)
            {
                if (double.IsPositiveInfinity(upper[i]))
                {
                    unbounded = true;
                }
                else
                {
                    largest = Math.Max(largest, (upper[i] - x[i]) / p[i]);
                }
            }
            else if (p[i] < 0)
            {
                if (double.IsNegativeInfinity(lower[i]))
                {
                    unbounded = true;
                }
                else
                {
                    largest = Math.Max(largest, (lower[i] - x[i]) / p[i]);
                }
            }
        }

        return unbounded ? double.PositiveInfinity : Math.Max(largest, 1e-300);
    }
}
