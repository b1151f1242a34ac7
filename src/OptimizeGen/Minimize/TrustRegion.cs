// The trust-region loop shared by trust-ncg, trust-krylov, trust-exact and dogleg: Nocedal & Wright, Numerical
// Optimization, 2nd ed., Algorithm 4.1, with scipy.optimize._trustregion's constants: Δ ← Δ/4 when ρ < 1/4,
// Δ ← min(2Δ, Δmax) when ρ > 3/4 and the step reached the boundary, the step accepted when ρ > eta (0.15);
// success when ‖∇f‖₂ < gtol (1e-4); maxiter 200·n. The subproblem is the method's own (one file each).
// Departures: a trial point where f is NaN/±∞ counts as ρ = −∞ (the region shrinks, the method backs off); the
// loop stops with PrecisionLoss when Δ falls below 1e-15·(1 + ‖x‖), where scipy would loop until maxiter.

namespace OptimizeGen;

/// <summary>A trust-region subproblem min gᵀp + ½pᵀHp subject to ‖p‖ ≤ Δ.</summary>
internal interface ITrustRegionSubproblem
{
    /// <summary>Prepares the model at a new point (x and g are kept by reference). False when the method cannot
    /// model there (dogleg: the Hessian is not positive definite); <paramref name="reason"/> says why.</summary>
    bool Prepare(double[] x, double[] g, out string reason);

    /// <summary>Writes the step into <paramref name="p"/> and returns the predicted reduction −(gᵀp + ½pᵀHp).</summary>
    double Solve(double radius, double[] p, out bool hitsBoundary);
}

internal static class TrustRegion
{
    public static OptimizeResult Minimize(MinimizeContext context, double[] x0, ITrustRegionSubproblem subproblem)
    {
        var options = context.Options as TrustRegionOptions;
        int n = x0.Length;
        double gtol = context.Options.Gtol ?? context.Options.Tol ?? 1e-4;
        int maxIter = context.Options.MaxIter ?? 200 * n;
        double radius = options?.InitialTrustRadius ?? 1.0;
        double maxRadius = options?.MaxTrustRadius ?? 1000.0;
        double eta = options?.Eta ?? 0.15;
        double[] x = (double[])x0.Clone();
        double[] g = new double[n];
        double[] p = new double[n];
        double[] xTrial = new double[n];
        double[] gTrial = new double[n];
        double f = context.ValueAndGradient(x, g);
        if (!double.IsFinite(f) || !MinimizeContext.AllFinite(g))
        {
            return context.Result(x, f, OptimizeStatus.NotFinite, $"The objective or its gradient is not finite at x0 (f = {f}).", 0, g);
        }

        int k = 0;
        OptimizeStatus status;
        string message;
        if (!subproblem.Prepare(x, g, out string why))
        {
            return context.Result(x, f, OptimizeStatus.NumericalTrouble, why, 0, g);
        }

        while (true)
        {
            double gmag = MinimizeContext.Norm(g, 2);
            if (gmag < gtol)
            {
                status = OptimizeStatus.Converged;
                message = $"Optimization terminated successfully: ‖∇f‖₂ = {gmag:G3} < gtol = {gtol:G3}.";
                break;
            }

            if (k >= maxIter)
            {
                status = OptimizeStatus.MaxIterationsReached;
                message = $"Maximum number of iterations has been exceeded (maxiter = {maxIter}); ‖∇f‖₂ = {gmag:G3}.";
                break;
            }

            if (radius < 1e-15 * (1 + MinimizeContext.Norm(x, 2)))
            {
                status = OptimizeStatus.PrecisionLoss;
                message = $"The trust region shrank to {radius:G3} without an acceptable step (precision loss); ‖∇f‖₂ = {gmag:G3} ≥ gtol = {gtol:G3}.";
                break;
            }

            double predicted = subproblem.Solve(radius, p, out bool hitsBoundary);
            if (!(predicted > 0))
            {
                status = OptimizeStatus.PrecisionLoss;
                message = $"A bad approximation caused failure to predict improvement (predicted reduction {predicted:G3}); ‖∇f‖₂ = {gmag:G3}.";
                break;
            }

            for (int i = 0; i < n; i++)
            {
                xTrial[i] = x[i] + p[i];
            }

            double fTrial = context.ValueAndGradient(xTrial, gTrial);
            double actual = double.IsFinite(fTrial) && MinimizeContext.AllFinite(gTrial) ? f - fTrial : double.NegativeInfinity;
            double rho = actual / predicted;
            if (rho < 0.25)
            {
                radius *= 0.25;
            }
            else if (rho > 0.75 && hitsBoundary)
            {
                radius = Math.Min(2 * radius, maxRadius);
            }

            k++;
            if (rho > eta)
            {
                (x, xTrial) = (xTrial, x);
                (g, gTrial) = (gTrial, g);
                f = fTrial;
                if (!subproblem.Prepare(x, g, out why))
                {
                    status = OptimizeStatus.NumericalTrouble;
                    message = why;
                    break;
                }
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

    /// <summary>The dense Hessian from n Hessian-vector products (exact or differenced), symmetrized.</summary>
    public static void DenseHessian(MinimizeContext context, double[] x, double[] g, double[,] h, double[] unit, double[] column)
    {
        int n = x.Length;
        for (int j = 0; j < n; j++)
        {
            Array.Clear(unit);
            unit[j] = 1;
            context.HessianVector(x, unit, g, column);
            for (int i = 0; i < n; i++)
            {
                h[i, j] = column[i];
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double avg = 0.5 * (h[i, j] + h[j, i]);
                h[i, j] = avg;
                h[j, i] = avg;
            }
        }
    }

    /// <summary>The two τ with ‖z + τ d‖ = Δ (τa ≤ 0 ≤ τb when ‖z‖ ≤ Δ).</summary>
    public static (double Ta, double Tb) BoundaryIntersections(ReadOnlySpan<double> z, ReadOnlySpan<double> d, double radius)
    {
        double a = 0, b = 0, c = 0;
        for (int i = 0; i < z.Length; i++)
        {
            a += d[i] * d[i];
            b += 2 * z[i] * d[i];
            c += z[i] * z[i];
        }

        c -= radius * radius;
        double sqrtDisc = Math.Sqrt(Math.Max(0, b * b - 4 * a * c));
        double aux = b + Math.CopySign(sqrtDisc, b);
        double ta = -aux / (2 * a);
        double tb = -2 * c / aux;
        if (aux == 0)
        {
            ta = -sqrtDisc / (2 * a);
            tb = sqrtDisc / (2 * a);
        }

        return ta <= tb ? (ta, tb) : (tb, ta);
    }
}
