namespace OptimizeGen;

// Powell's hybrid method for F(x) = 0, as MINPACK's hybrj (exact Jacobian) and hybrd (forward differences) implement it:
//   M. J. D. Powell, "A hybrid method for nonlinear equations", in Numerical Methods for Nonlinear Algebraic Equations,
//   P. Rabinowitz (ed.), Gordon and Breach, 1970; J. J. Moré, B. S. Garbow, K. E. Hillstrom, "User Guide for MINPACK-1",
//   Argonne ANL-80-74, 1980 (the algorithm, scaling and tests below).
// Each iteration takes a dogleg step in the trust region ‖D·p‖ ≤ Δ of the model built from the QR factorization J = Q·R;
// between Jacobian evaluations the factorization is updated by Broyden's rank-one formula (r1updt on R, Givens rotations
// applied to Q and Qᵀf by r1mpyq). The Jacobian is recomputed after two consecutive failures of the step; the nslow tests
// stop a solve that makes no progress (info 4: five Jacobian evaluations; info 5: ten iterations).
// Departures from MINPACK: a trial point where F is NaN/±∞ counts as a failed step (Δ halves, no update); the iteration
// checks a callback; matrices are column-major spans allocated once per solve.
internal static class Hybr
{
    public static RootResult Solve(RootSystem sys, double[] x, RootOptions options)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var monitor = new RootMonitor(options);
        int n = sys.N;
        double xtol = options.Xtol ?? 1.49012e-8;
        int maxfev = options.Maxfev is int mf && mf > 0 ? mf : (sys.HasJacobian ? 100 : 200) * (n + 1);
        double factor = options.Factor;
        double epsfcn = options.Epsfcn ?? NumericalDifferentiation.MachineEpsilon;
        int ml = options.Band?.Lower ?? -1, mu = options.Band?.Upper ?? -1;
        bool scaled = options.Diag is not null;

        var fvec = new double[n];
        var fjac = new double[n * n];
        var r = new double[n * (n + 1) / 2];
        var qtf = new double[n];
        var diag = new double[n];
        var wa1 = new double[n];
        var wa2 = new double[n];
        var wa3 = new double[n];
        var wa4 = new double[n];
        var ipvt = Array.Empty<int>();
        if (scaled)
        {
            options.Diag.AsSpan().CopyTo(diag);
        }

        bool factored = false;
        sys.Evaluate(x, fvec);
        double fnorm = MinpackKernels.Enorm(fvec);
        if (!double.IsFinite(fnorm))
        {
            return Result(RootStatus.NotFinite, "F(x0) is not finite.", 0);
        }

        int iter = 1, ncsuc = 0, ncfail = 0, nslow1 = 0, nslow2 = 0, trials = 0;
        double delta = 0, xnorm = 0;
        RootStatus? status = null;
        string message = "";

