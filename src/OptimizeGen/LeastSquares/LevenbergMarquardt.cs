// Levenberg–Marquardt as MINPACK's lmder/lmdif implement it: J. J. Moré, "The Levenberg–Marquardt algorithm:
// implementation and theory", in Numerical Analysis (G. A. Watson, ed.), Lecture Notes in Mathematics 630,
// Springer (1978), 105–116; code after MINPACK-1 (Moré, Garbow, Hillstrom 1980). Each outer iteration factors
// J·P = Q·R with column pivoting (MinpackQr.Factor); the step solves the scaled trust-region subproblem
// min ‖f + J p‖ s.t. ‖D p‖ ≤ Δ by the Levenberg–Marquardt parameter iteration lmpar (Moré 1978, §5: safeguarded
// Newton on φ(λ) = ‖D p(λ)‖ − Δ, stopping when |φ| ≤ 0.1Δ), with D updated from the column norms of J (mode 1,
// scipy's x_scale='jac') or fixed (mode 2, D = 1/x_scale). Δ₀ = factor·‖D x₀‖ with factor = 100.
// Departures: finite differences use scipy's 2-point/3-point rule (approx_derivative) rather than fdjac2's
// h = √ε·|xⱼ|; a non-finite trial residual is treated as a failed step (Δ shrinks tenfold) instead of propagating
// NaN; the returned Jacobian and gradient are evaluated at the final x, as scipy's least_squares does.
namespace OptimizeGen.LeastSquaresInternals;

internal static class LevenbergMarquardt
{
    public static LeastSquaresResult Solve(
        ResidualProblem problem,
        double[] x0,
        double ftol,
        double xtol,
        double gtol,
        int maxfev,
        double[]? fixedDiag,
        double factor,
        CancellationToken cancellationToken)
    {
        const double epsmch = NumericalDifferentiation.MachineEpsilon;
        int m = problem.M;
        int n = problem.N;
        int mode = fixedDiag is null ? 1 : 2;

        var x = (double[])x0.Clone();
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
        if (fixedDiag is not null)
        {
            fixedDiag.CopyTo(diag, 0);
        }

        int nfev = 0;
        int njev = 0;
        int fdBase = problem.FiniteDifferenceEvaluations;
        int Nfev() => nfev + problem.FiniteDifferenceEvaluations - fdBase;

        problem.Residuals(x, fvec);
        nfev++;
        double fnorm = MinpackQr.Enorm(fvec);
        if (!double.IsFinite(fnorm))
        {
            return Finish(problem, x, fvec, LeastSquaresStatus.NotFinite, Nfev(), njev, evaluate: false);
        }

        double par = 0;
        int iter = 1;
        double delta = 0;
        double xnorm = 0;
        LeastSquaresStatus? info = null;

        while (info is null)
        {
            problem.Jacobian(x, fvec, fjac);
            njev++;
            if (!LsqKernels.AllFinite(fjac))
            {
                info = LeastSquaresStatus.NotFinite;
                break;
            }

            MinpackQr.Factor(fjac, m, n, ipvt, wa1, wa2, wa3);

            if (iter == 1)
            {
                if (mode == 1)
                {
                    for (int j = 0; j < n; j++)
                    {
                        diag[j] = wa2[j] == 0 ? 1.0 : wa2[j];
                    }
                }

                for (int j = 0; j < n; j++)
                {
                    wa3[j] = diag[j] * x[j];
                }

                xnorm = MinpackQr.Enorm(wa3);
                delta = factor * xnorm;
                if (delta == 0)
                {
                    delta = factor;
                }
            }

            // Qᵀf: its first n components in qtf; the diagonal of R back in place.
            fvec.CopyTo(wa4, 0);
            for (int j = 0; j < n; j++)
            {
                int jj = j + j * m;
                if (fjac[jj] != 0)
                {
                    ReadOnlySpan<double> v = fjac.AsSpan(jj, m - j);
                    double temp = -LsqKernels.Dot(v, wa4.AsSpan(j)) / fjac[jj];
                    LsqKernels.Axpy(temp, v, wa4.AsSpan(j));
                }

                fjac[jj] = wa1[j];
                qtf[j] = wa4[j];
            }

            // The scaled gradient's largest cosine.
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
                info = LeastSquaresStatus.Gtol;
                break;
            }

            if (mode == 1)
            {
                for (int j = 0; j < n; j++)
                {
                    diag[j] = Math.Max(diag[j], wa2[j]);
                }
            }

            while (true)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    info = LeastSquaresStatus.Cancelled;
                    break;
                }

