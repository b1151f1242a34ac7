using OptimizeGen.TestProblems;
using OptimizeGen.TestProblems.Nist;

namespace OptimizeGen.Tests.LeastSquares;

/// <summary>
/// The generated gradients of the NIST [Model] methods (NistModel.For uses NistModels.{Name}Jacobian) against central
/// differences of the model methods and against the independent hand-written ones (NistModelGradients), at both starting points and the certified solution, at every data point; and the value they return
/// against the model method itself.
/// </summary>
public class NistModelGradientTests
{
    public static TheoryData<string> Names() => new(NistDataSet.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void The_exact_gradient_matches_central_differences_of_the_model(string name)
    {
        if (ReferenceData.Nist is null)
        {
            Assert.Skip(ReferenceData.MissingMessage("nist"));
        }

        var ds = NistDataSet.Load(name);
        var model = NistModel.For(name);
        int k = ds.ParameterCount;
        int d = ds.PredictorCount;
        var g = new double[k];
        var bp = new double[k];
        var bm = new double[k];
        var x = new double[d];
        foreach (double[] b in new[] { ds.Starts[0], ds.Starts[1], ds.Certified })
        {
            for (int i = 0; i < ds.Count; i++)
            {
                for (int c = 0; c < d; c++)
                {
                    x[c] = ds.X[i, c];
                }

                double value = model.EvaluateWithGradient(x, b, g);
                double plain = model.Evaluate(x, b);
                Assert.True(Math.Abs(value - plain) <= 1e-13 * Math.Max(1, Math.Abs(plain)), $"{name} point {i}: value {value:R} vs model {plain:R}");
                for (int j = 0; j < k; j++)
                {
                    // Central differences with h = 1e-4·|bⱼ| and h/2, Richardson-extrapolated: truncation O(h⁴).
                    double h = 1e-4 * (b[j] == 0 ? 1 : Math.Abs(b[j]));
                    double fd = (4 * Central(model, x, b, bp, bm, j, h / 2) - Central(model, x, b, bp, bm, j, h)) / 3;
                    double scale = Math.Max(Math.Abs(g[j]), Math.Abs(plain) / (b[j] == 0 ? 1 : Math.Abs(b[j])));
                    Assert.True(Math.Abs(g[j] - fd) <= 1e-6 * scale + 1e-12, $"{name} at point {i}, b{j + 1}: exact {g[j]:R}, central difference {fd:R}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_generated_gradient_agrees_with_the_hand_written_one(string name)
    {
        if (ReferenceData.Nist is null)
        {
            Assert.Skip(ReferenceData.MissingMessage("nist"));
        }

        var ds = NistDataSet.Load(name);
        var generated = NistModel.For(name);
        ModelGradientFunction hand = NistModel.HandWrittenGradient(name);
        int k = ds.ParameterCount;
        var g = new double[k];
        var h = new double[k];
        var x = new double[ds.PredictorCount];
        foreach (double[] b in new[] { ds.Starts[0], ds.Starts[1], ds.Certified })
        {
            for (int i = 0; i < ds.Count; i++)
            {
                for (int c = 0; c < x.Length; c++)
                {
                    x[c] = ds.X[i, c];
                }

                double value = generated.EvaluateWithGradient(x, b, g);
                double expected = hand(x, b, h);
                Assert.True(Math.Abs(value - expected) <= 1e-13 * Math.Max(1, Math.Abs(expected)), $"{name} point {i}: {value:R} vs {expected:R}");
                double scale = h.Max(Math.Abs);
                for (int j = 0; j < k; j++)
                {
                    Assert.True(Math.Abs(g[j] - h[j]) <= 1e-12 * Math.Max(scale, 1e-300), $"{name} point {i}, b{j + 1}: generated {g[j]:R}, hand-written {h[j]:R}");
                }
            }
        }
    }

    private static double Central(NistModel model, double[] x, double[] b, double[] bp, double[] bm, int j, double h)
    {
        b.CopyTo(bp, 0);
        b.CopyTo(bm, 0);
        bp[j] += h;
        bm[j] -= h;
        return (model.Evaluate(x, bp) - model.Evaluate(x, bm)) / (bp[j] - bm[j]);
    }
}
