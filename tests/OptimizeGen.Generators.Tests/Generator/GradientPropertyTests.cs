using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace OptimizeGen.Generators.Tests.Generator;

/// <summary>
/// Builds 2,000 random differentiable programs, generates their gradients and Hessian-vector products in memory,
/// compiles them (many per compilation) and checks both against Richardson-extrapolated central differences at
/// random points. A finite difference that is not self-consistent (the window straddles a branch switch) is set
/// aside, not counted; at least 90 % of the checks must be decidable.
/// </summary>
public class GradientPropertyTests
{
    private const int Programs = 2000;
    private const int PerCompilation = 500;

    [Fact]
    public void Gradients_and_Hessian_vector_products_of_random_programs_match_finite_differences()
    {
        var failures = new List<string>();
        int checkedCount = 0;
        int undecided = 0;
        var point = new Random(12345);
        for (int batch = 0; batch < Programs / PerCompilation; batch++)
        {
            var builder = new RandomPrograms(1000 + batch);
            var sources = new List<string>();
            for (int k = 0; k < PerCompilation; k++)
            {
                sources.Add(builder.Next(k));
            }

            string source = RandomPrograms.Class(sources, PerCompilation);
            var (output, diagnostics, _) = GeneratorHarness.Run(source);
            Assert.Empty(diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
            Assembly assembly = GeneratorHarness.CompileAndLoad(output);
            Type type = assembly.GetType("RandomPrograms.P")!;
            for (int k = 0; k < PerCompilation; k++)
            {
                var value = type.GetMethod("V" + k)!.CreateDelegate<Func<double[], double>>();
                var gradient = type.GetMethod("G" + k)!.CreateDelegate<Func<double[], double[], double>>();
                var hvp = type.GetMethod("H" + k)!.CreateDelegate<Func<double[], double[], double[], double[], double>>();
                double[] x = Random(point);
                double[] u = Random(point);
                double[] v = Random(point);
                switch (Check(value, gradient, hvp, x, u, v, out string message))
                {
                    case Outcome.Pass:
                        checkedCount++;
                        break;
                    case Outcome.Undecided:
                        undecided++;
                        break;
                    default:
                        failures.Add($"F{k} of batch {batch} at x = [{string.Join(", ", x)}]: {message}\n{sources[k]}");
                        break;
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} programs failed; first:\n" + string.Join("\n", failures.Take(3)));
        Assert.True(checkedCount >= 0.9 * Programs, $"only {checkedCount} of {Programs} programs could be checked ({undecided} undecided)");
    }

    private enum Outcome
    {
        Pass,
        Undecided,
        Fail,
    }

    private static double[] Random(Random random) =>
        Enumerable.Range(0, RandomPrograms.Dimension).Select(_ => random.NextDouble() * 2 - 1).ToArray();

    private static Outcome Check(
        Func<double[], double> value, Func<double[], double[], double> gradient, Func<double[], double[], double[], double[], double> hvp,
        double[] x, double[] u, double[] v, out string message)
    {
        message = string.Empty;
        int n = x.Length;
        double f = value(x);
        var g = new double[n];
        double fg = gradient(x, g);
        if (!double.IsFinite(f))
        {
            return Outcome.Undecided;
        }

        if (!Close(f, fg, 1e-12))
        {
            message = $"value {fg} from the gradient differs from {f}";
            return Outcome.Fail;
        }

        var g2 = new double[n];
        var hv = new double[n];
        double fh = hvp(x, v, g2, hv);
        if (!Close(f, fh, 1e-12) || !Enumerable.Range(0, n).All(i => Close(g[i], g2[i], 1e-10)))
        {
            message = $"the Hessian-vector product's value {fh} or gradient [{string.Join(", ", g2)}] differs from [{string.Join(", ", g)}]";
            return Outcome.Fail;
        }

        // ∇f·u against d/dt f(x + t u).
        double gu = Dot(g, u);
        double? fd = Derivative(t => value(Shift(x, u, t)));
        // uᵀ∇²f v against d/dt ∇f(x + t v)·u.
        double huv = Dot(hv, u);
        double? fdh = Derivative(t =>
        {
            var gt = new double[n];
            gradient(Shift(x, v, t), gt);
            return Dot(gt, u);
        });
        if (fd is null || fdh is null)
        {
            return Outcome.Undecided;
        }

        if (!Close(gu, fd.Value, 2e-6))
        {
            message = $"∇f·u = {gu}, finite differences {fd}";
            return Outcome.Fail;
        }

        if (!Close(huv, fdh.Value, 2e-5))
        {
            message = $"uᵀHv = {huv}, finite differences {fdh}";
            return Outcome.Fail;
        }

        return Outcome.Pass;
    }

    private static double[] Shift(double[] x, double[] d, double t) => x.Select((xi, i) => xi + t * d[i]).ToArray();

    private static double Dot(double[] a, double[] b) => a.Select((ai, i) => ai * b[i]).Sum();

    private static bool Close(double a, double b, double tolerance) =>
        Math.Abs(a - b) <= tolerance * (1 + Math.Abs(a) + Math.Abs(b));

    /// <summary>Richardson-extrapolated central difference at two step sizes; null when they disagree (a kink).</summary>
    private static double? Derivative(Func<double, double> f)
    {
        double Central(double h) => (f(h) - f(-h)) / (2 * h);
        double Richardson(double h) => (4 * Central(h / 2) - Central(h)) / 3;
        double r1 = Richardson(1e-2);
        double r2 = Richardson(5e-3);
        if (!double.IsFinite(r1) || !double.IsFinite(r2) || Math.Abs(r1 - r2) > 1e-7 * (1 + Math.Abs(r1)))
        {
            return null;
        }

        return r2;
    }
}
