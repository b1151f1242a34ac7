// Hock–Schittkowski test problems, from W. Hock, K. Schittkowski, "Test Examples for Nonlinear Programming Codes",
// Lecture Notes in Economics and Mathematical Systems 187, Springer, 1981 (problem numbers, start points and the
// published optima f(x*), x* are the book's). Each problem is a static class of plain C# methods over spans: the
// objective, one method per constraint (equalities cᵢ(x) = 0, inequalities cⱼ(x) ≥ 0, as in the book), and their
// hand-written exact gradients (…HandGradient). The methods are marked [Objective] / [Constraint], so the generator
// writes their gradients and each class's MinimizeObjective(x0, method, bounds, options) with every constraint.
// The gradients are checked against finite differences in tests/OptimizeGen.Tests/Constrained/HockSchittkowskiGradientTests.cs.

namespace OptimizeGen.TestProblems.HockSchittkowski;

/// <summary>HS 6: f = (1 − x₁)², 10(x₂ − x₁²) = 0; x0 = (−1.2, 1); f* = 0 at (1, 1).</summary>
public static partial class Hs006
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) => (1 - x[0]) * (1 - x[0]);

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -2 * (1 - x[0]);
        g[1] = 0;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => 10 * (x[1] - x[0] * x[0]);

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -20 * x[0];
        g[1] = 10;
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS6", X0 = [-1.2, 1], FStar = 0, XStar = [1, 1],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient)],
    };
}

/// <summary>HS 7: f = ln(1 + x₁²) − x₂, (1 + x₁²)² + x₂² − 4 = 0; x0 = (2, 2); f* = −√3 at (0, √3).</summary>
public static partial class Hs007
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) => Math.Log(1 + x[0] * x[0]) - x[1];

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * x[0] / (1 + x[0] * x[0]);
        g[1] = -1;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => (1 + x[0] * x[0]) * (1 + x[0] * x[0]) + x[1] * x[1] - 4;

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 4 * x[0] * (1 + x[0] * x[0]);
        g[1] = 2 * x[1];
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS7", X0 = [2, 2], FStar = -Math.Sqrt(3), XStar = [0, Math.Sqrt(3)],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient)],
    };
}

/// <summary>HS 9: f = sin(πx₁/12) cos(πx₂/16), 4x₁ − 3x₂ = 0; x0 = (0, 0); f* = −0.5 at (12k − 3, 16k − 4), k ∈ ℤ.</summary>
public static partial class Hs009
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) => Math.Sin(Math.PI * x[0] / 12) * Math.Cos(Math.PI * x[1] / 16);

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = Math.PI / 12 * Math.Cos(Math.PI * x[0] / 12) * Math.Cos(Math.PI * x[1] / 16);
        g[1] = -Math.PI / 16 * Math.Sin(Math.PI * x[0] / 12) * Math.Sin(Math.PI * x[1] / 16);
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => 4 * x[0] - 3 * x[1];

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 4;
        g[1] = -3;
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS9", X0 = [0, 0], FStar = -0.5,
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient)],
    };
}

/// <summary>HS 14: f = (x₁ − 2)² + (x₂ − 1)², x₁ − 2x₂ + 1 = 0, −x₁²/4 − x₂² + 1 ≥ 0; x0 = (2, 2);
/// f* = 9 − 23√7/8 at ((√7 − 1)/2, (√7 + 1)/4).</summary>
public static partial class Hs014
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) => (x[0] - 2) * (x[0] - 2) + (x[1] - 1) * (x[1] - 1);

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * (x[0] - 2);
        g[1] = 2 * (x[1] - 1);
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => x[0] - 2 * x[1] + 1;

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 1;
        g[1] = -2;
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality1(ReadOnlySpan<double> x) => -x[0] * x[0] / 4 - x[1] * x[1] + 1;

    public static void Inequality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -x[0] / 2;
        g[1] = -2 * x[1];
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS14", X0 = [2, 2], FStar = 9 - 23 * Math.Sqrt(7) / 8, XStar = [(Math.Sqrt(7) - 1) / 2, (Math.Sqrt(7) + 1) / 4],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient)],
        Inequalities = [new(Inequality1, Inequality1HandGradient)],
    };
}

