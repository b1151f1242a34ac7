namespace OptimizeGen.TestProblems.Minpack;

/// <summary>
/// Exact Jacobians of the fourteen <see cref="MinpackSystems"/>, derived by hand from the function definitions (the role of
/// MINPACK-1's vecjac), row-major n×n: <c>jac[i * n + j] = ∂Fᵢ/∂xⱼ</c>. Plain loops over spans, no allocation, so they match what
/// the generator will emit for <c>[Equations]</c>. The tests check each against central differences at several points.
/// </summary>
public static class MinpackJacobians
{
    /// <summary>Problem 1: J = [[−1, 0], [−20x₁, 10]].</summary>
    public static void Rosenbrock(ReadOnlySpan<double> x, Span<double> jac)
    {
        jac[0] = -1.0;
        jac[1] = 0.0;
        jac[2] = -20.0 * x[0];
        jac[3] = 10.0;
    }

    /// <summary>Problem 2, Powell singular.</summary>
    public static void PowellSingular(ReadOnlySpan<double> x, Span<double> jac)
    {
        jac.Slice(0, 16).Clear();
        double a = x[1] - 2.0 * x[2];
        double b = x[0] - x[3];
        jac[0] = 1.0;
        jac[1] = 10.0;
        jac[4 + 2] = Math.Sqrt(5.0);
        jac[4 + 3] = -Math.Sqrt(5.0);
        jac[8 + 1] = 2.0 * a;
        jac[8 + 2] = -4.0 * a;
        jac[12 + 0] = 2.0 * Math.Sqrt(10.0) * b;
        jac[12 + 3] = -2.0 * Math.Sqrt(10.0) * b;
    }

    /// <summary>Problem 3, Powell badly scaled.</summary>
    public static void PowellBadlyScaled(ReadOnlySpan<double> x, Span<double> jac)
    {
        jac[0] = 1e4 * x[1];
        jac[1] = 1e4 * x[0];
        jac[2] = -Math.Exp(-x[0]);
        jac[3] = -Math.Exp(-x[1]);
    }

    /// <summary>Problem 4, Wood (the Hessian of Wood's function).</summary>
    public static void Wood(ReadOnlySpan<double> x, Span<double> jac)
    {
        jac.Slice(0, 16).Clear();
        jac[0] = -200.0 * (x[1] - 3.0 * x[0] * x[0]) + 1.0;
        jac[1] = -200.0 * x[0];
        jac[4 + 0] = -400.0 * x[0];
        jac[4 + 1] = 200.0 + 20.2;
        jac[4 + 3] = 19.8;
        jac[8 + 2] = -180.0 * (x[3] - 3.0 * x[2] * x[2]) + 1.0;
        jac[8 + 3] = -180.0 * x[2];
        jac[12 + 1] = 19.8;
        jac[12 + 2] = -360.0 * x[2];
        jac[12 + 3] = 180.0 + 20.2;
    }

    /// <summary>Problem 5, helical valley (θ = atan2-like angle over 2π: ∂θ/∂x₁ = −x₂/(2πr²), ∂θ/∂x₂ = x₁/(2πr²)).</summary>
    public static void HelicalValley(ReadOnlySpan<double> x, Span<double> jac)
    {
        double tpi = 8.0 * Math.Atan(1.0);
        double r2 = x[0] * x[0] + x[1] * x[1];
        double r = Math.Sqrt(r2);
        jac[0] = 100.0 * x[1] / (tpi * r2);
        jac[1] = -100.0 * x[0] / (tpi * r2);
        jac[2] = 10.0;
        jac[3] = 10.0 * x[0] / r;
        jac[4] = 10.0 * x[1] / r;
        jac[5] = 0.0;
        jac[6] = 0.0;
        jac[7] = 0.0;
        jac[8] = 1.0;
    }

