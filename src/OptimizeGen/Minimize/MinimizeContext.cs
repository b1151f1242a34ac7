using System.Diagnostics;

namespace OptimizeGen;

/// <summary>
/// What every minimize method shares during one solve: the objective with honest evaluation counts (exact derivatives
/// where the objective gives them, scipy's finite differences where it does not), the per-iteration monitor (callback,
/// progress, cancellation, wall-time limit) and the construction of the result.
/// </summary>
internal sealed class MinimizeContext
{
    private readonly IObjective _objective;
    private readonly IGradientObjective? _gradient;
    private readonly IHessianVectorObjective? _hessianVector;
    private readonly ObjectiveFunction _countedValue;
    private readonly MinimizeOptions _options;
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
    private double[]? _hvpWork;
    private double[]? _hvpGradient;

    public MinimizeContext(IObjective objective, int n, MinimizeMethod method, MinimizeOptions options, Bounds? bounds)
    {
        _objective = objective;
        _gradient = objective as IGradientObjective;
        _hessianVector = objective as IHessianVectorObjective;
        _options = options;
        N = n;
        Method = method;
        Bounds = bounds;
        _countedValue = x =>
        {
            Nfev++;
            return _objective.Value(x);
        };
    }

    /// <summary>The number of variables.</summary>
    public int N { get; }

    /// <summary>The method running.</summary>
    public MinimizeMethod Method { get; }

    /// <summary>The bounds, or null.</summary>
    public Bounds? Bounds { get; }

    /// <summary>The options as given (or the defaults).</summary>
    public MinimizeOptions Options => _options;

    /// <summary>Evaluations of f, including those made for finite differences.</summary>
    public int Nfev { get; private set; }

    /// <summary>Evaluations of the gradient (exact or approximated).</summary>
    public int Njev { get; private set; }

    /// <summary>Hessian-vector products (exact or approximated).</summary>
    public int Nhev { get; private set; }

    /// <summary>True when the objective gives its exact gradient.</summary>
    public bool HasExactGradient => _gradient is not null;

    /// <summary>True when the objective gives exact Hessian-vector products.</summary>
    public bool HasExactHessianVector => _hessianVector is not null;

    /// <summary>Wall time since the solve started.</summary>
    public TimeSpan Elapsed => _stopwatch.Elapsed;

    /// <summary>f(x).</summary>
    public double Value(ReadOnlySpan<double> x) => _countedValue(x);

    /// <summary>f(x) and ∇f(x) into <paramref name="gradient"/>.</summary>
    public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        Njev++;
        if (_gradient is not null)
        {
            Nfev++;
            return _gradient.ValueAndGradient(x, gradient);
        }

        double f = _countedValue(x);
        if (!double.IsFinite(f))
        {
            gradient.Fill(double.NaN);
            return f;
        }

