using OptimizeGen;

namespace OptimizeGen.TestProblems.Minpack;

/// <summary>
/// The fourteen systems of nonlinear equations of MINPACK-1's hybrd/hybrj test set (subroutine vecfcn): J. J. Moré, B. S. Garbow,
/// K. E. Hillstrom, "Testing unconstrained optimization software", ACM TOMS 7 (1981) 17–41, and "User Guide for MINPACK-1",
/// ANL-80-74 (1980), chapter 4, as MINPACK writes them (vecfcn's residual updates <c>f[k] += …</c> included). Each is an
/// <c>[Equations]</c> method: the generator emits <c>{Name}Jacobian</c>, <c>{Name}JacobianVectorProduct</c>, <c>{Name}System</c> and
/// <c>{Name}JacobianSparsity</c>. The hand-written exact Jacobians of <see cref="MinpackJacobians"/> stay as an independent check.
/// </summary>
public static partial class MinpackSystems
{
    /// <summary>Problem 1, Rosenbrock (n = 2): F = (1 − x₁, 10(x₂ − x₁²)). Root (1, 1).</summary>
    [Equations]
    public static void Rosenbrock(ReadOnlySpan<double> x, Span<double> f)
    {
        f[0] = 1.0 - x[0];
        f[1] = 10.0 * (x[1] - x[0] * x[0]);
    }

    /// <summary>Problem 2, Powell singular (n = 4). Root 0, where the Jacobian is singular.</summary>
    [Equations]
    public static void PowellSingular(ReadOnlySpan<double> x, Span<double> f)
    {
        double a = x[1] - 2.0 * x[2];
        double b = x[0] - x[3];
        f[0] = x[0] + 10.0 * x[1];
        f[1] = Math.Sqrt(5.0) * (x[2] - x[3]);
        f[2] = a * a;
        f[3] = Math.Sqrt(10.0) * (b * b);
    }

    /// <summary>Problem 3, Powell badly scaled (n = 2). Root near (1.098e-5, 9.106).</summary>
    [Equations]
    public static void PowellBadlyScaled(ReadOnlySpan<double> x, Span<double> f)
    {
        f[0] = 1e4 * x[0] * x[1] - 1.0;
        f[1] = Math.Exp(-x[0]) + Math.Exp(-x[1]) - 1.0001;
    }

    /// <summary>Problem 4, Wood (n = 4): the gradient of Wood's function. Roots include (1, 1, 1, 1) and a saddle-type root near (−0.968, 0.947, −0.970, 0.951).</summary>
    [Equations]
    public static void Wood(ReadOnlySpan<double> x, Span<double> f)
    {
        double temp1 = x[1] - x[0] * x[0];
        double temp2 = x[3] - x[2] * x[2];
        f[0] = -200.0 * x[0] * temp1 - (1.0 - x[0]);
        f[1] = 200.0 * temp1 + 20.2 * (x[1] - 1.0) + 19.8 * (x[3] - 1.0);
        f[2] = -180.0 * x[2] * temp2 - (1.0 - x[2]);
        f[3] = 180.0 * temp2 + 20.2 * (x[3] - 1.0) + 19.8 * (x[1] - 1.0);
    }

    /// <summary>Problem 5, helical valley (n = 3). Root (1, 0, 0).</summary>
    [Equations]
    public static void HelicalValley(ReadOnlySpan<double> x, Span<double> f)
    {
        double tpi = 8.0 * Math.Atan(1.0);
        double temp1;
        if (x[0] > 0.0)
        {
            temp1 = Math.Atan(x[1] / x[0]) / tpi;
        }
        else if (x[0] < 0.0)
        {
            temp1 = Math.Atan(x[1] / x[0]) / tpi + 0.5;
        }
        else if (x[1] >= 0.0)
        {
            temp1 = 0.25;
        }
        else
        {
            temp1 = -0.25;
        }

        double temp2 = Math.Sqrt(x[0] * x[0] + x[1] * x[1]);
        f[0] = 10.0 * (x[2] - 10.0 * temp1);
        f[1] = 10.0 * (temp2 - 1.0);
        f[2] = x[2];
    }

    /// <summary>Problem 6, Watson (n ≥ 2; the test set uses 6 and 9): the gradient of Watson's least-squares function.</summary>
    [Equations]
    public static void Watson(ReadOnlySpan<double> x, Span<double> f)
    {
        int n = x.Length;
        for (int k = 0; k < n; k++)
        {
            f[k] = 0.0;
        }

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

            double temp1 = sum1 - sum2 * sum2 - 1.0;
            double temp2 = 2.0 * ti * sum2;
            temp = 1.0 / ti;
            for (int k = 0; k < n; k++)
            {
                f[k] += temp * (k - temp2) * temp1;
                temp = ti * temp;
            }
        }