/// <summary>HS 21: f = 0.01x₁² + x₂² − 100, 10x₁ − x₂ − 10 ≥ 0, 2 ≤ x₁ ≤ 50, −50 ≤ x₂ ≤ 50; x0 = (−1, −1);
/// f* = −99.96 at (2, 0).</summary>
public static partial class Hs021
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) => 0.01 * x[0] * x[0] + x[1] * x[1] - 100;

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 0.02 * x[0];
        g[1] = 2 * x[1];
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality1(ReadOnlySpan<double> x) => 10 * x[0] - x[1] - 10;

    public static void Inequality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 10;
        g[1] = -1;
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS21", X0 = [-1, -1], FStar = -99.96, XStar = [2, 0],
        Objective = new(Objective, ObjectiveHandGradient),
        Inequalities = [new(Inequality1, Inequality1HandGradient)],
        Lower = [2, -50], Upper = [50, 50],
    };
}

/// <summary>HS 26: f = (x₁ − x₂)² + (x₂ − x₃)⁴, (1 + x₂²)x₁ + x₃⁴ − 3 = 0; x0 = (−2.6, 2, 2); f* = 0 at (1, 1, 1).</summary>
public static partial class Hs026
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x)
    {
        double a = x[0] - x[1];
        double b = x[1] - x[2];
        return a * a + b * b * b * b;
    }

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        double a = x[0] - x[1];
        double b = x[1] - x[2];
        g[0] = 2 * a;
        g[1] = -2 * a + 4 * b * b * b;
        g[2] = -4 * b * b * b;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => (1 + x[1] * x[1]) * x[0] + x[2] * x[2] * x[2] * x[2] - 3;

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 1 + x[1] * x[1];
        g[1] = 2 * x[0] * x[1];
        g[2] = 4 * x[2] * x[2] * x[2];
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS26", X0 = [-2.6, 2, 2], FStar = 0, XStar = [1, 1, 1],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient)],
    };
}

/// <summary>HS 28: f = (x₁ + x₂)² + (x₂ + x₃)², x₁ + 2x₂ + 3x₃ − 1 = 0; x0 = (−4, 1, 1); f* = 0 at (0.5, −0.5, 0.5).</summary>
public static partial class Hs028
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) => (x[0] + x[1]) * (x[0] + x[1]) + (x[1] + x[2]) * (x[1] + x[2]);

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * (x[0] + x[1]);
        g[1] = 2 * (x[0] + x[1]) + 2 * (x[1] + x[2]);
        g[2] = 2 * (x[1] + x[2]);
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => x[0] + 2 * x[1] + 3 * x[2] - 1;

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 1;
        g[1] = 2;
        g[2] = 3;
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS28", X0 = [-4, 1, 1], FStar = 0, XStar = [0.5, -0.5, 0.5],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient)],
    };
}

/// <summary>HS 35: f = 9 − 8x₁ − 6x₂ − 4x₃ + 2x₁² + 2x₂² + x₃² + 2x₁x₂ + 2x₁x₃, 3 − x₁ − x₂ − 2x₃ ≥ 0, x ≥ 0;
/// x0 = (0.5, 0.5, 0.5); f* = 1/9 at (4/3, 7/9, 4/9).</summary>
public static partial class Hs035
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) =>
        9 - 8 * x[0] - 6 * x[1] - 4 * x[2] + 2 * x[0] * x[0] + 2 * x[1] * x[1] + x[2] * x[2] + 2 * x[0] * x[1] + 2 * x[0] * x[2];

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -8 + 4 * x[0] + 2 * x[1] + 2 * x[2];
        g[1] = -6 + 4 * x[1] + 2 * x[0];
        g[2] = -4 + 2 * x[2] + 2 * x[0];
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality1(ReadOnlySpan<double> x) => 3 - x[0] - x[1] - 2 * x[2];

    public static void Inequality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -1;
        g[1] = -1;
        g[2] = -2;
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS35", X0 = [0.5, 0.5, 0.5], FStar = 1.0 / 9, XStar = [4.0 / 3, 7.0 / 9, 4.0 / 9],
        Objective = new(Objective, ObjectiveHandGradient),
        Inequalities = [new(Inequality1, Inequality1HandGradient)],
        Lower = [0, 0, 0], Upper = [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity],
    };
}