        NumericalDifferentiation.Gradient(_countedValue, x, gradient, _options.FiniteDifference, f, Bounds, _options.FiniteDifferenceRelativeStep);
        return f;
    }

    /// <summary>
    /// ∇²f(x)·v into <paramref name="product"/>. <paramref name="gradientAtX"/> is ∇f(x), which the caller has; the
    /// exact product comes from <see cref="IHessianVectorObjective"/>, otherwise a forward difference of the gradient,
    /// (∇f(x + h v) − ∇f(x)) / h with h = √ε (1 + ‖x‖) / ‖v‖ when the gradient is exact (the step scipy's Newton-CG
    /// uses, scaled by the direction's length), and h = ε^¼ (1 + ‖x‖) / ‖v‖ when the gradient itself is a difference
    /// (its error ≈ √ε is divided by h again, so the step balancing truncation and rounding is ≈ ε^¼).
    /// </summary>
    public void HessianVector(ReadOnlySpan<double> x, ReadOnlySpan<double> v, ReadOnlySpan<double> gradientAtX, Span<double> product)
    {
        Nhev++;
        _hvpGradient ??= new double[N];
        if (_hessianVector is not null)
        {
            _hessianVector.HessianVectorProduct(x, v, _hvpGradient, product);
            return;
        }

        double vnorm = 0;
        double xnorm = 0;
        for (int i = 0; i < v.Length; i++)
        {
            vnorm += v[i] * v[i];
            xnorm += x[i] * x[i];
        }

        vnorm = Math.Sqrt(vnorm);
        if (vnorm == 0)
        {
            product.Clear();
            return;
        }

        double relative = _gradient is not null ? Math.Sqrt(NumericalDifferentiation.MachineEpsilon) : Math.Pow(NumericalDifferentiation.MachineEpsilon, 0.25);
        double h = relative * (1 + Math.Sqrt(xnorm)) / vnorm;
        _hvpWork ??= new double[N];
        for (int i = 0; i < x.Length; i++)
        {
            _hvpWork[i] = x[i] + h * v[i];
        }

        Njev++; // the extra gradient is counted as one, besides the product itself
        if (_gradient is not null)
        {
            Nfev++;
            _gradient.ValueAndGradient(_hvpWork, _hvpGradient);
        }
        else
        {
            double f = _countedValue(_hvpWork);
            NumericalDifferentiation.Gradient(_countedValue, _hvpWork, _hvpGradient, _options.FiniteDifference, f, null, _options.FiniteDifferenceRelativeStep);
        }

        for (int i = 0; i < product.Length; i++)
        {
            product[i] = (_hvpGradient[i] - gradientAtX[i]) / h;
        }
    }

    /// <summary>
    /// Reports a finished iteration to the progress sink and the callback, and checks cancellation and the time limit.
    /// Returns the status to stop with, or null to go on.
    /// </summary>
    public OptimizeStatus? AfterIteration(int iteration, double[] x, double f)
    {
        _options.Progress?.Report(new OptimizeIteration(iteration, (double[])x.Clone(), f, Nfev));
        if (_options.Callback is { } callback && callback(new OptimizeIteration(iteration, x, f, Nfev)))
        {
            return OptimizeStatus.StoppedByCallback;
        }

        return Interrupted();
    }

    /// <summary>Cancellation or the time limit, checked also inside long iterations; null when neither applies.</summary>
    public OptimizeStatus? Interrupted()
    {
        if (_options.CancellationToken.IsCancellationRequested)
        {
            return OptimizeStatus.Cancelled;
        }

        if (_options.TimeLimit is TimeSpan limit && _stopwatch.Elapsed >= limit)
        {
            return OptimizeStatus.TimeLimitReached;
        }

        return null;
    }

    /// <summary>The message for a stop that is not the method's own (callback, cancellation, time limit).</summary>
    public string InterruptMessage(OptimizeStatus status, int iteration) => status switch
    {
        OptimizeStatus.StoppedByCallback => $"The callback asked to stop after iteration {iteration}.",
        OptimizeStatus.Cancelled => $"Cancelled after iteration {iteration}.",
        OptimizeStatus.TimeLimitReached => $"The time limit of {_options.TimeLimit!.Value.TotalSeconds:G4} s was reached after iteration {iteration}.",
        _ => status.ToString(),
    };

    /// <summary>The result, with this solve's counts and wall time.</summary>
    public OptimizeResult Result(
        double[] x,
        double f,
        OptimizeStatus status,
        string message,
        int nit,
        double[]? jac = null,
        double[,]? hessInv = null) => new()
        {
            X = x,
            Fun = f,
            Jac = jac,
            HessInv = hessInv,
            Status = status,
            Message = message,
            Method = Method,
            Nit = nit,
            Nfev = Nfev,
            Njev = Njev,
            Nhev = Nhev,
            Elapsed = _stopwatch.Elapsed,
        };

    /// <summary>‖v‖ with scipy's <c>norm</c> option: ∞ gives max |vᵢ|, −∞ min |vᵢ|, otherwise (Σ|vᵢ|ᵖ)^(1/p).</summary>
    public static double Norm(ReadOnlySpan<double> v, double ord)
    {
        if (double.IsPositiveInfinity(ord))
        {
            double m = 0;
            foreach (double e in v)
            {
                m = Math.Max(m, Math.Abs(e));
            }

            return m;
        }

        if (double.IsNegativeInfinity(ord))
        {
            double m = double.PositiveInfinity;
            foreach (double e in v)
            {
                m = Math.Min(m, Math.Abs(e));
            }

            return m;
        }

        if (ord == 2)
        {
            double s = 0;
            foreach (double e in v)
            {
                s += e * e;
            }

            return Math.Sqrt(s);
        }

        double sum = 0;
        foreach (double e in v)
        {
            sum += Math.Pow(Math.Abs(e), ord);
        }

        return Math.Pow(sum, 1 / ord);
    }

    /// <summary>True when every entry is finite.</summary>
    public static bool AllFinite(ReadOnlySpan<double> v)
    {
        foreach (double e in v)
        {
            if (!double.IsFinite(e))
            {
                return false;
            }
        }

        return true;
    }
}
