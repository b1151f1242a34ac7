namespace OptimizeGen.Generators.Tests.Snapshots;

/// <summary>
/// Representative objectives whose generated source is checked in under Snapshots/&lt;Case&gt;/. Each case is one
/// source file in its own namespace, so that all of them also compile together (<see cref="SnapshotTests"/>).
/// </summary>
internal static class SnapshotCases
{
    private const string Usings = "using System;\nusing OptimizeGen;\n\n";

    /// <summary>Case name → source.</summary>
    public static readonly IReadOnlyDictionary<string, string> All = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["ScalarRosenbrock"] = Usings + """
            namespace Snapshots.ScalarRosenbrock;

            public static partial class Problems
            {
                /// <summary>Rosenbrock's banana function of two scalar variables.</summary>
                [Objective]
                public static double Rosenbrock(double x, double y) => 100 * Math.Pow(y - x * x, 2) + Math.Pow(1 - x, 2);
            }
            """,

        ["SpanLoop"] = Usings + """
            namespace Snapshots.SpanLoop;

            public static partial class Problems
            {
                /// <summary>The extended Rosenbrock function: a reduction over a span, no tape.</summary>
                [Objective]
                public static double ExtendedRosenbrock(ReadOnlySpan<double> x)
                {
                    double sum = 0;
                    for (int i = 0; i < x.Length - 1; i++)
                    {
                        double a = x[i + 1] - x[i] * x[i];
                        double b = 1 - x[i];
                        sum += 100 * a * a + b * b;
                    }

                    return sum;
                }
            }
            """,

        ["ArrayReverseLoop"] = Usings + """
            namespace Snapshots.ArrayReverseLoop;

            public static partial class Problems
            {
                /// <summary>A double[] variable, walked downwards with a data-dependent weight.</summary>
                [Objective]
                public static double Weighted(double[] x)
                {
                    double sum = 0;
                    for (int i = x.Length - 1; i >= 0; i--)
                    {
                        sum += (i + 1) * x[i] * x[i];
                    }

                    return sum;
                }
            }
            """,

        ["TapedNestedLoops"] = Usings + """
            namespace Snapshots.TapedNestedLoops;

            public static partial class Problems
            {
                /// <summary>Loop-carried state overwritten through a non-linear map, in nested loops: taped.</summary>
                [Objective]
                public static double Recurrence(ReadOnlySpan<double> x)
                {
                    double s = 0.5;
                    double total = 0;
                    for (int sweep = 0; sweep < 3; sweep++)
                    {
                        for (int i = 0; i < x.Length; i++)
                        {
                            s = Math.Sin(s) * x[i] + 0.1;
                            total += s * s;
                        }
                    }

                    return total + s;
                }
            }
            """,

        ["Foreach"] = Usings + """
            namespace Snapshots.Foreach;

            public static partial class Problems
            {
                /// <summary>foreach over the variables and over a data array.</summary>
                [Objective]
                public static double LogSumExp(ReadOnlySpan<double> x)
                {
                    double sum = 0;
                    foreach (double v in x)
                    {
                        sum += Math.Exp(v);
                    }

                    foreach (double w in Weights)
                    {
                        sum += w * x[0];
                    }

                    return Math.Log(sum);
                }

                private static readonly double[] Weights = { 0.25, 0.5 };
            }
            """,

        ["Branches"] = Usings + """
            namespace Snapshots.Branches;

            public static partial class Problems
            {
                /// <summary>if/else with phis, an early return and a combined condition.</summary>
                [Objective]
                public static double Piecewise(double x, double y)
                {
                    if (x > 2 && y > 2)
                    {
                        return x * y;
                    }

                    double r;
                    if (x < 0)
                    {
                        r = x * x;
                    }
                    else if (!(y < 1))
                    {
                        r = Math.Exp(-x) * y;
                    }
                    else
                    {
                        r = y - x;
                        r *= 2;
                    }

                    return r + y * y;
                }
            }
            """,

        ["ConstrainedDesign"] = Usings + """
            namespace Snapshots.ConstrainedDesign;

            public static partial class Design
            {
                /// <summary>An objective with three constraints: its MinimizeCost passes them all.</summary>
                [Objective]
                public static double Cost(double x, double y) => (x - 2) * (x - 2) + (y - 1) * (y - 1);

                [Constraint]
                public static bool InDisk(double x, double y) => x * x + y * y <= 2;

                [Constraint]
                public static bool OnLine(double x, double y) => x == 2 * y;

                [Constraint(ConstraintKind.NonNegative)]
                public static double AboveFloor(double x, double y) => x - 0.1;
            }
            """,

