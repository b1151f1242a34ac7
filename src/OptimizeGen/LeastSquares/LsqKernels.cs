using System.Numerics;
using System.Runtime.InteropServices;

namespace OptimizeGen.LeastSquaresInternals;

/// <summary>
/// Small span kernels shared by the least-squares methods (column-major m×n Jacobians). Dot and Axpy run on
/// <see cref="Vector{T}"/> lanes: they carry the O(m·n²) work of the Householder QR, which for NIST's 150–250-point
/// sets costs as much as the model evaluations (CurveFitBenchmarks).
/// </summary>
internal static class LsqKernels
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length;
        b = b.Slice(0, n);
        double s = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= 2 * Vector<double>.Count)
        {
            ReadOnlySpan<Vector<double>> va = MemoryMarshal.Cast<double, Vector<double>>(a);
            ReadOnlySpan<Vector<double>> vb = MemoryMarshal.Cast<double, Vector<double>>(b);
            Vector<double> acc0 = Vector<double>.Zero;
            Vector<double> acc1 = Vector<double>.Zero;
            int k = 0;
            for (; k + 1 < va.Length; k += 2)
            {
                acc0 += va[k] * vb[k];
                acc1 += va[k + 1] * vb[k + 1];
            }

            if (k < va.Length)
            {
                acc0 += va[k] * vb[k];
            }

            s = Vector.Sum(acc0 + acc1);
            i = va.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>y += α·x.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length;
        y = y.Slice(0, n);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            ReadOnlySpan<Vector<double>> vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            Span<Vector<double>> vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var va = new Vector<double>(alpha);
            for (int k = 0; k < vx.Length; k++)
            {
                vy[k] += va * vx[k];
            }

            i = vx.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            y[i] += alpha * x[i];
        }
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
