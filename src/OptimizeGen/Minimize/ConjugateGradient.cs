// CG: nonlinear conjugate gradients, Polak–Ribière with the "+" restart (β = max(0, yᵀg⁺/gᵀg)) and a strong-Wolfe
// line search (Moré–Thuente, c2 = 0.4). E. Polak and G. Ribière 1969; Nocedal & Wright, Numerical Optimization,
// 2nd ed., §5.2 (PR+); scipy.optimize._minimize_cg for the defaults (gtol = 1e-5 on the ∞-norm, maxiter = 200·n)
// and for its descent safeguard: a new direction must satisfy pᵀg ≤ −0.01·‖g‖₂², else the method restarts along −g.
// Departure: where scipy stops when the line search fails, the method first restarts once along −g.

using OptimizeGen.LineSearch;

namespace OptimizeGen;

internal static class ConjugateGradient
{
    public static OptimizeResult Minimize(MinimizeContext context, double[] x0)
    {
        var options = context.Options as CGOptions;
        int n = x0.Length;
        double gtol = context.Options.Gtol ?? context.Options.Tol ?? 1e-5;
        int maxIter = context.Options.MaxIter ?? 200 * n;
        double norm = options?.Norm ?? double.PositiveInfinity;
        double c1 = options?.C1 ?? 1e-4;
        double c2 = options?.C2 ?? 0.4;
        double[] x = (double[])x0.Clone();
        double[] g = new double[n];
        double[] p = new double[n];
        var line = new GradientLine(context, n);
        double f = context.ValueAndGradient(x, g);
        if (!double.IsFinite(f) || !MinimizeContext.AllFinite(g))
        {
            return context.Result(x, f, OptimizeStatus.NotFinite, $"The objective or its gradient is not finite at x0 (f = {f}).", 0, g);
        }

        for (int i = 0; i < n; i++)
        {
            p[i] = -g[i];
        }

        double oldOld = f + MinimizeContext.Norm(g, 2) / 2;
        double gnorm = MinimizeContext.Norm(g, norm);
        int k = 0;
        bool restarted = true;
        OptimizeStatus status = OptimizeStatus.MaxIterationsReached;
        string message = "";
        if (gnorm <= gtol)
        {
            return context.Result(x, f, OptimizeStatus.Converged, $"Optimization terminated successfully: ‖∇f‖ = {gnorm:G3} ≤ gtol = {gtol:G3} at x0.", 0, g);
        }

        while (true)
        {
            if (k >= maxIter)
            {
                status = OptimizeStatus.MaxIterationsReached;
                message = $"Maximum number of iterations has been exceeded (maxiter = {maxIter}); ‖∇f‖ = {gnorm:G3} > gtol = {gtol:G3}.";
                break;
            }

            double derphi0 = Dot(g, p);
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
                if (!restarted)
                {
                    for (int i = 0; i < n; i++)
                    {
                        p[i] = -g[i];
                    }

                    restarted = true;
                    continue;
                }

                status = ls.Status == LineSearchStatus.NotFinite ? OptimizeStatus.NotFinite : OptimizeStatus.PrecisionLoss;
                message = status == OptimizeStatus.NotFinite
                    ? $"The objective returned NaN or ±∞ along the search direction and the line search could not back away; ‖∇f‖ = {gnorm:G3}."
                    : $"Desired error not necessarily achieved due to precision loss: no acceptable step along −∇f; ‖∇f‖ = {gnorm:G3} > gtol = {gtol:G3}.";
                break;
            }

            // β (Polak–Ribière+) from the old and new gradients.
            double gg = Dot(g, g);
            double yg = 0;
            for (int i = 0; i < n; i++)
            {
                yg += (line.GTrial[i] - g[i]) * line.GTrial[i];
                x[i] = line.XTrial[i];
                g[i] = line.GTrial[i];
            }

            oldOld = f;
            f = ls.Phi;
            k++;
            double beta = Math.Max(0, yg / gg);
            double pg = 0;
            double gnew2 = 0;
            for (int i = 0; i < n; i++)
            {
                p[i] = -g[i] + beta * p[i];
                pg += p[i] * g[i];
                gnew2 += g[i] * g[i];
            }

            restarted = false;
            if (pg > -0.01 * gnew2)
            {
                for (int i = 0; i < n; i++)
                {
                    p[i] = -g[i];
                }

                restarted = true;
            }

            gnorm = MinimizeContext.Norm(g, norm);
            if (gnorm <= gtol)
            {
                status = OptimizeStatus.Converged;
                message = $"Optimization terminated successfully: ‖∇f‖ = {gnorm:G3} ≤ gtol = {gtol:G3}.";
                context.AfterIteration(k, x, f);
                break;
            }

            if (context.AfterIteration(k, x, f) is OptimizeStatus stop)
            {
                status = stop;
                message = context.InterruptMessage(stop, k);
                break;
            }
        }

        return context.Result(x, f, status, message, k, g);
    }

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => SpanKernels.Dot(a, b);
}
