namespace OptimizeGen.LeastSquaresInternals;

/// <summary>A model evaluated at one data point, with its parameter gradient when it has one.</summary>
internal abstract class ModelEvaluator
{
    public abstract bool HasGradient { get; }

    public abstract double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> p);

    public virtual double ValueAndGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> p, Span<double> gradient) =>
        throw new InvalidOperationException("This model has no gradient.");

    /// <summary>The batch form, when the model has one: values and the row-major N×k Jacobian at all points.</summary>
    public virtual IBatchGradientModel? Batch => null;

    public static ModelEvaluator From(IModel model) => model switch
    {
        IBatchGradientModel b => new BatchModelEvaluator(b),
        IGradientModel g => new GradientModelEvaluator(g),
        _ => new PlainModelEvaluator(model),
    };

    private sealed class BatchModelEvaluator(IBatchGradientModel model) : ModelEvaluator
    {
        public override bool HasGradient => true;

        public override IBatchGradientModel Batch => model;

        public override double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> p) => model.Evaluate(x, p);

        public override double ValueAndGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> p, Span<double> gradient) => model.EvaluateWithGradient(x, p, gradient);
    }

    private sealed class PlainModelEvaluator(IModel model) : ModelEvaluator
    {
        public override bool HasGradient => false;

        public override double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> p) => model.Evaluate(x, p);
    }

    private sealed class GradientModelEvaluator(IGradientModel model) : ModelEvaluator
    {
        public override bool HasGradient => true;

        public override double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> p) => model.Evaluate(x, p);

        public override double ValueAndGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> p, Span<double> gradient) => model.EvaluateWithGradient(x, p, gradient);
    }
}

internal sealed class DelegateModelEvaluator(ModelFunction model) : ModelEvaluator
{
    public override bool HasGradient => false;

    public override double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> p) => model(x[0], p);
}

internal sealed class MultivariateDelegateEvaluator(MultivariateModelFunction model) : ModelEvaluator
{
    public override bool HasGradient => false;

    public override double Value(ReadOnlySpan<double> x, ReadOnlySpan<double> p) => model(x, p);
}

/// <summary>
/// curve_fit's residuals: fᵢ(p) = wᵢ·(m(xᵢ; p) − yᵢ) with wᵢ = 1/σᵢ, or f = L⁻¹(m − y) for a covariance C = LLᵀ.
/// Predictors are row-major N×d.
/// </summary>
internal sealed class ModelProblem : ResidualProblem
{
    private readonly ModelEvaluator _model;
    private readonly double[] _x;
    private readonly int _d;
    private readonly double[] _y;
    private readonly double[]? _weights;
    private readonly double[]? _cholesky; // row-major N×N lower triangle
    private readonly double[] _gradient;
    private double[]? _batchValues;
    private double[]? _batchJacobian;

    public ModelProblem(ModelEvaluator model, double[] x, int d, double[] y, int k, double[]? weights, double[]? cholesky)
        : base(y.Length, k)
    {
        _model = model;
        _x = x;
        _d = d;
        _y = y;
        _weights = weights;
        _cholesky = cholesky;
        _gradient = new double[k];
    }

    public override bool HasExactJacobian => _model.HasGradient;

    public int ModelEvaluations { get; private set; }

    public override void Residuals(ReadOnlySpan<double> p, Span<double> f)
    {
        int m = M;
        for (int i = 0; i < m; i++)
        {
            f[i] = _model.Value(_x.AsSpan(i * _d, _d), p) - _y[i];
        }

        ModelEvaluations++;
        Weigh(f);
    }

    /// <summary>The unweighted residuals yᵢ − m(xᵢ; p).</summary>
    public double[] DataResiduals(ReadOnlySpan<double> p)
    {
        var r = new double[M];
        for (int i = 0; i < M; i++)
        {
            r[i] = _y[i] - _model.Value(_x.AsSpan(i * _d, _d), p);
        }

        return r;
    }

    protected override void ExactJacobian(ReadOnlySpan<double> p, ReadOnlySpan<double> f, Span<double> jac)
    {
        int m = M;
        int n = N;
        if (_model.Batch is { } batch)
        {
            // One call for all points into a row-major buffer, then into the solver's column-major layout.
            _batchValues ??= new double[m];
            _batchJacobian ??= new double[m * n];
            batch.EvaluateWithJacobian(_x, p, _batchValues, _batchJacobian);
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    jac[i + j * m] = _batchJacobian[i * n + j];
                }
            }

            for (int j = 0; j < n; j++)
            {
                Weigh(jac.Slice(j * m, m));
            }

            return;
        }

        for (int i = 0; i < m; i++)
        {
            _model.ValueAndGradient(_x.AsSpan(i * _d, _d), p, _gradient);
            for (int j = 0; j < n; j++)
            {
                jac[i + j * m] = _gradient[j];
            }
        }

        for (int j = 0; j < n; j++)
        {
            Weigh(jac.Slice(j * m, m));
        }
    }

    private void Weigh(Span<double> v)
    {
        if (_weights is not null)
        {
            for (int i = 0; i < v.Length; i++)
            {
                v[i] *= _weights[i];
            }
        }
        else if (_cholesky is not null)
        {
            int m = v.Length;
            for (int i = 0; i < m; i++)
            {
                double s = v[i];
                for (int k = 0; k < i; k++)
                {
                    s -= _cholesky[i * m + k] * v[k];
                }

                v[i] = s / _cholesky[i * m + i];
            }
        }
    }
}
