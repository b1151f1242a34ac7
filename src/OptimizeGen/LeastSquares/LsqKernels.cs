namespace OptimizeGen.LeastSquaresInternals;

/// <summary>Small span kernels shared by the least-squares methods (column-major m×n Jacobians).</summary>
internal static class LsqKernels
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    public static double Norm(ReadOnlySpan<double> a) => MinpackQr.Enorm(a);

    public static double InfNorm(ReadOnlySpan<double> a)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s = Math.Max(s, Math.Abs(a[i]));
        }

        return s;
    }

    public static bool AllFinite(ReadOnlySpan<double> a)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (!double.IsFinite(a[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>g = Jᵀf.</summary>
    public static void JtF(ReadOnlySpan<double> jac, int m, int n, ReadOnlySpan<double> f, Span<double> g)
    {
        for (int j = 0; j < n; j++)
        {
            g[j] = Dot(jac.Slice(j * m, m), f);
        }
    }

    /// <summary>y = J s (y length m).</summary>
    public static void JTimes(ReadOnlySpan<double> jac, int m, int n, ReadOnlySpan<double> s, Span<double> y)
    {
        y.Slice(0, m).Clear();
        for (int j = 0; j < n; j++)
        {
            double sj = s[j];
            if (sj == 0)
            {
                continue;
            }

            ReadOnlySpan<double> col = jac.Slice(j * m, m);
            for (int i = 0; i < m; i++)
            {
                y[i] += col[i] * sj;
            }
        }
    }

    public static void TransposeRowMajor(ReadOnlySpan<double> rowMajor, int m, int n, Span<double> colMajor)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                colMajor[i + j * m] = rowMajor[i * n + j];
            }
        }
    }

    public static double[,] ToMatrix(ReadOnlySpan<double> colMajor, int m, int n)
    {
        var a = new double[m, n];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++)
            {
                a[i, j] = colMajor[i + j * m];
            }
        }

        return a;
    }
}