                par = Lmpar(n, fjac, m, ipvt, diag, qtf, delta, par, wa1, wa2, wa3, sdiag);

                for (int j = 0; j < n; j++)
                {
                    wa1[j] = -wa1[j];
                    wa2[j] = x[j] + wa1[j];
                    wa3[j] = diag[j] * wa1[j];
                }

                double pnorm = MinpackQr.Enorm(wa3);
                if (iter == 1)
                {
                    delta = Math.Min(delta, pnorm);
                }

                problem.Residuals(wa2, wa4);
                nfev++;
                double fnorm1 = MinpackQr.Enorm(wa4);
                if (!double.IsFinite(fnorm1))
                {
                    fnorm1 = double.PositiveInfinity;
                }

                double actred = -1;
                if (0.1 * fnorm1 < fnorm)
                {
                    double r = fnorm1 / fnorm;
                    actred = 1 - r * r;
                }

                // Predicted reduction and directional derivative.
                for (int j = 0; j < n; j++)
                {
                    wa3[j] = 0;
                    double temp = wa1[ipvt[j]];
                    for (int i = 0; i <= j; i++)
                    {
                        wa3[i] += fjac[i + j * m] * temp;
                    }
                }

                double temp1 = MinpackQr.Enorm(wa3) / fnorm;
                double temp2 = Math.Sqrt(par) * pnorm / fnorm;
                double prered = temp1 * temp1 + temp2 * temp2 / 0.5;
                double dirder = -(temp1 * temp1 + temp2 * temp2);
                double ratio = prered != 0 ? actred / prered : 0;

                if (ratio <= 0.25)
                {
                    double temp = actred >= 0 ? 0.5 : 0.5 * dirder / (dirder + 0.5 * actred);
                    if (0.1 * fnorm1 >= fnorm || temp < 0.1 || double.IsNaN(temp))
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

                    wa4.CopyTo(fvec, 0);
                    xnorm = MinpackQr.Enorm(wa2.AsSpan(0, n));
                    fnorm = fnorm1;
                    iter++;
                }

                bool ftolOk = Math.Abs(actred) <= ftol && prered <= ftol && 0.5 * ratio <= 1;
                bool xtolOk = delta <= xtol * xnorm;
                if (ftolOk && xtolOk)
                {
                    info = LeastSquaresStatus.FtolAndXtol;
                }
                else if (ftolOk)
                {
                    info = LeastSquaresStatus.Ftol;
                }
                else if (xtolOk)
                {
                    info = LeastSquaresStatus.Xtol;
                }

                if (info is not null)
                {
                    break;
                }

                if (Nfev() >= maxfev)
                {
                    info = LeastSquaresStatus.MaxFunctionEvaluations;
                }
                else if ((Math.Abs(actred) <= epsmch && prered <= epsmch && 0.5 * ratio <= 1) || delta <= epsmch * xnorm || gnorm <= epsmch)
                {
                    info = LeastSquaresStatus.TolerancesTooSmall;
                }

