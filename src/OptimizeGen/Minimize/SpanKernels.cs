using System.Numerics;
using System.Runtime.InteropServices;

namespace OptimizeGen;

/// <summary>
/// The vector kernels the limited-memory methods spend their time in, on spans with <see cref="Vector{T}"/>
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

    /// <summary>
    /// y ← y + α x, then returns zᵀy (the updated y) from the same pass: one sweep where <see cref="Axpy"/> followed by
    /// <see cref="Dot"/> makes two, with the same operations in the same order (so the same rounding) as that pair.
    /// </summary>
    public static double AxpyDot(double alpha, ReadOnlySpan<double> x, Span<double> y, ReadOnlySpan<double> z)
    {
        int n = y.Length;
        if (!Vector.IsHardwareAccelerated || n < 2 * Vector<double>.Count)
        {
            Axpy(alpha, x, y);
            return Dot(z, y);
        }

        var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        var vz = MemoryMarshal.Cast<double, Vector<double>>(z[..n]);
        var va = new Vector<double>(alpha);
        var acc0 = Vector<double>.Zero;
        var acc1 = Vector<double>.Zero;
        int k = 0;
        for (; k + 1 < vy.Length; k += 2)
        {
            var y0 = vy[k] + va * vx[k];
            var y1 = vy[k + 1] + va * vx[k + 1];
            vy[k] = y0;
            vy[k + 1] = y1;
            acc0 += vz[k] * y0;
            acc1 += vz[k + 1] * y1;
        }

        for (; k < vy.Length; k++)
        {
            var y0 = vy[k] + va * vx[k];
            vy[k] = y0;
            acc0 += vz[k] * y0;
        }

        double sum = Vector.Dot(acc0 + acc1, Vector<double>.One);
        for (int i = vy.Length * Vector<double>.Count; i < n; i++)
        {
            y[i] += alpha * x[i];
            sum += z[i] * y[i];
        }

        return sum;
    }

    /// <summary>y ← α y.</summary>
    public static void Scale(double alpha, Span<double> y)
    {
        int n = y.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            var va = new Vector<double>(alpha);
            for (int k = 0; k < vy.Length; k++)
            {
                vy[k] *= va;
            }

            i = vy.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            y[i] *= alpha;
        }
    }

    /// <summary>z ← x + α d (z may be x).</summary>
    public static void AddScaled(ReadOnlySpan<double> x, double alpha, ReadOnlySpan<double> d, Span<double> z)
    {
        int n = z.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
            var vd = MemoryMarshal.Cast<double, Vector<double>>(d[..n]);
            var vz = MemoryMarshal.Cast<double, Vector<double>>(z);
            var va = new Vector<double>(alpha);
            for (int k = 0; k < vz.Length; k++)
            {
                vz[k] = vx[k] + va * vd[k];
            }

            i = vz.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            z[i] = x[i] + alpha * d[i];
        }
    }

    /// <summary>z ← x − y.</summary>
    public static void Subtract(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> z)
    {
        int n = z.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x[..n]);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..n]);
            var vz = MemoryMarshal.Cast<double, Vector<double>>(z);
            for (int k = 0; k < vz.Length; k++)
            {
                vz[k] = vx[k] - vy[k];
            }

            i = vz.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            z[i] = x[i] - y[i];
        }
    }

    /// <summary>max |xᵢ| (0 for an empty span; NaN entries are ignored, so callers check finiteness first).</summary>
    public static double MaxAbs(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        int i = 0;
        double max = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var acc = Vector<double>.Zero;
            for (int k = 0; k < vx.Length; k++)
            {
                acc = Vector.Max(acc, Vector.Abs(vx[k]));
            }

            for (int l = 0; l < Vector<double>.Count; l++)
            {
                max = Math.Max(max, acc[l]);
            }

            i = vx.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            max = Math.Max(max, Math.Abs(x[i]));
        }

        return max;
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
