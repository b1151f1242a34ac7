namespace OptimizeGen;

// The quasi-Newton driver behind root's broyden1, broyden2, anderson, linearmixing, diagbroyden, excitingmixing and krylov,
// following scipy.optimize.nonlin.nonlin_solve: x ← x + s·dx with dx = −J⁻¹·F(x) from a Jacobian approximation, s from a
// backtracking line search on φ(s) = ‖F(x + s·dx)‖² (Armijo, with quadratic then cubic interpolation, Nocedal & Wright
// "Numerical Optimization" §3.5), the forcing term η of inexact Newton methods by Eisenstat and Walker's choice 2
// (SIAM J. Sci. Comput. 17, 1996), and scipy's termination test on max-norms.
// Departures: no 'wolfe' line search; a Jacobian inversion that yields a zero or non-finite step ends the solve with
// NumericalTrouble instead of raising.
internal abstract class JacobianApproximation
{
    /// <summary>Called once with x₀ and F(x₀).</summary>
    public abstract void Setup(double[] x, double[] f, RootSystem system);

    /// <summary>Writes J⁻¹·f (approximately, to relative residual <paramref name="tol"/> for inexact methods) into <paramref name="result"/>.</summary>
    public abstract void Solve(double[] f, double[] result, double tol);

    /// <summary>Called after each step with the new x and F(x).</summary>
    public abstract void Update(double[] x, double[] f);

    /// <summary>scipy's default α for the initial approximation −α⁻¹·I: 0.5·max(‖x₀‖₂, 1)/‖F(x₀)‖₂ (1 when F(x₀) = 0).</summary>
    protected static double DefaultAlpha(double[] x, double[] f)
    {
        double nf = MinpackKernels.Enorm(f);
        return nf != 0 ? 0.5 * Math.Max(MinpackKernels.Enorm(x), 1) / nf : 1.0;
    }
}

/// <summary>A Broyden-type approximation that remembers the last x and F and hands differences to <see cref="UpdateDifferences"/>.</summary>
internal abstract class GenericBroyden : JacobianApproximation
{
    protected double[] LastX = [];
    protected double[] LastF = [];
    protected double[] Dx = [];
    protected double[] Df = [];

    public override void Setup(double[] x, double[] f, RootSystem system)
    {
        LastX = (double[])x.Clone();
        LastF = (double[])f.Clone();
        Dx = new double[x.Length];
        Df = new double[x.Length];
    }

    public override void Update(double[] x, double[] f)
    {
        for (int i = 0; i < x.Length; i++)
        {
            Dx[i] = x[i] - LastX[i];
            Df[i] = f[i] - LastF[i];
        }

        UpdateDifferences(x, f, Dx, Df, MinpackKernels.Enorm(Dx), MinpackKernels.Enorm(Df));
        x.AsSpan().CopyTo(LastX);
        f.AsSpan().CopyTo(LastF);
    }

    protected abstract void UpdateDifferences(double[] x, double[] f, double[] dx, double[] df, double dxNorm, double dfNorm);
}

internal static class NonlinSolve
{
    public static RootResult Solve(RootSystem sys, double[] x, RootOptions options, RootMethod method, JacobianApproximation jacobian)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var monitor = new RootMonitor(options);
        int n = sys.N;
        double fTol = options.Fatol ?? Math.Cbrt(NumericalDifferentiation.MachineEpsilon);
        double fRtol = options.Ftol ?? double.PositiveInfinity;
        double xTol = options.Xatol ?? double.PositiveInfinity;
        double xRtol = options.Xtol ?? double.PositiveInfinity;
        int? fixedIterations = options.Nit;
        int maxiter = options.MaxIter ?? (fixedIterations is int nit ? nit + 1 : 100 * (n + 1));

        var fx = new double[n];
        var dx = new double[n];
        var xt = new double[n];
        var ft = new double[n];
        var fStored = new double[n];
        sys.Evaluate(x, fx);
        if (!MinpackKernels.AllFinite(fx))
        {
            return Result(RootStatus.NotFinite, "F(x0) is not finite.", 0);
        }