    /// <summary>
    /// Problem 6, Watson: with tᵢ = i/29, s₁ = Σⱼ j·tᵢ^(j−1)·xⱼ, s₂ = Σⱼ tᵢ^j·xⱼ (0-based j), T = 2tᵢs₂ and r = s₁ − s₂² − 1,
    /// ∂Fₖ/∂xⱼ = Σᵢ tᵢ^(k−1)·tᵢ^(j−1)·((k − T)(j − T) − 2tᵢ²·r), plus the terms of the two extra residuals. Symmetric.
    /// </summary>
    public static void Watson(ReadOnlySpan<double> x, Span<double> jac)
    {
        int n = x.Length;
        jac.Slice(0, n * n).Clear();
        for (int i = 1; i <= 29; i++)
        {
            double ti = i / 29.0;
            double sum1 = 0.0;
            double temp = 1.0;
            for (int j = 1; j < n; j++)
            {
                sum1 += j * temp * x[j];
                temp = ti * temp;
            }

            double sum2 = 0.0;
            temp = 1.0;
            for (int j = 0; j < n; j++)
            {
                sum2 += temp * x[j];
                temp = ti * temp;
            }

            double r = sum1 - sum2 * sum2 - 1.0;
            double bigT = 2.0 * ti * sum2;
            double ck = 1.0 / ti;
            for (int k = 0; k < n; k++)
            {
                double cj = 1.0 / ti;
                for (int j = 0; j < n; j++)
                {
                    jac[k * n + j] += ck * cj * ((k - bigT) * (j - bigT) - 2.0 * ti * ti * r);
                    cj *= ti;
                }

                ck *= ti;
            }
        }

        jac[0] += 6.0 * x[0] * x[0] - 2.0 * x[1] + 3.0;
        jac[1] += -2.0 * x[0];
        jac[n] += -2.0 * x[0];
        jac[n + 1] += 1.0;
    }

    /// <summary>Problem 7, Chebyquad: ∂Fᵢ/∂xⱼ = (2/n)·T′ᵢ₊₁(2xⱼ − 1), with T′ from the recurrence T′ₖ₊₁ = 2Tₖ + 2y·T′ₖ − T′ₖ₋₁.</summary>
    public static void Chebyquad(ReadOnlySpan<double> x, Span<double> jac)
    {
        int n = x.Length;
        double tk = 1.0 / n;
        for (int j = 0; j < n; j++)
        {
            double y = 2.0 * x[j] - 1.0;
            double tPrev = 1.0, t = y;       // T₀, T₁
            double dPrev = 0.0, d = 1.0;     // T′₀, T′₁
            for (int i = 0; i < n; i++)
            {
                jac[i * n + j] = 2.0 * tk * d;
                double tNext = 2.0 * y * t - tPrev;
                double dNext = 2.0 * t + 2.0 * y * d - dPrev;
                tPrev = t;
                t = tNext;
                dPrev = d;
                d = dNext;
            }
        }
    }

    /// <summary>Problem 8, Brown almost-linear: rows 1…n−1 are I + 1·1ᵀ; the last row is ∂(Πx)/∂xⱼ = Π_{l≠j} xₗ (no division).</summary>
    public static void BrownAlmostLinear(ReadOnlySpan<double> x, Span<double> jac)
    {
        int n = x.Length;
        for (int k = 0; k < n - 1; k++)
        {
            for (int j = 0; j < n; j++)
            {
                jac[k * n + j] = j == k ? 2.0 : 1.0;
            }
        }

        for (int j = 0; j < n; j++)
        {
            double prod = 1.0;
            for (int l = 0; l < n; l++)
            {
                if (l != j)
                {
                    prod *= x[l];
                }
            }

            jac[(n - 1) * n + j] = prod;
        }
    }

    /// <summary>Problem 9, discrete boundary value: tridiagonal, diagonal 2 + (3/2)h²(xₖ + tₖ + 1)², off-diagonals −1.</summary>
    public static void DiscreteBoundaryValue(ReadOnlySpan<double> x, Span<double> jac)
    {
        int n = x.Length;
        double h = 1.0 / (n + 1.0);
        jac.Slice(0, n * n).Clear();
        for (int k = 0; k < n; k++)
        {
            double s = x[k] + (k + 1.0) * h + 1.0;
            jac[k * n + k] = 2.0 + 1.5 * h * h * s * s;
            if (k != 0)
            {
                jac[k * n + k - 1] = -1.0;
            }

            if (k != n - 1)
            {
                jac[k * n + k + 1] = -1.0;
            }
        }
    }

