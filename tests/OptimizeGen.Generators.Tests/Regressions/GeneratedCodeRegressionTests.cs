using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using OptimizeGen.Generators.Tests.Generator;

namespace OptimizeGen.Generators.Tests.Regressions;

/// <summary>
/// Programs that once made the generator report a wrong diagnostic or emit code that did not compile. Each is run
/// through the generator, compiled with every warning an error, loaded, and its generated derivatives are checked
/// against central differences of the user's own method.
/// </summary>
public class GeneratedCodeRegressionTests
{
    /// <summary>Runs the generator; asserts no OPTG error (infos allowed), compiles warning-free and loads.</summary>
    internal static Assembly Generate(params string[] sources)
    {
        var (output, diagnostics, result) = GeneratorHarness.Run(sources);
        Assert.Null(result.Exception);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        return GeneratorHarness.CompileAndLoad(output);
    }

    /// <summary>The generated objective object of a static [Objective] method.</summary>
    internal static IHessianVectorObjective Objective(Assembly assembly, string type, string method) =>
        (IHessianVectorObjective)(assembly.GetType(type, throwOnError: true)!.GetProperty(method + "Objective", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)
            ?? throw new InvalidOperationException(method + "Objective is null"));

    /// <summary>Checks the gradient and the Hessian-vector product against central differences at x.</summary>
    internal static void CheckDerivatives(IHessianVectorObjective objective, double[] x, double tolerance = 1e-6)
    {
        int n = x.Length;
        double[] gradient = new double[n];
        double value = objective.ValueAndGradient(x, gradient);
        Assert.Equal(objective.Value(x), value, 12);
        double[] v = Enumerable.Range(0, n).Select(i => 1.0 - 0.3 * i).ToArray();
        double[] g2 = new double[n];
        double[] product = new double[n];
        Assert.Equal(value, objective.HessianVectorProduct(x, v, g2, product), 12);
        for (int i = 0; i < n; i++)
        {
            const double h = 1e-6;
            double[] plus = (double[])x.Clone();
            double[] minus = (double[])x.Clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (objective.Value(plus) - objective.Value(minus)) / (2 * h);
            Assert.True(Math.Abs(fd - gradient[i]) <= tolerance * (1 + Math.Abs(fd)), $"∂f/∂x{i}: generated {gradient[i]}, differences {fd}");
            Assert.Equal(gradient[i], g2[i], 12);
        }

        // Hv against differences of the gradient along v.
        double step = 1e-6;
        double[] xp = x.Select((xi, i) => xi + step * v[i]).ToArray();
        double[] xm = x.Select((xi, i) => xi - step * v[i]).ToArray();
        double[] gp = new double[n];
        double[] gm = new double[n];
        objective.ValueAndGradient(xp, gp);
        objective.ValueAndGradient(xm, gm);
        for (int i = 0; i < n; i++)
        {
            double fd = (gp[i] - gm[i]) / (2 * step);
            Assert.True(Math.Abs(fd - product[i]) <= 1e-5 * (1 + Math.Abs(fd)), $"(Hv)_{i}: generated {product[i]}, differences {fd}");
        }
    }

    // ---- Locals computed from data only are passive ----------------------------------------------------------------

    [Fact]
    public void A_local_computed_from_data_only_is_passive()
    {
        // Each use below needs 'scale' / 'shift' / 'count' to be data: an integer conversion, an index, a loop bound, an
        // argument to a method that is not differentiable, a compound update and a branch of data.
        Assembly assembly = Generate("""
            using System;
            using OptimizeGen;
            namespace Passive;
            public static partial class Problems
            {
                public static double Weight = 2.5;
                public static bool Flag = true;
                public static double[] Table = { 1.0, 2.0, 3.0, 4.0 };

                public static double Lookup(double key) => key * 0.5;

                [Objective]
                public static double F(double x, double y)
                {
                    double scale = Weight * 2;
                    int n = (int)scale;
                    double count = Table.Length;
                    count += 1;
                    double shift = Table[(int)(scale / 2)];
                    if (Flag)
                    {
                        shift = shift * 2;
                    }

                    int m = (int)shift;
                    double total = 0;
                    for (int i = 0; i < n; i++)
                    {
                        total += x * Table[i % 4] + Lookup(scale) * y * y;
                    }

                    return total + Math.Sin(x * shift) + m * y + count * x * y;
                }

                [Objective]
                public static double G(ReadOnlySpan<double> x)
                {
                    double offset = Table[1] - 1;
                    double s = 0;
                    for (int i = (int)offset; i < x.Length; i++)
                    {
                        s += x[i] * x[(int)offset - 1] * Lookup(offset);
                    }

                    return s;
                }
            }
            """);
        CheckDerivatives(Objective(assembly, "Passive.Problems", "F"), new[] { 0.7, -1.3 });
        CheckDerivatives(Objective(assembly, "Passive.Problems", "G"), new[] { 0.7, -1.3, 0.4 });
    }