/// <summary>HS 39: f = −x₁, x₂ − x₁³ − x₃² = 0, x₁² − x₂ − x₄² = 0; x0 = (2, 2, 2, 2); f* = −1 at (1, 1, 0, 0).</summary>
public static partial class Hs039
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) => -x[0];

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -1;
        g[1] = 0;
        g[2] = 0;
        g[3] = 0;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => x[1] - x[0] * x[0] * x[0] - x[2] * x[2];

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -3 * x[0] * x[0];
        g[1] = 1;
        g[2] = -2 * x[2];
        g[3] = 0;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality2(ReadOnlySpan<double> x) => x[0] * x[0] - x[1] - x[3] * x[3];

    public static void Equality2HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * x[0];
        g[1] = -1;
        g[2] = 0;
        g[3] = -2 * x[3];
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS39", X0 = [2, 2, 2, 2], FStar = -1, XStar = [1, 1, 0, 0],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient), new(Equality2, Equality2HandGradient)],
    };
}

/// <summary>HS 40: f = −x₁x₂x₃x₄, x₁³ + x₂² − 1 = 0, x₁²x₄ − x₃ = 0, x₄² − x₂ = 0; x0 = (0.8, 0.8, 0.8, 0.8);
/// f* = −0.25 at (2^(−1/3), 2^(−1/2), 2^(−11/12), 2^(−1/4)).</summary>
public static partial class Hs040
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) => -x[0] * x[1] * x[2] * x[3];

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -x[1] * x[2] * x[3];
        g[1] = -x[0] * x[2] * x[3];
        g[2] = -x[0] * x[1] * x[3];
        g[3] = -x[0] * x[1] * x[2];
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => x[0] * x[0] * x[0] + x[1] * x[1] - 1;

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 3 * x[0] * x[0];
        g[1] = 2 * x[1];
        g[2] = 0;
        g[3] = 0;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality2(ReadOnlySpan<double> x) => x[0] * x[0] * x[3] - x[2];

    public static void Equality2HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * x[0] * x[3];
        g[1] = 0;
        g[2] = -1;
        g[3] = x[0] * x[0];
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality3(ReadOnlySpan<double> x) => x[3] * x[3] - x[1];

    public static void Equality3HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 0;
        g[1] = -1;
        g[2] = 0;
        g[3] = 2 * x[3];
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS40", X0 = [0.8, 0.8, 0.8, 0.8], FStar = -0.25,
        XStar = [Math.Pow(2, -1.0 / 3), Math.Pow(2, -0.5), Math.Pow(2, -11.0 / 12), Math.Pow(2, -0.25)],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient), new(Equality2, Equality2HandGradient), new(Equality3, Equality3HandGradient)],
    };
}

/// <summary>HS 42: f = Σ (xᵢ − i)², x₁ − 2 = 0, x₃² + x₄² − 2 = 0; x0 = (1, 1, 1, 1);
/// f* = 28 − 10√2 at (2, 2, 0.6√2, 0.8√2).</summary>
public static partial class Hs042
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) =>
        (x[0] - 1) * (x[0] - 1) + (x[1] - 2) * (x[1] - 2) + (x[2] - 3) * (x[2] - 3) + (x[3] - 4) * (x[3] - 4);

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * (x[0] - 1);
        g[1] = 2 * (x[1] - 2);
        g[2] = 2 * (x[2] - 3);
        g[3] = 2 * (x[3] - 4);
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => x[0] - 2;

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 1;
        g[1] = 0;
        g[2] = 0;
        g[3] = 0;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality2(ReadOnlySpan<double> x) => x[2] * x[2] + x[3] * x[3] - 2;

    public static void Equality2HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 0;
        g[1] = 0;
        g[2] = 2 * x[2];
        g[3] = 2 * x[3];
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS42", X0 = [1, 1, 1, 1], FStar = 28 - 10 * Math.Sqrt(2), XStar = [2, 2, 0.6 * Math.Sqrt(2), 0.8 * Math.Sqrt(2)],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient), new(Equality2, Equality2HandGradient)],
    };
}

