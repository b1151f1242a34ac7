using OptimizeGen.LeastSquaresInternals;

namespace OptimizeGen;

public static partial class Optimize
{
    /// <summary>
    /// scipy's <c>curve_fit</c> for a model with one predictor given as a delegate m(x; p); the Jacobian comes from
    /// finite differences. Fits p to minimize Σ ((m(xᵢ; p) − yᵢ)/σᵢ)².
    /// </summary>
    /// <param name="model">m(x; p).</param>
    /// <param name="xdata">The predictor values, length N.</param>
    /// <param name="ydata">The observations, length N.</param>
    /// <param name="p0">The initial guess; its length is the number of parameters k.</param>
    /// <param name="options">sigma, bounds, method, tolerances; null for scipy's defaults.</param>
    public static CurveFitResult CurveFit(ModelFunction model, double[] xdata, double[] ydata, double[] p0, CurveFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(xdata);
        ArgumentNullException.ThrowIfNull(p0);
        return CurveFitCore(new DelegateModelEvaluator(model), xdata, 1, ydata, p0, options);
    }

    /// <summary>scipy's <c>curve_fit</c> for a delegate model with several predictors: row i of <paramref name="xdata"/> is data point i.</summary>
    public static CurveFitResult CurveFit(MultivariateModelFunction model, double[,] xdata, double[] ydata, double[] p0, CurveFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(xdata);
        ArgumentNullException.ThrowIfNull(p0);
        return CurveFitCore(new MultivariateDelegateEvaluator(model), Flatten(xdata), xdata.GetLength(1), ydata, p0, options);
    }

    /// <summary>
    /// scipy's <c>curve_fit</c> for an <see cref="IModel"/> with one predictor (an <see cref="IGradientModel"/>, such
    /// as a generated <c>MModel</c>, gives the exact Jacobian). <paramref name="p0"/> null means 1 for every parameter
    /// (or the middle of finite bounds), as in scipy.
    /// </summary>
    public static CurveFitResult CurveFit(IModel model, double[] xdata, double[] ydata, double[]? p0 = null, CurveFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(xdata);
        if (model.PredictorCount != 1)
        {
            throw new ArgumentException($"The model takes {model.PredictorCount} predictors per point; pass xdata as a double[N, {model.PredictorCount}].", nameof(xdata));
        }

        return CurveFitCore(ModelEvaluator.From(model), xdata, 1, ydata, InitialGuess(model, p0, options), options);
    }

    /// <summary>scipy's <c>curve_fit</c> for an <see cref="IModel"/> with several predictors: row i of <paramref name="xdata"/> is data point i.</summary>
    public static CurveFitResult CurveFit(IModel model, double[,] xdata, double[] ydata, double[]? p0 = null, CurveFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(xdata);
        if (model.PredictorCount != xdata.GetLength(1))
        {
            throw new ArgumentException($"xdata has {xdata.GetLength(1)} columns but the model takes {model.PredictorCount} predictors.", nameof(xdata));
        }

        return CurveFitCore(ModelEvaluator.From(model), Flatten(xdata), xdata.GetLength(1), ydata, InitialGuess(model, p0, options), options);
    }

    /// <summary>y − m from the solver's m − y (exact: IEEE subtraction is antisymmetric), saving one pass over the data.</summary>
    private static double[] Negated(double[] f)
    {
        var r = new double[f.Length];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = -f[i];
        }

