namespace OptimizeGen.TestProblems.Mgh;

// The unconstrained test functions of J. J. Moré, B. S. Garbow and K. E. Hillstrom, "Testing unconstrained
// optimization software", ACM TOMS 7(1), 1981, 17–41, as sums of squares F(x) = Σ fᵢ(x)², numbered as in the paper.
// Written as [Objective] methods in the differentiable subset (double arithmetic, Math.*, counted loops, if/else,
// locals, read-only data fields) so that the generator writes their exact gradients (MghSmall.RosenbrockObjective, …;
// MghGeneratedTests checks them). For now MghCatalog hands the solvers HyperDualObjective (exact derivatives from the
// hyper-dual copy in MghFunctions.HyperDual.cs, independent of the generator); switching the catalog to the generated
// objects is one line per problem. Starting points and minima are in MghCatalog.

/// <summary>MGH problems 1–9 (two and three variables).</summary>
public static partial class MghSmall
{
    /// <summary>(1) Rosenbrock: f₁ = 10(x₂ − x₁²), f₂ = 1 − x₁.</summary>
    [Objective]
    public static double Rosenbrock(ReadOnlySpan<double> x)
    {
        double f1 = 10 * (x[1] - x[0] * x[0]);
        double f2 = 1 - x[0];
        return f1 * f1 + f2 * f2;
    }

    /// <summary>(2) Freudenstein and Roth.</summary>
    [Objective]
    public static double FreudensteinRoth(ReadOnlySpan<double> x)
    {
        double f1 = -13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1];
        double f2 = -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1];
        return f1 * f1 + f2 * f2;
    }

    /// <summary>(5) Beale: fᵢ = yᵢ − x₁(1 − x₂ⁱ), y = (1.5, 2.25, 2.625).</summary>
    [Objective]
    public static double Beale(ReadOnlySpan<double> x)
    {
        double f1 = 1.5 - x[0] * (1 - x[1]);
        double f2 = 2.25 - x[0] * (1 - x[1] * x[1]);
        double f3 = 2.625 - x[0] * (1 - x[1] * x[1] * x[1]);
        return f1 * f1 + f2 * f2 + f3 * f3;
    }

    /// <summary>(6) Jennrich and Sampson, m = 10: fᵢ = 2 + 2i − (e^(i x₁) + e^(i x₂)).</summary>
    [Objective]
    public static double JennrichSampson(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 1; i <= 10; i++)
        {
            double fi = 2 + 2 * i - (Math.Exp(i * x[0]) + Math.Exp(i * x[1]));
            sum += fi * fi;
        }

        return sum;
    }

    /// <summary>(7) Helical valley: f₁ = 10(x₃ − 10θ), f₂ = 10(√(x₁² + x₂²) − 1), f₃ = x₃.</summary>
    [Objective]
    public static double HelicalValley(ReadOnlySpan<double> x)
    {
        double theta = Math.Atan(x[1] / x[0]) / (2 * Math.PI);
        if (x[0] < 0)
        {
            theta = theta + 0.5;
        }

        double f1 = 10 * (x[2] - 10 * theta);
        double f2 = 10 * (Math.Sqrt(x[0] * x[0] + x[1] * x[1]) - 1);
        double f3 = x[2];
        return f1 * f1 + f2 * f2 + f3 * f3;
    }

    private static readonly double[] BardY = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39];

    /// <summary>(8) Bard, m = 15: fᵢ = yᵢ − (x₁ + uᵢ/(vᵢx₂ + wᵢx₃)), uᵢ = i, vᵢ = 16 − i, wᵢ = min(uᵢ, vᵢ).</summary>
    [Objective]
    public static double Bard(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 1; i <= 15; i++)
        {
            double u = i;
            double v = 16 - i;
            double w = Math.Min(u, v);
            double fi = BardY[i - 1] - (x[0] + u / (v * x[1] + w * x[2]));
            sum += fi * fi;
        }

        return sum;
    }

    private static readonly double[] GaussianY = [0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009];

    /// <summary>(9) Gaussian, m = 15: fᵢ = x₁ exp(−x₂(tᵢ − x₃)²/2) − yᵢ, tᵢ = (8 − i)/2.</summary>
    [Objective]
    public static double Gaussian(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 1; i <= 15; i++)
        {
            double t = (8 - i) / 2.0;
            double d = t - x[2];
            double fi = x[0] * Math.Exp(-x[1] * d * d / 2) - GaussianY[i - 1];
            sum += fi * fi;
        }

        return sum;
    }
}