/// <summary>HS 43 (Rosen–Suzuki): f = x₁² + x₂² + 2x₃² + x₄² − 5x₁ − 5x₂ − 21x₃ + 7x₄, three quadratic inequalities;
/// x0 = 0; f* = −44 at (0, 1, 2, −1).</summary>
public static partial class Hs043
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) =>
        x[0] * x[0] + x[1] * x[1] + 2 * x[2] * x[2] + x[3] * x[3] - 5 * x[0] - 5 * x[1] - 21 * x[2] + 7 * x[3];

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * x[0] - 5;
        g[1] = 2 * x[1] - 5;
        g[2] = 4 * x[2] - 21;
        g[3] = 2 * x[3] + 7;
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality1(ReadOnlySpan<double> x) =>
        8 - x[0] * x[0] - x[1] * x[1] - x[2] * x[2] - x[3] * x[3] - x[0] + x[1] - x[2] + x[3];

    public static void Inequality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -2 * x[0] - 1;
        g[1] = -2 * x[1] + 1;
        g[2] = -2 * x[2] - 1;
        g[3] = -2 * x[3] + 1;
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality2(ReadOnlySpan<double> x) =>
        10 - x[0] * x[0] - 2 * x[1] * x[1] - x[2] * x[2] - 2 * x[3] * x[3] + x[0] + x[3];

    public static void Inequality2HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -2 * x[0] + 1;
        g[1] = -4 * x[1];
        g[2] = -2 * x[2];
        g[3] = -4 * x[3] + 1;
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality3(ReadOnlySpan<double> x) =>
        5 - 2 * x[0] * x[0] - x[1] * x[1] - x[2] * x[2] - 2 * x[0] + x[1] + x[3];

    public static void Inequality3HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -4 * x[0] - 2;
        g[1] = -2 * x[1] + 1;
        g[2] = -2 * x[2];
        g[3] = 1;
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS43", X0 = [0, 0, 0, 0], FStar = -44, XStar = [0, 1, 2, -1],
        Objective = new(Objective, ObjectiveHandGradient),
        Inequalities = [new(Inequality1, Inequality1HandGradient), new(Inequality2, Inequality2HandGradient), new(Inequality3, Inequality3HandGradient)],
    };
}

/// <summary>HS 44: f = x₁ − x₂ − x₃ − x₁x₃ + x₁x₄ + x₂x₃ − x₂x₄, six linear inequalities, x ≥ 0; x0 = 0;
/// f* = −15 at (0, 3, 0, 4).</summary>
public static partial class Hs044
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) =>
        x[0] - x[1] - x[2] - x[0] * x[2] + x[0] * x[3] + x[1] * x[2] - x[1] * x[3];

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 1 - x[2] + x[3];
        g[1] = -1 + x[2] - x[3];
        g[2] = -1 - x[0] + x[1];
        g[3] = x[0] - x[1];
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality1(ReadOnlySpan<double> x) => 8 - x[0] - 2 * x[1];

    public static void Inequality1HandGradient(ReadOnlySpan<double> x, Span<double> g) => Linear(g, -1, -2, 0, 0);

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality2(ReadOnlySpan<double> x) => 12 - 4 * x[0] - x[1];

    public static void Inequality2HandGradient(ReadOnlySpan<double> x, Span<double> g) => Linear(g, -4, -1, 0, 0);

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality3(ReadOnlySpan<double> x) => 12 - 3 * x[0] - 4 * x[1];

    public static void Inequality3HandGradient(ReadOnlySpan<double> x, Span<double> g) => Linear(g, -3, -4, 0, 0);

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality4(ReadOnlySpan<double> x) => 8 - 2 * x[2] - x[3];

    public static void Inequality4HandGradient(ReadOnlySpan<double> x, Span<double> g) => Linear(g, 0, 0, -2, -1);

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality5(ReadOnlySpan<double> x) => 8 - x[2] - 2 * x[3];

    public static void Inequality5HandGradient(ReadOnlySpan<double> x, Span<double> g) => Linear(g, 0, 0, -1, -2);

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality6(ReadOnlySpan<double> x) => 5 - x[2] - x[3];

    public static void Inequality6HandGradient(ReadOnlySpan<double> x, Span<double> g) => Linear(g, 0, 0, -1, -1);

    private static void Linear(Span<double> g, double a, double b, double c, double d)
    {
        g[0] = a;
        g[1] = b;
        g[2] = c;
        g[3] = d;
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS44", X0 = [0, 0, 0, 0], FStar = -15, XStar = [0, 3, 0, 4],
        Objective = new(Objective, ObjectiveHandGradient),
        Inequalities =
        [
            new(Inequality1, Inequality1HandGradient), new(Inequality2, Inequality2HandGradient), new(Inequality3, Inequality3HandGradient),
            new(Inequality4, Inequality4HandGradient), new(Inequality5, Inequality5HandGradient), new(Inequality6, Inequality6HandGradient),
        ],
        Lower = [0, 0, 0, 0], Upper = [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity],
    };
}

