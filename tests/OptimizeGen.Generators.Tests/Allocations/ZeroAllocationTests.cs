using System.Reflection;
using OptimizeGen.Generators.Tests.Generator;

namespace OptimizeGen.Generators.Tests.Allocations;

/// <summary>
/// The generated gradient allocates nothing per call for the common shapes: scalar variables, a span with a
/// reduction loop, a least-squares loss over data fields, and a loop whose overwritten state is taped (in pooled buffers); also a [Model]'s parameter
/// gradient and an [Equations] system's Jacobian. Measured with
/// GC.GetAllocatedBytesForCurrentThread around many calls after a warm-up, through the generated objective object
/// that the solvers call.
/// </summary>
public class ZeroAllocationTests
{
    private const string Source = """
        using System;
        using OptimizeGen;
        namespace Alloc;
        public static partial class Problems
        {
            [Objective]
            public static double Rosenbrock(double x, double y) => 100 * Math.Pow(y - x * x, 2) + Math.Pow(1 - x, 2);

            [Objective]
            public static double ExtendedRosenbrock(ReadOnlySpan<double> x)
            {
                double sum = 0;
                for (int i = 0; i < x.Length - 1; i++)
                {
                    double a = x[i + 1] - x[i] * x[i];
                    sum += 100 * a * a + (1 - x[i]) * (1 - x[i]);
                }

                return sum;
            }

            [Objective]
            public static double Recurrence(ReadOnlySpan<double> x)
            {
                double s = 0.5;
                double total = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    s = Math.Sin(s) * x[i] + 0.1;
                    total += s * s;
                }

                return total + s;
            }

            private static readonly double[] T = { 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5 };
            private static readonly double[] Y = { 3.0, 2.3, 1.8, 1.4, 1.2, 1.0, 0.9, 0.8 };

            [Objective]
            public static double Loss(double a, double k, double c)
            {
                double sum = 0;
                for (int i = 0; i < T.Length; i++)
                {
                    double r = a * Math.Exp(-k * T[i]) + c - Y[i];
                    sum += r * r;
                }

                return sum;
            }

            [Model]
            public static double Decay(double t, double amplitude, double rate, double offset) => amplitude * Math.Exp(-rate * t) + offset;

            [Equations]
            public static void Chain(ReadOnlySpan<double> x, Span<double> f)
            {
                for (int i = 0; i < x.Length - 1; i++)
                {
                    f[i] = x[i] * x[i] - x[i + 1];
                }

                f[x.Length - 1] = Math.Exp(x[x.Length - 1]) - 2;
            }
        }
        """;

    private static readonly Lazy<Type> Problems = new(() =>
    {
        var (output, diagnostics, _) = GeneratorHarness.Run(Source);
        Assert.Empty(diagnostics);
        return GeneratorHarness.CompileAndLoad(output).GetType("Alloc.Problems", throwOnError: true)!;
    });

    [Theory]
    [InlineData("Rosenbrock", 2)]
    [InlineData("ExtendedRosenbrock", 100)]
    [InlineData("Recurrence", 100)]
    [InlineData("Recurrence", 5000)]
    [InlineData("Loss", 3)]
    public void ValueAndGradient_allocates_nothing_per_call(string name, int n)
    {
        IGradientObjective objective = Objective(name);
        double[] x = Enumerable.Range(0, n).Select(i => 0.5 + 0.01 * i).ToArray();
        double[] gradient = new double[n];
        double sink = 0;
        for (int k = 0; k < 200; k++)
        {
            sink += objective.ValueAndGradient(x, gradient);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 2000; k++)
        {
            sink += objective.ValueAndGradient(x, gradient);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(double.IsFinite(sink));
        Assert.Contains(gradient, g => g != 0);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("Rosenbrock", 2)]
    [InlineData("ExtendedRosenbrock", 100)]
    [InlineData("Recurrence", 100)]
    [InlineData("Loss", 3)]
    public void HessianVectorProduct_allocates_nothing_per_call(string name, int n)
    {
        var objective = (IHessianVectorObjective)Objective(name);
        double[] x = Enumerable.Range(0, n).Select(i => 0.5 + 0.01 * i).ToArray();
        double[] v = Enumerable.Range(0, n).Select(i => 1.0 - 0.003 * i).ToArray();
        double[] gradient = new double[n];
        double[] product = new double[n];
        double sink = 0;
        for (int k = 0; k < 200; k++)
        {
            sink += objective.HessianVectorProduct(x, v, gradient, product);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 2000; k++)
        {
            sink += objective.HessianVectorProduct(x, v, gradient, product);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(double.IsFinite(sink));
        Assert.Contains(product, p => p != 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Model_gradient_and_system_Jacobian_allocate_nothing_per_call()
    {
        var model = (IGradientModel)Problems.Value.GetProperty("DecayModel", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        double[] t = { 0.75 };
        double[] p = { 2.0, 0.5, 0.1 };
        double[] gradient = new double[3];
        var system = (IJacobianFunction)Problems.Value.GetProperty("ChainSystem", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        const int n = 20;
        double[] x = Enumerable.Range(0, n).Select(i => 0.1 * i).ToArray();
        double[] f = new double[n];
        double[] jacobian = new double[n * n];
        double sink = 0;
        for (int k = 0; k < 200; k++)
        {
            sink += model.EvaluateWithGradient(t, p, gradient);
            system.EvaluateWithJacobian(x, f, jacobian);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 2000; k++)
        {
            sink += model.EvaluateWithGradient(t, p, gradient);
            system.EvaluateWithJacobian(x, f, jacobian);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(double.IsFinite(sink));
        Assert.Contains(gradient, g => g != 0);
        Assert.Contains(jacobian, j => j != 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_measurement_sees_an_allocation_when_there_is_one()
    {
        // The control: the same measurement around a call that allocates 2,000 small arrays.
        IGradientObjective objective = Objective("Rosenbrock");
        double[] x = { 0.5, 0.5 };
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sink = 0;
        for (int k = 0; k < 2000; k++)
        {
            double[] gradient = new double[2];
            sink += objective.ValueAndGradient(x, gradient);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(double.IsFinite(sink));
        Assert.True(allocated >= 2000 * 2 * sizeof(double), $"{allocated} bytes");
    }

    private static IGradientObjective Objective(string name)
    {
        PropertyInfo property = Problems.Value.GetProperty(name + "Objective", BindingFlags.Public | BindingFlags.Static)!;
        return (IGradientObjective)property.GetValue(null)!;
    }
}
