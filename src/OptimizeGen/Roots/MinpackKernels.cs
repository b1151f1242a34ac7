namespace OptimizeGen;

// The linear-algebra kernels MINPACK's hybrj and lmder share: a careful Euclidean norm (enorm) and the Householder QR
// factorization with optional column pivoting (qrfac). Matrices are column-major, a[i + j·lda], as in MINPACK, so the loops
// run down contiguous columns. Written from the algorithms' descriptions in Moré, Garbow, Hillstrom, "User Guide for
// MINPACK-1", ANL-80-74 (1980).
internal static class MinpackKernels
{
    public const double Epsmch = NumericalDifferentiation.MachineEpsilon;

    /// <summary>‖x‖₂ without destructive underflow or overflow (scales only when the plain sum of squares is out of range).</summary>
    public static double Enorm(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            s += x[i] * x[i];
        }

        if (s > 1e-290 && s < 1e290)
        {
            return Math.Sqrt(s);
        }

        if (double.IsNaN(s))
        {
            return double.NaN;
        }

        double max = 0;
        for (int i = 0; i < x.Length; i++)
        {
            max = Math.Max(max, Math.Abs(x[i]));
        }

        if (max == 0 || double.IsInfinity(max))
        {
            return max;
        }

        double t = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double r = x[i] / max;
            t += r * r;
        }

        return max * Math.Sqrt(t);
    }

    /// <summary>
    /// qrfac: Householder QR of the m×n column-major <paramref name="a"/> (lda = m), with column pivoting when
    /// <paramref name="pivot"/>. On return the upper triangle above the diagonal holds R's strict upper part, the lower trapezoid
    /// (diagonal included) the Householder vectors, <paramref name="rdiag"/> R's diagonal, <paramref name="acnorm"/> the norms of
    /// A's columns, and <paramref name="ipvt"/> the permutation (column j of A·P is column ipvt[j] of A).
    /// </summary>
    public static void Qrfac(int m, int n, Span<double> a, bool pivot, Span<int> ipvt, Span<double> rdiag, Span<double> acnorm, Span<double> wa)
    {
        for (int j = 0; j < n; j++)
        {
            acnorm[j] = Enorm(a.Slice(j * m, m));
            rdiag[j] = acnorm[j];
            wa[j] = rdiag[j];
            if (pivot)
            {
                ipvt[j] = j;
            }
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
                    for (int i = 0; i < m; i++)
                    {
                        (a[i + j * m], a[i + kmax * m]) = (a[i + kmax * m], a[i + j * m]);
                    }

                    rdiag[kmax] = rdiag[j];
                    wa[kmax] = wa[j];
                    (ipvt[j], ipvt[kmax]) = (ipvt[kmax], ipvt[j]);
                }
            }

            double ajnorm = Enorm(a.Slice(j + j * m, m - j));
            if (ajnorm != 0)
            {
                if (a[j + j * m] < 0)
                {
                    ajnorm = -ajnorm;
                }

                for (int i = j; i < m; i++)
                {
                    a[i + j * m] /= ajnorm;
                }

                a[j + j * m] += 1;
                for (int k = j + 1; k < n; k++)
                {
                    double sum = 0;
                    for (int i = j; i < m; i++)
                    {
                        sum += a[i + j * m] * a[i + k * m];
                    }

                    double temp = sum / a[j + j * m];
                    for (int i = j; i < m; i++)
                    {
                        a[i + k * m] -= temp * a[i + j * m];
                    }

                    if (pivot && rdiag[k] != 0)
                    {
                        temp = a[j + k * m] / rdiag[k];
                        rdiag[k] *= Math.Sqrt(Math.Max(0, 1 - temp * temp));
                        double ratio = rdiag[k] / wa[k];
                        if (0.05 * ratio * ratio <= Epsmch)
                        {
                            rdiag[k] = Enorm(a.Slice(j + 1 + k * m, m - j - 1));
                            wa[k] = rdiag[k];
                        }
                    }
                }
            }

            rdiag[j] = -ajnorm;
        }
    }

    /// <summary>True when every entry is finite.</summary>
    public static bool AllFinite(ReadOnlySpan<double> v)
    {
        for (int i = 0; i < v.Length; i++)
        {
            if (!double.IsFinite(v[i]))
            {
                return false;
            }
        }

        return true;
    }
}