/// <summary>HS 48: f = (x₁ − 1)² + (x₂ − x₃)² + (x₄ − x₅)², Σxᵢ − 5 = 0, x₃ − 2(x₄ + x₅) + 3 = 0;
/// x0 = (3, 5, −3, 2, −2); f* = 0 at (1, 1, 1, 1, 1).</summary>
public static partial class Hs048
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) =>
        (x[0] - 1) * (x[0] - 1) + (x[1] - x[2]) * (x[1] - x[2]) + (x[3] - x[4]) * (x[3] - x[4]);

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * (x[0] - 1);
        g[1] = 2 * (x[1] - x[2]);
        g[2] = -2 * (x[1] - x[2]);
        g[3] = 2 * (x[3] - x[4]);
        g[4] = -2 * (x[3] - x[4]);
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => x[0] + x[1] + x[2] + x[3] + x[4] - 5;

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g) => g.Fill(1);

    [Constraint(ConstraintKind.Equality)]
    public static double Equality2(ReadOnlySpan<double> x) => x[2] - 2 * (x[3] + x[4]) + 3;

    public static void Equality2HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 0;
        g[1] = 0;
        g[2] = 1;
        g[3] = -2;
        g[4] = -2;
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS48", X0 = [3, 5, -3, 2, -2], FStar = 0, XStar = [1, 1, 1, 1, 1],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient), new(Equality2, Equality2HandGradient)],
    };
}

/// <summary>HS 51: f = (x₁ − x₂)² + (x₂ + x₃ − 2)² + (x₄ − 1)² + (x₅ − 1)², three linear equalities;
/// x0 = (2.5, 0.5, 2, −1, 0.5); f* = 0 at (1, 1, 1, 1, 1).</summary>
public static partial class Hs051
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) =>
        (x[0] - x[1]) * (x[0] - x[1]) + (x[1] + x[2] - 2) * (x[1] + x[2] - 2) + (x[3] - 1) * (x[3] - 1) + (x[4] - 1) * (x[4] - 1);

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * (x[0] - x[1]);
        g[1] = -2 * (x[0] - x[1]) + 2 * (x[1] + x[2] - 2);
        g[2] = 2 * (x[1] + x[2] - 2);
        g[3] = 2 * (x[3] - 1);
        g[4] = 2 * (x[4] - 1);
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => x[0] + 3 * x[1] - 4;

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g.Clear();
        g[0] = 1;
        g[1] = 3;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality2(ReadOnlySpan<double> x) => x[2] + x[3] - 2 * x[4];

    public static void Equality2HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g.Clear();
        g[2] = 1;
        g[3] = 1;
        g[4] = -2;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality3(ReadOnlySpan<double> x) => x[1] - x[4];

    public static void Equality3HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g.Clear();
        g[1] = 1;
        g[4] = -1;
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS51", X0 = [2.5, 0.5, 2, -1, 0.5], FStar = 0, XStar = [1, 1, 1, 1, 1],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient), new(Equality2, Equality2HandGradient), new(Equality3, Equality3HandGradient)],
    };
}

/// <summary>HS 65: f = (x₁ − x₂)² + (x₁ + x₂ − 10)²/9 + (x₃ − 5)², 48 − x₁² − x₂² − x₃² ≥ 0, −4.5 ≤ x₁, x₂ ≤ 4.5,
/// −5 ≤ x₃ ≤ 5; x0 = (−5, 5, 0); f* = 0.9535288567 at (3.650461821, 3.65046168, 4.6204170507).</summary>
public static partial class Hs065
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) =>
        (x[0] - x[1]) * (x[0] - x[1]) + (x[0] + x[1] - 10) * (x[0] + x[1] - 10) / 9 + (x[2] - 5) * (x[2] - 5);

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * (x[0] - x[1]) + 2 * (x[0] + x[1] - 10) / 9;
        g[1] = -2 * (x[0] - x[1]) + 2 * (x[0] + x[1] - 10) / 9;
        g[2] = 2 * (x[2] - 5);
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality1(ReadOnlySpan<double> x) => 48 - x[0] * x[0] - x[1] * x[1] - x[2] * x[2];

    public static void Inequality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -2 * x[0];
        g[1] = -2 * x[1];
        g[2] = -2 * x[2];
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS65", X0 = [-5, 5, 0], FStar = 0.9535288567, XStar = [3.650461821, 3.65046168, 4.6204170507],
        Objective = new(Objective, ObjectiveHandGradient),
        Inequalities = [new(Inequality1, Inequality1HandGradient)],
        Lower = [-4.5, -4.5, -5], Upper = [4.5, 4.5, 5],
    };
}

