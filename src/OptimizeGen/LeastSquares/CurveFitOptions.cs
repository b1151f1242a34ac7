namespace OptimizeGen;

/// <summary>What <c>Optimize.CurveFit</c> does with NaN in the data (scipy's <c>nan_policy</c>).</summary>
public enum NanPolicy
{
    /// <summary><c>'raise'</c> (and scipy's default <c>check_finite=True</c>): NaN or ±∞ in xdata, ydata or sigma throws.</summary>
    Raise,

    /// <summary><c>'omit'</c>: data points whose x or y is NaN are dropped before the fit (±∞ still throws).</summary>
    Omit,
}

/// <summary>m(x; p) for a plain-delegate model with several predictors (one row of xdata).</summary>
public delegate double MultivariateModelFunction(ReadOnlySpan<double> x, ReadOnlySpan<double> parameters);

/// <summary>
/// Options of <c>Optimize.CurveFit</c>, scipy's <c>curve_fit</c> keywords; the solver options it passes to
/// least_squares are inherited. <see cref="LeastSquaresOptions.Method"/> null means <see cref="LeastSquaresMethod.Lm"/>
/// without bounds and <see cref="LeastSquaresMethod.Trf"/> with them, as in scipy; for Lm,
/// <see cref="LeastSquaresOptions.XScale"/> null means <see cref="XScale.Jac"/> (scipy's leastsq, MINPACK mode 1).
/// Departure: the tolerances default to least_squares' (ftol = xtol = gtol = 1e-8, and max_nfev as least_squares
/// chooses it, see <see cref="LeastSquaresOptions.MaxNfev"/>) for every method, where scipy's curve_fit hands 'lm' to leastsq (ftol = xtol = 1.49012e-8,
/// gtol = 0, maxfev = 100·(k + 1) with a Jacobian, 200·(k + 1) without).
/// </summary>
public record CurveFitOptions : LeastSquaresOptions
{
    /// <summary>
    /// <c>sigma</c> as a 1-D array: the uncertainty of each ydata point; the residuals become (f(xᵢ) − yᵢ)/σᵢ.
    /// Entries must be positive and finite.
    /// </summary>
    public double[]? Sigma { get; init; }

    /// <summary>
    /// <c>sigma</c> as a 2-D array: the covariance matrix C of the errors in ydata (symmetric positive definite);
    /// the residuals become L⁻¹(f − y) with C = LLᵀ. Give either this or <see cref="Sigma"/>.
    /// </summary>
    public double[,]? SigmaCovariance { get; init; }

    /// <summary>
    /// <c>absolute_sigma</c> (default false): when true, sigma is absolute and the covariance is (JᵀJ)⁻¹ of the
    /// weighted Jacobian; when false, it is scaled by the reduced chi-square RSS/(N − k) so that only sigma's relative
    /// sizes matter.
    /// </summary>
    public bool AbsoluteSigma { get; init; }

    /// <summary><c>nan_policy</c>: <see cref="NanPolicy.Raise"/> (default) or <see cref="NanPolicy.Omit"/>.</summary>
    public NanPolicy NanPolicy { get; init; } = NanPolicy.Raise;
}
