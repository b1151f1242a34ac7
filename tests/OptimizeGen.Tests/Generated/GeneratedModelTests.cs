using OptimizeGen.TestProblems;
using OptimizeGen.TestProblems.Nist;

namespace OptimizeGen.Tests.Generated;

/// <summary>
/// [Model] end to end: the generated <c>MJacobian</c> against closed forms and independent hand-written derivatives,
/// the generated <c>MModel</c> through <c>Optimize.CurveFit</c>, and the typed <c>FitM</c> result named after the
/// model's own parameters.
/// </summary>
public partial class GeneratedModelTests
{
    [Model]
    internal static double Decay(double t, double amplitude, double rate) => amplitude * Math.Exp(-rate * t);

    /// <summary>A polynomial in x whose degree is the length of the coefficient span: a loop over the parameters.</summary>
    [Model]
    internal static double Horner(double x, ReadOnlySpan<double> c)
    {
        double sum = 0;
        for (int i = c.Length - 1; i >= 0; i--)
        {
            sum = sum * x + c[i];
        }

        return sum;
    }

    /// <summary>Two predictors: a plane z = a·x + b·y + c over (x, y).</summary>
    [Model]
    internal static double Plane(ReadOnlySpan<double> p, double a, double b, double c) => a * p[0] + b * p[1] + c;

    /// <summary>NIST Rat43 written with one double per parameter (NistModels.Rat43 takes a span).</summary>
    [Model]
    internal static double Rat43Scalars(double x, double b1, double b2, double b3, double b4) =>
        b1 / Math.Pow(1 + Math.Exp(b2 - b3 * x), 1 / b4);

    private readonly double _offset;

    public GeneratedModelTests() => _offset = 0.25;

    /// <summary>An instance model reading a field.</summary>
    [Model]
    internal double Shifted(double x, double scale) => scale * (x - _offset) * (x - _offset);

    [Fact]
    public void Decay_jacobian_is_exact()
    {
        foreach ((double t, double a, double k) in new[] { (0.0, 2.0, 0.5), (1.5, -3.0, 0.1), (7.0, 0.3, -0.2) })
        {
            double value = DecayJacobian(t, a, k, out double da, out double dk);
            Assert.Equal(a * Math.Exp(-k * t), value, 15);
            Assert.Equal(Math.Exp(-k * t), da, 15);
            Assert.Equal(-t * a * Math.Exp(-k * t), dk, 14);
        }
    }

    [Fact]
    public void Fit_recovers_the_parameters_of_noise_free_data_under_their_own_names()
    {
        double[] t = Enumerable.Range(0, 12).Select(i => 0.5 * i).ToArray();
        double[] y = t.Select(v => 3.0 * Math.Exp(-0.7 * v)).ToArray();
        DecayFit fit = FitDecay(t, y, amplitude: 1.0, rate: 0.1);
        Assert.True(fit.Success, fit.Message);
        Assert.Equal(3.0, fit.Amplitude, 10);
        Assert.Equal(0.7, fit.Rate, 10);
        Assert.True(fit.Rss < 1e-20, $"RSS = {fit.Rss}");
        Assert.Equal(10, fit.Dof);
        Assert.True(fit.AmplitudeStandardError < 1e-8);
        Assert.Equal(fit.Parameters[0], fit.Amplitude);
        Assert.Contains("amplitude = 3", fit.ToString());
        Assert.True(DecayModel.ParameterCount == 2 && DecayModel.PredictorCount == 1);
    }

    [Fact]
    public void Fit_through_the_generated_model_takes_fewer_evaluations_than_finite_differences_and_agrees()
    {
        double[] t = { 0, 1, 2, 3, 4, 5, 6, 7 };
        double[] y = { 10.02, 7.43, 5.46, 4.06, 3.01, 2.21, 1.66, 1.22 };
        DecayFit exact = FitDecay(t, y, 1.0, 0.1);
        CurveFitResult numeric = Optimize.CurveFit((x, p) => p[0] * Math.Exp(-p[1] * x), t, y, new[] { 1.0, 0.1 });
        Assert.True(exact.Success && numeric.Success);
        Assert.Equal(numeric.Parameters[0], exact.Amplitude, 6);
        Assert.Equal(numeric.Parameters[1], exact.Rate, 6);
        Assert.True(exact.Nfev <= numeric.Nfev, $"exact {exact.Nfev}, finite differences {numeric.Nfev}");
    }

    [Fact]
    public void Span_parameters_with_a_loop_get_the_exact_jacobian_and_fit()
    {
        double[] c = { 1.0, -2.0, 0.5, 0.25 };
        var g = new double[4];
        double x = 1.7;
        double value = HornerJacobian(x, c, g);
        Assert.Equal(1.0 - 2.0 * x + 0.5 * x * x + 0.25 * x * x * x, value, 13);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(Math.Pow(x, i), g[i], 13);
        }