    // ---- double's generic-math statics and Math.Round with digits or a mode ------------------------------------------

    [Fact]
    public void Double_statics_and_Round_with_digits_compile_and_differentiate()
    {
        Assembly assembly = Generate("""
            using System;
            using OptimizeGen;
            namespace Statics;
            public static partial class Problems
            {
                public static int Digits = 1;

                [Objective]
                public static double F(double x, double y) =>
                    double.Sin(x) * double.Exp(y) + double.Pow(x, 3) + double.Hypot(x, y) + double.Log(y * y, 2) + double.Sqrt(x * x + 1)
                    + double.Max(x, y) + double.Cbrt(y) + double.Atan2(y, x) + double.Abs(x - y) + double.FusedMultiplyAdd(x, y, x);

                [Objective]
                public static double G(ReadOnlySpan<double> x)
                {
                    int digits = 2;
                    double s = Math.Round(x[0] * x[1], digits) * x[2] + Math.Round(x[1], MidpointRounding.AwayFromZero) * x[0];
                    return s + double.Round(x[2] * x[2], Digits, MidpointRounding.ToEven) * x[1] + x[0] * x[1] * x[2];
                }
            }
            """);
        CheckDerivatives(Objective(assembly, "Statics.Problems", "F"), new[] { 0.7, -1.3 });
        IHessianVectorObjective g = Objective(assembly, "Statics.Problems", "G");
        CheckDerivatives(g, new[] { 0.7, -1.3, 0.4 });

        // The rounded terms are the user's own values: (0.7·−1.3 rounded to 2 digits)·0.4 + round(−1.3)·0.7 + …
        double expected = Math.Round(0.7 * -1.3, 2) * 0.4 + Math.Round(-1.3, MidpointRounding.AwayFromZero) * 0.7
            + Math.Round(0.4 * 0.4, 1, MidpointRounding.ToEven) * -1.3 + 0.7 * -1.3 * 0.4;
        Assert.Equal(expected, g.ValueAndGradient(new[] { 0.7, -1.3, 0.4 }, new double[3]), 14);
    }

    // ---- [Model] with a double[] predictor ---------------------------------------------------------------------------

    [Fact]
    public void A_model_with_a_double_array_predictor_compiles_and_fits()
    {
        Assembly assembly = Generate("""
            using System;
            using System.Linq;
            using OptimizeGen;
            namespace ArrayPredictor;
            public static partial class Models
            {
                [Model]
                public static double Plane(double[] t, double a, double b) => a * t[0] + b * Math.Exp(-t[1]) + t.Sum() * 0.0;

                [Model]
                public static double Sum(double[] t, ReadOnlySpan<double> p)
                {
                    double s = 0;
                    for (int i = 0; i < t.Length; i++)
                    {
                        s += p[i] * t[i] * t[i];
                    }

                    return s;
                }
            }
            """);
        Type models = assembly.GetType("ArrayPredictor.Models", throwOnError: true)!;
        var plane = (IGradientModel)models.GetMethod("PlaneModel")!.Invoke(null, new object[] { 2 })!;
        double[] x = { 0.5, 1.5 };
        double[] p = { 2.0, -3.0 };
        double[] gradient = new double[2];
        double value = plane.EvaluateWithGradient(x, p, gradient);
        Assert.Equal(2.0 * 0.5 - 3.0 * Math.Exp(-1.5), value, 14);
        Assert.Equal(value, plane.Evaluate(x, p), 14);
        Assert.Equal(0.5, gradient[0], 14);
        Assert.Equal(Math.Exp(-1.5), gradient[1], 14);

        // The predictors are copied into a buffer of the thread, not a new array per call.
        double sink = 0;
        for (int k = 0; k < 10; k++)
        {
            sink += plane.EvaluateWithGradient(x, p, gradient) + plane.Evaluate(x, p);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 1000; k++)
        {
            sink += plane.EvaluateWithGradient(x, p, gradient) + plane.Evaluate(x, p);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(sink));

        var sum = (IGradientModel)models.GetMethod("SumModel")!.Invoke(null, new object[] { 3 })!;
        double[] g3 = new double[3];
        Assert.Equal(1 * 1 + 2 * 4 + 3 * 9, sum.EvaluateWithGradient(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, 2.0, 3.0 }, g3), 14);
        Assert.Equal(new[] { 1.0, 4.0, 9.0 }, g3);

