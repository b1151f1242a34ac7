namespace OptimizeGen.Tests.LeastSquares;

public class CurveFitTests
{
    private static readonly double[] XData = Enumerable.Range(0, 40).Select(i => i * 0.1).ToArray();

    private static double Exponential(double x, ReadOnlySpan<double> p) => p[0] * Math.Exp(-p[1] * x) + p[2];

    /// <summary>The same model with its exact gradient, as a generated MModel would give it.</summary>
    private sealed class ExponentialModel : IGradientModel
    {
        public int ParameterCount => 3;

        public int PredictorCount => 1;

        public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> p) => Exponential(x[0], p);

        public double EvaluateWithGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> p, Span<double> g)
        {
            double e = Math.Exp(-p[1] * x[0]);
            g[0] = e;
            g[1] = -p[0] * x[0] * e;
            g[2] = 1;
            return p[0] * e + p[2];
        }
    }

    private sealed class SumModel : IGradientModel
    {
        public int ParameterCount => 2;

        public int PredictorCount => 1;

        public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> p) => (p[0] + p[1]) * x[0];

        public double EvaluateWithGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> p, Span<double> g)
        {
            g[0] = x[0];
            g[1] = x[0];
            return (p[0] + p[1]) * x[0];
        }
    }

    // Deterministic noise in ±0.01 (a fixed-seed generator, so the test is reproducible).
    private static double[] Noisy(Func<double, double> f, double amplitude = 0.01)
    {
        var random = new Random(12345);
        return XData.Select(x => f(x) + amplitude * (2 * random.NextDouble() - 1)).ToArray();
    }

    [Theory]
    [InlineData(LeastSquaresMethod.Lm)]
    [InlineData(LeastSquaresMethod.Trf)]
    [InlineData(LeastSquaresMethod.Dogbox)]
    public void Exact_data_recovers_the_known_parameters(LeastSquaresMethod method)
    {
        double[] y = XData.Select(x => 2.5 * Math.Exp(-1.3 * x) + 0.5).ToArray();
        var options = new CurveFitOptions { Method = method, Ftol = 1e-14, Xtol = 1e-14, Gtol = 1e-14 };
        CurveFitResult fd = Optimize.CurveFit(Exponential, XData, y, [1.0, 1.0, 1.0], options);
        CurveFitResult exact = Optimize.CurveFit(new ExponentialModel(), XData, y, [1.0, 1.0, 1.0], options);
        foreach (var r in new[] { fd, exact })
        {
            Assert.True(r.Success, r.Message);
            Assert.Equal(2.5, r.Parameters[0], 1e-8);
            Assert.Equal(1.3, r.Parameters[1], 1e-8);
            Assert.Equal(0.5, r.Parameters[2], 1e-8);
            Assert.True(r.Rss < 1e-20);
            Assert.Equal(XData.Length - 3, r.Dof);
            Assert.Equal(method, r.Method);
        }
    }

    [Fact]
    public void Covariance_of_a_straight_line_equals_the_closed_form()
    {
        // For y = a + b x the covariance is s²(XᵀX)⁻¹ with s² = RSS/(N − 2): a textbook formula, independent of the solver.
        double[] y = Noisy(x => 1 + 2 * x);
        CurveFitResult r = Optimize.CurveFit((x, p) => p[0] + p[1] * x, XData, y, [0.0, 0.0]);
        int n = XData.Length;
        double sx = XData.Sum();
        double sxx = XData.Sum(v => v * v);
        double sy = y.Sum();
        double sxy = XData.Zip(y, (a, b) => a * b).Sum();
        double det = n * sxx - sx * sx;
        double b = (n * sxy - sx * sy) / det;
        double a = (sy - b * sx) / n;
        double rss = XData.Zip(y, (xv, yv) => Math.Pow(yv - a - b * xv, 2)).Sum();
        double s2 = rss / (n - 2);
        Assert.Equal(a, r.Parameters[0], 1e-9);
        Assert.Equal(b, r.Parameters[1], 1e-9);
        Assert.Equal(rss, r.Rss, 1e-12);
        Assert.Equal(s2 * sxx / det, r.Covariance[0, 0], 1e-10);
        Assert.Equal(s2 * n / det, r.Covariance[1, 1], 1e-10);
        Assert.Equal(-s2 * sx / det, r.Covariance[0, 1], 1e-10);
        Assert.Equal(Math.Sqrt(s2 * n / det), r.StandardErrors[1], 1e-10);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(y[i] - a - b * XData[i], r.Residuals[i], 1e-9);
        }
    }

    [Fact]
    public void Absolute_sigma_gives_the_weighted_closed_form_and_a_diagonal_covariance_matrix_agrees()
    {
        double[] y = Noisy(x => 1 + 2 * x);
        double[] sigma = XData.Select((x, i) => 0.01 + 0.002 * i).ToArray();
        CurveFitResult oneD = Optimize.CurveFit((x, p) => p[0] + p[1] * x, XData, y, [0.0, 0.0], new CurveFitOptions { Sigma = sigma, AbsoluteSigma = true });
        var c = new double[XData.Length, XData.Length];
        for (int i = 0; i < XData.Length; i++)
        {
            c[i, i] = sigma[i] * sigma[i];
        }

        CurveFitResult twoD = Optimize.CurveFit((x, p) => p[0] + p[1] * x, XData, y, [0.0, 0.0], new CurveFitOptions { SigmaCovariance = c, AbsoluteSigma = true });

        // Weighted normal equations: (XᵀWX)⁻¹ with W = diag(1/σ²).
        double s0 = 0, s1 = 0, s2 = 0;
        for (int i = 0; i < XData.Length; i++)
        {
            double w = 1 / (sigma[i] * sigma[i]);
            s0 += w;
            s1 += w * XData[i];
            s2 += w * XData[i] * XData[i];
        }

        double det = s0 * s2 - s1 * s1;
        foreach (var r in new[] { oneD, twoD })
        {
            Assert.True(r.Success, r.Message);
            Assert.Equal(s2 / det, r.Covariance[0, 0], 1e-12);
            Assert.Equal(s0 / det, r.Covariance[1, 1], 1e-12);
            Assert.Equal(-s1 / det, r.Covariance[0, 1], 1e-12);
        }

        Assert.Equal(oneD.Parameters[0], twoD.Parameters[0], 1e-9);
        Assert.Equal(oneD.Parameters[1], twoD.Parameters[1], 1e-9);
    }

    [Fact]
    public void A_correlated_error_covariance_is_whitened_by_its_cholesky_factor()
    {
        // Generalized least squares for a line: β = (XᵀC⁻¹X)⁻¹XᵀC⁻¹y, computed here with MathNet as the reference.
        int n = 12;
        double[] x = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        double[] y = x.Select((v, i) => 0.5 + 1.5 * v + 0.1 * Math.Sin(3 * i)).ToArray();
        var c = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                c[i, j] = 0.04 * Math.Pow(0.6, Math.Abs(i - j));
            }
        }

        CurveFitResult r = Optimize.CurveFit((xv, p) => p[0] + p[1] * xv, x, y, [0.0, 0.0], new CurveFitOptions { SigmaCovariance = c, AbsoluteSigma = true, Ftol = 1e-14, Xtol = 1e-14, Gtol = 1e-14 });
        var cm = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(c);
        var xm = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, 2, (i, j) => j == 0 ? 1 : x[i]);
        var ci = cm.Inverse();
        var cov = (xm.Transpose() * ci * xm).Inverse();
        var beta = cov * xm.Transpose() * ci * MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(y);
        Assert.True(r.Success, r.Message);
        // The ftol test stops when the cost changes by < ftol relative, which pins the parameters to about √ftol.
        Assert.Equal(beta[0], r.Parameters[0], 1e-7);
        Assert.Equal(beta[1], r.Parameters[1], 1e-7);
        // The covariance comes from the finite-difference Jacobian (relative error ~1e-8 from rounding).
        Assert.Equal(1.0, r.Covariance[0, 0] / cov[0, 0], 1e-6);
        Assert.Equal(1.0, r.Covariance[1, 1] / cov[1, 1], 1e-6);
    }

    [Fact]
    public void A_rank_deficient_jacobian_gives_an_infinite_covariance_with_a_warning()
    {
        // y = (a + b)·x: only a + b is determined; the exact gradient has two equal columns. (With finite differences
        // the columns differ by rounding, and the covariance comes out finite but enormous, as in scipy.)
        double[] y = XData.Select(x => 3 * x).ToArray();
        CurveFitResult r = Optimize.CurveFit(new SumModel(), XData, y, [1.0, 1.0]);
        Assert.True(r.Success, r.Message);
        Assert.Equal(3.0, r.Parameters[0] + r.Parameters[1], 1e-9);
        Assert.NotNull(r.CovarianceWarning);
        Assert.Contains("rank", r.CovarianceWarning);
        Assert.True(double.IsPositiveInfinity(r.Covariance[0, 0]));
        Assert.True(double.IsPositiveInfinity(r.StandardErrors[1]));
    }

    [Fact]
    public void Bounds_hold_and_can_be_active_at_the_solution()
    {
        double[] y = XData.Select(x => 2.5 * Math.Exp(-1.3 * x) + 0.5).ToArray();
        var options = new CurveFitOptions { Bounds = new Bounds([0.0, 0.0, 0.0], [10.0, 1.0, 10.0]) };
        CurveFitResult r = Optimize.CurveFit(new ExponentialModel(), XData, y, [1.0, 0.5, 1.0], options);
        Assert.True(r.Success, r.Message);
        Assert.Equal(LeastSquaresMethod.Trf, r.Method);
        Assert.Equal(1.0, r.Parameters[1], 1e-8);
        Assert.Equal(1, r.Solver.ActiveMask[1]);
        Assert.InRange(r.Parameters[0], 0, 10);
    }

    [Fact]
    public void Nan_policy_omit_drops_the_points_and_matches_the_fit_without_them()
    {
        double[] y = Noisy(x => 2.5 * Math.Exp(-1.3 * x) + 0.5);
        double[] withNan = (double[])y.Clone();
        withNan[3] = double.NaN;
        withNan[17] = double.NaN;
        Assert.Equal("ydata", Assert.Throws<ArgumentException>(() => Optimize.CurveFit(Exponential, XData, withNan, [1.0, 1.0, 1.0])).ParamName);

        CurveFitResult omitted = Optimize.CurveFit(Exponential, XData, withNan, [1.0, 1.0, 1.0], new CurveFitOptions { NanPolicy = NanPolicy.Omit });
        double[] xKept = XData.Where((_, i) => i != 3 && i != 17).ToArray();
        double[] yKept = y.Where((_, i) => i != 3 && i != 17).ToArray();
        CurveFitResult reference = Optimize.CurveFit(Exponential, xKept, yKept, [1.0, 1.0, 1.0]);
        Assert.Equal(2, omitted.Omitted);
        Assert.Equal(reference.Dof, omitted.Dof);
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(reference.Parameters[j], omitted.Parameters[j], 1e-12);
        }
    }

    [Fact]
    public void Several_predictors_fit_through_a_two_column_xdata()
    {
        int n = 30;
        var x = new double[n, 2];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = i * 0.2;
            x[i, 1] = Math.Cos(i);
            y[i] = 1.5 * x[i, 0] + 0.7 * Math.Exp(0.4 * x[i, 1]);
        }

        CurveFitResult r = Optimize.CurveFit((xs, p) => p[0] * xs[0] + p[1] * Math.Exp(p[2] * xs[1]), x, y, [1.0, 1.0, 1.0]);
        Assert.True(r.Success, r.Message);
        Assert.Equal(1.5, r.Parameters[0], 1e-8);
        Assert.Equal(0.7, r.Parameters[1], 1e-8);
        Assert.Equal(0.4, r.Parameters[2], 1e-8);
    }

    [Fact]
    public void Misuse_throws_naming_the_parameter()
    {
        double[] y = XData.Select(x => 2 * x).ToArray();
        Assert.Equal("xdata", Assert.Throws<ArgumentException>(() => Optimize.CurveFit(Exponential, XData[..10], y, [1.0, 1.0, 1.0])).ParamName);
        Assert.Equal("ydata", Assert.Throws<ArgumentException>(() => Optimize.CurveFit(Exponential, [1.0, 2.0], [1.0, 2.0], [1.0, 1.0, 1.0])).ParamName);
        double[] xInf = (double[])XData.Clone();
        xInf[2] = double.PositiveInfinity;
        Assert.Equal("xdata", Assert.Throws<ArgumentException>(() => Optimize.CurveFit(Exponential, xInf, y, [1.0, 1.0, 1.0], new CurveFitOptions { NanPolicy = NanPolicy.Omit })).ParamName);
        Assert.Equal("p0", Assert.Throws<ArgumentException>(() => Optimize.CurveFit(Exponential, XData, y, [double.NaN, 1.0, 1.0])).ParamName);
        Assert.Equal("p0", Assert.Throws<ArgumentException>(() => Optimize.CurveFit(new ExponentialModel(), XData, y, [1.0, 1.0])).ParamName);
        Assert.Equal("Sigma", Assert.Throws<ArgumentException>(() => Optimize.CurveFit(Exponential, XData, y, [1.0, 1.0, 1.0], new CurveFitOptions { Sigma = [1.0] })).ParamName);
        double[] badSigma = XData.Select(_ => 1.0).ToArray();
        badSigma[0] = 0;
        Assert.Equal("Sigma", Assert.Throws<ArgumentException>(() => Optimize.CurveFit(Exponential, XData, y, [1.0, 1.0, 1.0], new CurveFitOptions { Sigma = badSigma })).ParamName);
        Assert.Throws<ArgumentNullException>(() => Optimize.CurveFit((ModelFunction)null!, XData, y, [1.0]));
        Assert.Throws<ArgumentException>(() => Optimize.CurveFit(Exponential, XData, y, [1.0, 1.0, 1.0], new CurveFitOptions { Method = LeastSquaresMethod.Lm, Bounds = Bounds.NonNegative }));
    }

    [Fact]
    public void A_fit_that_cannot_converge_returns_success_false_with_the_reason()
    {
        double[] y = XData.Select(x => 2.5 * Math.Exp(-1.3 * x) + 0.5).ToArray();
        CurveFitResult r = Optimize.CurveFit(Exponential, XData, y, [1.0, 1.0, 1.0], new CurveFitOptions { MaxNfev = 4 });
        Assert.False(r.Success);
        Assert.Equal(LeastSquaresStatus.MaxFunctionEvaluations, r.Status);
        Assert.False(string.IsNullOrWhiteSpace(r.Message));
    }

    [Fact]
    public void A_model_that_turns_nan_at_the_start_fails_cleanly()
    {
        double[] y = XData.Select(x => Math.Sqrt(x + 1)).ToArray();
        CurveFitResult r = Optimize.CurveFit((x, p) => Math.Sqrt(p[0] * x + 1), XData, y, [-5.0]);
        Assert.False(r.Success);
        Assert.Equal(LeastSquaresStatus.NotFinite, r.Status);
        Assert.NotNull(r.CovarianceWarning);
    }
}
