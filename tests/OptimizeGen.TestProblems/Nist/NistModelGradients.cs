namespace OptimizeGen.TestProblems.Nist;

/// <summary>
/// Hand-written exact gradients ∂m/∂b of the models in <see cref="NistModels"/>: each method returns m(x; b) and
/// writes ∂m/∂bⱼ into <c>g[j]</c>. They stand in for the generator's <c>NistModels.{Name}Jacobian</c> until the models
/// are marked <c>[Model]</c>; NistModelGradientTests checks every one against central differences.
/// </summary>
public static class NistModelGradients
{
    public static double Misra1a(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double e = Math.Exp(-b[1] * x);
        g[0] = 1 - e;
        g[1] = b[0] * x * e;
        return b[0] * (1 - e);
    }

    public static double Chwirut(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double d = b[1] + b[2] * x;
        double f = Math.Exp(-b[0] * x) / d;
        g[0] = -x * f;
        g[1] = -f / d;
        g[2] = -x * f / d;
        return f;
    }

    public static double Lanczos(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double e1 = Math.Exp(-b[1] * x);
        double e2 = Math.Exp(-b[3] * x);
        double e3 = Math.Exp(-b[5] * x);
        g[0] = e1;
        g[1] = -b[0] * x * e1;
        g[2] = e2;
        g[3] = -b[2] * x * e2;
        g[4] = e3;
        g[5] = -b[4] * x * e3;
        return b[0] * e1 + b[2] * e2 + b[4] * e3;
    }

    public static double Gauss(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double e = Math.Exp(-b[1] * x);
        double u1 = x - b[3];
        double u2 = x - b[6];
        double s1 = b[4] * b[4];
        double s2 = b[7] * b[7];
        double g1 = Math.Exp(-u1 * u1 / s1);
        double g2 = Math.Exp(-u2 * u2 / s2);
        g[0] = e;
        g[1] = -b[0] * x * e;
        g[2] = g1;
        g[3] = b[2] * g1 * 2 * u1 / s1;
        g[4] = b[2] * g1 * 2 * u1 * u1 / (s1 * b[4]);
        g[5] = g2;
        g[6] = b[5] * g2 * 2 * u2 / s2;
        g[7] = b[5] * g2 * 2 * u2 * u2 / (s2 * b[7]);
        return b[0] * e + b[2] * g1 + b[5] * g2;
    }

    public static double DanWood(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double p = Math.Pow(x, b[1]);
        g[0] = p;
        g[1] = b[0] * p * Math.Log(x);
        return b[0] * p;
    }

    public static double Misra1b(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double t = 1 + b[1] * x / 2;
        double t2 = 1 / (t * t);
        g[0] = 1 - t2;
        g[1] = b[0] * x * t2 / t;
        return b[0] * (1 - t2);
    }

    /// <summary>Kirby2: (b1 + b2 x + b3 x²)/(1 + b4 x + b5 x²).</summary>
    public static double Kirby2(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double num = b[0] + b[1] * x + b[2] * x * x;
        double den = 1 + b[3] * x + b[4] * x * x;
        double f = num / den;
        g[0] = 1 / den;
        g[1] = x / den;
        g[2] = x * x / den;
        g[3] = -f * x / den;
        g[4] = -f * x * x / den;
        return f;
    }

    /// <summary>Hahn1 and Thurber: (b1 + b2 x + b3 x² + b4 x³)/(1 + b5 x + b6 x² + b7 x³).</summary>
    public static double Rational33(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double x2 = x * x;
        double x3 = x2 * x;
        double num = b[0] + b[1] * x + b[2] * x2 + b[3] * x3;
        double den = 1 + b[4] * x + b[5] * x2 + b[6] * x3;
        double f = num / den;
        g[0] = 1 / den;
        g[1] = x / den;
        g[2] = x2 / den;
        g[3] = x3 / den;
        g[4] = -f * x / den;
        g[5] = -f * x2 / den;
        g[6] = -f * x3 / den;
        return f;
    }

    public static double Nelson(ReadOnlySpan<double> x, ReadOnlySpan<double> b, Span<double> g)
    {
        double e = Math.Exp(-b[2] * x[1]);
        g[0] = 1;
        g[1] = -x[0] * e;
        g[2] = b[1] * x[0] * x[1] * e;
        return b[0] - b[1] * x[0] * e;
    }

