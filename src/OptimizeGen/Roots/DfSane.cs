namespace OptimizeGen;

// DF-SANE, the derivative-free spectral residual method for F(x) = 0 (scipy root 'df-sane'): W. La Cruz, J. M. Martínez,
// M. Raydan, "Spectral residual method without gradient information for solving large-scale nonlinear systems of equations",
// Math. Comp. 75 (2006); the 'cheng' line search from W. Cheng, D.-H. Li, "A derivative-free nonmonotone line search and its
// application to the spectral residual method", IMA J. Numer. Anal. 29 (2009).
// Steps along ±σₖ·F(xₖ) with the Barzilai–Borwein coefficient σₖ = ⟨s,s⟩/⟨s,y⟩ (kept in [σ_eps, 1/σ_eps]) and a non-monotone
// line search on f = ‖F‖² with η_k = ‖F(x₀)‖²/(1 + k)². Converges when ‖F‖₂ < ftol·‖F(x₀)‖₂ + fatol.
internal static class DfSane
{
    public static RootResult Solve(RootSystem sys, double[] x, RootOptions options)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var monitor = new RootMonitor(options);
        int n = sys.N;
        double ftol = options.Ftol ?? 1e-8;
        double fatol = options.Fatol ?? 1e-300;
        int maxfev = options.Maxfev is int mf && mf > 0 ? mf : 1000;
        int memory = Math.Max(1, options.DfSaneM);
        double sigmaEps = options.SigmaEps;
        double sigma = options.Sigma0;
        const double gammaLs = 1e-4, tauMin = 0.1, tauMax = 0.5, nu = 0.85;

        var fk = new double[n];
        var xp = new double[n];
        var fp = new double[n];
        var d = new double[n];
        sys.Evaluate(x, fk);
        double fNorm0 = MinpackKernels.Enorm(fk);
        if (!double.IsFinite(fNorm0))
        {
            return Result(RootStatus.NotFinite, "F(x0) is not finite.", 0);
        }

        double meritK = fNorm0 * fNorm0;
        double merit0 = meritK;
        var prevFs = new Queue<double>(memory);
        prevFs.Enqueue(meritK);
        double qCheng = 1.0, cCheng = merit0;
        int k = 0;
        while (true)
        {
            double fNorm = MinpackKernels.Enorm(fk);
            if (fNorm < ftol * fNorm0 + fatol)
            {
                return Result(RootStatus.Converged, $"Successful convergence: ‖F‖₂ = {fNorm:G3} < ftol·‖F(x0)‖₂ + fatol.", k);
            }

            if (Math.Abs(sigma) > 1 / sigmaEps)
            {
                sigma = 1 / sigmaEps * Math.Sign(sigma);
            }
            else if (Math.Abs(sigma) < sigmaEps)
            {
                sigma = sigmaEps;
            }

            for (int i = 0; i < n; i++)
            {
                d[i] = -sigma * fk[i];
            }

            double eta = merit0 / ((1.0 + k) * (1.0 + k));
            double fBar = cCheng;
            if (options.DfSaneLineSearch == DfSaneLineSearch.Cruz)
            {
                fBar = double.NegativeInfinity;
                foreach (double past in prevFs)
                {
                    fBar = Math.Max(fBar, past);
                }
            }

            // Non-monotone line search along ±d.
            double alphaP = 1, alphaM = 1, meritP = 0;
            bool found = false;
            while (sys.Nfev < maxfev)
            {
                meritP = Trial(alphaP);
                if (meritP <= fBar + eta - gammaLs * alphaP * alphaP * meritK)
                {
                    found = true;
                    break;
                }

                double alphaTp = alphaP * alphaP * meritK / (meritP + (2 * alphaP - 1) * meritK);
                if (sys.Nfev >= maxfev)
                {
                    break;
                }

                meritP = Trial(-alphaM);
                if (meritP <= fBar + eta - gammaLs * alphaM * alphaM * meritK)
                {
                    found = true;
                    break;
                }

                double alphaTm = alphaM * alphaM * meritK / (meritP + (2 * alphaM - 1) * meritK);
                alphaP = Clip(alphaTp, tauMin * alphaP, tauMax * alphaP);
                alphaM = Clip(alphaTm, tauMin * alphaM, tauMax * alphaM);
            }

            if (!found)
            {
                return Result(RootStatus.MaxFunctionEvaluationsReached, $"Too many function evaluations required (maxfev = {maxfev}).", k);
            }

            if (options.DfSaneLineSearch == DfSaneLineSearch.Cheng)
            {
                double qNext = nu * qCheng + 1;
                cCheng = (nu * qCheng * (cCheng + eta) + meritP) / qNext;
                qCheng = qNext;
            }

            double ss = 0, sy = 0;
            for (int i = 0; i < n; i++)
            {
                double s = xp[i] - x[i];
                double y = fp[i] - fk[i];
                ss += s * s;
                sy += s * y;
            }

            sigma = ss / sy;
            xp.AsSpan().CopyTo(x);
            fp.AsSpan().CopyTo(fk);
            meritK = meritP;
            if (prevFs.Count == memory)
            {
                prevFs.Dequeue();
            }

            prevFs.Enqueue(meritP);
            k++;
            if (monitor.AfterIteration(k, x, Math.Sqrt(meritK), sys.Nfev) is { } stop)
            {
                return Result(stop.Status, stop.Message, k);
            }
        }

        double Trial(double alpha)
        {
            for (int i = 0; i < n; i++)
            {
                xp[i] = x[i] + alpha * d[i];
            }

            sys.Evaluate(xp, fp);
            double nrm = MinpackKernels.Enorm(fp);
            return double.IsFinite(nrm) ? nrm * nrm : double.PositiveInfinity;
        }

        RootResult Result(RootStatus s, string msg, int nit)
        {
            return new RootResult
            {
                X = x,
                Fun = fk,
                Status = s,
                Message = msg,
                Method = RootMethod.DfSane,
                Nit = nit,
                Nfev = sys.Nfev,
                Njev = sys.Njev,
                Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start),
            };
        }
    }

    private static double Clip(double v, double lo, double hi) => double.IsNaN(v) ? lo : Math.Min(Math.Max(v, lo), hi);
}