/// <summary>HS 71: f = x₁x₄(x₁ + x₂ + x₃) + x₃, x₁x₂x₃x₄ − 25 ≥ 0, Σxᵢ² − 40 = 0, 1 ≤ x ≤ 5; x0 = (1, 5, 5, 1);
/// f* = 17.0140173 at (1, 4.7429994, 3.8211503, 1.3794082).</summary>
public static partial class Hs071
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) => x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2];

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = x[3] * (2 * x[0] + x[1] + x[2]);
        g[1] = x[0] * x[3];
        g[2] = x[0] * x[3] + 1;
        g[3] = x[0] * (x[0] + x[1] + x[2]);
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => x[0] * x[0] + x[1] * x[1] + x[2] * x[2] + x[3] * x[3] - 40;

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * x[0];
        g[1] = 2 * x[1];
        g[2] = 2 * x[2];
        g[3] = 2 * x[3];
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality1(ReadOnlySpan<double> x) => x[0] * x[1] * x[2] * x[3] - 25;

    public static void Inequality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = x[1] * x[2] * x[3];
        g[1] = x[0] * x[2] * x[3];
        g[2] = x[0] * x[1] * x[3];
        g[3] = x[0] * x[1] * x[2];
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS71", X0 = [1, 5, 5, 1], FStar = 17.0140173, XStar = [1, 4.7429994, 3.8211503, 1.3794082],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient)],
        Inequalities = [new(Inequality1, Inequality1HandGradient)],
        Lower = [1, 1, 1, 1], Upper = [5, 5, 5, 5],
    };
}

/// <summary>HS 76: a convex quadratic with three linear inequalities and x ≥ 0; x0 = (0.5, 0.5, 0.5, 0.5);
/// f* = −4.681818181 at (0.2727273, 2.090909, 0, 0.5454545).</summary>
public static partial class Hs076
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x) =>
        x[0] * x[0] + 0.5 * x[1] * x[1] + x[2] * x[2] + 0.5 * x[3] * x[3] - x[0] * x[2] + x[2] * x[3] - x[0] - 3 * x[1] + x[2] - x[3];

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 2 * x[0] - x[2] - 1;
        g[1] = x[1] - 3;
        g[2] = 2 * x[2] - x[0] + x[3] + 1;
        g[3] = x[3] + x[2] - 1;
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality1(ReadOnlySpan<double> x) => 5 - x[0] - 2 * x[1] - x[2] - x[3];

    public static void Inequality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -1;
        g[1] = -2;
        g[2] = -1;
        g[3] = -1;
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality2(ReadOnlySpan<double> x) => 4 - 3 * x[0] - x[1] - 2 * x[2] + x[3];

    public static void Inequality2HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = -3;
        g[1] = -1;
        g[2] = -2;
        g[3] = 1;
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality3(ReadOnlySpan<double> x) => x[1] + 4 * x[2] - 1.5;

    public static void Inequality3HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 0;
        g[1] = 1;
        g[2] = 4;
        g[3] = 0;
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS76", X0 = [0.5, 0.5, 0.5, 0.5], FStar = -4.681818181, XStar = [0.2727273, 2.090909, 0, 0.5454545],
        Objective = new(Objective, ObjectiveHandGradient),
        Inequalities = [new(Inequality1, Inequality1HandGradient), new(Inequality2, Inequality2HandGradient), new(Inequality3, Inequality3HandGradient)],
        Lower = [0, 0, 0, 0], Upper = [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity],
    };
}