        ["LinearProgram"] = Usings + """
            namespace Snapshots.LinearProgram;

            public static partial class Production
            {
                private static readonly double[] Profit = [3, 5];

                /// <summary>An affine objective with affine constraints: MinimizeLoss routes it to linprog.</summary>
                [Objective]
                public static double Loss(ReadOnlySpan<double> x)
                {
                    double profit = 0;
                    for (int j = 0; j < x.Length; j++)
                    {
                        profit += Profit[j] * x[j];
                    }

                    return -profit;
                }

                [Constraint]
                public static bool Hours(ReadOnlySpan<double> x) => 3 * x[0] + 2 * x[1] <= 18;

                [Constraint(ConstraintKind.Equality)]
                public static double Balance(ReadOnlySpan<double> x) => x[0] - x[1] / 3;
            }
            """,

        ["Ternary"] = Usings + """
            namespace Snapshots.Ternary;

            public static partial class Problems
            {
                /// <summary>Nested ?: that evaluate (and differentiate) only the taken branch.</summary>
                [Objective]
                public static double SmoothStep(double t, double u) =>
                    t <= 0 ? u * u : t >= 1 ? 1 + u * u : t * t * (3 - 2 * t) + (u > 0 ? u * u : -u * u * u);
            }
            """,

        ["DataFieldsAndParameters"] = Usings + """
            namespace Snapshots.DataFieldsAndParameters;

            public static partial class Problems
            {
                private const double Scale = 2.5;
                private static readonly double[] Xs = { 0.0, 1.0, 2.0, 3.0 };

                /// <summary>A property read as data.</summary>
                public static double Offset { get; set; } = 0.125;

                /// <summary>Exponential decay fitted to data given as fields, a property, a constant and [Data] parameters.</summary>
                [Objective]
                public static double DecayLoss(double amplitude, double rate, [Data] double[] ys, [Data] int count)
                {
                    double loss = 0;
                    for (int i = 0; i < count; i++)
                    {
                        double r = amplitude * Math.Exp(-rate * Xs[i]) + Offset - ys[i];
                        loss += r * r;
                    }

                    return Scale * loss / count;
                }
            }
            """,

        ["InstanceMethod"] = Usings + """
            namespace Snapshots.InstanceMethod;

            /// <summary>A least-squares line fit whose data live in instance fields.</summary>
            public sealed partial class LineFit
            {
                private readonly double[] _x;
                private readonly double[] _y;

                /// <summary>The data.</summary>
                public LineFit(double[] x, double[] y)
                {
                    _x = x;
                    _y = y;
                }

                /// <summary>A ridge penalty read from an instance property.</summary>
                public double Ridge { get; init; } = 1e-3;

                /// <summary>The sum of squared residuals of y = a + b x, plus a ridge penalty.</summary>
                [Objective]
                public double Loss(double a, double b)
                {
                    double sum = 0;
                    for (int i = 0; i < _x.Length; i++)
                    {
                        double r = a + b * _x[i] - _y[i];
                        sum += r * r;
                    }

                    return sum + Ridge * (a * a + b * b);
                }
            }
            """,

        ["NestedPartialTypes"] = Usings + """
            namespace Snapshots.NestedPartialTypes;

            public static partial class Outer
            {
                internal partial struct Middle
                {
                    private partial class Inner
                    {
                        /// <summary>An objective three types deep.</summary>
                        [Objective]
                        internal static double Bowl(double x, double y) => x * x + 3 * y * y - x * y;
                    }
                }
            }
            """,

        ["CallsBetweenMethods"] = Usings + """
            namespace Snapshots.CallsBetweenMethods;

            public static partial class Problems
            {
                [Differentiable]
                private static double Softplus(double z) => z > 30 ? z : Math.Log(1 + Math.Exp(z));

                [Differentiable]
                private static double Residual(double a, double b, double t)
                {
                    double model = a * Softplus(b * t);
                    return model - 1;
                }

                /// <summary>A plain objective also called by another one.</summary>
                [Objective]
                public static double Penalty(double a, double b) => 0.5 * (a * a + b * b);

                /// <summary>Calls [Differentiable] helpers (inlined, nested) and another [Objective].</summary>
                [Objective]
                public static double Total(double a, double b)
                {
                    double r1 = Residual(a, b, 0.5);
                    double r2 = Residual(a, b, 2.0);
                    return r1 * r1 + r2 * r2 + Penalty(a, b);
                }
            }
            """,

        ["MathTrigonometric"] = Usings + """
            namespace Snapshots.MathTrigonometric;

            public static partial class Problems
            {
                /// <summary>Sin, Cos, Tan, Asin, Acos, Atan, Atan2.</summary>
                [Objective]
                public static double Trig(double x, double y) =>
                    Math.Sin(x) + Math.Cos(y) + Math.Tan(x * y) + Math.Asin(x / 4) + Math.Acos(y / 4) + Math.Atan(x) + Math.Atan2(y, x);
            }
            """,

