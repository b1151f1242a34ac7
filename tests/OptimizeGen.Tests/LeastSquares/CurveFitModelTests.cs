namespace OptimizeGen.Tests.LeastSquares;

/// <summary>
/// CurveFit through <see cref="IModel"/> and <see cref="IGradientModel"/> (the shapes a generated <c>MModel</c> takes),
/// scipy's covariance rule for N = k, and misuse of sigma given as a matrix.
/// </summary>
public class CurveFitModelTests
{
    private static readonly double[] XData = [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0];

    /// <summary>A polynomial with as many coefficients as p0 gives (ParameterCount = −1), with its exact gradient.</summary>
    private sealed class Polynomial : IGradientModel
    {
        public int ParameterCount => -1;

        public int PredictorCount => 1;

        public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> p)
        {
            double s = 0;
            for (int j = p.Length - 1; j >= 0; j--)
            {
                s = s * x[0] + p[j];
            }

            return s;
        }

        public double EvaluateWithGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> p, Span<double> g)
        {
            double power = 1;
            for (int j = 0; j < p.Length; j++)
            {
                g[j] = power;
                power *= x[0];
            }

            return Evaluate(x, p);
        }
    }

    /// <summary>Michaelis–Menten v = a·x/(b + x), counting how often its gradient is asked for.</summary>
    private sealed class MichaelisMenten : IGradientModel
    {
        public int GradientCalls { get; private set; }

        public int ParameterCount => 2;

        public int PredictorCount => 1;

        public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> p) => p[0] * x[0] / (p[1] + x[0]);

        public double EvaluateWithGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> p, Span<double> g)
        {
            GradientCalls++;
            double d = p[1] + x[0];
            g[0] = x[0] / d;
            g[1] = -p[0] * x[0] / (d * d);
            return p[0] * x[0] / d;
        }
    }

    [Theory]
    [InlineData(LeastSquaresMethod.Lm)]
    [InlineData(LeastSquaresMethod.Trf)]
    [InlineData(LeastSquaresMethod.Dogbox)]
    public void A_gradient_model_gives_the_exact_jacobian_and_the_same_fit_as_finite_differences(LeastSquaresMethod method)
    {
        double[] y = XData.Select(x => 3.0 * x / (1.7 + x) + 0.01 * Math.Sin(7 * x)).ToArray();
        var model = new MichaelisMenten();
        var options = new CurveFitOptions { Method = method };
        CurveFitResult exact = Optimize.CurveFit(model, XData, y, [1.0, 1.0], options);
        CurveFitResult fd = Optimize.CurveFit((x, p) => p[0] * x / (p[1] + x), XData, y, [1.0, 1.0], options);
        Assert.True(exact.Success, exact.Message);
        Assert.True(fd.Success, fd.Message);
        Assert.True(model.GradientCalls >= exact.Njev * XData.Length, $"{model.GradientCalls} gradient calls for {exact.Njev} Jacobians");
        for (int j = 0; j < 2; j++)
        {
            Assert.Equal(exact.Parameters[j], fd.Parameters[j], 1e-6);
            Assert.Equal(exact.StandardErrors[j], fd.StandardErrors[j], 1e-5);
        }
    }

    [Fact]
    public void A_model_of_any_length_takes_its_parameter_count_from_p0()
    {
        double[] y = XData.Select(x => 1 - 2 * x + 0.25 * x * x).ToArray();
        var e = Assert.Throws<ArgumentException>(() => Optimize.CurveFit(new Polynomial(), XData, y));
        Assert.Equal("p0", e.ParamName);

        CurveFitResult r = Optimize.CurveFit(new Polynomial(), XData, y, [0.0, 0.0, 0.0]);
        Assert.True(r.Success, r.Message);
        Assert.Equal(1.0, r.Parameters[0], 1e-9);
        Assert.Equal(-2.0, r.Parameters[1], 1e-9);
        Assert.Equal(0.25, r.Parameters[2], 1e-10);
        Assert.Equal(XData.Length - 3, r.Dof);
    }

    [Fact]
    public void As_many_points_as_parameters_gives_an_infinite_covariance_unless_sigma_is_absolute()
    {
        // scipy: with N = k the reduced chi-square RSS/(N − k) is undefined; pcov is filled with inf and a warning
        // given, unless absolute_sigma, where pcov = (JᵀJ)⁻¹ needs no scaling (here the line through two points, σ = 1).
        double[] x = [1.0, 3.0];
        double[] y = [2.0, 5.0];
        CurveFitResult relative = Optimize.CurveFit(new Polynomial(), x, y, [0.0, 0.0]);
        Assert.True(relative.Success, relative.Message);
        Assert.Equal(0.5, relative.Parameters[0], 1e-12);
        Assert.Equal(1.5, relative.Parameters[1], 1e-12);
        Assert.NotNull(relative.CovarianceWarning);
        Assert.True(double.IsPositiveInfinity(relative.Covariance[1, 1]));

        CurveFitResult absolute = Optimize.CurveFit(new Polynomial(), x, y, [0.0, 0.0], new CurveFitOptions { AbsoluteSigma = true });
        Assert.Null(absolute.CovarianceWarning);

        // JᵀJ = [[2, 4], [4, 10]], its inverse [[2.5, −1], [−1, 0.5]].
        Assert.Equal(2.5, absolute.Covariance[0, 0], 1e-12);
        Assert.Equal(-1.0, absolute.Covariance[0, 1], 1e-12);
        Assert.Equal(0.5, absolute.Covariance[1, 1], 1e-12);
    }

    [Fact]
    public void Sigma_misuse_throws_naming_the_option()
    {
        double[] y = XData.Select(x => 2 * x).ToArray();
        int n = XData.Length;
        var notPositiveDefinite = new double[n, n];
        var identity = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            identity[i, i] = 1;
            notPositiveDefinite[i, i] = i == 4 ? -1 : 1;
        }

        Assert.Equal("SigmaCovariance", Assert.Throws<ArgumentException>(() =>
            Optimize.CurveFit(new Polynomial(), XData, y, [0.0, 1.0], new CurveFitOptions { SigmaCovariance = notPositiveDefinite })).ParamName);
        Assert.Equal("SigmaCovariance", Assert.Throws<ArgumentException>(() =>
            Optimize.CurveFit(new Polynomial(), XData, y, [0.0, 1.0], new CurveFitOptions { SigmaCovariance = new double[3, 3] })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() =>
            Optimize.CurveFit(new Polynomial(), XData, y, [0.0, 1.0], new CurveFitOptions { SigmaCovariance = identity, Sigma = XData.Select(_ => 1.0).ToArray() })).ParamName);
        double[] nanSigma = XData.Select(_ => 1.0).ToArray();
        nanSigma[2] = double.NaN;
        Assert.Equal("Sigma", Assert.Throws<ArgumentException>(() =>
            Optimize.CurveFit(new Polynomial(), XData, y, [0.0, 1.0], new CurveFitOptions { Sigma = nanSigma })).ParamName);
    }
}