        while (status is null)
        {
            // Outer loop: evaluate the Jacobian and factor it.
            bool jeval = true;
            sys.ColumnMajorJacobian(x, fvec, fjac, epsfcn, ml, mu);
            if (!MinpackKernels.AllFinite(fjac))
            {
                status = RootStatus.NotFinite;
                message = "The Jacobian is not finite at the current point.";
                break;
            }

            MinpackKernels.Qrfac(n, n, fjac, false, ipvt, wa1, wa2, wa3);
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

            // qtf = Qᵀ·fvec.
            fvec.AsSpan().CopyTo(qtf);
            for (int j = 0; j < n; j++)
            {
                double ajj = fjac[j + j * n];
                if (ajj != 0)
                {
                    double sum = 0;
                    for (int i = j; i < n; i++)
                    {
                        sum += fjac[i + j * n] * qtf[i];
                    }

                    double temp = -sum / ajj;
                    for (int i = j; i < n; i++)
                    {
                        qtf[i] += fjac[i + j * n] * temp;
                    }
                }
            }

            // R packed by rows into r (MINPACK also notes a zero diagonal, which hybrj never uses: dogleg guards it).
            for (int j = 0; j < n; j++)
            {
                int l = j;
                for (int i = 0; i < j; i++)
                {
                    r[l] = fjac[i + j * n];
                    l += n - i - 1;
                }

                r[l] = wa1[j];
            }

            Qform(n, fjac, wa1);
            factored = true;
            if (!scaled)
            {
                for (int j = 0; j < n; j++)
                {
                    diag[j] = Math.Max(diag[j], wa2[j]);
                }
            }

            // Inner loop: dogleg steps with rank-one updates until two consecutive failures.
            while (true)
            {
                trials++;
                Dogleg(n, r, diag, qtf, delta, wa1, wa2, wa3);
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
                if (finite && fnorm1 < fnorm)
                {
                    double t = fnorm1 / fnorm;
                    actred = 1 - t * t;
                }

                // Predicted reduction: ‖qtf + R·p‖.
                int l = 0;
                for (int i = 0; i < n; i++)
                {
                    double sum = 0;
                    for (int j = i; j < n; j++)
                    {
                        sum += r[l] * wa1[j];
                        l++;
                    }

                    wa3[i] = qtf[i] + sum;
                }

                double tempn = MinpackKernels.Enorm(wa3);
                double prered = 0;
                if (tempn < fnorm)
                {
                    double t = tempn / fnorm;
                    prered = 1 - t * t;
                }

                double ratio = prered > 0 ? actred / prered : 0;
                if (ratio < 0.1)
                {
                    ncsuc = 0;
                    ncfail++;
                    delta *= 0.5;
                }
                else
                {
                    ncfail = 0;
                    ncsuc++;
                    if (ratio >= 0.5 || ncsuc > 1)
                    {
                        delta = Math.Max(delta, pnorm / 0.5);
                    }

                    if (Math.Abs(ratio - 1) <= 0.1)
                    {
                        delta = pnorm / 0.5;
                    }
                }

                if (ratio >= 1e-4)
                {
                    for (int j = 0; j < n; j++)
                    {
                        x[j] = wa2[j];
                        wa2[j] = diag[j] * x[j];
                        fvec[j] = wa4[j];
                    }

                    xnorm = MinpackKernels.Enorm(wa2);
                    fnorm = fnorm1;
                    iter++;
                }

                nslow1++;
                if (actred >= 0.001)
                {
                    nslow1 = 0;
                }

                if (jeval)
                {
                    nslow2++;
                }

                if (actred >= 0.1)
                {
                    nslow2 = 0;
                }

                if (monitor.AfterIteration(trials, x, fnorm, sys.Nfev) is { } stop)
                {
                    (status, message) = stop;
                    break;
                }

                if (delta <= xtol * xnorm || fnorm == 0)
                {
                    status = RootStatus.Converged;
                    message = fnorm == 0
                        ? "F(x) = 0 exactly."
                        : $"The relative error between two consecutive iterates is at most xtol = {xtol:G3}.";
                    break;
                }

                if (sys.Nfev >= maxfev)
                {
                    status = RootStatus.MaxFunctionEvaluationsReached;
                    message = $"The number of calls to the function has reached maxfev = {maxfev}.";
                    break;
                }

                if (0.1 * Math.Max(0.1 * delta, pnorm) <= MinpackKernels.Epsmch * xnorm)
                {
                    status = RootStatus.ToleranceTooSmall;
                    message = $"xtol = {xtol:G3} is too small. No further improvement in the approximate solution is possible.";
                    break;
                }

                if (nslow2 == 5)
                {
                    status = RootStatus.NoProgressJacobian;
                    message = "The iteration is not making good progress, as measured by the improvement from the last five Jacobian evaluations.";
                    break;
                }

                if (nslow1 == 10)
                {
                    status = RootStatus.NoProgressIterations;
                    message = "The iteration is not making good progress, as measured by the improvement from the last ten iterations.";
                    break;
                }

                if (ncfail == 2)
                {
                    break; // recompute the Jacobian
                }

                if (!finite)
                {
                    continue; // no secant information from a non-finite trial point
                }

                // Broyden rank-one update of R, Q and Qᵀf.
                for (int j = 0; j < n; j++)
                {
                    double sum = 0;
                    for (int i = 0; i < n; i++)
                    {
                        sum += fjac[i + j * n] * wa4[i];
                    }

                    wa2[j] = (sum - wa3[j]) / pnorm;
                    wa1[j] = diag[j] * (diag[j] * wa1[j] / pnorm);
                    if (ratio >= 1e-4)
                    {
                        qtf[j] = sum;
                    }
                }

                R1updt(n, n, r, wa1, wa2, wa3);
                R1mpyq(n, n, fjac, n, wa2, wa3);
                R1mpyq(1, n, qtf, 1, wa2, wa3);
                jeval = false;
            }
        }

        return Result(status.Value, message, iter - 1);