        ["MathHyperbolic"] = Usings + """
            namespace Snapshots.MathHyperbolic;

            public static partial class Problems
            {
                /// <summary>Sinh, Cosh, Tanh, Asinh, Acosh, Atanh.</summary>
                [Objective]
                public static double Hyperbolic(double x, double y) =>
                    Math.Sinh(x) + Math.Cosh(y) + Math.Tanh(x - y) + Math.Asinh(x) + Math.Acosh(1 + y * y) + Math.Atanh(x / 4);
            }
            """,

        ["MathExpLog"] = Usings + """
            namespace Snapshots.MathExpLog;

            public static partial class Problems
            {
                /// <summary>Exp, Log with one and two arguments, Log10, Log2.</summary>
                [Objective]
                public static double ExpLog(double x, double y)
                {
                    double p = x * x + 1;
                    return Math.Exp(-x) + Math.Log(p) + Math.Log(p, 3) + Math.Log(p, y * y + 2) + Math.Log10(p) + Math.Log2(p);
                }
            }
            """,

        ["MathPowersAndRoots"] = Usings + """
            namespace Snapshots.MathPowersAndRoots;

            public static partial class Problems
            {
                /// <summary>Pow with a real and a variable exponent, Sqrt, Cbrt, FusedMultiplyAdd, double.Hypot.</summary>
                [Objective]
                public static double Roots(double x, double y)
                {
                    double p = x * x + 1;
                    return Math.Pow(p, 1.5) + Math.Pow(p, y) + Math.Sqrt(p) + Math.Cbrt(x) + Math.FusedMultiplyAdd(x, y, p) + double.Hypot(x, y);
                }
            }
            """,

        ["MathNonSmooth"] = Usings + """
            namespace Snapshots.MathNonSmooth;

            public static partial class Problems
            {
                /// <summary>Abs, Max, Min, Clamp, Sign, Floor, Ceiling, Round (each with the Info diagnostic OPTG0011).</summary>
                [Objective]
                public static double Kinks(double x, double y) =>
                    Math.Abs(x) + Math.Max(x, y) + Math.Min(x, y) + Math.Clamp(x, -1.0, 1.0) * y
                    + Math.Sign(x) * y + Math.Floor(x) * y + Math.Ceiling(y) * x + Math.Round(x) * y;
            }
            """,

        ["PowSmallIntegers"] = Usings + """
            namespace Snapshots.PowSmallIntegers;

            public static partial class Problems
            {
                /// <summary>Math.Pow with constant exponents 0, 1, 2, 3, 4, -1, -2, 0.5 becomes multiplications (and a square root).</summary>
                [Objective]
                public static double Powers(double x)
                {
                    const int Three = 3;
                    return Math.Pow(x, 0) + Math.Pow(x, 1) + Math.Pow(x, 2) + Math.Pow(x, Three) + Math.Pow(x, 4)
                        + Math.Pow(x, -1) + Math.Pow(x, -2) + Math.Pow(x, 0.5);
                }
            }
            """,

        ["CompoundAssignments"] = Usings + """
            namespace Snapshots.CompoundAssignments;

            public static partial class Problems
            {
                /// <summary>=, +=, -=, *=, /=, ++ and -- on double locals, casts to double, unary minus.</summary>
                [Objective]
                public static double Updates(double x, in double y)
                {
                    double a = x;
                    a += y;
                    a -= 0.5 * x;
                    a *= a;
                    a /= 1 + y * y;
                    a++;
                    a--;
                    double b = -(double)a;
                    return a - b * x;
                }
            }
            """,

        ["Constants"] = Usings + """
            namespace Snapshots.Constants;

            public static partial class Problems
            {
                private const double Tiny = -1.5e-8;

                /// <summary>Negative, tiny, huge and non-terminating constants: written invariantly with round-trip digits.</summary>
                [Objective]
                public static double Scaled(double x) => -0.1 * x * x + Tiny * x - 1e300 * 1e-300 + x / 3.0 - 2.0 / 3.0 + Math.PI * x + -x;
            }
            """,

        ["ModelDecay"] = Usings + """
            namespace Snapshots.ModelDecay;

            public static partial class Models
            {
                /// <summary>A [Model]: one predictor, named parameters to fit.</summary>
                [Model]
                public static double Decay(double t, double amplitude, double rate, double offset) => amplitude * Math.Exp(-rate * t) + offset;
            }
            """,

        ["EquationsSystem"] = Usings + """
            namespace Snapshots.EquationsSystem;

            public static partial class Systems
            {
                /// <summary>An [Equations] system with a loop and a data parameter.</summary>
                [Equations]
                public static void Chain(ReadOnlySpan<double> x, Span<double> f, [Data] double target)
                {
                    for (int i = 0; i < x.Length - 1; i++)
                    {
                        f[i] = x[i] * x[i] - x[i + 1];
                    }

                    f[x.Length - 1] = Math.Exp(x[x.Length - 1]) - target;
                }
            }
            """,
    };
}