/// <summary>MGH problems 12–18 (three to six variables).</summary>
public static partial class MghMedium
{
    /// <summary>(12) Box three-dimensional, m = 10: fᵢ = e^(−tᵢx₁) − e^(−tᵢx₂) − x₃(e^(−tᵢ) − e^(−10tᵢ)), tᵢ = 0.1 i.</summary>
    [Objective]
    public static double Box3D(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 1; i <= 10; i++)
        {
            double t = 0.1 * i;
            double fi = Math.Exp(-t * x[0]) - Math.Exp(-t * x[1]) - x[2] * (Math.Exp(-t) - Math.Exp(-10 * t));
            sum += fi * fi;
        }

        return sum;
    }

    /// <summary>(13) Powell singular: x₁ + 10x₂, √5(x₃ − x₄), (x₂ − 2x₃)², √10(x₁ − x₄)².</summary>
    [Objective]
    public static double PowellSingular(ReadOnlySpan<double> x)
    {
        double f1 = x[0] + 10 * x[1];
        double f2 = Math.Sqrt(5.0) * (x[2] - x[3]);
        double a = x[1] - 2 * x[2];
        double f3 = a * a;
        double b = x[0] - x[3];
        double f4 = Math.Sqrt(10.0) * b * b;
        return f1 * f1 + f2 * f2 + f3 * f3 + f4 * f4;
    }

    /// <summary>(14) Wood.</summary>
    [Objective]
    public static double Wood(ReadOnlySpan<double> x)
    {
        double f1 = 10 * (x[1] - x[0] * x[0]);
        double f2 = 1 - x[0];
        double f3 = Math.Sqrt(90.0) * (x[3] - x[2] * x[2]);
        double f4 = 1 - x[2];
        double f5 = Math.Sqrt(10.0) * (x[1] + x[3] - 2);
        double f6 = (x[1] - x[3]) / Math.Sqrt(10.0);
        return f1 * f1 + f2 * f2 + f3 * f3 + f4 * f4 + f5 * f5 + f6 * f6;
    }

    private static readonly double[] KowalikY = [0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246];
    private static readonly double[] KowalikU = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625];

    /// <summary>(15) Kowalik and Osborne, m = 11: fᵢ = yᵢ − x₁(uᵢ² + uᵢx₂)/(uᵢ² + uᵢx₃ + x₄).</summary>
    [Objective]
    public static double KowalikOsborne(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < 11; i++)
        {
            double u = KowalikU[i];
            double fi = KowalikY[i] - x[0] * (u * u + u * x[1]) / (u * u + u * x[2] + x[3]);
            sum += fi * fi;
        }

        return sum;
    }

    /// <summary>(16) Brown and Dennis, m = 20: fᵢ = (x₁ + tᵢx₂ − e^tᵢ)² + (x₃ + x₄ sin tᵢ − cos tᵢ)², tᵢ = i/5.</summary>
    [Objective]
    public static double BrownDennis(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 1; i <= 20; i++)
        {
            double t = i / 5.0;
            double a = x[0] + t * x[1] - Math.Exp(t);
            double b = x[2] + x[3] * Math.Sin(t) - Math.Cos(t);
            double fi = a * a + b * b;
            sum += fi * fi;
        }

        return sum;
    }

    private static readonly double[] Osborne1Y =
    [
        0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751, 0.718, 0.685, 0.658, 0.628, 0.603,
        0.580, 0.558, 0.538, 0.522, 0.506, 0.490, 0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.420, 0.414, 0.411, 0.406,
    ];

    /// <summary>(17) Osborne 1, m = 33: fᵢ = yᵢ − (x₁ + x₂e^(−tᵢx₄) + x₃e^(−tᵢx₅)), tᵢ = 10(i − 1).</summary>
    [Objective]
    public static double Osborne1(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < 33; i++)
        {
            double t = 10.0 * i;
            double fi = Osborne1Y[i] - (x[0] + x[1] * Math.Exp(-t * x[3]) + x[2] * Math.Exp(-t * x[4]));
            sum += fi * fi;
        }

        return sum;
    }

    /// <summary>(18) Biggs EXP6, m = 13: fᵢ = x₃e^(−tᵢx₁) − x₄e^(−tᵢx₂) + x₆e^(−tᵢx₅) − yᵢ, tᵢ = 0.1 i.</summary>
    [Objective]
    public static double BiggsExp6(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 1; i <= 13; i++)
        {
            double t = 0.1 * i;
            double y = Math.Exp(-t) - 5 * Math.Exp(-10 * t) + 3 * Math.Exp(-4 * t);
            double fi = x[2] * Math.Exp(-t * x[0]) - x[3] * Math.Exp(-t * x[1]) + x[5] * Math.Exp(-t * x[4]) - y;
            sum += fi * fi;
        }

        return sum;
    }
}