        RootResult Result(RootStatus s, string msg, int nit)
        {
            // fjac holds Q; the Jacobian approximation is Q·R.
            return new RootResult
            {
                X = x,
                Fun = fvec,
                Status = s,
                Message = msg,
                Method = RootMethod.Hybr,
                Nit = nit,
                Nfev = sys.Nfev,
                Njev = sys.Njev,
                Jac = factored ? QTimesR(n, fjac, r) : null,
                Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start),
            };
        }
    }

    private static double[] QTimesR(int n, double[] q, double[] r)
    {
        var jac = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k <= j; k++)
                {
                    s += q[i + k * n] * r[PackedIndex(n, k, j)];
                }

                jac[i * n + j] = s;
            }
        }

        return jac;
    }

    private static int PackedIndex(int n, int i, int j) => i * n - i * (i - 1) / 2 + (j - i);

    /// <summary>qform: accumulates the orthogonal Q (n×n, column-major, in place) from the Householder vectors qrfac left in <paramref name="q"/>.</summary>
    private static void Qform(int n, Span<double> q, Span<double> wa)
    {
        for (int j = 1; j < n; j++)
        {
            for (int i = 0; i < j; i++)
            {
                q[i + j * n] = 0;
            }
        }

        for (int k = n - 1; k >= 0; k--)
        {
            for (int i = k; i < n; i++)
            {
                wa[i] = q[i + k * n];
                q[i + k * n] = 0;
            }

            q[k + k * n] = 1;
            if (wa[k] != 0)
            {
                for (int j = k; j < n; j++)
                {
                    double sum = 0;
                    for (int i = k; i < n; i++)
                    {
                        sum += q[i + j * n] * wa[i];
                    }

                    double temp = sum / wa[k];
                    for (int i = k; i < n; i++)
                    {
                        q[i + j * n] -= temp * wa[i];
                    }
                }
            }
        }
    }

    /// <summary>
    /// dogleg: the step x minimizing ‖R·x − (−qtb)‖... i.e. the convex combination of the Gauss–Newton step R⁻¹·qtb and the scaled
    /// steepest-descent step that lies within ‖D·x‖ ≤ Δ (MINPACK's dogleg; the caller negates the result).
    /// </summary>
    private static void Dogleg(int n, ReadOnlySpan<double> r, ReadOnlySpan<double> diag, ReadOnlySpan<double> qtb, double delta, Span<double> x, Span<double> wa1, Span<double> wa2)
    {
        double epsmch = MinpackKernels.Epsmch;

        // Gauss–Newton direction by back substitution on the packed R.
        int jj = n * (n + 1) / 2;
        for (int k = 1; k <= n; k++)
        {
            int j = n - k;
            jj -= k;
            int l = jj + 1;
            double sum = 0;
            for (int i = j + 1; i < n; i++)
            {
                sum += r[l] * x[i];
                l++;
            }

            double temp = r[jj];
            if (temp == 0)
            {
                l = j;
                for (int i = 0; i <= j; i++)
                {
                    temp = Math.Max(temp, Math.Abs(r[l]));
                    l += n - i - 1;
                }

                temp *= epsmch;
                if (temp == 0)
                {
                    temp = epsmch;
                }
            }

            x[j] = (qtb[j] - sum) / temp;
        }

        for (int j = 0; j < n; j++)
        {
            wa1[j] = 0;
            wa2[j] = diag[j] * x[j];
        }

        double qnorm = MinpackKernels.Enorm(wa2);
        if (qnorm <= delta)
        {
            return;
        }

        // The scaled gradient direction Rᵀ·qtb / D.
        int ll = 0;
        for (int j = 0; j < n; j++)
        {
            double temp = qtb[j];
            for (int i = j; i < n; i++)
            {
                wa1[i] += r[ll] * temp;
                ll++;
            }

            wa1[j] /= diag[j];
        }

        double gnorm = MinpackKernels.Enorm(wa1);
        double sgnorm = 0;
        double alpha = delta / qnorm;
        if (gnorm != 0)
        {
            // The point along the scaled gradient at which the quadratic is minimized.
            for (int j = 0; j < n; j++)
            {
                wa1[j] = wa1[j] / gnorm / diag[j];
            }

            ll = 0;
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int i = j; i < n; i++)
                {
                    sum += r[ll] * wa1[i];
                    ll++;
                }

                wa2[j] = sum;
            }

            double temp = MinpackKernels.Enorm(wa2);
            sgnorm = gnorm / temp / temp;
            alpha = 0;
            if (sgnorm < delta)
            {
                // The dogleg point on the segment between the Cauchy point and the Gauss–Newton point.
                double bnorm = MinpackKernels.Enorm(qtb);
                double dq = delta / qnorm;
                double sd = sgnorm / delta;
                temp = bnorm / gnorm * (bnorm / qnorm) * sd;
                temp = temp - dq * sd * sd + Math.Sqrt((temp - dq) * (temp - dq) + (1 - dq * dq) * (1 - sd * sd));
                alpha = dq * (1 - sd * sd) / temp;
            }
        }

        double scale = (1 - alpha) * Math.Min(sgnorm, delta);
        for (int j = 0; j < n; j++)
        {
            x[j] = scale * wa1[j] + alpha * x[j];
        }
    }

    /// <summary>
    /// r1updt: given the m×n lower trapezoidal S (packed by columns in <paramref name="s"/>; here Rᵀ, i.e. R packed by rows), u and v,
    /// finds an orthogonal Q with (S + u·vᵀ)·Q lower trapezoidal, overwriting S; the Givens rotations are returned in v and w.
    /// </summary>
    private static void R1updt(int m, int n, Span<double> s, Span<double> u, Span<double> v, Span<double> w)
    {
        double giant = double.MaxValue;
        int jj = n * (2 * m - n + 1) / 2 - (m - n) - 1; // last diagonal element (0-based)
        int l = jj;
        for (int i = n - 1; i < m; i++)
        {
            w[i] = s[l];
            l++;
        }

        // Rotate v into a multiple of the n-th unit vector, introducing a spike into w.
        for (int j = n - 2; j >= 0; j--)
        {
            jj -= m - j;
            w[j] = 0;
            if (v[j] != 0)
            {
                double cos, sin, tau;
                if (Math.Abs(v[n - 1]) < Math.Abs(v[j]))
                {
                    double cotan = v[n - 1] / v[j];
                    sin = 0.5 / Math.Sqrt(0.25 + 0.25 * cotan * cotan);
                    cos = sin * cotan;
                    tau = Math.Abs(cos) * giant > 1 ? 1 / cos : 1;
                }
                else
                {
                    double tan = v[j] / v[n - 1];
                    cos = 0.5 / Math.Sqrt(0.25 + 0.25 * tan * tan);
                    sin = cos * tan;
                    tau = sin;
                }

                v[n - 1] = sin * v[j] + cos * v[n - 1];
                v[j] = tau;
                l = jj;
                for (int i = j; i < m; i++)
                {
                    double temp = cos * s[l] - sin * w[i];
                    w[i] = sin * s[l] + cos * w[i];
                    s[l] = temp;
                    l++;
                }
            }
        }

        for (int i = 0; i < m; i++)
        {
            w[i] += v[n - 1] * u[i];
        }

        // Eliminate the spike.
        for (int j = 0; j < n - 1; j++)
        {
            if (w[j] != 0)
            {
                double cos, sin, tau;
                if (Math.Abs(s[jj]) < Math.Abs(w[j]))
                {
                    double cotan = s[jj] / w[j];
                    sin = 0.5 / Math.Sqrt(0.25 + 0.25 * cotan * cotan);
                    cos = sin * cotan;
                    tau = Math.Abs(cos) * giant > 1 ? 1 / cos : 1;
                }
                else
                {
                    double tan = w[j] / s[jj];
                    cos = 0.5 / Math.Sqrt(0.25 + 0.25 * tan * tan);
                    sin = cos * tan;
                    tau = sin;
                }

                l = jj;
                for (int i = j; i < m; i++)
                {
                    double temp = cos * s[l] + sin * w[i];
                    w[i] = -sin * s[l] + cos * w[i];
                    s[l] = temp;
                    l++;
                }

                w[j] = tau;
            }

            jj += m - j;
        }

        l = jj;
        for (int i = n - 1; i < m; i++)
        {
            s[l] = w[i];
            l++;
        }
    }

    /// <summary>r1mpyq: A ← A·Q for the m×n column-major A, Q the product of the Givens rotations r1updt stored in v and w.</summary>
    private static void R1mpyq(int m, int n, Span<double> a, int lda, ReadOnlySpan<double> v, ReadOnlySpan<double> w)
    {
        for (int j = n - 2; j >= 0; j--)
        {
            double cos, sin;
            if (Math.Abs(v[j]) > 1)
            {
                cos = 1 / v[j];
                sin = Math.Sqrt(1 - cos * cos);
            }
            else
            {
                sin = v[j];
                cos = Math.Sqrt(1 - sin * sin);
            }

            for (int i = 0; i < m; i++)
            {
                double temp = cos * a[i + j * lda] - sin * a[i + (n - 1) * lda];
                a[i + (n - 1) * lda] = sin * a[i + j * lda] + cos * a[i + (n - 1) * lda];
                a[i + j * lda] = temp;
            }
        }

        for (int j = 0; j < n - 1; j++)
        {
            double cos, sin;
            if (Math.Abs(w[j]) > 1)
            {
                cos = 1 / w[j];
                sin = Math.Sqrt(1 - cos * cos);
            }
            else
            {
                sin = w[j];
                cos = Math.Sqrt(1 - sin * sin);
            }

            for (int i = 0; i < m; i++)
            {
                double temp = cos * a[i + j * lda] + sin * a[i + (n - 1) * lda];
                a[i + (n - 1) * lda] = -sin * a[i + j * lda] + cos * a[i + (n - 1) * lda];
                a[i + j * lda] = temp;
            }
        }
    }
}