        double fxNorm = MinpackKernels.Enorm(fx);
        double f0MaxNorm = MaxNorm(fx);
        double dxMaxNorm = double.PositiveInfinity;
        jacobian.Setup(x, fx, sys);

        const double gamma = 0.9, etaMax = 0.9999, etaThreshold = 0.1;
        double eta = 1e-3;
        int iteration = 0;
        for (int k = 0; k < maxiter; k++)
        {
            // scipy's TerminationCondition.check.
            double fMax = MaxNorm(fx);
            if (fMax == 0)
            {
                return Result(RootStatus.Converged, "F(x) = 0 exactly.", iteration);
            }

            if (fixedIterations is int fixedNit)
            {
                if (iteration >= fixedNit)
                {
                    // As scipy (status 2, success False): a fixed iteration count tests no tolerance, so it is never reported as converged.
                    return Result(RootStatus.MaxIterationsReached, $"The requested nit = {fixedNit} iterations were made; no tolerance was tested (‖F‖∞ = {fMax:G3}).", iteration);
                }
            }
            else if (fMax <= fTol && fMax / fRtol <= f0MaxNorm && dxMaxNorm <= xTol && dxMaxNorm / xRtol <= MaxNorm(x))
            {
                return Result(RootStatus.Converged, $"A solution was found at the specified tolerance: ‖F‖∞ = {fMax:G3} ≤ fatol = {fTol:G3}.", iteration);
            }

            double tol = Math.Min(eta, eta * fxNorm);
            jacobian.Solve(fx, dx, tol);
            for (int i = 0; i < n; i++)
            {
                dx[i] = -dx[i];
            }

            double dxNorm = MinpackKernels.Enorm(dx);
            if (dxNorm == 0 || !double.IsFinite(dxNorm))
            {
                return Result(RootStatus.NumericalTrouble, dxNorm == 0
                    ? "The Jacobian inversion yielded a zero step: the approximation is singular."
                    : "The Jacobian inversion yielded a non-finite step.", iteration);
            }

            double fxNormNew;
            if (options.LineSearch == RootLineSearch.Armijo)
            {
                fxNormNew = ArmijoLineSearch(sys, x, fx, dx, xt, ft, fStored);
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    x[i] += dx[i];
                }

                sys.Evaluate(x, fx);
                fxNormNew = MinpackKernels.Enorm(fx);
            }

            iteration++;
            dxMaxNorm = MaxNorm(dx);
            if (!double.IsFinite(fxNormNew))
            {
                return Result(RootStatus.NotFinite, "F became non-finite along the step and the line search could not back away from it.", iteration);
            }

            jacobian.Update(x, fx);
            if (monitor.AfterIteration(iteration, x, fxNormNew, sys.Nfev) is { } stop)
            {
                return Result(stop.Status, stop.Message, iteration);
            }