    public static double MGH17(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double e4 = Math.Exp(-x * b[3]);
        double e5 = Math.Exp(-x * b[4]);
        g[0] = 1;
        g[1] = e4;
        g[2] = e5;
        g[3] = -x * b[1] * e4;
        g[4] = -x * b[2] * e5;
        return b[0] + b[1] * e4 + b[2] * e5;
    }

    public static double Misra1c(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double t = 1 + 2 * b[1] * x;
        double r = 1 / Math.Sqrt(t);
        g[0] = 1 - r;
        g[1] = b[0] * x * r / t;
        return b[0] * (1 - r);
    }

    public static double Misra1d(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double t = 1 + b[1] * x;
        g[0] = b[1] * x / t;
        g[1] = b[0] * x / (t * t);
        return b[0] * b[1] * x / t;
    }

    public static double Roszman1(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double d = x - b[3];
        double u = b[2] / d;
        double c = 1 / (Math.PI * (1 + u * u));
        g[0] = 1;
        g[1] = -x;
        g[2] = -c / d;
        g[3] = -c * u / d;
        return b[0] - b[1] * x - Math.Atan(u) / Math.PI;
    }

    public static double ENSO(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double a0 = 2 * Math.PI * x / 12;
        double a1 = 2 * Math.PI * x / b[3];
        double a2 = 2 * Math.PI * x / b[6];
        double c0 = Math.Cos(a0);
        double s0 = Math.Sin(a0);
        double c1 = Math.Cos(a1);
        double s1 = Math.Sin(a1);
        double c2 = Math.Cos(a2);
        double s2 = Math.Sin(a2);
        g[0] = 1;
        g[1] = c0;
        g[2] = s0;
        g[3] = (b[4] * s1 - b[5] * c1) * a1 / b[3];
        g[4] = c1;
        g[5] = s1;
        g[6] = (b[7] * s2 - b[8] * c2) * a2 / b[6];
        g[7] = c2;
        g[8] = s2;
        return b[0] + b[1] * c0 + b[2] * s0 + b[4] * c1 + b[5] * s1 + b[7] * c2 + b[8] * s2;
    }

    public static double MGH09(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double num = x * x + x * b[1];
        double den = x * x + x * b[2] + b[3];
        double f = b[0] * num / den;
        g[0] = num / den;
        g[1] = b[0] * x / den;
        g[2] = -f * x / den;
        g[3] = -f / den;
        return f;
    }

    /// <summary>Rat42: b1/(1 + exp(b2 − b3 x)).</summary>
    public static double Rat42(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double e = Math.Exp(b[1] - b[2] * x);
        double t = 1 + e;
        double f = b[0] / t;
        g[0] = 1 / t;
        g[1] = -f * e / t;
        g[2] = f * x * e / t;
        return f;
    }

    public static double MGH10(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double d = x + b[2];
        double e = Math.Exp(b[1] / d);
        g[0] = e;
        g[1] = b[0] * e / d;
        g[2] = -b[0] * e * b[1] / (d * d);
        return b[0] * e;
    }

    public static double Eckerle4(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double u = (x - b[2]) / b[1];
        double e = Math.Exp(-0.5 * u * u);
        double f = b[0] / b[1] * e;
        g[0] = e / b[1];
        g[1] = f * (u * u - 1) / b[1];
        g[2] = f * u / b[1];
        return f;
    }

    public static double Rat43(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double e = Math.Exp(b[1] - b[2] * x);
        double t = 1 + e;
        double p = Math.Pow(t, -1 / b[3]);
        double f = b[0] * p;
        g[0] = p;
        g[1] = -f * e / (b[3] * t);
        g[2] = f * e * x / (b[3] * t);
        g[3] = f * Math.Log(t) / (b[3] * b[3]);
        return f;
    }

    public static double Bennett5(double x, ReadOnlySpan<double> b, Span<double> g)
    {
        double t = b[1] + x;
        double p = Math.Pow(t, -1 / b[2]);
        double f = b[0] * p;
        g[0] = p;
        g[1] = -f / (b[2] * t);
        g[2] = f * Math.Log(t) / (b[2] * b[2]);
        return f;
    }
}
