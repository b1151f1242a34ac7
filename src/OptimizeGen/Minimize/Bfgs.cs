// BFGS: quasi-Newton minimization with the inverse-Hessian update
//     H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ,  ρ = 1/(yᵀs),
// and a strong-Wolfe line search (Moré–Thuente). Nocedal & Wright, Numerical Optimization, 2nd ed., Algorithm 6.1;
// scipy.optimize._minimize_bfgs for the defaults (gtol = 1e-5 on the ∞-norm, maxiter = 200·n, first trial step
// min(1, 2.02·(fₖ − fₖ₋₁)/∇fᵀp), H₀ = I).
// Departures from scipy: when the line search fails with H ≠ I, H is reset to I once and the step retried (scipy
// stops); an update with yᵀs ≤ 0 is skipped (scipy uses ρ = 1000), so H stays positive definite; a warning exit of
// the line search is accepted when its step satisfies sufficient decrease (scipy then tries its second search).

using OptimizeGen.LineSearch;

namespace OptimizeGen;

internal static class Bfgs
{
    public static OptimizeResult Minimize(MinimizeContext context, double[] x0)
    {
        var options = context.Options as BfgsOptions;
        int n = x0.Length;
        double gtol = context.Options.Gtol ?? context.Options.Tol ?? 1e-5;
        int maxIter = context.Options.MaxIter ?? 200 * n;
        double norm = options?.Norm ?? double.PositiveInfinity;
        double xrtol = options?.Xrtol ?? 0;
        double c1 = options?.C1 ?? 1e-4;
        double c2 = options?.C2 ?? 0.9;
        string normName = double.IsPositiveInfinity(norm) ? "∞" : norm.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

        double[] x = (double[])x0.Clone();
        double[] g = new double[n];
        double[] p = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        double[] hy = new double[n];
        double[] h = new double[n * n];
        var line = new GradientLine(context, n);

        double f = context.ValueAndGradient(x, g);
        if (!double.IsFinite(f) || !MinimizeContext.AllFinite(g))
        {
            return context.Result(x, f, OptimizeStatus.NotFinite, $"The objective or its gradient is not finite at x0 (f = {f}).", 0, g, ToMatrix(InitialH(h, n, options?.HessInv0), n));
        }

        InitialH(h, n, options?.HessInv0);
        bool updatedSinceReset = options?.HessInv0 is not null;
        double oldOld = f + MinimizeContext.Norm(g, 2) / 2;
        double gnorm = MinimizeContext.Norm(g, norm);
        int k = 0;
        OptimizeStatus status = OptimizeStatus.MaxIterationsReached;
        string message = "";
        if (gnorm <= gtol)
        {
            status = OptimizeStatus.Converged;
            message = $"Optimization terminated successfully: ‖∇f‖{normName} = {gnorm:G3} ≤ gtol = {gtol:G3} at x0.";
        }

        while (status != OptimizeStatus.Converged)
        {
            if (k >= maxIter)
            {
                status = OptimizeStatus.MaxIterationsReached;
                message = $"Maximum number of iterations has been exceeded (maxiter = {maxIter}); ‖∇f‖{normName} = {gnorm:G3} > gtol = {gtol:G3}.";
                break;
            }

            double derphi0 = 0;
            for (int i = 0; i < n; i++)
            {
                p[i] = -SpanKernels.Dot(h.AsSpan(i * n, n), g);
                derphi0 += g[i] * p[i];
            }

            if (!(derphi0 < 0))
            {
                // H lost positive definiteness to rounding: restart from steepest descent.
                InitialH(h, n, null);
                updatedSinceReset = false;
                derphi0 = 0;
                for (int i = 0; i < n; i++)
                {
                    p[i] = -g[i];
                    derphi0 -= g[i] * g[i];
                }
            }

            double alpha1 = derphi0 != 0 ? Math.Min(1.0, 1.01 * 2 * (f - oldOld) / derphi0) : 1.0;
            if (!(alpha1 > 0))
            {
                alpha1 = 1.0;
            }

            line.Reset(x, p);
            var ls = MoreThuente.Search(line, f, derphi0, alpha1, c1, c2, 1e-14, 1e-100, 1e100);
            bool accepted = ls.Status == LineSearchStatus.Converged
                || (ls.Status != LineSearchStatus.NotFinite && double.IsFinite(ls.Phi) && ls.Phi < f
                    && ls.Phi <= f + c1 * ls.Alpha * derphi0 && MinimizeContext.AllFinite(line.GTrial));
            if (!accepted)
            {
                if (updatedSinceReset)
                {
                    InitialH(h, n, null);
                    updatedSinceReset = false;
                    continue;
                }

                status = ls.Status == LineSearchStatus.NotFinite ? OptimizeStatus.NotFinite : OptimizeStatus.PrecisionLoss;
                message = ls.Status == LineSearchStatus.NotFinite
                    ? $"The objective returned NaN or ±∞ along the search direction and the line search could not back away from it; stopped at the last finite point with ‖∇f‖{normName} = {gnorm:G3}."
                    : $"Desired error not necessarily achieved due to precision loss: the line search found no acceptable step; ‖∇f‖{normName} = {gnorm:G3} > gtol = {gtol:G3}.";
                break;
            }

            double alpha = ls.Alpha;
            double stepNorm = 0;
            double ys = 0;
            for (int i = 0; i < n; i++)
            {
                s[i] = alpha * p[i];
                y[i] = line.GTrial[i] - g[i];
                x[i] = line.XTrial[i];
                g[i] = line.GTrial[i];
                ys += y[i] * s[i];
                stepNorm += s[i] * s[i];
            }

            oldOld = f;
            f = ls.Phi;
            k++;
            gnorm = MinimizeContext.Norm(g, norm);
            if (gnorm <= gtol)
            {
                status = OptimizeStatus.Converged;
                message = $"Optimization terminated successfully: ‖∇f‖{normName} = {gnorm:G3} ≤ gtol = {gtol:G3}.";
                context.AfterIteration(k, x, f);
                break;
            }

            if (xrtol > 0 && Math.Sqrt(stepNorm) <= xrtol * (xrtol + MinimizeContext.Norm(x, 2)))
            {
                status = OptimizeStatus.Converged;
                message = $"Optimization terminated successfully: the step {Math.Sqrt(stepNorm):G3} ≤ xrtol·(xrtol + ‖x‖).";
                context.AfterIteration(k, x, f);
                break;
            }

            if (ys > 0)
            {
                double yhy = 0;
                for (int i = 0; i < n; i++)
                {
                    double sum = SpanKernels.Dot(h.AsSpan(i * n, n), y);
                    hy[i] = sum;
                    yhy += y[i] * sum;
                }

                double rho = 1 / ys;
                double coeff = rho * rho * yhy + rho;
                for (int i = 0; i < n; i++)
                {
                    // H ← H + (coeff sᵢ − ρ (Hy)ᵢ) sᵀ − ρ sᵢ (Hy)ᵀ, row by row on the vector kernels.
                    Span<double> row = h.AsSpan(i * n, n);
                    SpanKernels.Axpy(coeff * s[i] - rho * hy[i], s, row);
                    SpanKernels.Axpy(-rho * s[i], hy, row);
                }

                updatedSinceReset = true;
            }

            if (context.AfterIteration(k, x, f) is OptimizeStatus stop)
            {
                status = stop;
                message = context.InterruptMessage(stop, k);
                break;
            }
        }

        return context.Result(x, f, status, message, k, g, ToMatrix(h, n));
    }

    private static double[] InitialH(double[] h, int n, double[,]? given)
    {
        Array.Clear(h);
        for (int i = 0; i < n; i++)
        {
            if (given is null)
            {
                h[i * n + i] = 1;
            }
            else
            {
                for (int j = 0; j < n; j++)
                {
                    h[i * n + j] = given[i, j];
                }
            }
        }

        return h;
    }

    private static double[,] ToMatrix(double[] h, int n)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                m[i, j] = h[i * n + j];
            }
        }

        return m;
    }
}
