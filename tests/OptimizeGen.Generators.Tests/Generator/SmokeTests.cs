namespace OptimizeGen.Generators.Tests.Generator;

public class SmokeTests
{
    [Fact]
    public void Prints()
    {
        var (output, diags, result) = GeneratorHarness.Run("""
using System;
using OptimizeGen;
namespace Demo;
static partial class Problems
{
    [Objective] public static double Rosenbrock(double x, double y) => 100 * Math.Pow(y - x * x, 2) + Math.Pow(1 - x, 2);

    [Objective] public static double Ext(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            double a = x[i + 1] - x[i] * x[i];
            sum += 100 * a * a + (1 - x[i]) * (1 - x[i]);
        }
        return sum;
    }
}
""");
        File.WriteAllText("/tmp/gen.txt", string.Join("\n////\n", result.GeneratedSources.Select(s => s.SourceText.ToString())) + string.Join("\n", diags));
        foreach (var d in diags) Console.WriteLine(d);
        GeneratorHarness.CompileAndLoad(output);
    }
}
