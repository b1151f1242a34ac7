using Microsoft.CodeAnalysis;
using static OptimizeGen.Generators.Tests.Diagnostics.DiagnosticMarkup;

namespace OptimizeGen.Generators.Tests.Diagnostics;

/// <summary>
/// Each diagnostic OPTG0001…OPTG0013 at its exact location: the marked span <c>{|OPTGnnnn:…|}</c> must be exactly
/// what the generator reports (ID, start, length, line and column), with nothing else reported.
/// </summary>
public class DiagnosticTests
{
    // ---- OPTG0001: type not partial ------------------------------------------------------------------------------

    [Fact]
    public void OPTG0001_type_not_partial()
    {
        Verify("""
            using OptimizeGen;
            namespace Demo;
            public static class Problems
            {
                [Objective] public static double {|OPTG0001:F|}(double x) => x * x;
            }
            """, "'Problems'", "'F'", "must be partial");
    }

    [Fact]
    public void OPTG0001_enclosing_type_not_partial()
    {
        Verify("""
            using OptimizeGen;
            namespace Demo;
            public class Outer
            {
                public static partial class Inner
                {
                    [Objective]
                    public static double {|OPTG0001:F|}(double x) => x * x;
                }
            }
            """, "'Outer'");
    }

    [Fact]
    public void OPTG0001_nested_type_not_partial_inside_a_partial_one()
    {
        Verify("""
            using OptimizeGen;
            namespace Demo;
            public partial class Outer
            {
                public struct Inner
                {
                    [Objective]
                    public static double {|OPTG0001:F|}(double x) => x * x;
                }
            }
            """, "'Inner'");
    }

    // ---- OPTG0015: file-local containing type ---------------------------------------------------------------------

    [Fact]
    public void OPTG0015_file_local_containing_type()
    {
        Verify("""
            using OptimizeGen;
            namespace Demo;
            {|OPTG0015:file|} static partial class Problems
            {
                [Objective] public static double F(double x) => x * x;
            }
            """, "'Problems' containing the annotated method 'F' is file-local");
    }

    // ---- OPTG0002: wrong return type ------------------------------------------------------------------------------

