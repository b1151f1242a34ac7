using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OptimizeGen;

/// <summary>
/// The vector kernels the limited-memory methods spend their time in, on spans with <see cref="Vector{T}"/>: inner
/// products and updates over the stored pairs, and the fused sweeps of L-BFGS-B's iteration (an update together with
/// the inner products that follow it, so that each n-vector is read once per use). The MinimizeBenchmarks table is
/// the reason for each of them. Sums are taken in vector lanes, so their last bits depend on the vector width. The
/// kernels are compiled fully optimized at once (AggressiveOptimization): under tiered compilation with dynamic PGO
/// the L-BFGS two-loop measured 5.3 µs at n = 1,000 against 3.0 µs so, and a solve of a few tens of milliseconds
/// would otherwise run partly on unoptimized code.
/// </summary>
internal static class SpanKernels
{
    private static int Width => Vector<double>.Count;

    /// <summary>a·b + c, rounded twice (not fused: a fused multiply-add measured no faster here and would make the
    /// iterates depend on the runtime and the processor).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> MulAdd(Vector<double> a, Vector<double> b, Vector<double> c) => a * b + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Load(ReadOnlySpan<double> span, int i) =>
        Vector.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<double> value, Span<double> span, int i) =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)i);

    /// <summary>Throws unless every span is at least <paramref name="n"/> long (the loops below index without checks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Require(int n, int length)
    {
        if (length < n)
        {
            ThrowTooShort(n, length);
        }
    }

    // Kept out of line so that Require inlines to a compare and a never-taken branch.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooShort(int n, int length) =>
        throw new ArgumentException($"A span of length {length} where {n} entries are needed.");

    /// <summary>aᵀb.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int n = a.Length;
        Require(n, b.Length);
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= 4 * Width)
        {
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            var acc2 = Vector<double>.Zero;
            var acc3 = Vector<double>.Zero;
            for (; i <= n - 4 * Width; i += 4 * Width)
            {
                acc0 = MulAdd(Load(a, i), Load(b, i), acc0);
                acc1 = MulAdd(Load(a, i + Width), Load(b, i + Width), acc1);
                acc2 = MulAdd(Load(a, i + 2 * Width), Load(b, i + 2 * Width), acc2);
                acc3 = MulAdd(Load(a, i + 3 * Width), Load(b, i + 3 * Width), acc3);
            }

            for (; i <= n - Width; i += Width)
            {
                acc0 = MulAdd(Load(a, i), Load(b, i), acc0);
            }

            sum = Vector.Sum((acc0 + acc1) + (acc2 + acc3));
        }

        for (; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>y ← source + α x, then returns zᵀy (the updated y) from the same sweep; source may be y itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double AxpyDot(double alpha, ReadOnlySpan<double> x, ReadOnlySpan<double> source, Span<double> y, ReadOnlySpan<double> z)
    {
        int n = y.Length;
        Require(n, x.Length);
        Require(n, source.Length);
        Require(n, z.Length);
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= 2 * Width)
        {
            var va = new Vector<double>(alpha);
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            for (; i <= n - 2 * Width; i += 2 * Width)
            {
                var y0 = MulAdd(va, Load(x, i), Load(source, i));
                var y1 = MulAdd(va, Load(x, i + Width), Load(source, i + Width));
                Store(y0, y, i);
                Store(y1, y, i + Width);
                acc0 = MulAdd(Load(z, i), y0, acc0);
                acc1 = MulAdd(Load(z, i + Width), y1, acc1);
            }

            for (; i <= n - Width; i += Width)
            {
                var y0 = MulAdd(va, Load(x, i), Load(source, i));
                Store(y0, y, i);
                acc0 = MulAdd(Load(z, i), y0, acc0);
            }

            sum = Vector.Sum(acc0 + acc1);
        }

        for (; i < n; i++)
        {
            y[i] = source[i] + alpha * x[i];
            sum += z[i] * y[i];
        }

        return sum;
    }

    /// <summary>y ← (source + α x)·β, then returns zᵀy from the same sweep; source may be y itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double AxpyScaleDot(double alpha, ReadOnlySpan<double> x, ReadOnlySpan<double> source, double beta, Span<double> y, ReadOnlySpan<double> z)
    {
        int n = y.Length;
        Require(n, x.Length);
        Require(n, source.Length);
        Require(n, z.Length);
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var va = new Vector<double>(alpha);
            var vb = new Vector<double>(beta);
            var acc = Vector<double>.Zero;
            for (; i <= n - Width; i += Width)
            {
                var y0 = MulAdd(va, Load(x, i), Load(source, i)) * vb;
                Store(y0, y, i);
                acc = MulAdd(Load(z, i), y0, acc);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < n; i++)
        {
            y[i] = (source[i] + alpha * x[i]) * beta;
            sum += z[i] * y[i];
        }

        return sum;
    }

    /// <summary>y ← −(y + α x), and returns (cᵀy, yᵀy) of the new y from the same sweep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double CY, double YY) AxpyNegateDots(double alpha, ReadOnlySpan<double> x, Span<double> y, ReadOnlySpan<double> c)
    {
        int n = y.Length;
        Require(n, x.Length);
        Require(n, c.Length);
        int i = 0;
        double cy = 0, yy = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var va = new Vector<double>(alpha);
            var accCy = Vector<double>.Zero;
            var accYy = Vector<double>.Zero;
            for (; i <= n - Width; i += Width)
            {
                var y0 = -MulAdd(va, Load(x, i), Load(y, i));
                Store(y0, y, i);
                accCy = MulAdd(Load(c, i), y0, accCy);
                accYy = MulAdd(y0, y0, accYy);
            }

            cy = Vector.Sum(accCy);
            yy = Vector.Sum(accYy);
        }

        for (; i < n; i++)
        {
            double y0 = -(y[i] + alpha * x[i]);
            y[i] = y0;
            cy += c[i] * y0;
            yy += y0 * y0;
        }

        return (cy, yy);
    }

    /// <summary>z ← α·source, and returns (cᵀz, zᵀz) from the same sweep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double CZ, double ZZ) ScaleDots(double alpha, ReadOnlySpan<double> source, ReadOnlySpan<double> c, Span<double> z)
    {
        int n = z.Length;
        Require(n, source.Length);
        Require(n, c.Length);
        int i = 0;
        double cz = 0, zz = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var va = new Vector<double>(alpha);
            var accCz = Vector<double>.Zero;
            var accZz = Vector<double>.Zero;
            for (; i <= n - Width; i += Width)
            {
                var d = va * Load(source, i);
                Store(d, z, i);
                accCz = MulAdd(Load(c, i), d, accCz);
                accZz = MulAdd(d, d, accZz);
            }

            cz = Vector.Sum(accCz);
            zz = Vector.Sum(accZz);
        }

        for (; i < n; i++)
        {
            double d = alpha * source[i];
            z[i] = d;
            cz += c[i] * d;
            zz += d * d;
        }

        return (cz, zz);
    }

    /// <summary>
    /// max |(xᵢ − gᵢ) − xᵢ|: the ∞-norm of the projected gradient P(x − g) − x without bounds, computed as with them
    /// (it differs from max |gᵢ| by rounding). Entries are assumed finite.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double StepNorm(ReadOnlySpan<double> x, ReadOnlySpan<double> g)
    {
        int n = x.Length;
        Require(n, g.Length);
        int i = 0;
        double norm = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var acc = Vector<double>.Zero;
            for (; i <= n - Width; i += Width)
            {
                var xi = Load(x, i);
                acc = Vector.Max(acc, Vector.Abs((xi - Load(g, i)) - xi));
            }

            for (int l = 0; l < Width; l++)
            {
                norm = Math.Max(norm, acc[l]);
            }
        }

        for (; i < n; i++)
        {
            norm = Math.Max(norm, Math.Abs((x[i] - g[i]) - x[i]));
        }

        return norm;
    }

    /// <summary>
    /// <see cref="PairDots"/> and, from the same sweep, <see cref="StepNorm"/> of the new point: s ← x⁺ − x,
    /// y ← g⁺ − g, and returns (sᵀy, yᵀy, max |(x⁺ᵢ − g⁺ᵢ) − x⁺ᵢ|).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double SY, double YY, double StepNorm) PairDotsStepNorm(
        ReadOnlySpan<double> xNew, ReadOnlySpan<double> x, ReadOnlySpan<double> gNew, ReadOnlySpan<double> g, Span<double> s, Span<double> y)
    {
        int n = s.Length;
        Require(n, xNew.Length);
        Require(n, x.Length);
        Require(n, gNew.Length);
        Require(n, g.Length);
        Require(n, y.Length);
        int i = 0;
        double sy = 0, yy = 0, norm = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var accSy = Vector<double>.Zero;
            var accYy = Vector<double>.Zero;
            var accNorm = Vector<double>.Zero;
            for (; i <= n - Width; i += Width)
            {
                var xn = Load(xNew, i);
                var gn = Load(gNew, i);
                var sk = xn - Load(x, i);
                var yk = gn - Load(g, i);
                Store(sk, s, i);
                Store(yk, y, i);
                accSy = MulAdd(sk, yk, accSy);
                accYy = MulAdd(yk, yk, accYy);
                accNorm = Vector.Max(accNorm, Vector.Abs((xn - gn) - xn));
            }

            sy = Vector.Sum(accSy);
            yy = Vector.Sum(accYy);
            for (int l = 0; l < Width; l++)
            {
                norm = Math.Max(norm, accNorm[l]);
            }
        }

        for (; i < n; i++)
        {
            double si = xNew[i] - x[i];
            double yi = gNew[i] - g[i];
            s[i] = si;
            y[i] = yi;
            sy += si * yi;
            yy += yi * yi;
            norm = Math.Max(norm, Math.Abs((xNew[i] - gNew[i]) - xNew[i]));
        }

        return (sy, yy, norm);
    }

    /// <summary>
    /// One conjugate-gradient update: p ← p + α d and r ← r + α Hd, returning (rᵀr, ‖r‖₁) of the new residual from the
    /// same sweep.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double RR, double R1) CgStep(double alpha, ReadOnlySpan<double> d, ReadOnlySpan<double> hd, Span<double> p, Span<double> r)
    {
        int n = r.Length;
        Require(n, d.Length);
        Require(n, hd.Length);
        Require(n, p.Length);
        int i = 0;
        double rr = 0, r1 = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var va = new Vector<double>(alpha);
            var accRr = Vector<double>.Zero;
            var accR1 = Vector<double>.Zero;
            for (; i <= n - Width; i += Width)
            {
                Store(MulAdd(va, Load(d, i), Load(p, i)), p, i);
                var ri = MulAdd(va, Load(hd, i), Load(r, i));
                Store(ri, r, i);
                accRr = MulAdd(ri, ri, accRr);
                accR1 += Vector.Abs(ri);
            }

            rr = Vector.Sum(accRr);
            r1 = Vector.Sum(accR1);
        }

        for (; i < n; i++)
        {
            p[i] += alpha * d[i];
            double ri = r[i] + alpha * hd[i];
            r[i] = ri;
            rr += ri * ri;
            r1 += Math.Abs(ri);
        }

        return (rr, r1);
    }

    /// <summary>
    /// Steihaug's conjugate-gradient update: z ← z + α d, hz ← hz + α Hd, r ← r + α Hd, returning rᵀr of the new
    /// residual from the same sweep.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double CgStep(double alpha, ReadOnlySpan<double> d, ReadOnlySpan<double> hd, Span<double> z, Span<double> hz, Span<double> r)
    {
        int n = r.Length;
        Require(n, d.Length);
        Require(n, hd.Length);
        Require(n, z.Length);
        Require(n, hz.Length);
        int i = 0;
        double rr = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var va = new Vector<double>(alpha);
            var acc = Vector<double>.Zero;
            for (; i <= n - Width; i += Width)
            {
                Store(MulAdd(va, Load(d, i), Load(z, i)), z, i);
                var ahd = va * Load(hd, i);
                Store(Load(hz, i) + ahd, hz, i);
                var ri = Load(r, i) + ahd;
                Store(ri, r, i);
                acc = MulAdd(ri, ri, acc);
            }

            rr = Vector.Sum(acc);
        }

        for (; i < n; i++)
        {
            z[i] += alpha * d[i];
            double ahd = alpha * hd[i];
            hz[i] += ahd;
            double ri = r[i] + ahd;
            r[i] = ri;
            rr += ri * ri;
        }

        return rr;
    }

    /// <summary>‖z + α d‖₂² without forming z + α d.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double NormSquaredOfSum(ReadOnlySpan<double> z, double alpha, ReadOnlySpan<double> d)
    {
        int n = z.Length;
        Require(n, d.Length);
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var va = new Vector<double>(alpha);
            var acc = Vector<double>.Zero;
            for (; i <= n - Width; i += Width)
            {
                var zi = MulAdd(va, Load(d, i), Load(z, i));
                acc = MulAdd(zi, zi, acc);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < n; i++)
        {
            double zi = z[i] + alpha * d[i];
            sum += zi * zi;
        }

        return sum;
    }

    /// <summary>The conjugate direction d ← −r + β d.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CgDirection(double beta, ReadOnlySpan<double> r, Span<double> d)
    {
        int n = d.Length;
        Require(n, r.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var vb = new Vector<double>(beta);
            for (; i <= n - Width; i += Width)
            {
                Store(MulAdd(vb, Load(d, i), -Load(r, i)), d, i);
            }
        }

        for (; i < n; i++)
        {
            d[i] = -r[i] + beta * d[i];
        }
    }

    /// <summary>z ← a − b, and returns (cᵀz, zᵀz) from the same sweep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double CZ, double ZZ) DifferenceDots(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, Span<double> z)
    {
        int n = z.Length;
        Require(n, a.Length);
        Require(n, b.Length);
        Require(n, c.Length);
        int i = 0;
        double cz = 0, zz = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var accCz = Vector<double>.Zero;
            var accZz = Vector<double>.Zero;
            for (; i <= n - Width; i += Width)
            {
                var d = Load(a, i) - Load(b, i);
                Store(d, z, i);
                accCz = MulAdd(Load(c, i), d, accCz);
                accZz = MulAdd(d, d, accZz);
            }

            cz = Vector.Sum(accCz);
            zz = Vector.Sum(accZz);
        }

        for (; i < n; i++)
        {
            double d = a[i] - b[i];
            z[i] = d;
            cz += c[i] * d;
            zz += d * d;
        }

        return (cz, zz);
    }

    /// <summary>s ← x⁺ − x and y ← g⁺ − g, and returns (sᵀy, yᵀy) from the same sweep.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double SY, double YY) PairDots(
        ReadOnlySpan<double> xNew, ReadOnlySpan<double> x, ReadOnlySpan<double> gNew, ReadOnlySpan<double> g, Span<double> s, Span<double> y)
    {
        int n = s.Length;
        Require(n, xNew.Length);
        Require(n, x.Length);
        Require(n, gNew.Length);
        Require(n, g.Length);
        Require(n, y.Length);
        int i = 0;
        double sy = 0, yy = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var accSy = Vector<double>.Zero;
            var accYy = Vector<double>.Zero;
            for (; i <= n - Width; i += Width)
            {
                var sk = Load(xNew, i) - Load(x, i);
                var yk = Load(gNew, i) - Load(g, i);
                Store(sk, s, i);
                Store(yk, y, i);
                accSy = MulAdd(sk, yk, accSy);
                accYy = MulAdd(yk, yk, accYy);
            }

            sy = Vector.Sum(accSy);
            yy = Vector.Sum(accYy);
        }

        for (; i < n; i++)
        {
            double si = xNew[i] - x[i];
            double yi = gNew[i] - g[i];
            s[i] = si;
            y[i] = yi;
            sy += si * yi;
            yy += yi * yi;
        }

        return (sy, yy);
    }

    /// <summary>y ← α y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale(double alpha, Span<double> y)
    {
        int n = y.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var va = new Vector<double>(alpha);
            for (; i <= n - Width; i += Width)
            {
                Store(va * Load(y, i), y, i);
            }
        }

        for (; i < n; i++)
        {
            y[i] *= alpha;
        }
    }

    /// <summary>z ← x + α d (z may be x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled(ReadOnlySpan<double> x, double alpha, ReadOnlySpan<double> d, Span<double> z)
    {
        int n = z.Length;
        Require(n, x.Length);
        Require(n, d.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var va = new Vector<double>(alpha);
            for (; i <= n - Width; i += Width)
            {
                Store(MulAdd(va, Load(d, i), Load(x, i)), z, i);
            }
        }

        for (; i < n; i++)
        {
            z[i] = x[i] + alpha * d[i];
        }
    }

    /// <summary>y ← y + α x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = y.Length;
        Require(n, x.Length);
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var va = new Vector<double>(alpha);
            for (; i <= n - 2 * Width; i += 2 * Width)
            {
                Store(MulAdd(va, Load(x, i), Load(y, i)), y, i);
                Store(MulAdd(va, Load(x, i + Width), Load(y, i + Width)), y, i + Width);
            }

            for (; i <= n - Width; i += Width)
            {
                Store(MulAdd(va, Load(x, i), Load(y, i)), y, i);
            }
        }

        for (; i < n; i++)
        {
            y[i] += alpha * x[i];
        }
    }
}

