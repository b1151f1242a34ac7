// MINPACK's QR kernels: qrfac (Householder QR with column pivoting by largest remaining column norm) and qrsolv
// (the least-squares solution of [A; D]x ≅ [b; 0] from the QR of A, eliminating the diagonal D with Givens
// rotations), plus enorm. After J. J. Moré, B. S. Garbow, K. E. Hillstrom, "User Guide for MINPACK-1",
// Argonne National Laboratory ANL-80-74 (1980), and Moré, "The Levenberg–Marquardt algorithm: implementation and
// theory", Lecture Notes in Mathematics 630 (1978), §3. Arrays are column-major with leading dimension m, indices
// 0-based. Departure: enorm sums squares directly and falls back to a scaled sum only when the plain sum
// under- or overflows (same result, fewer operations than MINPACK's three-accumulator loop).
namespace OptimizeGen.LeastSquaresInternals;

internal static class MinpackQr
{
    /// <summary>The Euclidean norm, safe against overflow and underflow.</summary>
    public static double Enorm(ReadOnlySpan<double> v)
    {
        double s = LsqKernels.Dot(v, v);

        if (s > 1e-280 && s < 1e280)
        {
            return Math.Sqrt(s);
        }

        double max = 0;
        for (int i = 0; i < v.Length; i++)
        {
            max = Math.Max(max, Math.Abs(v[i]));
        }

        if (max == 0 || double.IsNaN(s) || double.IsInfinity(max))
        {
            return double.IsNaN(s) ? double.NaN : max;
        }

        double t = 0;
        for (int i = 0; i < v.Length; i++)
        {
            double r = v[i] / max;
            t += r * r;
        }

        return max * Math.Sqrt(t);
    }

    /// <summary>
    /// qrfac with pivoting: A·P = Q·R. On return the upper triangle of A (m×n, m ≥ n) holds R above its diagonal,
    /// the lower trapezoid the Householder vectors (column j: vⱼ with A[j,j] = vⱼ[0]), <paramref name="rdiag"/> the
    /// diagonal of R, <paramref name="acnorm"/> the norms of A's original columns, <paramref name="ipvt"/> the
    /// permutation (column j of A·P is column ipvt[j] of A).
    /// </summary>
    public static void Factor(Span<double> a, int m, int n, Span<int> ipvt, Span<double> rdiag, Span<double> acnorm, Span<double> wa, bool pivot = true)
    {
        const double epsmch = NumericalDifferentiation.MachineEpsilon;
        for (int j = 0; j < n; j++)
        {
            acnorm[j] = Enorm(a.Slice(j * m, m));
            rdiag[j] = acnorm[j];
            wa[j] = rdiag[j];
            ipvt[j] = j;
        }

        int minmn = Math.Min(m, n);
        for (int j = 0; j < minmn; j++)
        {
            if (pivot)
            {
                int kmax = j;
                for (int k = j; k < n; k++)
                {
                    if (rdiag[k] > rdiag[kmax])
                    {
                        kmax = k;
                    }
                }

                if (kmax != j)
                {
                    Span<double> cj = a.Slice(j * m, m);
                    Span<double> ck = a.Slice(kmax * m, m);
                    for (int i = 0; i < m; i++)
                    {
                        (cj[i], ck[i]) = (ck[i], cj[i]);
                    }

                    rdiag[kmax] = rdiag[j];
                    wa[kmax] = wa[j];
                    (ipvt[j], ipvt[kmax]) = (ipvt[kmax], ipvt[j]);
                }
            }

            Span<double> colj = a.Slice(j * m, m);
            double ajnorm = Enorm(colj.Slice(j));
            if (ajnorm != 0)
            {
                if (colj[j] < 0)
                {
                    ajnorm = -ajnorm;
                }

                double inv = 1.0 / ajnorm;
                for (int i = j; i < m; i++)
                {
                    colj[i] *= inv;
                }

                colj[j] += 1.0;
                double ajj = colj[j];
                for (int k = j + 1; k < n; k++)
                {
                    Span<double> colk = a.Slice(k * m, m);
                    double sum = LsqKernels.Dot(colj.Slice(j), colk.Slice(j));
                    double temp = sum / ajj;
                    LsqKernels.Axpy(-temp, colj.Slice(j), colk.Slice(j));

                    if (pivot && rdiag[k] != 0)
                    {
                        double t = colk[j] / rdiag[k];
                        rdiag[k] *= Math.Sqrt(Math.Max(0.0, 1.0 - t * t));
                        double r = rdiag[k] / wa[k];
                        if (0.05 * r * r <= epsmch)
                        {
                            rdiag[k] = Enorm(colk.Slice(j + 1));
                            wa[k] = rdiag[k];
                        }
                    }
                }
            }

            rdiag[j] = -ajnorm;
        }
    }

    /// <summary>
    /// Applies Qᵀ (from <see cref="Factor"/>'s Householder vectors in <paramref name="a"/>) to <paramref name="b"/> (length m) in place.
    /// </summary>
    public static void ApplyQt(ReadOnlySpan<double> a, int m, int n, Span<double> b)
    {
        int minmn = Math.Min(m, n);
        for (int j = 0; j < minmn; j++)
        {
            ReadOnlySpan<double> colj = a.Slice(j * m, m);
            double ajj = colj[j];
            if (ajj == 0)
            {
                continue;
            }

            double temp = -LsqKernels.Dot(colj.Slice(j), b.Slice(j, m - j)) / ajj;
            LsqKernels.Axpy(temp, colj.Slice(j), b.Slice(j, m - j));
        }
    }

    /// <summary>
    /// qrsolv: given the n×n upper triangle R of A·P = Q·R in <paramref name="r"/> (column-major, leading dimension
    /// <paramref name="ldr"/>), the diagonal D, and Qᵀb, solves min ‖[A; D](x) − [b; 0]‖ into <paramref name="x"/>.
    /// On return the strict lower triangle of r holds the transpose of the strict upper triangle of S with
    /// Pᵀ(AᵀA + DD)P = SᵀS, and <paramref name="sdiag"/> the diagonal of S. R's upper triangle is unchanged.
    /// </summary>
    public static void Solve(int n, Span<double> r, int ldr, ReadOnlySpan<int> ipvt, ReadOnlySpan<double> diag, ReadOnlySpan<double> qtb, Span<double> x, Span<double> sdiag, Span<double> wa)
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

                    double rkk = r[k + k * ldr];
                    double cos, sin;
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
                        double rik = r[i + k * ldr];
                        temp = cos * rik + sin * sdiag[i];
                        sdiag[i] = -sin * rik + cos * sdiag[i];
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

        for (int k = nsing - 1; k >= 0; k--)
        {
            double sum = 0;
            for (int i = k + 1; i < nsing; i++)
            {
                sum += r[i + k * ldr] * wa[i];
            }

            wa[k] = (wa[k] - sum) / sdiag[k];
        }

        for (int j = 0; j < n; j++)
        {
            x[ipvt[j]] = wa[j];
        }
    }
}