/// <summary>HS 77: f = (x₁ − 1)² + (x₁ − x₂)² + (x₃ − 1)² + (x₄ − 1)⁴ + (x₅ − 1)⁶, two nonlinear equalities;
/// x0 = (2, 2, 2, 2, 2); f* = 0.24150513 at (1.166172, 1.182111, 1.380257, 1.506036, 0.6109203).</summary>
public static partial class Hs077
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x)
    {
        double d4 = x[3] - 1;
        double d5 = x[4] - 1;
        return (x[0] - 1) * (x[0] - 1) + (x[0] - x[1]) * (x[0] - x[1]) + (x[2] - 1) * (x[2] - 1) + d4 * d4 * d4 * d4 + d5 * d5 * d5 * d5 * d5 * d5;
    }

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        double d4 = x[3] - 1;
        double d5 = x[4] - 1;
        g[0] = 2 * (x[0] - 1) + 2 * (x[0] - x[1]);
        g[1] = -2 * (x[0] - x[1]);
        g[2] = 2 * (x[2] - 1);
        g[3] = 4 * d4 * d4 * d4;
        g[4] = 6 * d5 * d5 * d5 * d5 * d5;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => x[0] * x[0] * x[3] + Math.Sin(x[3] - x[4]) - 2 * Math.Sqrt(2);

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        double c = Math.Cos(x[3] - x[4]);
        g[0] = 2 * x[0] * x[3];
        g[1] = 0;
        g[2] = 0;
        g[3] = x[0] * x[0] + c;
        g[4] = -c;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality2(ReadOnlySpan<double> x) => x[1] + x[2] * x[2] * x[2] * x[2] * x[3] * x[3] - 8 - Math.Sqrt(2);

    public static void Equality2HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 0;
        g[1] = 1;
        g[2] = 4 * x[2] * x[2] * x[2] * x[3] * x[3];
        g[3] = 2 * x[2] * x[2] * x[2] * x[2] * x[3];
        g[4] = 0;
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS77", X0 = [2, 2, 2, 2, 2], FStar = 0.24150513, XStar = [1.166172, 1.182111, 1.380257, 1.506036, 0.6109203],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient), new(Equality2, Equality2HandGradient)],
    };
}

/// <summary>HS 79: f = (x₁ − 1)² + (x₁ − x₂)² + (x₂ − x₃)² + (x₃ − x₄)⁴ + (x₄ − x₅)⁴, three nonlinear equalities;
/// x0 = (2, 2, 2, 2, 2); f* = 0.0787768209 at (1.191127, 1.362603, 1.472818, 1.635017, 1.679081).</summary>
public static partial class Hs079
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x)
    {
        double a = x[2] - x[3];
        double b = x[3] - x[4];
        return (x[0] - 1) * (x[0] - 1) + (x[0] - x[1]) * (x[0] - x[1]) + (x[1] - x[2]) * (x[1] - x[2]) + a * a * a * a + b * b * b * b;
    }

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        double a = x[2] - x[3];
        double b = x[3] - x[4];
        g[0] = 2 * (x[0] - 1) + 2 * (x[0] - x[1]);
        g[1] = -2 * (x[0] - x[1]) + 2 * (x[1] - x[2]);
        g[2] = -2 * (x[1] - x[2]) + 4 * a * a * a;
        g[3] = -4 * a * a * a + 4 * b * b * b;
        g[4] = -4 * b * b * b;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality1(ReadOnlySpan<double> x) => x[0] + x[1] * x[1] + x[2] * x[2] * x[2] - 2 - 3 * Math.Sqrt(2);

    public static void Equality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 1;
        g[1] = 2 * x[1];
        g[2] = 3 * x[2] * x[2];
        g[3] = 0;
        g[4] = 0;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality2(ReadOnlySpan<double> x) => x[1] - x[2] * x[2] + x[3] + 2 - 2 * Math.Sqrt(2);

    public static void Equality2HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = 0;
        g[1] = 1;
        g[2] = -2 * x[2];
        g[3] = 1;
        g[4] = 0;
    }

    [Constraint(ConstraintKind.Equality)]
    public static double Equality3(ReadOnlySpan<double> x) => x[0] * x[4] - 2;

    public static void Equality3HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g[0] = x[4];
        g[1] = 0;
        g[2] = 0;
        g[3] = 0;
        g[4] = x[0];
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS79", X0 = [2, 2, 2, 2, 2], FStar = 0.0787768209, XStar = [1.191127, 1.362603, 1.472818, 1.635017, 1.679081],
        Objective = new(Objective, ObjectiveHandGradient),
        Equalities = [new(Equality1, Equality1HandGradient), new(Equality2, Equality2HandGradient), new(Equality3, Equality3HandGradient)],
    };
}