        // The typed wrapper fits exact data: y = 2·t₀ − 3·exp(−t₁).
        double[,] xdata = { { 0, 0 }, { 1, 0.5 }, { 2, 1 }, { 3, 2 }, { 0.5, 3 } };
        double[] ydata = Enumerable.Range(0, 5).Select(i => 2 * xdata[i, 0] - 3 * Math.Exp(-xdata[i, 1])).ToArray();
        object fit = models.GetMethod("FitPlane")!.Invoke(null, new object?[] { xdata, ydata, 1.0, 1.0, null })!;
        Assert.True((bool)fit.GetType().GetProperty("Success")!.GetValue(fit)!, fit.ToString());
        Assert.Equal(2.0, (double)fit.GetType().GetProperty("A")!.GetValue(fit)!, 8);
        Assert.Equal(-3.0, (double)fit.GetType().GetProperty("B")!.GetValue(fit)!, 8);
    }

    // ---- Keyword-named parameters and locals ---------------------------------------------------------------------------

    internal const string KeywordNames = """
        using System;
        using OptimizeGen;
        namespace Keywords;
        public static partial class Problems
        {
            [Objective]
            public static double F(double @double, double @in, [Data] double @params)
            {
                double @out = @double * @in + @params;
                double @case = 0;
                if (@out > 0)
                {
                    @case = @out * @out;
                }

                return @case + Math.Sin(@double) * @in * @in;
            }

            // The adjoints of o and ecimal would be 'do' and 'decimal'.
            [Objective]
            public static double G(double o, double ecimal) => o * o * ecimal + Math.Exp(ecimal);

            [Objective]
            public static double H(ReadOnlySpan<double> @in, [Data] double[] @params)
            {
                double @return = 0;
                for (int @int = 0; @int < @in.Length; @int++)
                {
                    @return += @params[@int] * @in[@int] * @in[@int];
                }

                foreach (double @double in @in)
                {
                    @return += Math.Cos(@double);
                }

                return @return;
            }

            [Model]
            public static double M(double @double, double @in, double @out, [Data] double @params) => @in * Math.Exp(-@out * @double) + @params;
        }
        """;

    [Fact]
    public void Keyword_named_parameters_and_locals_compile_and_differentiate()
    {
        Assembly assembly = Generate(KeywordNames);
        Type problems = assembly.GetType("Keywords.Problems", throwOnError: true)!;
        var f = (IHessianVectorObjective)problems.GetMethod("FObjective")!.Invoke(null, new object[] { 0.25 })!;
        CheckDerivatives(f, new[] { 0.7, -1.3 });
        CheckDerivatives(Objective(assembly, "Keywords.Problems", "G"), new[] { 0.7, -1.3 });
        var h = (IHessianVectorObjective)problems.GetMethod("HObjective")!.Invoke(null, new object[] { new[] { 1.0, 2.0, 3.0 } })!;
        CheckDerivatives(h, new[] { 0.7, -1.3, 0.4 });

        // The typed wrapper's result names the variables in Pascal case; the model's parameters likewise.
        object result = problems.GetMethod("MinimizeG")!.Invoke(null, new object?[] { 0.5, 0.5, null, null, null })!;
        Assert.NotNull(result.GetType().GetProperty("O"));
        Assert.NotNull(result.GetType().GetProperty("Ecimal"));
        Type fit = problems.GetMethod("FitM")!.ReturnType;
        Assert.NotNull(fit.GetProperty("In"));
        Assert.NotNull(fit.GetProperty("OutStandardError"));
        var model = (IGradientModel)problems.GetMethod("MModel")!.Invoke(null, new object[] { 0.5 })!;
        double[] gradient = new double[2];
        Assert.Equal(2 * Math.Exp(-0.3 * 1.5) + 0.5, model.EvaluateWithGradient(new[] { 1.5 }, new[] { 2.0, 0.3 }, gradient), 14);
        Assert.Equal(Math.Exp(-0.3 * 1.5), gradient[0], 14);
        Assert.Equal(-1.5 * 2 * Math.Exp(-0.3 * 1.5), gradient[1], 14);
    }

    // ---- Chained sums: gradient[i ± 1]'s share carried to the next iteration --------------------------------------

    private const string ChainedSums = """
        using System;
        using OptimizeGen;
        namespace Chained;
        public static partial class Problems
        {
            [Objective]
            public static double Rosen(ReadOnlySpan<double> x)
            {
                double f = 0;
                for (int i = 0; i < x.Length - 1; i++)
                {
                    double a = x[i + 1] - x[i] * x[i];
                    double b = 1 - x[i];
                    f += 100 * a * a + b * b;
                }

                return f;
            }

            [Objective]
            public static double Smooth(ReadOnlySpan<double> x)
            {
                double s = 0;
                for (int i = 0; i <= x.Length - 2; i++)
                {
                    double d = x[i + 1] - x[i];
                    s += d * d * (1 + x[i] * x[i]) + Math.Sin(x[i + 1]) * x[i];
                }

                return s;
            }

            [Objective]
            public static double Stencil(ReadOnlySpan<double> x)
            {
                double s = x[0] * x[0];
                for (int i = 1; i < x.Length - 1; i++)
                {
                    s += Math.Exp(0.1 * x[i + 1]) * x[i] * x[i - 1] + x[i + 1] * x[i + 1];
                }

                return s;
            }

            [Objective]
            public static double Differences(ReadOnlySpan<double> x)
            {
                double s = 0;
                for (int i = 1; i < x.Length; i++)
                {
                    double d = x[i] - x[i - 1];
                    s += d * d * (2 + Math.Cos(x[i - 1]));
                }

                return s;
            }

            [Objective]
            public static double Lagged(ReadOnlySpan<double> x)
            {
                double s = 0;
                for (int i = 1; i <= x.Length - 1; i++)
                {
                    s += x[i] * Math.Exp(0.2 * x[i - 1]);
                }

                return s;
            }
        }
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Chained_sums_carry_the_next_entry_and_stay_exact(int n)
    {
        var (output, diagnostics, result) = GeneratorHarness.Run(ChainedSums);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        foreach (string name in new[] { "Rosen", "Smooth", "Stencil", "Differences", "Lagged" })
        {
            // The optimization is in place (each loop reads x[i + 1] or x[i - 1]), in the gradient and in the
            // Hessian-vector product.
            string source = GeneratorHarness.Generated(result, $"Problems.{name}.g.cs");
            Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(source, @"gradientCarried = 0\.0;").Count);
        }

        Assembly assembly = GeneratorHarness.CompileAndLoad(output);
        double[] x = Enumerable.Range(0, n).Select(i => 0.3 + 0.17 * i - 0.05 * i * i).ToArray();
        CheckDerivatives(Objective(assembly, "Chained.Problems", "Rosen"), x);
        CheckDerivatives(Objective(assembly, "Chained.Problems", "Smooth"), x);
        CheckDerivatives(Objective(assembly, "Chained.Problems", "Stencil"), x);
        CheckDerivatives(Objective(assembly, "Chained.Problems", "Differences"), x);
        CheckDerivatives(Objective(assembly, "Chained.Problems", "Lagged"), x);
    }
}
