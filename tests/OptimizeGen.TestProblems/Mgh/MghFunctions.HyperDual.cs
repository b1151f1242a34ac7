// <auto-copied/> A mechanical copy of MghFunctions.cs over HyperDual (double locals → HyperDual, Math → HyperDual),
// made by a one-off text substitution so that the MGH tests have exact gradients and Hessian-vector products that owe
// nothing to the generator or to finite differences. MghDerivativeTests checks that each copy's value equals the
// original's; regenerate it if a function changes, and delete it once the generator's [Objective] output is used.
namespace OptimizeGen.TestProblems.Mgh;

/// <summary>MGH problems 1–9 (two and three variables).</summary>
public static class MghSmallHyperDual
{
    /// <summary>(1) Rosenbrock: f₁ = 10(x₂ − x₁²), f₂ = 1 − x₁.</summary>
    public static HyperDual Rosenbrock(ReadOnlySpan<HyperDual> x)
    {
        HyperDual f1 = 10 * (x[1] - x[0] * x[0]);
        HyperDual f2 = 1 - x[0];
        return f1 * f1 + f2 * f2;
    }

    /// <summary>(2) Freudenstein and Roth.</summary>
    public static HyperDual FreudensteinRoth(ReadOnlySpan<HyperDual> x)
    {
        HyperDual f1 = -13 + x[0] + ((5 - x[1]) * x[1] - 2) * x[1];
        HyperDual f2 = -29 + x[0] + ((x[1] + 1) * x[1] - 14) * x[1];
        return f1 * f1 + f2 * f2;
    }

    /// <summary>(5) Beale: fᵢ = yᵢ − x₁(1 − x₂ⁱ), y = (1.5, 2.25, 2.625).</summary>
    public static HyperDual Beale(ReadOnlySpan<HyperDual> x)
    {
        HyperDual f1 = 1.5 - x[0] * (1 - x[1]);
        HyperDual f2 = 2.25 - x[0] * (1 - x[1] * x[1]);
        HyperDual f3 = 2.625 - x[0] * (1 - x[1] * x[1] * x[1]);
        return f1 * f1 + f2 * f2 + f3 * f3;
    }

    /// <summary>(6) Jennrich and Sampson, m = 10: fᵢ = 2 + 2i − (e^(i x₁) + e^(i x₂)).</summary>
    public static HyperDual JennrichSampson(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        for (int i = 1; i <= 10; i++)
        {
            HyperDual fi = 2 + 2 * i - (HyperDual.Exp(i * x[0]) + HyperDual.Exp(i * x[1]));
            sum += fi * fi;
        }

        return sum;
    }

    /// <summary>(7) Helical valley: f₁ = 10(x₃ − 10θ), f₂ = 10(√(x₁² + x₂²) − 1), f₃ = x₃.</summary>
    public static HyperDual HelicalValley(ReadOnlySpan<HyperDual> x)
    {
        HyperDual theta = HyperDual.Atan(x[1] / x[0]) / (2 * HyperDual.PI);
        if (x[0] < 0)
        {
            theta = theta + 0.5;
        }

        HyperDual f1 = 10 * (x[2] - 10 * theta);
        HyperDual f2 = 10 * (HyperDual.Sqrt(x[0] * x[0] + x[1] * x[1]) - 1);
        HyperDual f3 = x[2];
        return f1 * f1 + f2 * f2 + f3 * f3;
    }

    private static readonly double[] BardY = [0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39];

    /// <summary>(8) Bard, m = 15: fᵢ = yᵢ − (x₁ + uᵢ/(vᵢx₂ + wᵢx₃)), uᵢ = i, vᵢ = 16 − i, wᵢ = min(uᵢ, vᵢ).</summary>
    public static HyperDual Bard(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        for (int i = 1; i <= 15; i++)
        {
            HyperDual u = i;
            HyperDual v = 16 - i;
            HyperDual w = HyperDual.Min(u, v);
            HyperDual fi = BardY[i - 1] - (x[0] + u / (v * x[1] + w * x[2]));
            sum += fi * fi;
        }

        return sum;
    }

    private static readonly double[] GaussianY = [0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989, 0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009];

    /// <summary>(9) Gaussian, m = 15: fᵢ = x₁ exp(−x₂(tᵢ − x₃)²/2) − yᵢ, tᵢ = (8 − i)/2.</summary>
    public static HyperDual Gaussian(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        for (int i = 1; i <= 15; i++)
        {
            HyperDual t = (8 - i) / 2.0;
            HyperDual d = t - x[2];
            HyperDual fi = x[0] * HyperDual.Exp(-x[1] * d * d / 2) - GaussianY[i - 1];
            sum += fi * fi;
        }

        return sum;
    }
}