                if (info is not null || ratio >= 1e-4)
                {
                    break;
                }
            }
        }

        return Finish(problem, x, fvec, info.Value, Nfev(), njev, evaluate: info != LeastSquaresStatus.NotFinite);
    }

    private static LeastSquaresResult Finish(ResidualProblem problem, double[] x, double[] f, LeastSquaresStatus status, int nfev, int njev, bool evaluate)
    {
        int m = problem.M;
        int n = problem.N;
        var jac = new double[m * n];
        if (evaluate)
        {
            problem.Jacobian(x, f, jac);
            njev++;
        }
        else
        {
            Array.Fill(jac, double.NaN);
        }

        var g = new double[n];
        LsqKernels.JtF(jac, m, n, f, g);
        double cost = 0.5 * LsqKernels.Dot(f, f);
        return new LeastSquaresResult
        {
            X = x,
            Cost = cost,
            Fun = f,
            Jac = LsqKernels.ToMatrix(jac, m, n),
            Grad = g,
            Optimality = LsqKernels.InfNorm(g),
            ActiveMask = new int[n],
            Nfev = nfev,
            Njev = njev,
            Status = status,
            Message = LeastSquaresResult.Describe(status, LeastSquaresMethod.Lm),
            Method = LeastSquaresMethod.Lm,
        };
    }

    /// <summary>
    /// lmpar (Moré 1978, §5): the parameter λ ≥ 0 with ‖D p(λ)‖ within 10% of Δ (or λ = 0 when the Gauss–Newton
    /// step is inside), p(λ) solving (JᵀJ + λDᵀD) p = −Jᵀf through <see cref="MinpackQr.Solve"/>. Writes p into
    /// <paramref name="x"/> (sign as MINPACK: the solution of [J; √λD]p ≅ [f; 0]); returns λ.
    /// </summary>
    private static double Lmpar(int n, Span<double> r, int ldr, ReadOnlySpan<int> ipvt, ReadOnlySpan<double> diag, ReadOnlySpan<double> qtb, double delta, double par,
        Span<double> x, Span<double> wa1, Span<double> wa2, Span<double> sdiag)
    {
        const double dwarf = double.Epsilon * 4503599627370496.0; // the smallest positive normal, 2.2e-308

        // The Gauss–Newton direction (least-squares solution when R is singular).
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

        double dxnorm = MinpackQr.Enorm(wa2.Slice(0, n));
        double fp = dxnorm - delta;
        if (fp <= 0.1 * delta)
        {
            return 0;
        }

        // Lower bound parl from the Newton step (zero when J is rank-deficient).
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

            double temp = MinpackQr.Enorm(wa1.Slice(0, n));
            parl = fp / delta / temp / temp;
        }

        // Upper bound paru.
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i <= j; i++)
            {
                sum += r[i + j * ldr] * qtb[i];
            }

            wa1[j] = sum / diag[ipvt[j]];
        }

        double gnorm = MinpackQr.Enorm(wa1.Slice(0, n));
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

            MinpackQr.Solve(n, r, ldr, ipvt, wa1, qtb, x, sdiag, wa2);
            for (int j = 0; j < n; j++)
            {
                wa2[j] = diag[j] * x[j];
            }

            dxnorm = MinpackQr.Enorm(wa2.Slice(0, n));
            double previous = fp;
            fp = dxnorm - delta;
            if (Math.Abs(fp) <= 0.1 * delta || (parl == 0 && fp <= previous && previous < 0) || iter == 10)
            {
                break;
            }

            // Newton correction.
            for (int j = 0; j < n; j++)
            {
                int l = ipvt[j];
                wa1[j] = diag[l] * (wa2[l] / dxnorm);
            }

            for (int j = 0; j < n; j++)
            {
                wa1[j] /= sdiag[j];
                double temp = wa1[j];
                for (int i = j + 1; i < n; i++)
                {
                    wa1[i] -= r[i + j * ldr] * temp;
                }
            }

            double tn = MinpackQr.Enorm(wa1.Slice(0, n));
            double parc = fp / delta / tn / tn;
            if (fp > 0)
            {
                parl = Math.Max(parl, par);
            }
            else if (fp < 0)
            {
                paru = Math.Min(paru, par);
            }

            par = Math.Max(parl, par + parc);
        }

        return par;
    }
}
