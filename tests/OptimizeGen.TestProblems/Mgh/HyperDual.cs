namespace OptimizeGen.TestProblems.Mgh;

/// <summary>
/// A hyper-dual number a + a₁ε₁ + a₂ε₂ + a₁₂ε₁ε₂ with ε₁² = ε₂² = 0 (Fike and Alonso, "The development of hyper-dual
/// numbers for exact second-derivative calculations", AIAA 2011-886): evaluating f at x + eᵢε₁ + vε₂ gives f(x),
/// ∂f/∂xᵢ in the ε₁ part and (∇²f·v)ᵢ in the ε₁ε₂ part, exact to rounding. The MGH tests use it for exact gradients and
/// Hessian-vector products that are independent of both the generator and finite differences, until the generator's
/// [Objective] output replaces it.
/// </summary>
public readonly record struct HyperDual(double V, double A, double B, double AB)
{
    public const double PI = Math.PI;

    public static implicit operator HyperDual(double value) => new(value, 0, 0, 0);

    public static HyperDual operator +(HyperDual x, HyperDual y) => new(x.V + y.V, x.A + y.A, x.B + y.B, x.AB + y.AB);

    public static HyperDual operator -(HyperDual x, HyperDual y) => new(x.V - y.V, x.A - y.A, x.B - y.B, x.AB - y.AB);

    public static HyperDual operator -(HyperDual x) => new(-x.V, -x.A, -x.B, -x.AB);

    public static HyperDual operator *(HyperDual x, HyperDual y) =>
        new(x.V * y.V, x.V * y.A + x.A * y.V, x.V * y.B + x.B * y.V, x.V * y.AB + x.A * y.B + x.B * y.A + x.AB * y.V);

    public static HyperDual operator /(HyperDual x, HyperDual y) => x * Reciprocal(y);

    public static bool operator <(HyperDual x, HyperDual y) => x.V < y.V;

    public static bool operator >(HyperDual x, HyperDual y) => x.V > y.V;

    public static bool operator <=(HyperDual x, HyperDual y) => x.V <= y.V;

    public static bool operator >=(HyperDual x, HyperDual y) => x.V >= y.V;

    /// <summary>g(x) for a scalar g with g(a) = <paramref name="g0"/>, g′(a) = <paramref name="g1"/>, g″(a) = <paramref name="g2"/>.</summary>
    private static HyperDual Chain(HyperDual x, double g0, double g1, double g2) =>
        new(g0, g1 * x.A, g1 * x.B, g1 * x.AB + g2 * x.A * x.B);

    private static HyperDual Reciprocal(HyperDual x)
    {
        double r = 1 / x.V;
        return Chain(x, r, -r * r, 2 * r * r * r);
    }

    public static HyperDual Exp(HyperDual x)
    {
        double e = Math.Exp(x.V);
        return Chain(x, e, e, e);
    }

    public static HyperDual Sin(HyperDual x) => Chain(x, Math.Sin(x.V), Math.Cos(x.V), -Math.Sin(x.V));

    public static HyperDual Cos(HyperDual x) => Chain(x, Math.Cos(x.V), -Math.Sin(x.V), -Math.Cos(x.V));

    public static HyperDual Sqrt(HyperDual x)
    {
        double s = Math.Sqrt(x.V);
        return Chain(x, s, 0.5 / s, -0.25 / (s * x.V));
    }

    public static HyperDual Atan(HyperDual x)
    {
        double d = 1 / (1 + x.V * x.V);
        return Chain(x, Math.Atan(x.V), d, -2 * x.V * d * d);
    }

    public static HyperDual Min(HyperDual x, HyperDual y) => x.V <= y.V ? x : y;
}

/// <summary>An MGH function written over hyper-dual numbers (a mechanical copy of its double version).</summary>
public delegate HyperDual HyperDualFunction(ReadOnlySpan<HyperDual> x);
