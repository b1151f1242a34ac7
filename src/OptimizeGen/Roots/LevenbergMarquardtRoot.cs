namespace OptimizeGen;

// Levenberg–Marquardt for F(x) = 0 (scipy root method 'lm'), as MINPACK's lmder (exact Jacobian) and lmdif (forward
// differences) implement it: J. J. Moré, "The Levenberg–Marquardt algorithm: implementation and theory", in Numerical Analysis,
// G. A. Watson (ed.), Lecture Notes in Mathematics 630, Springer, 1978; Moré, Garbow, Hillstrom, ANL-80-74, 1980.
// A trust-region method on ½‖F‖²: QR with column pivoting of J, the Levenberg–Marquardt parameter found by lmpar's safeguarded
// Newton iteration on ‖D·p(λ)‖ = Δ, each trial system solved by Givens rotations (qrsolv).
// A compact implementation for the root solver; the least-squares area (src/OptimizeGen/LeastSquares) has its own MINPACK LM
// and the two are meant to be unified. Departures: a trial point where F is not finite counts as a failed step; a callback; the
// ftol test passing (MINPACK info 1 or 3, scipy's success) is reported as StationaryPoint, because for F(x) = 0 it means ‖F‖²
// stopped decreasing away from zero — near a root the Gauss–Newton model predicts a relative reduction near 1, not ≤ ftol.
internal static class LevenbergMarquardtRoot
{
    public static RootResult Solve(RootSystem sys, double[] x, RootOptions options)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var monitor = new RootMonitor(options);
        int n = sys.N, m = sys.M;
        double ftol = options.Ftol ?? 1.49012e-8;
        double xtol = options.Xtol ?? 1.49012e-8;
        double gtol = options.Gtol ?? 0.0;
        int maxfev = options.Maxfev is int mf && mf > 0 ? mf : (sys.HasJacobian ? 100 : 200) * (n + 1);
        double factor = options.Factor;
        double epsfcn = options.Epsfcn ?? NumericalDifferentiation.MachineEpsilon;
        double epsmch = MinpackKernels.Epsmch;
        bool scaled = options.Diag is not null;

        var fvec = new double[m];
        var fjac = new double[m * n];
        var diag = new double[n];
        var qtf = new double[n];
        var ipvt = new int[n];
        var wa1 = new double[n];
        var wa2 = new double[n];
        var wa3 = new double[n];
        var wa4 = new double[m];
        var sdiag = new double[n];
        var lwa1 = new double[n];
        var lwa2 = new double[n];
        if (scaled)
        {
            options.Diag.AsSpan().CopyTo(diag);
        }

        sys.Evaluate(x, fvec);
        double fnorm = MinpackKernels.Enorm(fvec);
        if (!double.IsFinite(fnorm))
        {
            return Result(RootStatus.NotFinite, "F(x0) is not finite.", 0);
        }