/// <summary>MGH problems 20–35 (variable dimension; the length of x sets n).</summary>
public static partial class MghVariable
{
    /// <summary>(20) Watson, m = 31: tᵢ = i/29; fᵢ = Σⱼ₌₂ⁿ (j−1)xⱼtᵢ^(j−2) − (Σⱼ xⱼtᵢ^(j−1))² − 1; f₃₀ = x₁, f₃₁ = x₂ − x₁² − 1.</summary>
    [Objective]
    public static double Watson(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 1; i <= 29; i++)
        {
            double t = i / 29.0;
            double s1 = 0;
            double power = 1;
            for (int j = 1; j < x.Length; j++)
            {
                s1 += j * x[j] * power;
                power = power * t;
            }

            double s2 = 0;
            power = 1;
            for (int j = 0; j < x.Length; j++)
            {
                s2 += x[j] * power;
                power = power * t;
            }

            double fi = s1 - s2 * s2 - 1;
            sum += fi * fi;
        }

        double f31 = x[1] - x[0] * x[0] - 1;
        return sum + x[0] * x[0] + f31 * f31;
    }

    /// <summary>(21) Extended Rosenbrock: f₂ᵢ₋₁ = 10(x₂ᵢ − x₂ᵢ₋₁²), f₂ᵢ = 1 − x₂ᵢ₋₁.</summary>
    [Objective]
    public static double ExtendedRosenbrock(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int k = 0; k < x.Length / 2; k++)
        {
            double a = 10 * (x[2 * k + 1] - x[2 * k] * x[2 * k]);
            double b = 1 - x[2 * k];
            sum += a * a + b * b;
        }

        return sum;
    }

    /// <summary>(22) Extended Powell singular (n a multiple of 4).</summary>
    [Objective]
    public static double ExtendedPowellSingular(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int k = 0; k < x.Length / 4; k++)
        {
            double f1 = x[4 * k] + 10 * x[4 * k + 1];
            double f2 = Math.Sqrt(5.0) * (x[4 * k + 2] - x[4 * k + 3]);
            double a = x[4 * k + 1] - 2 * x[4 * k + 2];
            double b = x[4 * k] - x[4 * k + 3];
            sum += f1 * f1 + f2 * f2 + a * a * a * a + 10 * b * b * b * b;
        }

        return sum;
    }

    /// <summary>(23) Penalty I: fᵢ = √a(xᵢ − 1), f₍ₙ₊₁₎ = Σxⱼ² − 1/4, a = 1e-5.</summary>
    [Objective]
    public static double PenaltyI(ReadOnlySpan<double> x)
    {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - 1;
            sum += 1e-5 * d * d;
            squares += x[i] * x[i];
        }

        double last = squares - 0.25;
        return sum + last * last;
    }

    /// <summary>(24) Penalty II, m = 2n, a = 1e-5.</summary>
    [Objective]
    public static double PenaltyII(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double f1 = x[0] - 0.2;
        double sum = f1 * f1;
        double e = Math.Exp(-0.1);
        for (int i = 1; i < n; i++)
        {
            double y = Math.Exp((i + 1) / 10.0) + Math.Exp(i / 10.0);
            double fi = Math.Exp(x[i] / 10) + Math.Exp(x[i - 1] / 10) - y;
            double gi = Math.Exp(x[i] / 10) - e;
            sum += 1e-5 * (fi * fi + gi * gi);
        }

        double weighted = 0;
        for (int j = 0; j < n; j++)
        {
            weighted += (n - j) * x[j] * x[j];
        }

        double last = weighted - 1;
        return sum + last * last;
    }

    /// <summary>(25) Variably dimensioned: fᵢ = xᵢ − 1, f₍ₙ₊₁₎ = Σj(xⱼ − 1), f₍ₙ₊₂₎ = (Σj(xⱼ − 1))².</summary>
    [Objective]
    public static double VariablyDimensioned(ReadOnlySpan<double> x)
    {
        double sum = 0;
        double s = 0;
        for (int j = 0; j < x.Length; j++)
        {
            double d = x[j] - 1;
            sum += d * d;
            s += (j + 1) * d;
        }

        return sum + s * s + s * s * s * s;
    }

    /// <summary>(27) Brown almost-linear: fᵢ = xᵢ + Σxⱼ − (n + 1) for i &lt; n, fₙ = Πxⱼ − 1.</summary>
    [Objective]
    public static double BrownAlmostLinear(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double total = 0;
        double product = 1;
        for (int j = 0; j < n; j++)
        {
            total += x[j];
            product = product * x[j];
        }

        double sum = 0;
        for (int i = 0; i < n - 1; i++)
        {
            double fi = x[i] + total - (n + 1);
            sum += fi * fi;
        }

        double last = product - 1;
        return sum + last * last;
    }

    /// <summary>(30) Broyden tridiagonal: fᵢ = (3 − 2xᵢ)xᵢ − xᵢ₋₁ − 2xᵢ₊₁ + 1, x₀ = xₙ₊₁ = 0.</summary>
    [Objective]
    public static double BroydenTridiagonal(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double left = 0;
            double right = 0;
            if (i > 0)
            {
                left = x[i - 1];
            }

            if (i < n - 1)
            {
                right = x[i + 1];
            }

            double fi = (3 - 2 * x[i]) * x[i] - left - 2 * right + 1;
            sum += fi * fi;
        }

        return sum;
    }

    /// <summary>(31) Broyden banded: fᵢ = xᵢ(2 + 5xᵢ²) + 1 − Σ_{j∈Jᵢ} xⱼ(1 + xⱼ), Jᵢ = {j ≠ i : max(1, i−5) ≤ j ≤ min(n, i+1)}.</summary>
    [Objective]
    public static double BroydenBanded(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double band = 0;
            for (int j = 0; j < n; j++)
            {
                if (j != i && j >= i - 5 && j <= i + 1)
                {
                    band += x[j] * (1 + x[j]);
                }
            }

            double fi = x[i] * (2 + 5 * x[i] * x[i]) + 1 - band;
            sum += fi * fi;
        }

        return sum;
    }

    /// <summary>(32) Linear function, full rank, m = 2n: fᵢ = xᵢ − (2/m)Σxⱼ − 1 (i ≤ n), fᵢ = −(2/m)Σxⱼ − 1 (i &gt; n).</summary>
    [Objective]
    public static double LinearFullRank(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        int m = 2 * n;
        double total = 0;
        for (int j = 0; j < n; j++)
        {
            total += x[j];
        }

        double c = 2.0 * total / m + 1;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double fi = x[i] - c;
            sum += fi * fi;
        }

        return sum + (m - n) * c * c;
    }

    /// <summary>(35) Chebyquad, m = n: fᵢ = (1/n)Σⱼ Tᵢ(2xⱼ − 1) − ∫₀¹Tᵢ(2t − 1)dt (0 for odd i, −1/(i² − 1) for even i).</summary>
    [Objective]
    public static double Chebyquad(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double sum = 0;
        for (int i = 1; i <= n; i++)
        {
            double mean = 0;
            for (int j = 0; j < n; j++)
            {
                double y = 2 * x[j] - 1;
                double tPrev = 1;
                double t = y;
                for (int k = 1; k < i; k++)
                {
                    double tNext = 2 * y * t - tPrev;
                    tPrev = t;
                    t = tNext;
                }

                mean += t;
            }

            mean = mean / n;
            double integral = 0;
            if (i % 2 == 0)
            {
                integral = -1.0 / (i * i - 1);
            }

            double fi = mean - integral;
            sum += fi * fi;
        }

        return sum;
    }
}