/// <summary>MGH problems 12–18 (three to six variables).</summary>
public static class MghMediumHyperDual
{
    /// <summary>(12) Box three-dimensional, m = 10: fᵢ = e^(−tᵢx₁) − e^(−tᵢx₂) − x₃(e^(−tᵢ) − e^(−10tᵢ)), tᵢ = 0.1 i.</summary>
    public static HyperDual Box3D(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        for (int i = 1; i <= 10; i++)
        {
            HyperDual t = 0.1 * i;
            HyperDual fi = HyperDual.Exp(-t * x[0]) - HyperDual.Exp(-t * x[1]) - x[2] * (HyperDual.Exp(-t) - HyperDual.Exp(-10 * t));
            sum += fi * fi;
        }

        return sum;
    }

    /// <summary>(13) Powell singular: x₁ + 10x₂, √5(x₃ − x₄), (x₂ − 2x₃)², √10(x₁ − x₄)².</summary>
    public static HyperDual PowellSingular(ReadOnlySpan<HyperDual> x)
    {
        HyperDual f1 = x[0] + 10 * x[1];
        HyperDual f2 = HyperDual.Sqrt(5.0) * (x[2] - x[3]);
        HyperDual a = x[1] - 2 * x[2];
        HyperDual f3 = a * a;
        HyperDual b = x[0] - x[3];
        HyperDual f4 = HyperDual.Sqrt(10.0) * b * b;
        return f1 * f1 + f2 * f2 + f3 * f3 + f4 * f4;
    }

    /// <summary>(14) Wood.</summary>
    public static HyperDual Wood(ReadOnlySpan<HyperDual> x)
    {
        HyperDual f1 = 10 * (x[1] - x[0] * x[0]);
        HyperDual f2 = 1 - x[0];
        HyperDual f3 = HyperDual.Sqrt(90.0) * (x[3] - x[2] * x[2]);
        HyperDual f4 = 1 - x[2];
        HyperDual f5 = HyperDual.Sqrt(10.0) * (x[1] + x[3] - 2);
        HyperDual f6 = (x[1] - x[3]) / HyperDual.Sqrt(10.0);
        return f1 * f1 + f2 * f2 + f3 * f3 + f4 * f4 + f5 * f5 + f6 * f6;
    }

    private static readonly double[] KowalikY = [0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246];
    private static readonly double[] KowalikU = [4, 2, 1, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625];

    /// <summary>(15) Kowalik and Osborne, m = 11: fᵢ = yᵢ − x₁(uᵢ² + uᵢx₂)/(uᵢ² + uᵢx₃ + x₄).</summary>
    public static HyperDual KowalikOsborne(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        for (int i = 0; i < 11; i++)
        {
            HyperDual u = KowalikU[i];
            HyperDual fi = KowalikY[i] - x[0] * (u * u + u * x[1]) / (u * u + u * x[2] + x[3]);
            sum += fi * fi;
        }

        return sum;
    }

