namespace OptimizeGen.TestProblems.Nist;

/// <summary>∂m/∂b of a model at one data point: returns m(x; b) and writes the gradient into <paramref name="gradient"/>.</summary>
public delegate double ModelGradientFunction(ReadOnlySpan<double> x, ReadOnlySpan<double> b, Span<double> gradient);

/// <summary>The values and row-major N×k Jacobian of a one-predictor model at all N points (the generated batch form).</summary>
public delegate void ModelBatchJacobianFunction(ReadOnlySpan<double> x, ReadOnlySpan<double> b, Span<double> values, Span<double> jacobian);

/// <summary>
/// A NIST model as an <see cref="IGradientModel"/>: values from the [Model] method in <see cref="NistModels"/>, exact
/// gradients from its generated <c>NistModels.{Name}Jacobian</c> (checked against <see cref="NistModelGradients"/>).
/// <see cref="ValuesOnly"/> hides the gradient, so that solvers fall back to finite differences (scipy's jac=None).
/// </summary>
public sealed class NistModel : IBatchGradientModel
{
    private readonly MultivariateModelFunction _function;
    private readonly ModelGradientFunction _gradient;
    private readonly ModelBatchJacobianFunction? _batch;

    private NistModel(string name, int parameterCount, int predictorCount, MultivariateModelFunction function, ModelGradientFunction gradient, ModelBatchJacobianFunction? batch)
    {
        Name = name;
        ParameterCount = parameterCount;
        PredictorCount = predictorCount;
        _function = function;
        _gradient = gradient;
        _batch = batch;
        ValuesOnly = new ValueModel(this);
    }

    /// <summary>The data set's name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public int ParameterCount { get; }

    /// <inheritdoc />
    public int PredictorCount { get; }

    /// <summary>The model as a delegate over (x, b).</summary>
    public MultivariateModelFunction Function => _function;