        return r;
    }

    private static double[] Flatten(double[,] a)
    {
        int rows = a.GetLength(0);
        int cols = a.GetLength(1);
        var flat = new double[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                flat[i * cols + j] = a[i, j];
            }
        }

        return flat;
    }

    private static double[] InitialGuess(IModel model, double[]? p0, CurveFitOptions? options)
    {
        if (p0 is not null)
        {
            if (model.ParameterCount >= 0 && p0.Length != model.ParameterCount)
            {
                throw new ArgumentException($"p0 has length {p0.Length} but the model has {model.ParameterCount} parameters.", nameof(p0));
            }

            return p0;
        }

        if (model.ParameterCount < 0)
        {
            throw new ArgumentException("The model takes any number of parameters; give p0 to say how many.", nameof(p0));
        }

        int k = model.ParameterCount;
        var guess = new double[k];
        for (int j = 0; j < k; j++)
        {
            double lo = options?.Bounds?.Lower(j) ?? double.NegativeInfinity;
            double hi = options?.Bounds?.Upper(j) ?? double.PositiveInfinity;
            bool fl = double.IsFinite(lo);
            bool fu = double.IsFinite(hi);
            guess[j] = fl && fu ? 0.5 * (lo + hi) : fl ? lo + 1 : fu ? hi - 1 : 1.0;
        }

        return guess;
    }

    private static CurveFitResult CurveFitCore(ModelEvaluator model, double[] xFlat, int d, double[] ydata, double[] p0, CurveFitOptions? options)
    {
        ArgumentNullException.ThrowIfNull(ydata);
        options ??= new CurveFitOptions();
        int nAll = ydata.Length;
        int k = p0.Length;
        Guard.NotEmpty(p0, nameof(p0));
        Guard.Finite(p0, nameof(p0));
        if (xFlat.Length != nAll * d)
        {
            throw new ArgumentException($"xdata has {xFlat.Length / Math.Max(d, 1)} points but ydata has {nAll}.", "xdata");
        }

        if (options.Sigma is not null && options.SigmaCovariance is not null)
        {
            throw new ArgumentException("Give sigma either as a 1-D array (Sigma) or as a covariance matrix (SigmaCovariance), not both.", nameof(options));
        }

        if (options.Sigma is not null && options.Sigma.Length != nAll)
        {
            throw new ArgumentException($"Sigma has length {options.Sigma.Length} but ydata has {nAll}.", "Sigma");
        }

        if (options.SigmaCovariance is not null && (options.SigmaCovariance.GetLength(0) != nAll || options.SigmaCovariance.GetLength(1) != nAll))
        {
            throw new ArgumentException($"SigmaCovariance is {options.SigmaCovariance.GetLength(0)}×{options.SigmaCovariance.GetLength(1)} but ydata has {nAll} points.", "SigmaCovariance");
        }

        // The points kept: all, or those without NaN under the 'omit' policy; ±∞ always throws.
        var keep = new List<int>(nAll);
        for (int i = 0; i < nAll; i++)
        {
            bool nan = double.IsNaN(ydata[i]);
            for (int c = 0; c < d; c++)
            {
                nan |= double.IsNaN(xFlat[i * d + c]);
            }

            if (nan && options.NanPolicy == NanPolicy.Omit)
            {
                continue;
            }

            if (!double.IsFinite(ydata[i]))
            {
                throw new ArgumentException($"ydata[{i}] is {ydata[i]}; every entry must be finite (NanPolicy.Omit drops NaN points).", nameof(ydata));
            }

            for (int c = 0; c < d; c++)
            {
                double v = xFlat[i * d + c];
                if (!double.IsFinite(v))
                {
                    string where = d == 1 ? $"xdata[{i}]" : $"xdata[{i}, {c}]";
                    throw new ArgumentException($"{where} is {v}; every entry must be finite (NanPolicy.Omit drops NaN points).", "xdata");
                }
            }

            keep.Add(i);
        }

        int n = keep.Count;
        if (n < k)
        {
            throw new ArgumentException($"There are {n} data points{(n < nAll ? $" (after omitting {nAll - n} with NaN)" : "")} but {k} parameters: a fit needs at least as many points as parameters.", nameof(ydata));
        }

        var x = new double[n * d];
        var y = new double[n];
        for (int r = 0; r < n; r++)
        {
            int i = keep[r];
            y[r] = ydata[i];
            Array.Copy(xFlat, i * d, x, r * d, d);
        }

        double[]? weights = null;
        double[]? cholesky = null;
        if (options.Sigma is not null)
        {
            weights = new double[n];
            for (int r = 0; r < n; r++)
            {
                double s = options.Sigma[keep[r]];
                if (!(s > 0) || double.IsInfinity(s))
                {
                    throw new ArgumentException($"Sigma[{keep[r]}] = {s}; every entry must be positive and finite.", "Sigma");
                }

                weights[r] = 1.0 / s;
            }
        }
        else if (options.SigmaCovariance is not null)
        {
            cholesky = CholeskyLower(options.SigmaCovariance, keep);
        }

        var bounds = options.Bounds;
        bool bounded = bounds is not null && !bounds.IsUnbounded;
        LeastSquaresMethod method = options.Method ?? (bounded ? LeastSquaresMethod.Trf : LeastSquaresMethod.Lm);
        if (method == LeastSquaresMethod.Lm && bounded)
        {
            throw new ArgumentException("Method Lm does not handle bounds; use Trf or Dogbox (the default with bounds).", nameof(options));
        }

        var problem = new ModelProblem(model, x, d, y, k, weights, cholesky);
        var solverOptions = options with { Method = method };
        LeastSquaresResult res = LeastSquaresCore(problem, p0, solverOptions, method == LeastSquaresMethod.Lm ? XScale.Jac : null);

        double rss = LsqKernels.Dot(res.Fun, res.Fun);
        var (pcov, warning) = Covariance(res.Jac, n, k, rss, options.AbsoluteSigma);
        var se = new double[k];
        for (int j = 0; j < k; j++)
        {
            se[j] = Math.Sqrt(pcov[j, j]);
        }

        string message = res.Message;
        if (warning is not null)
        {
            message += " " + warning;
        }

        return new CurveFitResult
        {
            Parameters = res.X,
            Covariance = pcov,
            StandardErrors = se,
            Residuals = weights is null && cholesky is null ? Negated(res.Fun) : problem.DataResiduals(res.X),
            Rss = rss,
            Dof = n - k,
            Status = res.Status,
            Message = message,
            CovarianceWarning = warning,
            Nfev = res.Nfev,
            Njev = res.Njev,
            Method = method,
            Omitted = nAll - n,
            Solver = res,
        };
    }

    /// <summary>
    /// scipy's rule: pcov = V S⁻² Vᵀ = (JᵀJ)⁻¹ from the SVD of the weighted Jacobian, scaled by RSS/(N − k) unless
    /// absolute_sigma. When a singular value falls to ε·max(N, k)·s₁ or below (rank deficiency; scipy's 'lm' rule, here
    /// for every method), or N = k without absolute sigma, or J is not finite, pcov is +∞ everywhere and a warning says why.
    /// </summary>
    internal static (double[,] Covariance, string? Warning) Covariance(double[,] jac, int n, int k, double rss, bool absoluteSigma)
    {
        var pcov = new double[k, k];
        var colMajor = new double[n * k];
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < n; i++)
            {
                colMajor[i + j * n] = jac[i, j];
            }
        }

        string? warning = null;
        if (!LsqKernels.AllFinite(colMajor))
        {
            warning = "Covariance of the parameters could not be estimated: the Jacobian at the solution is not finite.";
        }
        else
        {
            var sub = new TrustRegionSubproblem(n, k);
            sub.Decompose(colMajor, new double[n]);
            double threshold = NumericalDifferentiation.MachineEpsilon * Math.Max(n, k) * sub.S[0];
            int rank = 0;
            for (int i = 0; i < sub.K; i++)
            {
                if (sub.S[i] > threshold)
                {
                    rank++;
                }
            }

            if (rank < k)
            {
                warning = $"Covariance of the parameters could not be estimated: the Jacobian at the solution has rank {rank} < {k} parameters.";
            }
            else
            {
                double scale = 1.0;
                if (!absoluteSigma)
                {
                    if (n > k)
                    {
                        scale = rss / (n - k);
                    }
                    else
                    {
                        warning = "Covariance of the parameters could not be estimated: there are as many data points as parameters (no degrees of freedom) and sigma is not absolute.";
                    }
                }

                if (warning is null)
                {
                    for (int a = 0; a < k; a++)
                    {
                        for (int b = 0; b <= a; b++)
                        {
                            double s = 0;
                            for (int i = 0; i < k; i++)
                            {
                                s += sub.V[a + i * k] * sub.V[b + i * k] / (sub.S[i] * sub.S[i]);
                            }

                            pcov[a, b] = s * scale;
                            pcov[b, a] = s * scale;
                        }
                    }
                }
            }
        }

        if (warning is not null)
        {
            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b < k; b++)
                {
                    pcov[a, b] = double.PositiveInfinity;
                }
            }
        }

        return (pcov, warning);
    }

    private static double[] CholeskyLower(double[,] c, List<int> keep)
    {
        int n = keep.Count;
        var l = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double v = c[keep[i], keep[j]];
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"SigmaCovariance[{keep[i]}, {keep[j]}] is {v}; every entry must be finite.", "SigmaCovariance");
                }

                if (Math.Abs(v - c[keep[j], keep[i]]) > 1e-12 * Math.Max(Math.Abs(v), 1e-300) && j < i)
                {
                    throw new ArgumentException($"SigmaCovariance is not symmetric at [{keep[i]}, {keep[j]}].", "SigmaCovariance");
                }
            }
        }

        for (int j = 0; j < n; j++)
        {
            double s = c[keep[j], keep[j]];
            for (int p = 0; p < j; p++)
            {
                s -= l[j * n + p] * l[j * n + p];
            }

            if (!(s > 0))
            {
                throw new ArgumentException("SigmaCovariance is not positive definite (its Cholesky factorization failed).", "SigmaCovariance");
            }

            double ljj = Math.Sqrt(s);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                double t = c[keep[i], keep[j]];
                for (int p = 0; p < j; p++)
                {
                    t -= l[i * n + p] * l[j * n + p];
                }

                l[i * n + j] = t / ljj;
            }
        }

        return l;
    }
}