        double[] xs = Enumerable.Range(0, 9).Select(i => -1 + 0.25 * i).ToArray();
        double[] ys = xs.Select(v => Horner(v, c)).ToArray();
        HornerFit fit = FitHorner(xs, ys, new double[4]);
        Assert.True(fit.Success, fit.Message);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(c[i], fit.C[i], 9);
        }

        Assert.Equal(-1, HornerModel.ParameterCount);
    }

    [Fact]
    public void Two_predictors_fit_from_a_matrix_of_points()
    {
        var points = new double[6, 2] { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 }, { 2, 1 }, { 1, 3 } };
        double[] z = Enumerable.Range(0, 6).Select(i => 2 * points[i, 0] - 3 * points[i, 1] + 0.5).ToArray();
        PlaneFit fit = FitPlane(points, z, 0, 0, 0);
        Assert.True(fit.Success, fit.Message);
        Assert.Equal(2.0, fit.A, 10);
        Assert.Equal(-3.0, fit.B, 10);
        Assert.Equal(0.5, fit.C, 10);
        Assert.Equal(2, PlaneModel(2).PredictorCount);
    }

    [Fact]
    public void Instance_models_read_their_fields()
    {
        var owner = new GeneratedModelTests();
        double value = owner.ShiftedJacobian(1.25, 2.0, out double dscale);
        Assert.Equal(2.0, value, 15);
        Assert.Equal(1.0, dscale, 15);
        double[] xs = { 0, 1, 2, 3 };
        ShiftedFit fit = owner.FitShifted(xs, xs.Select(v => 4 * (v - 0.25) * (v - 0.25)).ToArray(), scale: 1);
        Assert.Equal(4.0, fit.Scale, 10);
    }

    [Fact]
    public void Generated_Rat43_jacobian_agrees_with_the_hand_written_one()
    {
        var random = new Random(43);
        var hand = new double[4];
        for (int k = 0; k < 200; k++)
        {
            double x = random.NextDouble() * 15;
            double[] b = { 600 + 200 * random.NextDouble(), 4 + 4 * random.NextDouble(), 0.5 + random.NextDouble(), 0.5 + 2 * random.NextDouble() };
            double expected = NistModelGradients.Rat43(x, b, hand);
            double value = Rat43ScalarsJacobian(x, b[0], b[1], b[2], b[3], out double d1, out double d2, out double d3, out double d4);
            Assert.Equal(expected, value, 1e-12 * Math.Abs(expected));
            double[] generated = { d1, d2, d3, d4 };
            for (int j = 0; j < 4; j++)
            {
                Assert.True(Math.Abs(generated[j] - hand[j]) <= 1e-11 * (1 + Math.Abs(hand[j])), $"∂/∂b{j + 1}: generated {generated[j]}, hand {hand[j]}");
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Generated_Rat43_fits_NIST_to_certified_digits(int start)
    {
        if (ReferenceData.Nist is null)
        {
            Assert.Skip(ReferenceData.MissingMessage("nist"));
        }

        NistDataSet data = NistDataSet.Load("Rat43");
        double[] s = data.Starts[start];
        var options = new CurveFitOptions { Ftol = 1e-15, Xtol = 1e-15, Gtol = 1e-15 };
        Rat43ScalarsFit fit = FitRat43Scalars(data.X1, data.Y, s[0], s[1], s[2], s[3], options);
        double[] p = { fit.B1, fit.B2, fit.B3, fit.B4 };
        double[] se = { fit.B1StandardError, fit.B2StandardError, fit.B3StandardError, fit.B4StandardError };
        for (int j = 0; j < 4; j++)
        {
            Assert.True(NistDataSet.Lre(p[j], data.Certified[j]) >= 6, $"b{j + 1} = {p[j]}, certified {data.Certified[j]}");
            Assert.True(NistDataSet.Lre(se[j], data.CertifiedStandardDeviations[j]) >= 4, $"se(b{j + 1}) = {se[j]}, certified {data.CertifiedStandardDeviations[j]}");
        }

        Assert.True(NistDataSet.Lre(fit.Rss, data.CertifiedRss) >= 6, $"RSS = {fit.Rss}, certified {data.CertifiedRss}");
    }

    [Fact]
    public void Misuse_throws_with_the_parameter_name()
    {
        Assert.Contains(Assert.ThrowsAny<ArgumentException>(() => FitDecay(new double[] { 1, 2, 3 }, new double[] { 1, 2 }, 1, 1)).ParamName, new[] { "xdata", "ydata" });
        Assert.Throws<ArgumentException>(() => DecayModel.Evaluate(new double[] { 1, 2 }, new double[] { 1, 2 }));
    }
}