    [Fact]
    public void OPTG0002_wrong_return_type()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static {|OPTG0002:float|} F(double x) => (float)(x * x);
                [Objective] static {|OPTG0002:void|} G(double x) { }
            }
            """, "'F' must return double, not 'float'", "'G' must return double, not 'void'");
    }

    // ---- OPTG0003: unsupported parameter type ---------------------------------------------------------------------

    [Fact]
    public void OPTG0003_unsupported_parameter_types()
    {
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double F(double x, {|OPTG0003:int|} n) => x * n;
                [Objective] static double G(double x, ref {|OPTG0003:double|} y) => x * y;
                [Objective] static double H(ReadOnlySpan<double> x, {|OPTG0003:double[]|} y) => x[0] * y[0];
                [Objective] static double K{|OPTG0003:()|} => 1.0;
            }
            """, "Parameter 'n' of type 'int' is not supported", "Parameter 'y' of type 'double'", "Parameter 'y' of type 'double[]'", "mark other parameters [Data]");
    }

    [Fact]
    public void OPTG0003_generic_method()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double F{|OPTG0003:<T>|}(double x) => x * x;
            }
            """, "generic method");
    }

    [Fact]
    public void Data_parameters_of_any_type_are_accepted()
    {
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double F(ReadOnlySpan<double> x, [Data] int n, [Data] double[] w) => n * w[0] * x[0];
            }
            """);
    }

    // ---- OPTG0004: unsupported statement --------------------------------------------------------------------------

    [Fact]
    public void OPTG0004_unsupported_statement_names_it()
    {
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                [Objective]
                static double F(double x)
                {
                    {|OPTG0004:Console.WriteLine(x);|}
                    return x * x;
                }

                [Objective]
                static double G(double x)
                {
                    {|OPTG0004:string s = "a";|}
                    return x * x;
                }

                [Objective]
                static double H(double x)
                {
                    double y = x;
                    {|OPTG0004:y %= 2.0;|}
                    return y;
                }
            }
            """, "'Console.WriteLine(x);'", "'string s = \"a\";'", "'y %= 2.0;'");
    }

    [Fact]
    public void OPTG0004_method_without_a_final_return()
    {
        // An if whose branches both end without return leaves the method without one: reported at its closing brace.
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective]
                static double F(double x)
                {
                    double y = x * x;
                    for (int i = 0; i < 3; i++)
                    {
                        y = y * 0.5;
                    }
                {|OPTG0004:}|}
            }
            """, "end of method without return");
    }

    [Fact]
    public void OPTG0004_method_without_a_body()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static extern double {|OPTG0004:F|}(double x);
                [Objective] static partial double {|OPTG0004:G|}(double x);
                static partial double G(double x) => x * x;
            }
            """, "'a method without a body'");
    }

    // ---- OPTG0005: unsupported expression -------------------------------------------------------------------------

    [Fact]
    public void OPTG0005_unsupported_expression_names_it()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double F(double x) => {|OPTG0005:x % 2.0|};
                [Objective] static double G(double x) => {|OPTG0005:x switch { > 0 => x, _ => -x }|};
                [Objective] static double H(double x) => {|OPTG0005:(float)x|} * 2.0;
            }
            """, "'x % 2.0'", "% has no derivative", "'x switch { > 0 => x, _ => -x }'", "'(float)x'");
    }

    [Fact]
    public void OPTG0005_variable_read_before_it_is_assigned()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective]
                static double F(double x)
                {
                    double y;
                    if (x > 0)
                    {
                        y = x;
                    }

                    return x * {|OPTG0005:y|};
                }
            }
            """, "not assigned yet");
    }

    // ---- OPTG0006: call to a method that cannot be differentiated -------------------------------------------------

    [Fact]
    public void OPTG0006_call_names_the_method_and_suggests_Differentiable()
    {
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                static double Helper(double x) => x * x;

                [Objective] static double F(double x) => {|OPTG0006:Helper(x)|} + 1.0;
            }
            """, "'Problems.Helper'", "mark the method [Differentiable]");
    }

    [Fact]
    public void Math_functions_outside_the_subset_say_what_to_write_instead_of_suggesting_Differentiable()
    {
        var diagnostics = Verify("""
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double F(double x) => {|OPTG0005:Math.ScaleB(x, 2)|} + {|OPTG0005:double.Truncate(x)|};
                [Objective] static double G(double x) => {|OPTG0005:MathF.Sin((float)x)|} * 1.0 + {|OPTG0005:MathF.ReciprocalEstimate((float)x)|} * 1.0 + {|OPTG0005:(float)x * 2f|};
                [Objective] static double H(double x) => {|OPTG0005:float.Exp((float)x)|} + {|OPTG0005:Math.Pow(y: 2, x: x)|};
                [Objective] static double K(double x) => Math.Round(x, {|OPTG0005:(int)x|});
            }
            """,
            "'Math.ScaleB(x, 2)' is not in the differentiable subset: Math.ScaleB with these arguments has no derivative rule; the subset has Sin, Cos",
            "'double.Truncate(x)' is not in the differentiable subset: double.Truncate with these arguments",
            "'MathF.Sin((float)x)' is not in the differentiable subset: MathF.Sin computes in float, and the variables and their derivatives are double; write Math.Sin with double arguments",
            "MathF.ReciprocalEstimate computes in float, and the variables and their derivatives are double; write the System.Math functions with double arguments",
            "float.Exp computes in float",
            "'(float)x * 2f' is not in the differentiable subset: a differentiable value cannot be computed in float; compute in double",
            "pass the arguments of Math.Pow in order, without names",
            "'(int)x' is not in the differentiable subset: the digits and the rounding mode of Math.Round are data");
        Assert.DoesNotContain(diagnostics, d => d.Id == "OPTG0006");
    }

    [Fact]
    public void Double_statics_and_Round_with_digits_are_in_the_subset()
    {
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double F(double x, double y) => double.Sin(x) * double.Exp(y) + double.Pow(x, 3) + double.Hypot(x, y) + double.Log(y * y, 2);
                [Objective] static double G(double x) => {|OPTG0011:double.Abs(x)|} + {|OPTG0011:Math.Round(x, 2)|} + {|OPTG0011:double.Round(x, 1, MidpointRounding.AwayFromZero)|};
            }
            """, "'double.Abs' is not smooth", "'Math.Round' is not smooth", "'double.Round' is not smooth");
    }

    [Fact]
    public void Data_expressions_are_rendered_so_that_they_compile_in_the_generated_file()
    {
        // ?. and ??, object initializers, types in type-only positions, extension methods (the generated file has
        // none of the user's usings), aliases and using static.
        var (output, diagnostics, _) = Generator.GeneratorHarness.Run("""
            using System;
            using System.Linq;
            using OptimizeGen;
            using M = System.Math;
            using static System.Math;
            namespace Demo;
            public sealed class Options { public double Scale { get; init; } = 1; }
            public static partial class Problems
            {
                [Objective] public static double F(double x, [Data] double[]? w) => (w?.Length ?? 1) * x * x + (w?[0] ?? 0.0) * x;
                [Objective] public static double G(double x) => new Options { Scale = 2 }.Scale * x * x + typeof(Options).Name.Length * x;
                [Objective] public static double H(double x, [Data] double[] w) => w.Sum() * x + w.Select(v => v * v).Max() * x * x;
                [Objective] public static double K(double x) => M.PI * Sin(x) + PI * x;
            }
            """);
        Assert.Empty(diagnostics);
        Generator.GeneratorHarness.CompileAndLoad(output);
    }

    [Fact]
    public void Locals_named_with_verbatim_keywords_get_generated_names_that_compile()
    {
        var (output, diagnostics, _) = Generator.GeneratorHarness.Run("""
            using System;
            using OptimizeGen;
            namespace Demo;
            public static partial class Problems
            {
                [Objective]
                public static double F(ReadOnlySpan<double> x)
                {
                    double @in = x[0] * x[0];
                    double @base = @in + 1;
                    for (int @int = 0; @int < x.Length; @int++)
                    {
                        @base += x[@int] * @in;
                    }

                    return @base * @in;
                }
            }
            """);
        Assert.Empty(diagnostics);
        Generator.GeneratorHarness.CompileAndLoad(output);
    }

    [Fact]
    public void OPTG0005_helper_member_that_the_generated_code_cannot_read()
    {
        Verify("""
            using OptimizeGen;
            static class Helpers
            {
                private static readonly double Scale = 2;
                private static double Offset() => 1;
                internal static double Shared = 3;

                [Differentiable]
                public static double Step(double t) => {|OPTG0005:Scale|} * t * t + {|OPTG0005:Offset|}() * t + Shared * t;
            }

            static partial class Problems
            {
                [Objective] static double F(double x) => Helpers.Step(x);
            }
            """, "'Helpers.Scale' is not accessible from 'Problems'", "make it internal");
    }

    [Fact]
    public void Calls_with_data_arguments_only_need_no_derivative()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                static double Helper(double c) => c * c;

                [Objective] static double F(double x) => Helper(3.0) * x;
            }
            """);
    }

    [Fact]
    public void OPTG0006_Differentiable_method_with_unsupported_signature()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Differentiable] static double Scale(double x, int k) => x * k;

                [Objective] static double F(double x) => {|OPTG0006:Scale(x, 2)|};
            }
            """, "'Problems.Scale'");
    }

    // ---- A shared helper: reported once, not once per caller -------------------------------------------------------

    [Fact]
    public void A_problem_in_a_shared_helper_is_reported_once_for_all_its_callers()
    {
        // Two objectives and a model inline the same helper: its error and its info each appear once, at the helper.
        var diagnostics = VerifyFiles(new[]
        {
            """
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double F(double x) => Shared.Helper(x) + x * x;
                [Objective] static double G(double x, double y) => Shared.Helper(x * y);
                [Model] static double M(double t, double a) => a * Shared.Helper(t * a);
            }
            """,
            """
            using System;
            using OptimizeGen;
            static class Shared
            {
                [Differentiable] public static double Helper(double u) => {|OPTG0011:Math.Abs(u)|} + {|OPTG0005:u % 2.0|};
            }
            """,
        }, "'u % 2.0'", "'Math.Abs' is not smooth");
        Assert.Equal(2, diagnostics.Length);
    }

    // ---- OPTG0007: recursion --------------------------------------------------------------------------------------

    [Fact]
    public void OPTG0007_direct_and_indirect_recursion()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double F(double x) => x > 1 ? {|OPTG0007:F(x - 1)|} : x;

                [Differentiable] static double Even(double x) => x > 0 ? Odd(x - 1) : x;
                [Differentiable] static double Odd(double x) => x > 0 ? {|OPTG0007:Even(x - 1)|} : -x;

                [Objective] static double G(double x) => Even(x);
            }
            """, "'F' is recursive", "'Even' is recursive");
    }

    // ---- OPTG0008: while / do / goto / try / unsafe ---------------------------------------------------------------

    [Fact]
    public void OPTG0008_unsupported_control_flow()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective]
                static double F(double x)
                {
                    double s = x;
                    {|OPTG0008:while|} (s > 1) { s = s * 0.5; }
                    return s;
                }

                [Objective]
                static double G(double x)
                {
                    double s = x;
                    {|OPTG0008:do|} { s = s * 0.5; } while (s > 1);
                    return s;
                }

                [Objective]
                static double H(double x)
                {
                    double s = x;
                    {|OPTG0008:goto|} done;
                    {|OPTG0008:done|}: return s;
                }

                [Objective]
                static double K(double x)
                {
                    double s = x;
                    {|OPTG0008:try|} { s = s * 2.0; } finally { }
                    return s;
                }

                [Objective]
                static double L(double x)
                {
                    double s = x;
                    {|OPTG0008:unsafe|} { s = s * 2.0; }
                    return s;
                }
            }
            """, "'while' is not supported", "'do' is not supported", "'goto' is not supported", "'try' is not supported", "'unsafe' is not supported");
    }

    [Fact]
    public void OPTG0008_return_inside_a_loop()
    {
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                [Objective]
                static double F(ReadOnlySpan<double> x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++)
                    {
                        if (x[i] > 5) {|OPTG0008:return|} s;
                        s += x[i];
                    }

                    return s;
                }
            }
            """, "'return inside a loop'");
    }

    // ---- OPTG0009: writing to a differentiable input --------------------------------------------------------------

    [Fact]
    public void OPTG0009_writing_to_an_input()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective]
                static double F(double x)
                {
                    {|OPTG0009:x|} = x * 2.0;
                    return x;
                }

                [Objective]
                static double G(double[] x)
                {
                    {|OPTG0009:x[0]|} += 1.0;
                    return x[0];
                }

                [Objective]
                static double H(double x, double y)
                {
                    {|OPTG0009:y|}++;
                    return x * y;
                }
            }
            """, "'x' is a differentiable input", "'x[0]' is a differentiable input", "'y' is a differentiable input", "copy it into a local first");
    }

    // ---- OPTG0010: integer division of differentiable values ------------------------------------------------------

    [Fact]
    public void OPTG0010_integer_division()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double F(double x) => {|OPTG0010:(int)x / 2|};
                [Objective] static double G(double x, double y) => x + {|OPTG0010:(long)x / (long)y|};
            }
            """, "'(int)x / 2' is an integer division", "'(long)x / (long)y'", "divide doubles instead");
    }

    // ---- OPTG0011: non-smooth functions (Info) --------------------------------------------------------------------

    [Fact]
    public void OPTG0011_non_smooth_functions_are_info_and_still_generate()
    {
        var diagnostics = Verify("""
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                [Objective]
                static double F(double x, double y)
                {
                    double a = {|OPTG0011:Math.Abs(x)|} + {|OPTG0011:Math.Max(x, y)|} + {|OPTG0011:Math.Min(x, y)|};
                    double b = {|OPTG0011:Math.Sign(x)|} + {|OPTG0011:Math.Floor(y)|} + {|OPTG0011:Math.Ceiling(x)|};
                    double c = {|OPTG0011:Math.Round(y)|} + {|OPTG0011:Math.Clamp(x, -1.0, 1.0)|};
                    return a * b + c * y;
                }
            }
            """, "'Math.Abs' is not smooth", "'Math.Max'", "'Math.Min'", "'Math.Sign'", "'Math.Floor'", "'Math.Ceiling'", "'Math.Round'", "'Math.Clamp'",
            "piecewise");
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        var (_, _, result) = Generator.GeneratorHarness.Run(Parse("""
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double F(double x) => Math.Abs(x);
            }
            """).Source);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Problems.F.g.cs");
    }

    // ---- OPTG0012: generated-name collisions ----------------------------------------------------------------------

    [Fact]
    public void OPTG0012_generated_member_collides_with_a_user_member()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double {|OPTG0012:F|}(double x) => x * x;
                static double FGradient(double x) => 2 * x;

                [Objective] static double {|OPTG0012:G|}(double x) => x * x;
                static void MinimizeG() { }
            }
            """, "'FGradient' to 'Problems'", "'MinimizeG' to 'Problems'");
    }

    [Fact]
    public void OPTG0012_variable_names_collide_with_result_properties()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double {|OPTG0012:F|}(double fun, double y) => fun * y;
                [Objective] static double {|OPTG0012:G|}(double a, double A) => a * A;
            }
            """, "'Fun' to 'FResult'", "'A' to 'GResult'");
    }

    [Fact]
    public void OPTG0012_parameter_names_collide_with_the_wrappers_own()
    {
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double {|OPTG0012:F|}(double x0, double x1) => x0 * x0 + x1 * x1;
                [Objective] static double {|OPTG0012:G|}(ReadOnlySpan<double> x, [Data] double options) => options * x[0];
                [Objective] static double H(ReadOnlySpan<double> x0) => x0[0] * x0[0];

                [Model] static double {|OPTG0012:M|}(double t, double a, [Data] double ydata) => a * t * ydata;

                [Equations] static void {|OPTG0012:S|}(ReadOnlySpan<double> x, Span<double> f, [Data] double method) { f[0] = x[0] * method; }
            }
            """, "'x0' to 'MinimizeF'", "'options' to 'MinimizeG'", "'ydata' to 'FitM'", "'method' to 'SolveS'");
    }

    [Fact]
    public void OPTG0012_overloaded_objectives_would_generate_the_same_members()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                [Objective] static double {|OPTG0012:F|}(double x) => x * x;
                [Objective] static double {|OPTG0012:F|}(double x, double y) => x * y;
                static double F(int k) => k;
            }
            """, "'FGradient' to 'Problems'");
    }

    [Fact]
    public void Objectives_of_the_same_name_in_a_generic_and_a_plain_type_get_distinct_files()
    {
        var (_, diagnostics, result) = Generator.GeneratorHarness.Run("""
            using OptimizeGen;
            static partial class Problems<T>
            {
                [Objective] static double F(double x) => x * x;
            }

            static partial class Problems
            {
                [Objective] static double F(double x) => x * x;
            }
            """);
        Assert.Null(result.Exception);
        Assert.Empty(diagnostics);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Problems`1.F.g.cs");
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Problems.F.g.cs");
    }

    // ---- OPTG0013: non-counted for loops --------------------------------------------------------------------------

    [Fact]
    public void OPTG0013_for_loops_that_are_not_counted()
    {
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                [Objective]
                static double F(ReadOnlySpan<double> x)
                {
                    double s = 0;
                    {|OPTG0013:for|} (int i = 0; i < x.Length; i += 2) { s += x[i]; }
                    {|OPTG0013:for|} (int i = 0; i < x.Length; i++) { s += x[i]; i++; }
                    {|OPTG0013:for|} (int i = 0; x[i] < 1; i++) { s += x[i]; }
                    {|OPTG0013:for|} (int i = 0; i < 4; ) { s += x[i]; }
                    {|OPTG0013:for|} (int i = 4; i < x.Length; i--) { s += x[i]; }
                    return s;
                }
            }
            """, "not a counted loop");
    }

    [Fact]
    public void Counted_loops_in_every_direction_are_accepted()
    {
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Problems
            {
                const int N = 3;

                [Objective]
                static double F(ReadOnlySpan<double> x)
                {
                    double s = 0;
                    for (int i = 0; i < x.Length; i++) { s += x[i]; }
                    for (int i = x.Length - 1; i >= 0; i--) { s += x[i] * x[i]; }
                    for (int i = 1; i <= N; ++i) { s += x[i - 1]; }
                    for (int i = N; i > 0; i -= 1) { s += x[i]; }
                    return s;
                }
            }
            """);
    }

    // ---- In a [Differentiable] helper of another file ----------------------------------------------------------

    [Fact]
    public void Problems_inside_an_inlined_helper_are_reported_in_the_helper_file()
    {
        VerifyFiles(
            new[]
            {
                """
                using OptimizeGen;
                static partial class Problems
                {
                    [Objective] static double F(double x) => Helpers.Step(x) + Helpers.Step(2 * x);
                }
                """,
                """
                using System;
                using OptimizeGen;
                static class Helpers
                {
                    [Differentiable]
                    public static double Step(double t)
                    {
                        double s = t;
                        {|OPTG0008:while|} (s > 1) { s = s * 0.5; }
                        return {|OPTG0011:Math.Abs(s)|};
                    }
                }
                """,
            },
            "'while' is not supported");
    }

    // ---- Several at once, in one method ---------------------------------------------------------------------------

    [Fact]
    public void Every_problem_in_a_method_is_reported_not_only_the_first()
    {
        Verify("""
            using OptimizeGen;
            static partial class Problems
            {
                static double Helper(double x) => x;

                [Objective]
                static double F(double x, double y)
                {
                    double a = {|OPTG0006:Helper(x)|};
                    {|OPTG0009:y|} = 2.0;
                    {|OPTG0008:while|} (a > 1) { a = a * 0.5; }
                    return a + {|OPTG0010:(int)y / 3|};
                }
            }
            """);
    }
}

/// <summary>The [Model] and [Equations] diagnostics (OPTG01xx, OPTG02xx) at their exact locations.</summary>
public class ModelAndEquationsDiagnosticTests
{
    [Fact]
    public void OPTG0101_model_predictor_of_the_wrong_type()
    {
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Models
            {
                [Model] static double Decay({|OPTG0101:int|} t, double a, double k) => a * Math.Exp(-k * t);
                [Model] static double Line(ref {|OPTG0101:double|} t, double a) => a * t;
            }
            """, "not 't' of type 'int'");
    }

    [Fact]
    public void OPTG0101_model_without_any_parameter()
    {
        Verify("""
            using OptimizeGen;
            static partial class Models
            {
                [Model] static double Constant{|OPTG0101:()|} => 1.0;
            }
            """);
    }

    [Fact]
    public void OPTG0102_model_without_parameters_to_fit()
    {
        Verify("""
            using OptimizeGen;
            static partial class Models
            {
                [Model] static double Fixed{|OPTG0102:(double t, [Data] double scale)|} => scale * t;
            }
            """, "'Fixed' has no parameters to fit");
    }

    [Fact]
    public void OPTG0201_equations_signature()
    {
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Systems
            {
                [Equations]
                static {|OPTG0201:double|} S(ReadOnlySpan<double> x, Span<double> f) => 0;

                [Equations]
                static void T(ReadOnlySpan<double> x, Span<double> f, {|OPTG0201:int|} n) { f[0] = x[0] * n; }

                [Equations]
                static void U{|OPTG0201:(ReadOnlySpan<double> x)|} { }
            }
            """, "it returns double, not void", "parameter 'n' of type 'int'", "there is no Span<double> of residuals");
    }

    [Fact]
    public void OPTG0202_the_residual_span_used_as_a_whole()
    {
        // Element reads and updates are differentiated (no diagnostic); the span as a whole and indexes from the end are not.
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Systems
            {
                [Equations]
                static void S(ReadOnlySpan<double> x, Span<double> f)
                {
                    {|OPTG0202:f|}.Clear();
                    f[0] = x[0] * x[0] - 2;
                    f[1] = f[0] + x[1];
                    f[1] += 1.0;
                    {|OPTG0202:f[^1] = x[0]|};
                }
            }
            """, "'f' uses the residual span 'f' otherwise than element by element", "'f[^1] = x[0]'");
    }

    // ---- OPTG0203–OPTG0206: the small-system form returning its residuals as a tuple ------------------------------

    [Fact]
    public void OPTG0203_residual_not_double()
    {
        Verify("""
            using OptimizeGen;
            static partial class Systems
            {
                [Equations]
                static (double, {|OPTG0203:int|}) S(double x, double y) => (x * y - 1, 0);
            }
            """, "The residual 2 of the [Equations] method 'S' is 'int', not double");
    }

    [Fact]
    public void OPTG0204_residual_tuple_size()
    {
        Verify("""
            using OptimizeGen;
            static partial class Systems
            {
                [Equations]
                static {|OPTG0204:(double, double, double, double, double, double, double, double)|} S(
                    double a, double b, double c, double d, double e, double f, double g, double h) =>
                    (a, b, c, d, e, f, g, h);
            }
            """, "returns 8 residuals in a tuple: the tuple form takes 2 to 7");
    }

    [Fact]
    public void OPTG0205_unknowns_and_residuals_differ_in_number()
    {
        Verify("""
            using OptimizeGen;
            static partial class Systems
            {
                [Equations]
                static (double, double) S{|OPTG0205:(double x, double y, double z)|} => (x - y, y - z);

                [Equations]
                static (double, double) T{|OPTG0205:([Data] double r)|} => (r, r);
            }
            """, "returns 2 residuals but takes 3 unknowns", "returns 2 residuals but takes 0 unknowns");
    }

    [Fact]
    public void OPTG0206_residuals_returned_as_a_tuple_literal()
    {
        Verify("""
            using OptimizeGen;
            static partial class Systems
            {
                [Equations]
                static (double, double) S(double x, double y)
                {
                    if (x > 0)
                    {
                        return {|OPTG0206:Pair(x, y)|};
                    }

                    return (x - y, x + y);
                }

                static (double, double) Pair(double x, double y) => (x, y);
            }
            """, "'Pair(x, y)' must be a tuple literal of the 2 residuals");
    }

    [Fact]
    public void OPTG0201_tuple_form_with_a_span_parameter()
    {
        Verify("""
            using System;
            using OptimizeGen;
            static partial class Systems
            {
                [Equations]
                static (double, double) S(double x, {|OPTG0201:ReadOnlySpan<double>|} y) => (x, y[0]);
            }
            """, "the unknowns of a system returning a tuple are doubles");
    }
}
