using System.Reflection;
using OptimizeGen.TestProblems.Nist;

namespace OptimizeGen.Tests.Generated;

/// <summary>
/// The batch form <c>MJacobian(xs, p, values, jacobian)</c> a [Model] with one predictor gets: the same numbers as the
/// per-point <c>MJacobian(x, p, gradient)</c>, bit for bit (hoisting what does not depend on the point out of the loop
/// changes where a value is computed, not how), for the 26 one-predictor NIST models, and checked against central
/// differences on a scalar-parameter model.
/// </summary>
public sealed class GeneratedBatchJacobianTests
{
    private delegate double PointJacobian(double x, ReadOnlySpan<double> b, Span<double> gradient);

    private delegate void BatchJacobian(ReadOnlySpan<double> xs, ReadOnlySpan<double> b, Span<double> values, Span<double> jacobian);

    public static TheoryData<string> OnePredictorModels()
    {
        var data = new TheoryData<string>();
        foreach (MethodInfo m in typeof(NistModels).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<ModelAttribute>() is not null && m.GetParameters()[0].ParameterType == typeof(double)))
        {
            data.Add(m.Name);
        }

        return data;
    }

    [Fact]
    public void Every_one_predictor_NIST_model_has_a_batch_form()
    {
        Assert.Equal(26, OnePredictorModels().Count);
    }

    [Theory]
    [MemberData(nameof(OnePredictorModels))]
    public void The_batch_Jacobian_equals_the_per_point_one_bit_for_bit(string name)
    {
        MethodInfo[] jacobians = typeof(NistModels).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == name + "Jacobian").ToArray();
        var point = (PointJacobian)jacobians.Single(m => m.GetParameters()[0].ParameterType == typeof(double)).CreateDelegate(typeof(PointJacobian));
        var batch = (BatchJacobian)jacobians.Single(m => m.GetParameters()[0].ParameterType == typeof(ReadOnlySpan<double>)).CreateDelegate(typeof(BatchJacobian));
        int k = NistModel.For(name).ParameterCount;
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0x7fff);
        for (int trial = 0; trial < 5; trial++)
        {
            var b = new double[k];
            for (int j = 0; j < k; j++)
            {
                b[j] = 0.5 + random.NextDouble();
            }

            var xs = new double[17];
            for (int i = 0; i < xs.Length; i++)
            {
                xs[i] = 0.25 + 3 * random.NextDouble();
            }

            var values = new double[xs.Length];
            var jacobian = new double[xs.Length * k];
            batch(xs, b, values, jacobian);
            var gradient = new double[k];
            for (int i = 0; i < xs.Length; i++)
            {
                double value = point(xs[i], b, gradient);
                Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(values[i]));
                for (int j = 0; j < k; j++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(gradient[j]), BitConverter.DoubleToInt64Bits(jacobian[i * k + j]));
                }
            }
        }
    }

    [Fact]
    public void The_scalar_parameter_batch_form_agrees_with_central_differences_and_checks_lengths()
    {
        double[] xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
        double[] b = [699.6, 5.28, 0.76, 1.28];
        var values = new double[xs.Length];
        var jacobian = new double[xs.Length * 4];
        BatchModels.Rat43Jacobian(xs, b[0], b[1], b[2], b[3], values, jacobian);
        for (int i = 0; i < xs.Length; i++)
        {
            Assert.Equal(BatchModels.Rat43(xs[i], b[0], b[1], b[2], b[3]), values[i]);
            for (int j = 0; j < 4; j++)
            {
                double h = 1e-5 * Math.Max(1, Math.Abs(b[j]));
                double[] up = (double[])b.Clone(), down = (double[])b.Clone();
                up[j] += h;
                down[j] -= h;
                double central = (BatchModels.Rat43(xs[i], up[0], up[1], up[2], up[3]) - BatchModels.Rat43(xs[i], down[0], down[1], down[2], down[3])) / (2 * h);
                Assert.True(Math.Abs(central - jacobian[i * 4 + j]) <= 1e-6 * Math.Max(1, Math.Abs(central)), $"point {i}, b{j + 1}: {jacobian[i * 4 + j]} vs {central}");
            }
        }

        Assert.Throws<ArgumentException>("values", () => BatchModels.Rat43Jacobian(xs, 1, 1, 1, 1, new double[3], jacobian));
        Assert.Throws<ArgumentException>("jacobian", () => BatchModels.Rat43Jacobian(xs, 1, 1, 1, 1, values, new double[5]));
    }

    [Fact]
    public void CurveFit_takes_the_batch_path_and_fits_exactly_as_per_point()
    {
        Assert.IsAssignableFrom<IBatchGradientModel>(BatchModels.Rat43Model);
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
        double[] b = [699.6, 5.28, 0.76, 1.28];
        double[] y = x.Select((v, i) => BatchModels.Rat43(v, b[0], b[1], b[2], b[3]) * (1 + 0.01 * Math.Sin(3 * i))).ToArray();
        double[] p0 = [700, 5, 0.75, 1.3];

        CurveFitResult batch = Optimize.CurveFit(BatchModels.Rat43Model, x, y, p0);
        CurveFitResult perPoint = Optimize.CurveFit(new PerPoint(BatchModels.Rat43Model), x, y, p0);
        Assert.True(batch.Success, batch.Message);
        Assert.Equal(perPoint.Parameters, batch.Parameters);
        Assert.Equal(perPoint.Nfev, batch.Nfev);
    }

    /// <summary>The same model seen through the per-point interface only.</summary>
    private sealed class PerPoint(IGradientModel model) : IGradientModel
    {
        public int ParameterCount => model.ParameterCount;

        public int PredictorCount => model.PredictorCount;

        public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> parameters) => model.Evaluate(x, parameters);

        public double EvaluateWithGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> parameters, Span<double> gradient) =>
            model.EvaluateWithGradient(x, parameters, gradient);
    }
}

/// <summary>NIST Rat43 with scalar parameters: b1 / (1 + exp(b2 − b3·x))^(1/b4).</summary>
internal static partial class BatchModels
{
    [Model]
    public static double Rat43(double x, double b1, double b2, double b3, double b4) =>
        b1 / Math.Pow(1 + Math.Exp(b2 - b3 * x), 1 / b4);
}