/// <summary>
/// n-vectors in one block on the pinned object heap, each starting on a 64-byte (cache-line) boundary: vector loads
/// that straddle two lines made the L-BFGS two-loop about 20% slower at n = 1,000. Offset(i) is where vector i starts
/// in <see cref="Data"/>.
/// </summary>
internal sealed class VectorBlock
{
    private readonly int _first;
    private readonly int _stride;

    public VectorBlock(int count, int n)
    {
        // A stride of whole cache lines, but never a multiple of 4 KiB (vectors at equal page offsets alias in the
        // store-to-load checks).
        _stride = (n + 7) & ~7;
        if (_stride % 512 == 0)
        {
            _stride += 8;
        }

        Data = GC.AllocateArray<double>(count * _stride + 8, pinned: true);
        var handle = GCHandle.Alloc(Data, GCHandleType.Pinned);
        long address = handle.AddrOfPinnedObject();
        handle.Free(); // the array lives on the pinned object heap: its address does not change
        _first = (int)(((64 - (address & 63)) & 63) / sizeof(double));
    }

    /// <summary>The block.</summary>
    public double[] Data { get; }

    /// <summary>The start of vector <paramref name="index"/> in <see cref="Data"/>.</summary>
    public int Offset(int index) => _first + index * _stride;
}