    /// <summary>(16) Brown and Dennis, m = 20: fᵢ = (x₁ + tᵢx₂ − e^tᵢ)² + (x₃ + x₄ sin tᵢ − cos tᵢ)², tᵢ = i/5.</summary>
    public static HyperDual BrownDennis(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        for (int i = 1; i <= 20; i++)
        {
            HyperDual t = i / 5.0;
            HyperDual a = x[0] + t * x[1] - HyperDual.Exp(t);
            HyperDual b = x[2] + x[3] * HyperDual.Sin(t) - HyperDual.Cos(t);
            HyperDual fi = a * a + b * b;
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
    public static HyperDual Osborne1(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        for (int i = 0; i < 33; i++)
        {
            HyperDual t = 10.0 * i;
            HyperDual fi = Osborne1Y[i] - (x[0] + x[1] * HyperDual.Exp(-t * x[3]) + x[2] * HyperDual.Exp(-t * x[4]));
            sum += fi * fi;
        }

        return sum;
    }

    /// <summary>(18) Biggs EXP6, m = 13: fᵢ = x₃e^(−tᵢx₁) − x₄e^(−tᵢx₂) + x₆e^(−tᵢx₅) − yᵢ, tᵢ = 0.1 i.</summary>
    public static HyperDual BiggsExp6(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        for (int i = 1; i <= 13; i++)
        {
            HyperDual t = 0.1 * i;
            HyperDual y = HyperDual.Exp(-t) - 5 * HyperDual.Exp(-10 * t) + 3 * HyperDual.Exp(-4 * t);
            HyperDual fi = x[2] * HyperDual.Exp(-t * x[0]) - x[3] * HyperDual.Exp(-t * x[1]) + x[5] * HyperDual.Exp(-t * x[4]) - y;
            sum += fi * fi;
        }

        return sum;
    }
}

/// <summary>MGH problems 20–35 (variable dimension; the length of x sets n).</summary>
public static class MghVariableHyperDual
{
    /// <summary>(20) Watson, m = 31: tᵢ = i/29; fᵢ = Σⱼ₌₂ⁿ (j−1)xⱼtᵢ^(j−2) − (Σⱼ xⱼtᵢ^(j−1))² − 1; f₃₀ = x₁, f₃₁ = x₂ − x₁² − 1.</summary>
    public static HyperDual Watson(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        for (int i = 1; i <= 29; i++)
        {
            HyperDual t = i / 29.0;
            HyperDual s1 = 0;
            HyperDual power = 1;
            for (int j = 1; j < x.Length; j++)
            {
                s1 += j * x[j] * power;
                power = power * t;
            }

            HyperDual s2 = 0;
            power = 1;
            for (int j = 0; j < x.Length; j++)
            {
                s2 += x[j] * power;
                power = power * t;
            }

            HyperDual fi = s1 - s2 * s2 - 1;
            sum += fi * fi;
        }

        HyperDual f31 = x[1] - x[0] * x[0] - 1;
        return sum + x[0] * x[0] + f31 * f31;
    }

    /// <summary>(21) Extended Rosenbrock: f₂ᵢ₋₁ = 10(x₂ᵢ − x₂ᵢ₋₁²), f₂ᵢ = 1 − x₂ᵢ₋₁.</summary>
    public static HyperDual ExtendedRosenbrock(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        for (int k = 0; k < x.Length / 2; k++)
        {
            HyperDual a = 10 * (x[2 * k + 1] - x[2 * k] * x[2 * k]);
            HyperDual b = 1 - x[2 * k];
            sum += a * a + b * b;
        }

        return sum;
    }

    /// <summary>(22) Extended Powell singular (n a multiple of 4).</summary>
    public static HyperDual ExtendedPowellSingular(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        for (int k = 0; k < x.Length / 4; k++)
        {
            HyperDual f1 = x[4 * k] + 10 * x[4 * k + 1];
            HyperDual f2 = HyperDual.Sqrt(5.0) * (x[4 * k + 2] - x[4 * k + 3]);
            HyperDual a = x[4 * k + 1] - 2 * x[4 * k + 2];
            HyperDual b = x[4 * k] - x[4 * k + 3];
            sum += f1 * f1 + f2 * f2 + a * a * a * a + 10 * b * b * b * b;
        }

        return sum;
    }

    /// <summary>(23) Penalty I: fᵢ = √a(xᵢ − 1), f₍ₙ₊₁₎ = Σxⱼ² − 1/4, a = 1e-5.</summary>
    public static HyperDual PenaltyI(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        HyperDual squares = 0;
        for (int i = 0; i < x.Length; i++)
        {
            HyperDual d = x[i] - 1;
            sum += 1e-5 * d * d;
            squares += x[i] * x[i];
        }

        HyperDual last = squares - 0.25;
        return sum + last * last;
    }

    /// <summary>(24) Penalty II, m = 2n, a = 1e-5.</summary>
    public static HyperDual PenaltyII(ReadOnlySpan<HyperDual> x)
    {
        int n = x.Length;
        HyperDual f1 = x[0] - 0.2;
        HyperDual sum = f1 * f1;
        HyperDual e = HyperDual.Exp(-0.1);
        for (int i = 1; i < n; i++)
        {
            HyperDual y = HyperDual.Exp((i + 1) / 10.0) + HyperDual.Exp(i / 10.0);
            HyperDual fi = HyperDual.Exp(x[i] / 10) + HyperDual.Exp(x[i - 1] / 10) - y;
            HyperDual gi = HyperDual.Exp(x[i] / 10) - e;
            sum += 1e-5 * (fi * fi + gi * gi);
        }

        HyperDual weighted = 0;
        for (int j = 0; j < n; j++)
        {
            weighted += (n - j) * x[j] * x[j];
        }

        HyperDual last = weighted - 1;
        return sum + last * last;
    }

    /// <summary>(25) Variably dimensioned: fᵢ = xᵢ − 1, f₍ₙ₊₁₎ = Σj(xⱼ − 1), f₍ₙ₊₂₎ = (Σj(xⱼ − 1))².</summary>
    public static HyperDual VariablyDimensioned(ReadOnlySpan<HyperDual> x)
    {
        HyperDual sum = 0;
        HyperDual s = 0;
        for (int j = 0; j < x.Length; j++)
        {
            HyperDual d = x[j] - 1;
            sum += d * d;
            s += (j + 1) * d;
        }

        return sum + s * s + s * s * s * s;
    }

    /// <summary>(27) Brown almost-linear: fᵢ = xᵢ + Σxⱼ − (n + 1) for i &lt; n, fₙ = Πxⱼ − 1.</summary>
    public static HyperDual BrownAlmostLinear(ReadOnlySpan<HyperDual> x)
    {
        int n = x.Length;
        HyperDual total = 0;
        HyperDual product = 1;
        for (int j = 0; j < n; j++)
        {
            total += x[j];
            product = product * x[j];
        }

        HyperDual sum = 0;
        for (int i = 0; i < n - 1; i++)
        {
            HyperDual fi = x[i] + total - (n + 1);
            sum += fi * fi;
        }

        HyperDual last = product - 1;
        return sum + last * last;
    }

    /// <summary>(30) Broyden tridiagonal: fᵢ = (3 − 2xᵢ)xᵢ − xᵢ₋₁ − 2xᵢ₊₁ + 1, x₀ = xₙ₊₁ = 0.</summary>
    public static HyperDual BroydenTridiagonal(ReadOnlySpan<HyperDual> x)
    {
        int n = x.Length;
        HyperDual sum = 0;
        for (int i = 0; i < n; i++)
        {
            HyperDual left = 0;
            HyperDual right = 0;
            if (i > 0)
            {
                left = x[i - 1];
            }

            if (i < n - 1)
            {
                right = x[i + 1];
            }

            HyperDual fi = (3 - 2 * x[i]) * x[i] - left - 2 * right + 1;
            sum += fi * fi;
        }

        return sum;
    }

    /// <summary>(31) Broyden banded: fᵢ = xᵢ(2 + 5xᵢ²) + 1 − Σ_{j∈Jᵢ} xⱼ(1 + xⱼ), Jᵢ = {j ≠ i : max(1, i−5) ≤ j ≤ min(n, i+1)}.</summary>
    public static HyperDual BroydenBanded(ReadOnlySpan<HyperDual> x)
    {
        int n = x.Length;
        HyperDual sum = 0;
        for (int i = 0; i < n; i++)
        {
            HyperDual band = 0;
            for (int j = 0; j < n; j++)
            {
                if (j != i && j >= i - 5 && j <= i + 1)
                {
                    band += x[j] * (1 + x[j]);
                }
            }

            HyperDual fi = x[i] * (2 + 5 * x[i] * x[i]) + 1 - band;
            sum += fi * fi;
        }

        return sum;
    }

    /// <summary>(32) Linear function, full rank, m = 2n: fᵢ = xᵢ − (2/m)Σxⱼ − 1 (i ≤ n), fᵢ = −(2/m)Σxⱼ − 1 (i &gt; n).</summary>
    public static HyperDual LinearFullRank(ReadOnlySpan<HyperDual> x)
    {
        int n = x.Length;
        int m = 2 * n;
        HyperDual total = 0;
        for (int j = 0; j < n; j++)
        {
            total += x[j];
        }

        HyperDual c = 2.0 * total / m + 1;
        HyperDual sum = 0;
        for (int i = 0; i < n; i++)
        {
            HyperDual fi = x[i] - c;
            sum += fi * fi;
        }

        return sum + (m - n) * c * c;
    }

    /// <summary>(35) Chebyquad, m = n: fᵢ = (1/n)Σⱼ Tᵢ(2xⱼ − 1) − ∫₀¹Tᵢ(2t − 1)dt (0 for odd i, −1/(i² − 1) for even i).</summary>
    public static HyperDual Chebyquad(ReadOnlySpan<HyperDual> x)
    {
        int n = x.Length;
        HyperDual sum = 0;
        for (int i = 1; i <= n; i++)
        {
            HyperDual mean = 0;
            for (int j = 0; j < n; j++)
            {
                HyperDual y = 2 * x[j] - 1;
                HyperDual tPrev = 1;
                HyperDual t = y;
                for (int k = 1; k < i; k++)
                {
                    HyperDual tNext = 2 * y * t - tPrev;
                    tPrev = t;
                    t = tNext;
                }

                mean += t;
            }

            mean = mean / n;
            HyperDual integral = 0;
            if (i % 2 == 0)
            {
                integral = -1.0 / (i * i - 1);
            }

            HyperDual fi = mean - integral;
            sum += fi * fi;
        }

        return sum;
    }
}
