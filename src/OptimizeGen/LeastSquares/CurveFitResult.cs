namespace OptimizeGen;

/// <summary>
/// The result of <c>Optimize.CurveFit</c>: scipy's <c>popt</c>, <c>pcov</c> and what its <c>full_output</c> gives.
/// A failed fit does not throw: <see cref="Success"/> is false and <see cref="Message"/> says why.
/// </summary>
public class CurveFitResult
{
    /// <summary><c>popt</c>: the fitted parameters.</summary>
    public required double[] Parameters { get; init; }

    /// <summary>
    /// <c>pcov</c>: the estimated covariance of <see cref="Parameters"/>, k×k: (JᵀJ)⁻¹ of the weighted Jacobian J at
    /// the solution, computed through J's SVD as V S⁻² Vᵀ, times RSS/(N − k) unless
    /// <see cref="CurveFitOptions.AbsoluteSigma"/>. Filled with +∞, with <see cref="CovarianceWarning"/> set, when J is
    /// rank-deficient (a singular value ≤ ε·max(N, k)·s₁, scipy's threshold), when N = k without absolute sigma, or
    /// when J is not finite. scipy's rule for method 'lm' (MINPACK's R singular → inf with OptimizeWarning) is applied
    /// to every method: scipy's 'trf' and 'dogbox' would instead return the pseudo-inverse, whose zero variances along
    /// the undetermined directions read as certainty.
    /// </summary>
    public required double[,] Covariance { get; init; }

    /// <summary>√diag(pcov): one-standard-deviation errors on the parameters.</summary>
    public required double[] StandardErrors { get; init; }

    /// <summary>yᵢ − f(xᵢ; popt) for the data points used (unweighted).</summary>
    public required double[] Residuals { get; init; }

    /// <summary>The residual sum of squares Σ rᵢ² of the weighted residuals (the unweighted RSS when no sigma is given; the chi-square with sigma).</summary>
    public required double Rss { get; init; }

    /// <summary>Degrees of freedom N − k (N the data points used).</summary>
    public required int Dof { get; init; }

    /// <summary>Why the solver stopped.</summary>
    public required LeastSquaresStatus Status { get; init; }

    /// <summary>True when the solver's convergence test passed.</summary>
    public bool Success => Status is LeastSquaresStatus.Gtol or LeastSquaresStatus.Ftol or LeastSquaresStatus.Xtol or LeastSquaresStatus.FtolAndXtol;

    /// <summary>A sentence for a person, including any covariance warning.</summary>
    public required string Message { get; init; }

    /// <summary>scipy's <c>OptimizeWarning</c> "Covariance of the parameters could not be estimated", or null.</summary>
    public string? CovarianceWarning { get; init; }

    /// <summary>Evaluations of the model over the data (Lm counts those made for finite differences).</summary>
    public required int Nfev { get; init; }

    /// <summary>Jacobian evaluations.</summary>
    public required int Njev { get; init; }

    /// <summary>The method that ran.</summary>
    public required LeastSquaresMethod Method { get; init; }

    /// <summary>How many data points were dropped by <see cref="NanPolicy.Omit"/>.</summary>
    public int Omitted { get; init; }

    /// <summary>The underlying least-squares result (cost, gradient, optimality, active bounds).</summary>
    public required LeastSquaresResult Solver { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Success ? "success" : "failure")} ({Status}): p = [{string.Join(", ", Parameters.Select(p => p.ToString("G10", System.Globalization.CultureInfo.InvariantCulture)))}], RSS = {Rss.ToString("G10", System.Globalization.CultureInfo.InvariantCulture)}";
}