    /// <summary>Problem 10, discrete integral equation: ∂Fₖ/∂xⱼ = δₖⱼ + (3h/2)·(xⱼ + tⱼ + 1)²·(j ≤ k ? tⱼ(1 − tₖ) : tₖ(1 − tⱼ)).</summary>
    public static void DiscreteIntegralEquation(ReadOnlySpan<double> x, Span<double> jac)
    {
        int n = x.Length;
        double h = 1.0 / (n + 1.0);
        for (int k = 0; k < n; k++)
        {
            double tk = (k + 1.0) * h;
            for (int j = 0; j < n; j++)
            {
                double tj = (j + 1.0) * h;
                double s = x[j] + tj + 1.0;
                double weight = j <= k ? tj * (1.0 - tk) : tk * (1.0 - tj);
                jac[k * n + j] = 1.5 * h * s * s * weight + (j == k ? 1.0 : 0.0);
            }
        }
    }

    /// <summary>Problem 11, trigonometric: ∂Fₖ/∂xⱼ = sin xⱼ + δₖⱼ·((k + 1)·sin xₖ − cos xₖ) (1-based k + 1).</summary>
    public static void Trigonometric(ReadOnlySpan<double> x, Span<double> jac)
    {
        int n = x.Length;
        for (int k = 0; k < n; k++)
        {
            for (int j = 0; j < n; j++)
            {
                jac[k * n + j] = Math.Sin(x[j]);
            }

            jac[k * n + k] += (k + 1.0) * Math.Sin(x[k]) - Math.Cos(x[k]);
        }
    }

    /// <summary>Problem 12, variably dimensioned: with s = Σ j·(xⱼ − 1) (1-based j), ∂Fₖ/∂xⱼ = δₖⱼ + k·j·(1 + 6s²).</summary>
    public static void VariablyDimensioned(ReadOnlySpan<double> x, Span<double> jac)
    {
        int n = x.Length;
        double sum = 0.0;
        for (int j = 0; j < n; j++)
        {
            sum += (j + 1.0) * (x[j] - 1.0);
        }

        double temp = 1.0 + 6.0 * sum * sum;
        for (int k = 0; k < n; k++)
        {
            for (int j = 0; j < n; j++)
            {
                jac[k * n + j] = (k + 1.0) * (j + 1.0) * temp + (j == k ? 1.0 : 0.0);
            }
        }
    }

    /// <summary>Problem 13, Broyden tridiagonal: diagonal 3 − 4xₖ, subdiagonal −1, superdiagonal −2.</summary>
    public static void BroydenTridiagonal(ReadOnlySpan<double> x, Span<double> jac)
    {
        int n = x.Length;
        jac.Slice(0, n * n).Clear();
        for (int k = 0; k < n; k++)
        {
            jac[k * n + k] = 3.0 - 4.0 * x[k];
            if (k != 0)
            {
                jac[k * n + k - 1] = -1.0;
            }

            if (k != n - 1)
            {
                jac[k * n + k + 1] = -2.0;
            }
        }
    }

    /// <summary>Problem 14, Broyden banded: diagonal 2 + 15xₖ², −(1 + 2xⱼ) for j in [k − 5, k + 1], j ≠ k.</summary>
    public static void BroydenBanded(ReadOnlySpan<double> x, Span<double> jac)
    {
        int n = x.Length;
        jac.Slice(0, n * n).Clear();
        for (int k = 0; k < n; k++)
        {
            int k1 = Math.Max(0, k - 5);
            int k2 = Math.Min(k + 1, n - 1);
            for (int j = k1; j <= k2; j++)
            {
                if (j != k)
                {
                    jac[k * n + j] = -(1.0 + 2.0 * x[j]);
                }
            }

            jac[k * n + k] = 2.0 + 15.0 * x[k] * x[k];
        }
    }
}
