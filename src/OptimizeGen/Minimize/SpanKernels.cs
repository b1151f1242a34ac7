using System.Numerics;
using System.Runtime.InteropServices;

namespace OptimizeGen;

/// <summary>
/// The two vector kernels the limited-memory methods spend their time in, on spans with <see cref="Vector{T}"/>
/// (the MinimizeBenchmarks table is the reason: column-wise dot products and updates over the stored pairs replaced
/// row-by-row gathers that cost L-BFGS-B most of its time at n = 1,000).
/// </summary>
internal static class SpanKernels
{
    /// <summary>aᵀb.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length;
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= 2 * Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..n]);
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            int k = 0;
            for (; k + 1 < va.Length; k += 2)
            {
                acc0 += va[k] * vb[k];
                acc1 += va[k + 1] * vb[k + 1];
            }

            for (; k < va.Length; k++)
            {
                acc0 += va[k] * vb[k];
            }

            sum = Vector.Dot(acc0 + acc1, Vector<double>.One);
            i = va.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>y ← y + α x.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = y.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var va = new Vector<double>(alpha);
            for (int k = 0; k < vy.Length; k++)
            {
                vy[k] += va * vx[k];
            }

            i = vy.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            y[i] += alpha * x[i];
        }
    }
}