        double par = 0, delta = 0, xnorm = 0;
        int iter = 1, trials = 0;
        RootStatus? status = null;
        string message = "";
        while (status is null)
        {
            sys.ColumnMajorJacobian(x, fvec, fjac, epsfcn);
            if (!MinpackKernels.AllFinite(fjac))
            {
                status = RootStatus.NotFinite;
                message = "The Jacobian is not finite at the current point.";
                break;
            }

            MinpackKernels.Qrfac(m, n, fjac, true, ipvt, wa1, wa2, wa3);
            if (iter == 1)
            {
                if (!scaled)
                {
                    for (int j = 0; j < n; j++)
                    {
                        diag[j] = wa2[j] == 0 ? 1 : wa2[j];
                    }
                }

                for (int j = 0; j < n; j++)
                {
                    wa3[j] = diag[j] * x[j];
                }

                xnorm = MinpackKernels.Enorm(wa3);
                delta = factor * xnorm;
                if (delta == 0)
                {
                    delta = factor;
                }
            }

            // Qᵀ·fvec; its first n entries into qtf.
            fvec.AsSpan().CopyTo(wa4);
            for (int j = 0; j < Math.Min(m, n); j++)
            {
                double ajj = fjac[j + j * m];
                if (ajj != 0)
                {
                    double sum = 0;
                    for (int i = j; i < m; i++)
                    {
                        sum += fjac[i + j * m] * wa4[i];
                    }

                    double temp = -sum / ajj;
                    for (int i = j; i < m; i++)
                    {
                        wa4[i] += fjac[i + j * m] * temp;
                    }
                }

                fjac[j + j * m] = wa1[j];
                qtf[j] = wa4[j];
            }

            // The scaled gradient's largest cosine with F.
            double gnorm = 0;
            if (fnorm != 0)
            {
                for (int j = 0; j < n; j++)
                {
                    int l = ipvt[j];
                    if (wa2[l] != 0)
                    {
                        double sum = 0;
                        for (int i = 0; i <= j; i++)
                        {
                            sum += fjac[i + j * m] * (qtf[i] / fnorm);
                        }

                        gnorm = Math.Max(gnorm, Math.Abs(sum / wa2[l]));
                    }
                }
            }

            if (gnorm <= gtol)
            {
                status = fnorm == 0 ? RootStatus.Converged : RootStatus.StationaryPoint;
                message = fnorm == 0
                    ? "F(x) = 0 exactly."
                    : $"The cosine of the angle between F and any column of the Jacobian is at most gtol = {gtol:G3}: a stationary point of ‖F‖², not a root.";
                break;
            }

            if (!scaled)
            {
                for (int j = 0; j < n; j++)
                {
                    diag[j] = Math.Max(diag[j], wa2[j]);
                }
            }

            double ratio;
            do
            {
                trials++;
                Lmpar(n, fjac, m, ipvt, diag, qtf, delta, ref par, wa1, sdiag, lwa1, lwa2);
                for (int j = 0; j < n; j++)
                {
                    wa1[j] = -wa1[j];
                    wa2[j] = x[j] + wa1[j];
                    wa3[j] = diag[j] * wa1[j];
                }

                double pnorm = MinpackKernels.Enorm(wa3);
                if (iter == 1)
                {
                    delta = Math.Min(delta, pnorm);
                }

                sys.Evaluate(wa2, wa4);
                double fnorm1 = MinpackKernels.Enorm(wa4);
                bool finite = double.IsFinite(fnorm1);

                double actred = -1;
                if (finite && 0.1 * fnorm1 < fnorm)
                {
                    double t = fnorm1 / fnorm;
                    actred = 1 - t * t;
                }

                for (int j = 0; j < n; j++)
                {
                    wa3[j] = 0;
                    double temp = wa1[ipvt[j]];
                    for (int i = 0; i <= j; i++)
                    {
                        wa3[i] += fjac[i + j * m] * temp;
                    }
                }

                double temp1 = MinpackKernels.Enorm(wa3) / fnorm;
                double temp2 = Math.Sqrt(par) * pnorm / fnorm;
                double prered = temp1 * temp1 + temp2 * temp2 / 0.5;
                double dirder = -(temp1 * temp1 + temp2 * temp2);
                ratio = prered != 0 ? actred / prered : 0;

                if (ratio <= 0.25)
                {
                    double temp = actred >= 0 ? 0.5 : 0.5 * dirder / (dirder + 0.5 * actred);
                    if (!finite || 0.1 * fnorm1 >= fnorm || temp < 0.1)
                    {
                        temp = 0.1;
                    }

                    delta = temp * Math.Min(delta, pnorm / 0.1);
                    par /= temp;
                }
                else if (par == 0 || ratio >= 0.75)
                {
                    delta = pnorm / 0.5;
                    par *= 0.5;
                }

                if (ratio >= 1e-4)
                {
                    for (int j = 0; j < n; j++)
                    {
                        x[j] = wa2[j];
                        wa2[j] = diag[j] * x[j];
                    }

                    wa4.AsSpan().CopyTo(fvec);
                    xnorm = MinpackKernels.Enorm(wa2);
                    fnorm = fnorm1;
                    iter++;
                }

                if (monitor.AfterIteration(trials, x, fnorm, sys.Nfev) is { } stop)
                {
                    (status, message) = stop;
                    break;
                }

                bool fConverged = Math.Abs(actred) <= ftol && prered <= ftol && 0.5 * ratio <= 1;
                bool xConverged = delta <= xtol * xnorm;
                if (fnorm == 0)
                {
                    status = RootStatus.Converged;
                    message = "F(x) = 0 exactly.";
                    break;
                }

                if (fConverged)
                {
                    // MINPACK info 1 (or 3 with the xtol test), which scipy reports as success. For F(x) = 0 it means that the model
                    // predicts no further relative reduction of ‖F‖² while ‖F‖ > 0 — a minimizer of ‖F‖², not a root: near a root the
                    // Gauss–Newton model predicts a relative reduction near 1.
                    status = RootStatus.StationaryPoint;
                    message = $"Both actual and predicted relative reductions in the sum of squares are at most ftol = {ftol:G3} with ‖F‖ = {fnorm:G3}: a local minimizer of ‖F‖², not a root.";
                    break;
                }

                if (xConverged)
                {
                    status = RootStatus.Converged;
                    message = $"The relative error between two consecutive iterates is at most xtol = {xtol:G3}.";
                    break;
                }

                if (sys.Nfev >= maxfev)
                {
                    status = RootStatus.MaxFunctionEvaluationsReached;
                    message = $"The number of calls to the function has reached maxfev = {maxfev}.";
                    break;
                }

                if (Math.Abs(actred) <= epsmch && prered <= epsmch && 0.5 * ratio <= 1)
                {
                    status = RootStatus.ToleranceTooSmall;
                    message = $"ftol = {ftol:G3} is too small. No further reduction in the sum of squares is possible.";
                    break;
                }

                if (delta <= epsmch * xnorm)
                {
                    status = RootStatus.ToleranceTooSmall;
                    message = $"xtol = {xtol:G3} is too small. No further improvement in the approximate solution is possible.";
                    break;
                }

                if (gnorm <= epsmch)
                {
                    status = RootStatus.ToleranceTooSmall;
                    message = $"gtol = {gtol:G3} is too small. F is orthogonal to the columns of the Jacobian to machine precision (‖F‖ = {fnorm:G3}).";
                    break;
                }
            }
            while (ratio < 1e-4);
        }