    /// <summary>The same model without its gradient (an <see cref="IModel"/> only).</summary>
    public IModel ValuesOnly { get; }

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> parameters) => _function(x, parameters);

    /// <inheritdoc />
    public double EvaluateWithGradient(ReadOnlySpan<double> x, ReadOnlySpan<double> parameters, Span<double> gradient) => _gradient(x, parameters, gradient);

    /// <summary>
    /// All points at once: the generated batch <c>NistModels.{Name}Jacobian(x, b, values, jacobian)</c> for the
    /// one-predictor models, point by point for Nelson (two predictors).
    /// </summary>
    public void EvaluateWithJacobian(ReadOnlySpan<double> x, ReadOnlySpan<double> parameters, Span<double> values, Span<double> jacobian)
    {
        if (_batch is not null)
        {
            _batch(x, parameters, values, jacobian);
            return;
        }

        int d = PredictorCount, k = parameters.Length;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = _gradient(x.Slice(i * d, d), parameters, jacobian.Slice(i * k, k));
        }
    }

    /// <summary>The model of data set <paramref name="name"/>.</summary>
    public static NistModel For(string name) => name switch
    {
        "Misra1a" => new(name, 2, 1, (x, b) => NistModels.Misra1a(x[0], b), (x, b, g) => NistModels.Misra1aJacobian(x[0], b, g), (x, b, v, j) => NistModels.Misra1aJacobian(x, b, v, j)),
        "Chwirut2" => new(name, 3, 1, (x, b) => NistModels.Chwirut2(x[0], b), (x, b, g) => NistModels.Chwirut2Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Chwirut2Jacobian(x, b, v, j)),
        "Chwirut1" => new(name, 3, 1, (x, b) => NistModels.Chwirut1(x[0], b), (x, b, g) => NistModels.Chwirut1Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Chwirut1Jacobian(x, b, v, j)),
        "Lanczos3" => new(name, 6, 1, (x, b) => NistModels.Lanczos3(x[0], b), (x, b, g) => NistModels.Lanczos3Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Lanczos3Jacobian(x, b, v, j)),
        "Gauss1" => new(name, 8, 1, (x, b) => NistModels.Gauss1(x[0], b), (x, b, g) => NistModels.Gauss1Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Gauss1Jacobian(x, b, v, j)),
        "Gauss2" => new(name, 8, 1, (x, b) => NistModels.Gauss2(x[0], b), (x, b, g) => NistModels.Gauss2Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Gauss2Jacobian(x, b, v, j)),
        "DanWood" => new(name, 2, 1, (x, b) => NistModels.DanWood(x[0], b), (x, b, g) => NistModels.DanWoodJacobian(x[0], b, g), (x, b, v, j) => NistModels.DanWoodJacobian(x, b, v, j)),
        "Misra1b" => new(name, 2, 1, (x, b) => NistModels.Misra1b(x[0], b), (x, b, g) => NistModels.Misra1bJacobian(x[0], b, g), (x, b, v, j) => NistModels.Misra1bJacobian(x, b, v, j)),
        "Kirby2" => new(name, 5, 1, (x, b) => NistModels.Kirby2(x[0], b), (x, b, g) => NistModels.Kirby2Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Kirby2Jacobian(x, b, v, j)),
        "Hahn1" => new(name, 7, 1, (x, b) => NistModels.Hahn1(x[0], b), (x, b, g) => NistModels.Hahn1Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Hahn1Jacobian(x, b, v, j)),
        "Nelson" => new(name, 3, 2, (x, b) => NistModels.Nelson(x, b), (x, b, g) => NistModels.NelsonJacobian(x, b, g), null),
        "MGH17" => new(name, 5, 1, (x, b) => NistModels.MGH17(x[0], b), (x, b, g) => NistModels.MGH17Jacobian(x[0], b, g), (x, b, v, j) => NistModels.MGH17Jacobian(x, b, v, j)),
        "Lanczos1" => new(name, 6, 1, (x, b) => NistModels.Lanczos1(x[0], b), (x, b, g) => NistModels.Lanczos1Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Lanczos1Jacobian(x, b, v, j)),
        "Lanczos2" => new(name, 6, 1, (x, b) => NistModels.Lanczos2(x[0], b), (x, b, g) => NistModels.Lanczos2Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Lanczos2Jacobian(x, b, v, j)),
        "Gauss3" => new(name, 8, 1, (x, b) => NistModels.Gauss3(x[0], b), (x, b, g) => NistModels.Gauss3Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Gauss3Jacobian(x, b, v, j)),
        "Misra1c" => new(name, 2, 1, (x, b) => NistModels.Misra1c(x[0], b), (x, b, g) => NistModels.Misra1cJacobian(x[0], b, g), (x, b, v, j) => NistModels.Misra1cJacobian(x, b, v, j)),
        "Misra1d" => new(name, 2, 1, (x, b) => NistModels.Misra1d(x[0], b), (x, b, g) => NistModels.Misra1dJacobian(x[0], b, g), (x, b, v, j) => NistModels.Misra1dJacobian(x, b, v, j)),
        "Roszman1" => new(name, 4, 1, (x, b) => NistModels.Roszman1(x[0], b), (x, b, g) => NistModels.Roszman1Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Roszman1Jacobian(x, b, v, j)),
        "ENSO" => new(name, 9, 1, (x, b) => NistModels.ENSO(x[0], b), (x, b, g) => NistModels.ENSOJacobian(x[0], b, g), (x, b, v, j) => NistModels.ENSOJacobian(x, b, v, j)),
        "MGH09" => new(name, 4, 1, (x, b) => NistModels.MGH09(x[0], b), (x, b, g) => NistModels.MGH09Jacobian(x[0], b, g), (x, b, v, j) => NistModels.MGH09Jacobian(x, b, v, j)),
        "Thurber" => new(name, 7, 1, (x, b) => NistModels.Thurber(x[0], b), (x, b, g) => NistModels.ThurberJacobian(x[0], b, g), (x, b, v, j) => NistModels.ThurberJacobian(x, b, v, j)),
        "BoxBOD" => new(name, 2, 1, (x, b) => NistModels.BoxBOD(x[0], b), (x, b, g) => NistModels.BoxBODJacobian(x[0], b, g), (x, b, v, j) => NistModels.BoxBODJacobian(x, b, v, j)),
        "Rat42" => new(name, 3, 1, (x, b) => NistModels.Rat42(x[0], b), (x, b, g) => NistModels.Rat42Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Rat42Jacobian(x, b, v, j)),
        "MGH10" => new(name, 3, 1, (x, b) => NistModels.MGH10(x[0], b), (x, b, g) => NistModels.MGH10Jacobian(x[0], b, g), (x, b, v, j) => NistModels.MGH10Jacobian(x, b, v, j)),
        "Eckerle4" => new(name, 3, 1, (x, b) => NistModels.Eckerle4(x[0], b), (x, b, g) => NistModels.Eckerle4Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Eckerle4Jacobian(x, b, v, j)),
        "Rat43" => new(name, 4, 1, (x, b) => NistModels.Rat43(x[0], b), (x, b, g) => NistModels.Rat43Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Rat43Jacobian(x, b, v, j)),
        "Bennett5" => new(name, 3, 1, (x, b) => NistModels.Bennett5(x[0], b), (x, b, g) => NistModels.Bennett5Jacobian(x[0], b, g), (x, b, v, j) => NistModels.Bennett5Jacobian(x, b, v, j)),
        _ => throw new ArgumentException($"No NIST StRD model named '{name}'.", nameof(name)),
    };

    /// <summary>
    /// The hand-written gradient of a model (<see cref="NistModelGradients"/>): the independent check of the generated
    /// <c>NistModels.{Name}Jacobian</c> that <see cref="For"/> uses.
    /// </summary>
    public static ModelGradientFunction HandWrittenGradient(string name) => name switch
    {
        "Misra1a" => (x, b, g) => NistModelGradients.Misra1a(x[0], b, g),
        "Chwirut2" => (x, b, g) => NistModelGradients.Chwirut(x[0], b, g),
        "Chwirut1" => (x, b, g) => NistModelGradients.Chwirut(x[0], b, g),
        "Lanczos3" => (x, b, g) => NistModelGradients.Lanczos(x[0], b, g),
        "Gauss1" => (x, b, g) => NistModelGradients.Gauss(x[0], b, g),
        "Gauss2" => (x, b, g) => NistModelGradients.Gauss(x[0], b, g),
        "DanWood" => (x, b, g) => NistModelGradients.DanWood(x[0], b, g),
        "Misra1b" => (x, b, g) => NistModelGradients.Misra1b(x[0], b, g),
        "Kirby2" => (x, b, g) => NistModelGradients.Kirby2(x[0], b, g),
        "Hahn1" => (x, b, g) => NistModelGradients.Rational33(x[0], b, g),
        "Nelson" => (x, b, g) => NistModelGradients.Nelson(x, b, g),
        "MGH17" => (x, b, g) => NistModelGradients.MGH17(x[0], b, g),
        "Lanczos1" => (x, b, g) => NistModelGradients.Lanczos(x[0], b, g),
        "Lanczos2" => (x, b, g) => NistModelGradients.Lanczos(x[0], b, g),
        "Gauss3" => (x, b, g) => NistModelGradients.Gauss(x[0], b, g),
        "Misra1c" => (x, b, g) => NistModelGradients.Misra1c(x[0], b, g),
        "Misra1d" => (x, b, g) => NistModelGradients.Misra1d(x[0], b, g),
        "Roszman1" => (x, b, g) => NistModelGradients.Roszman1(x[0], b, g),
        "ENSO" => (x, b, g) => NistModelGradients.ENSO(x[0], b, g),
        "MGH09" => (x, b, g) => NistModelGradients.MGH09(x[0], b, g),
        "Thurber" => (x, b, g) => NistModelGradients.Rational33(x[0], b, g),
        "BoxBOD" => (x, b, g) => NistModelGradients.Misra1a(x[0], b, g),
        "Rat42" => (x, b, g) => NistModelGradients.Rat42(x[0], b, g),
        "MGH10" => (x, b, g) => NistModelGradients.MGH10(x[0], b, g),
        "Eckerle4" => (x, b, g) => NistModelGradients.Eckerle4(x[0], b, g),
        "Rat43" => (x, b, g) => NistModelGradients.Rat43(x[0], b, g),
        "Bennett5" => (x, b, g) => NistModelGradients.Bennett5(x[0], b, g),
        _ => throw new ArgumentException($"No NIST StRD model named '{name}'.", nameof(name)),
    };

    private sealed class ValueModel(NistModel model) : IModel
    {
        public int ParameterCount => model.ParameterCount;

        public int PredictorCount => model.PredictorCount;

        public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> parameters) => model.Evaluate(x, parameters);
    }
}