/// <summary>HS 100: seven variables, four nonlinear inequalities; x0 = (1, 2, 0, 4, 0, 1, 1); f* = 680.6300573 at
/// (2.330499, 1.951372, −0.4775414, 4.365726, −0.6244870, 1.038131, 1.594227).</summary>
public static partial class Hs100
{
    [Objective]
    public static double Objective(ReadOnlySpan<double> x)
    {
        double x3sq = x[2] * x[2];
        double x5sq = x[4] * x[4];
        double x7sq = x[6] * x[6];
        return (x[0] - 10) * (x[0] - 10) + 5 * (x[1] - 12) * (x[1] - 12) + x3sq * x3sq + 3 * (x[3] - 11) * (x[3] - 11)
            + 10 * x5sq * x5sq * x5sq + 7 * x[5] * x[5] + x7sq * x7sq - 4 * x[5] * x[6] - 10 * x[5] - 8 * x[6];
    }

    public static void ObjectiveHandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        double x5sq = x[4] * x[4];
        g[0] = 2 * (x[0] - 10);
        g[1] = 10 * (x[1] - 12);
        g[2] = 4 * x[2] * x[2] * x[2];
        g[3] = 6 * (x[3] - 11);
        g[4] = 60 * x5sq * x5sq * x[4];
        g[5] = 14 * x[5] - 4 * x[6] - 10;
        g[6] = 4 * x[6] * x[6] * x[6] - 4 * x[5] - 8;
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality1(ReadOnlySpan<double> x)
    {
        double x2sq = x[1] * x[1];
        return 127 - 2 * x[0] * x[0] - 3 * x2sq * x2sq - x[2] - 4 * x[3] * x[3] - 5 * x[4];
    }

    public static void Inequality1HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g.Clear();
        g[0] = -4 * x[0];
        g[1] = -12 * x[1] * x[1] * x[1];
        g[2] = -1;
        g[3] = -8 * x[3];
        g[4] = -5;
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality2(ReadOnlySpan<double> x) => 282 - 7 * x[0] - 3 * x[1] - 10 * x[2] * x[2] - x[3] + x[4];

    public static void Inequality2HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g.Clear();
        g[0] = -7;
        g[1] = -3;
        g[2] = -20 * x[2];
        g[3] = -1;
        g[4] = 1;
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality3(ReadOnlySpan<double> x) => 196 - 23 * x[0] - x[1] * x[1] - 6 * x[5] * x[5] + 8 * x[6];

    public static void Inequality3HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g.Clear();
        g[0] = -23;
        g[1] = -2 * x[1];
        g[5] = -12 * x[5];
        g[6] = 8;
    }

    [Constraint(ConstraintKind.NonNegative)]
    public static double Inequality4(ReadOnlySpan<double> x) =>
        -4 * x[0] * x[0] - x[1] * x[1] + 3 * x[0] * x[1] - 2 * x[2] * x[2] - 5 * x[5] + 11 * x[6];

    public static void Inequality4HandGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g.Clear();
        g[0] = -8 * x[0] + 3 * x[1];
        g[1] = -2 * x[1] + 3 * x[0];
        g[2] = -4 * x[2];
        g[5] = -5;
        g[6] = 11;
    }

    public static HsProblem Problem { get; } = new()
    {
        Name = "HS100", X0 = [1, 2, 0, 4, 0, 1, 1], FStar = 680.6300573,
        XStar = [2.330499, 1.951372, -0.4775414, 4.365726, -0.6244870, 1.038131, 1.594227],
        Objective = new(Objective, ObjectiveHandGradient),
        Inequalities = [new(Inequality1, Inequality1HandGradient), new(Inequality2, Inequality2HandGradient), new(Inequality3, Inequality3HandGradient), new(Inequality4, Inequality4HandGradient)],
    };
}

/// <summary>The problems above, in the book's order.</summary>
public static class HockSchittkowskiSuite
{
    public static IReadOnlyList<HsProblem> All { get; } =
    [
        Hs006.Problem, Hs007.Problem, Hs009.Problem, Hs014.Problem, Hs021.Problem, Hs026.Problem, Hs028.Problem,
        Hs035.Problem, Hs039.Problem, Hs040.Problem, Hs042.Problem, Hs043.Problem, Hs044.Problem, Hs048.Problem,
        Hs051.Problem, Hs065.Problem, Hs071.Problem, Hs076.Problem, Hs077.Problem, Hs079.Problem, Hs100.Problem,
    ];

    public static HsProblem Get(string name)
    {
        foreach (var p in All)
        {
            if (p.Name == name)
            {
                return p;
            }
        }

        throw new ArgumentException($"No problem {name}.", nameof(name));
    }
}