        return Result(status.Value, message, iter - 1);

        RootResult Result(RootStatus s, string msg, int nit) => new()
        {
            X = x,
            Fun = fvec,
            Status = s,
            Message = msg,
            Method = RootMethod.Lm,
            Nit = nit,
            Nfev = sys.Nfev,
            Njev = sys.Njev,
            Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start),
        };
    }

    /// <summary>
    /// lmpar: the Levenberg–Marquardt parameter λ ≥ 0 such that p solving (JᵀJ + λ·D²)·p = −Jᵀf (from the pivoted QR in
    /// <paramref name="r"/>, column-major, ldr) has ‖D·p‖ within 10% of Δ, or λ = 0 when the Gauss–Newton step fits. Returns p in
    /// <paramref name="x"/> (not negated).
    /// </summary>
    private static void Lmpar(int n, Span<double> r, int ldr, ReadOnlySpan<int> ipvt, ReadOnlySpan<double> diag, ReadOnlySpan<double> qtb, double delta, ref double par, Span<double> x, Span<double> sdiag, Span<double> wa1, Span<double> wa2)
    {
        double dwarf = double.Epsilon * 4.503599627370496e15; // the smallest normal double, 2.2e-308
        int nsing = n;
        for (int j = 0; j < n; j++)
        {
            wa1[j] = qtb[j];
            if (r[j + j * ldr] == 0 && nsing == n)
            {
                nsing = j;
            }

            if (nsing < n)
            {
                wa1[j] = 0;
            }
        }

        for (int j = nsing - 1; j >= 0; j--)
        {
            wa1[j] /= r[j + j * ldr];
            double temp = wa1[j];
            for (int i = 0; i < j; i++)
            {
                wa1[i] -= r[i + j * ldr] * temp;
            }
        }

        for (int j = 0; j < n; j++)
        {
            x[ipvt[j]] = wa1[j];
        }

        int iter = 0;
        for (int j = 0; j < n; j++)
        {
            wa2[j] = diag[j] * x[j];
        }

        double dxnorm = MinpackKernels.Enorm(wa2);
        double fp = dxnorm - delta;
        if (fp <= 0.1 * delta)
        {
            par = 0;
            return;
        }

        double parl = 0;
        if (nsing >= n)
        {
            for (int j = 0; j < n; j++)
            {
                int l = ipvt[j];
                wa1[j] = diag[l] * (wa2[l] / dxnorm);
            }

            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int i = 0; i < j; i++)
                {
                    sum += r[i + j * ldr] * wa1[i];
                }

                wa1[j] = (wa1[j] - sum) / r[j + j * ldr];
            }

            double temp = MinpackKernels.Enorm(wa1.Slice(0, n));
            parl = fp / delta / temp / temp;
        }

        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i <= j; i++)
            {
                sum += r[i + j * ldr] * qtb[i];
            }

            wa1[j] = sum / diag[ipvt[j]];
        }

        double gnorm = MinpackKernels.Enorm(wa1.Slice(0, n));
        double paru = gnorm / delta;
        if (paru == 0)
        {
            paru = dwarf / Math.Min(delta, 0.1);
        }

        par = Math.Max(par, parl);
        par = Math.Min(par, paru);
        if (par == 0)
        {
            par = gnorm / dxnorm;
        }

        while (true)
        {
            iter++;
            if (par == 0)
            {
                par = Math.Max(dwarf, 0.001 * paru);
            }

            double sq = Math.Sqrt(par);
            for (int j = 0; j < n; j++)
            {
                wa1[j] = sq * diag[j];
            }

            Qrsolv(n, r, ldr, ipvt, wa1, qtb, x, sdiag, wa2);
            for (int j = 0; j < n; j++)
            {
                wa2[j] = diag[j] * x[j];
            }

            dxnorm = MinpackKernels.Enorm(wa2.Slice(0, n));
            double temp = fp;
            fp = dxnorm - delta;
            if (Math.Abs(fp) <= 0.1 * delta || (parl == 0 && fp <= temp && temp < 0) || iter == 10)
            {
                break;
            }

            for (int j = 0; j < n; j++)
            {
                int l = ipvt[j];
                wa1[j] = diag[l] * (wa2[l] / dxnorm);
            }

            for (int j = 0; j < n; j++)
            {
                wa1[j] /= sdiag[j];
                double t = wa1[j];
                for (int i = j + 1; i < n; i++)
                {
                    wa1[i] -= r[i + j * ldr] * t;
                }
            }

            temp = MinpackKernels.Enorm(wa1.Slice(0, n));
            double parc = fp / delta / temp / temp;
            if (fp > 0)
            {
                parl = Math.Max(parl, par);
            }

            if (fp < 0)
            {
                paru = Math.Min(paru, par);
            }

            par = Math.Max(parl, par + parc);
        }
    }

    /// <summary>
    /// qrsolv: solves (A·P)ᵀ(A·P) + D²-augmented least squares via Givens rotations, given the pivoted QR's R in the upper triangle
    /// of <paramref name="r"/>; the strict lower triangle receives the transformed matrix, <paramref name="sdiag"/> its diagonal.
    /// </summary>
    private static void Qrsolv(int n, Span<double> r, int ldr, ReadOnlySpan<int> ipvt, ReadOnlySpan<double> diag, ReadOnlySpan<double> qtb, Span<double> x, Span<double> sdiag, Span<double> wa)
    {
        for (int j = 0; j < n; j++)
        {
            for (int i = j; i < n; i++)
            {
                r[i + j * ldr] = r[j + i * ldr];
            }

            x[j] = r[j + j * ldr];
            wa[j] = qtb[j];
        }

        for (int j = 0; j < n; j++)
        {
            int l = ipvt[j];
            if (diag[l] != 0)
            {
                for (int k = j; k < n; k++)
                {
                    sdiag[k] = 0;
                }

                sdiag[j] = diag[l];
                double qtbpj = 0;
                for (int k = j; k < n; k++)
                {
                    if (sdiag[k] == 0)
                    {
                        continue;
                    }

                    double cos, sin;
                    double rkk = r[k + k * ldr];
                    if (Math.Abs(rkk) < Math.Abs(sdiag[k]))
                    {
                        double cotan = rkk / sdiag[k];
                        sin = 0.5 / Math.Sqrt(0.25 + 0.25 * cotan * cotan);
                        cos = sin * cotan;
                    }
                    else
                    {
                        double tan = sdiag[k] / rkk;
                        cos = 0.5 / Math.Sqrt(0.25 + 0.25 * tan * tan);
                        sin = cos * tan;
                    }

                    r[k + k * ldr] = cos * rkk + sin * sdiag[k];
                    double temp = cos * wa[k] + sin * qtbpj;
                    qtbpj = -sin * wa[k] + cos * qtbpj;
                    wa[k] = temp;
                    for (int i = k + 1; i < n; i++)
                    {
                        temp = cos * r[i + k * ldr] + sin * sdiag[i];
                        sdiag[i] = -sin * r[i + k * ldr] + cos * sdiag[i];
                        r[i + k * ldr] = temp;
                    }
                }
            }

            sdiag[j] = r[j + j * ldr];
            r[j + j * ldr] = x[j];
        }

        int nsing = n;
        for (int j = 0; j < n; j++)
        {
            if (sdiag[j] == 0 && nsing == n)
            {
                nsing = j;
            }

            if (nsing < n)
            {
                wa[j] = 0;
            }
        }

        for (int j = nsing - 1; j >= 0; j--)
        {
            double sum = 0;
            for (int i = j + 1; i < nsing; i++)
            {
                sum += r[i + j * ldr] * wa[i];
            }

            wa[j] = (wa[j] - sum) / sdiag[j];
        }

        for (int j = 0; j < n; j++)
        {
            x[ipvt[j]] = wa[j];
        }
    }
}