            // Forcing term (Eisenstat–Walker choice 2, safeguarded).
            double etaA = gamma * fxNormNew * fxNormNew / (fxNorm * fxNorm);
            eta = gamma * eta * eta < etaThreshold ? Math.Min(etaMax, etaA) : Math.Min(etaMax, Math.Max(etaA, gamma * eta * eta));
            fxNorm = fxNormNew;
        }

        // The loop's last iterate has not been tested yet.
        double last = MaxNorm(fx);
        if (fixedIterations is null && last <= fTol && last / fRtol <= f0MaxNorm && dxMaxNorm <= xTol && dxMaxNorm / xRtol <= MaxNorm(x))
        {
            return Result(RootStatus.Converged, $"A solution was found at the specified tolerance: ‖F‖∞ = {last:G3} ≤ fatol = {fTol:G3}.", iteration);
        }

        return Result(RootStatus.MaxIterationsReached, $"The maximum number of iterations maxiter = {maxiter} was reached; ‖F‖∞ = {last:G3}.", iteration);

        RootResult Result(RootStatus s, string msg, int nit) => new()
        {
            X = x,
            Fun = fx,
            Status = s,
            Message = msg,
            Method = method,
            Nit = nit,
            Nfev = sys.Nfev,
            Njev = sys.Njev,
            Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start),
        };
    }

    internal static double MaxNorm(ReadOnlySpan<double> v)
    {
        double m = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double a = Math.Abs(v[i]);
            if (!(a <= m))
            {
                m = a;
            }
        }

        return m;
    }

    /// <summary>
    /// scipy's _nonlin_line_search with scalar_search_armijo (c₁ = 1e-4, s_min = 0.01) on φ(s) = ‖F(x + s·dx)‖², taking φ'(0) = −φ(0)
    /// (exact for a Newton direction). Moves x and fx to the accepted point (the full step when none is found) and returns ‖F‖₂ there.
    /// </summary>
    private static double ArmijoLineSearch(RootSystem sys, double[] x, double[] fx, double[] dx, double[] xt, double[] ft, double[] storedF)
    {
        int n = x.Length;
        double phi0 = Square(MinpackKernels.Enorm(fx));
        double derphi0 = -phi0;
        const double c1 = 1e-4, amin = 1e-2;
        double storedS = 0, storedPhi = phi0;
        bool storedValid = false;

        double Phi(double s)
        {
            for (int i = 0; i < n; i++)
            {
                xt[i] = x[i] + s * dx[i];
            }

            sys.Evaluate(xt, ft);
            double nrm = MinpackKernels.Enorm(ft);
            double p = double.IsFinite(nrm) ? nrm * nrm : double.PositiveInfinity;
            storedS = s;
            storedPhi = p;
            storedValid = true;
            ft.AsSpan().CopyTo(storedF);
            return p;
        }

        double? accepted = null;
        double alpha0 = 1;
        double phiA0 = Phi(alpha0);
        if (phiA0 <= phi0 + c1 * alpha0 * derphi0)
        {
            accepted = alpha0;
        }
        else
        {
            double alpha1 = -derphi0 * alpha0 * alpha0 / 2.0 / (phiA0 - phi0 - derphi0 * alpha0);
            if (!double.IsFinite(alpha1))
            {
                alpha1 = alpha0 / 2;
            }

            double phiA1 = Phi(alpha1);
            if (phiA1 <= phi0 + c1 * alpha1 * derphi0)
            {
                accepted = alpha1;
            }
            else
            {
                while (alpha1 > amin)
                {
                    double factor = alpha0 * alpha0 * alpha1 * alpha1 * (alpha1 - alpha0);
                    double a = (alpha0 * alpha0 * (phiA1 - phi0 - derphi0 * alpha1) - alpha1 * alpha1 * (phiA0 - phi0 - derphi0 * alpha0)) / factor;
                    double b = (-alpha0 * alpha0 * alpha0 * (phiA1 - phi0 - derphi0 * alpha1) + alpha1 * alpha1 * alpha1 * (phiA0 - phi0 - derphi0 * alpha0)) / factor;
                    double alpha2 = (-b + Math.Sqrt(Math.Abs(b * b - 3 * a * derphi0))) / (3.0 * a);
                    if (!double.IsFinite(alpha2))
                    {
                        alpha2 = alpha1 / 2;
                    }

                    double phiA2 = Phi(alpha2);
                    if (phiA2 <= phi0 + c1 * alpha2 * derphi0)
                    {
                        accepted = alpha2;
                        break;
                    }

                    if (alpha1 - alpha2 > alpha1 / 2.0 || 1 - alpha2 / alpha1 < 0.96)
                    {
                        alpha2 = alpha1 / 2.0;
                    }

                    alpha0 = alpha1;
                    alpha1 = alpha2;
                    phiA0 = phiA1;
                    phiA1 = phiA2;
                }
            }
        }

        double step = accepted ?? 1.0;
        for (int i = 0; i < n; i++)
        {
            x[i] += step * dx[i];
        }

        if (storedValid && storedS == step)
        {
            storedF.AsSpan().CopyTo(fx);
            return Math.Sqrt(storedPhi);
        }

        sys.Evaluate(x, fx);
        return MinpackKernels.Enorm(fx);
    }

    private static double Square(double v) => v * v;
}