        double t = x[1] - x[0] * x[0] - 1.0;
        f[0] += x[0] * (1.0 - 2.0 * t);
        f[1] += t;
    }

    /// <summary>Problem 7, Chebyquad (n ≥ 1; the test set uses 5 to 9; no root for n = 8).</summary>
    [Equations]
    public static void Chebyquad(ReadOnlySpan<double> x, Span<double> f)
    {
        int n = x.Length;
        for (int k = 0; k < n; k++)
        {
            f[k] = 0.0;
        }

        for (int j = 0; j < n; j++)
        {
            double temp1 = 1.0;
            double temp2 = 2.0 * x[j] - 1.0;
            double temp = 2.0 * temp2;
            for (int i = 0; i < n; i++)
            {
                f[i] += temp2;
                double ti = temp * temp2 - temp1;
                temp1 = temp2;
                temp2 = ti;
            }
        }

        double tk = 1.0 / n;
        for (int k = 0; k < n; k++)
        {
            f[k] = tk * f[k];
            if (k % 2 == 1)
            {
                double kk = k + 1.0;
                f[k] += 1.0 / (kk * kk - 1.0);
            }
        }
    }

    /// <summary>Problem 8, Brown almost-linear (any n; the test set uses 10, 30, 40). Roots (α, …, α, α^(1−n)) with n·αⁿ − (n + 1)·αⁿ⁻¹ + 1 = 0, e.g. all ones.</summary>
    [Equations]
    public static void BrownAlmostLinear(ReadOnlySpan<double> x, Span<double> f)
    {
        int n = x.Length;
        double sum = -(n + 1.0);
        double prod = 1.0;
        for (int j = 0; j < n; j++)
        {
            sum += x[j];
            prod = x[j] * prod;
        }

        for (int k = 0; k < n; k++)
        {
            f[k] = x[k] + sum;
        }

        f[n - 1] = prod - 1.0;
    }

    /// <summary>Problem 9, discrete boundary value (any n; the test set uses 10).</summary>
    [Equations]
    public static void DiscreteBoundaryValue(ReadOnlySpan<double> x, Span<double> f)
    {
        int n = x.Length;
        double h = 1.0 / (n + 1.0);
        for (int k = 0; k < n; k++)
        {
            double s = x[k] + (k + 1.0) * h + 1.0;
            double temp = s * s * s;
            double temp1 = 0.0;
            if (k != 0)
            {
                temp1 = x[k - 1];
            }

            double temp2 = 0.0;
            if (k != n - 1)
            {
                temp2 = x[k + 1];
            }

            f[k] = 2.0 * x[k] - temp1 - temp2 + temp * (h * h) / 2.0;
        }
    }

    /// <summary>Problem 10, discrete integral equation (any n; the test set uses 1 and 10).</summary>
    [Equations]
    public static void DiscreteIntegralEquation(ReadOnlySpan<double> x, Span<double> f)
    {
        int n = x.Length;
        double h = 1.0 / (n + 1.0);
        for (int k = 0; k < n; k++)
        {
            double tk = (k + 1.0) * h;
            double sum1 = 0.0;
            for (int j = 0; j <= k; j++)
            {
                double tj = (j + 1.0) * h;
                double s = x[j] + tj + 1.0;
                sum1 += tj * (s * s * s);
            }

            double sum2 = 0.0;
            for (int j = k + 1; j < n; j++)
            {
                double tj = (j + 1.0) * h;
                double s = x[j] + tj + 1.0;
                sum2 += (1.0 - tj) * (s * s * s);
            }

            f[k] = x[k] + h * ((1.0 - tk) * sum1 + tk * sum2) / 2.0;
        }
    }

    /// <summary>Problem 11, trigonometric (any n; the test set uses 10).</summary>
    [Equations]
    public static void Trigonometric(ReadOnlySpan<double> x, Span<double> f)
    {
        int n = x.Length;
        double sum = 0.0;
        for (int j = 0; j < n; j++)
        {
            sum += Math.Cos(x[j]);
        }

        for (int k = 0; k < n; k++)
        {
            f[k] = (n + k + 1.0) - Math.Sin(x[k]) - sum - (k + 1.0) * Math.Cos(x[k]);
        }
    }

    /// <summary>Problem 12, variably dimensioned (any n; the test set uses 10). Root all ones.</summary>
    [Equations]
    public static void VariablyDimensioned(ReadOnlySpan<double> x, Span<double> f)
    {
        int n = x.Length;
        double sum = 0.0;
        for (int j = 0; j < n; j++)
        {
            sum += (j + 1.0) * (x[j] - 1.0);
        }

        double temp = sum * (1.0 + 2.0 * sum * sum);
        for (int k = 0; k < n; k++)
        {
            f[k] = x[k] - 1.0 + (k + 1.0) * temp;
        }
    }

    /// <summary>Problem 13, Broyden tridiagonal (any n; the test set uses 10).</summary>
    [Equations]
    public static void BroydenTridiagonal(ReadOnlySpan<double> x, Span<double> f)
    {
        int n = x.Length;
        for (int k = 0; k < n; k++)
        {
            double temp = (3.0 - 2.0 * x[k]) * x[k];
            double temp1 = 0.0;
            if (k != 0)
            {
                temp1 = x[k - 1];
            }

            double temp2 = 0.0;
            if (k != n - 1)
            {
                temp2 = x[k + 1];
            }

            f[k] = temp - temp1 - 2.0 * temp2 + 1.0;
        }
    }

    /// <summary>Problem 14, Broyden banded (any n; the test set uses 10): lower bandwidth 5, upper 1.</summary>
    [Equations]
    public static void BroydenBanded(ReadOnlySpan<double> x, Span<double> f)
    {
        int n = x.Length;
        for (int k = 0; k < n; k++)
        {
            int k1 = Math.Max(0, k - 5);
            int k2 = Math.Min(k + 1, n - 1);
            double temp = 0.0;
            for (int j = k1; j <= k2; j++)
            {
                if (j != k)
                {
                    temp += x[j] * (1.0 + x[j]);
                }
            }

            f[k] = x[k] * (2.0 + 5.0 * x[k] * x[k]) + 1.0 - temp;
        }
    }
}
