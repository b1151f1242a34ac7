namespace OptimizeGen.TestProblems.Nist;

/// <summary>
/// A NIST model as an <see cref="IModel"/> (values only, so solvers take finite-difference Jacobians) — the stand-in
/// until the generator emits <c>NistModels.{Name}Model</c> with exact gradients from the <c>[Model]</c> methods.
/// </summary>
public sealed class NistModel : IModel
{
    private readonly MultivariateModelFunction _function;

    private NistModel(string name, int parameterCount, int predictorCount, MultivariateModelFunction function)
    {
        Name = name;
        ParameterCount = parameterCount;
        PredictorCount = predictorCount;
        _function = function;
    }

    /// <summary>The data set's name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public int ParameterCount { get; }

    /// <inheritdoc />
    public int PredictorCount { get; }

    /// <summary>The model as a delegate over (x, p).</summary>
    public MultivariateModelFunction Function => _function;

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> parameters) => _function(x, parameters);

    /// <summary>The model of data set <paramref name="name"/>, calling the <c>[Model]</c> method in <see cref="NistModels"/>.</summary>
    public static NistModel For(string name) => name switch
    {
        "Misra1a" => new(name, 2, 1, (x, b) => NistModels.Misra1a(x[0], b[0], b[1])),
        "Chwirut2" => new(name, 3, 1, (x, b) => NistModels.Chwirut2(x[0], b[0], b[1], b[2])),
        "Chwirut1" => new(name, 3, 1, (x, b) => NistModels.Chwirut1(x[0], b[0], b[1], b[2])),
        "Lanczos3" => new(name, 6, 1, (x, b) => NistModels.Lanczos3(x[0], b[0], b[1], b[2], b[3], b[4], b[5])),
        "Gauss1" => new(name, 8, 1, (x, b) => NistModels.Gauss1(x[0], b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7])),
        "Gauss2" => new(name, 8, 1, (x, b) => NistModels.Gauss2(x[0], b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7])),
        "DanWood" => new(name, 2, 1, (x, b) => NistModels.DanWood(x[0], b[0], b[1])),
        "Misra1b" => new(name, 2, 1, (x, b) => NistModels.Misra1b(x[0], b[0], b[1])),
        "Kirby2" => new(name, 5, 1, (x, b) => NistModels.Kirby2(x[0], b[0], b[1], b[2], b[3], b[4])),
        "Hahn1" => new(name, 7, 1, (x, b) => NistModels.Hahn1(x[0], b[0], b[1], b[2], b[3], b[4], b[5], b[6])),
        "Nelson" => new(name, 3, 2, (x, b) => NistModels.Nelson(x, b[0], b[1], b[2])),
        "MGH17" => new(name, 5, 1, (x, b) => NistModels.MGH17(x[0], b[0], b[1], b[2], b[3], b[4])),
        "Lanczos1" => new(name, 6, 1, (x, b) => NistModels.Lanczos1(x[0], b[0], b[1], b[2], b[3], b[4], b[5])),
        "Lanczos2" => new(name, 6, 1, (x, b) => NistModels.Lanczos2(x[0], b[0], b[1], b[2], b[3], b[4], b[5])),
        "Gauss3" => new(name, 8, 1, (x, b) => NistModels.Gauss3(x[0], b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7])),
        "Misra1c" => new(name, 2, 1, (x, b) => NistModels.Misra1c(x[0], b[0], b[1])),
        "Misra1d" => new(name, 2, 1, (x, b) => NistModels.Misra1d(x[0], b[0], b[1])),
        "Roszman1" => new(name, 4, 1, (x, b) => NistModels.Roszman1(x[0], b[0], b[1], b[2], b[3])),
        "ENSO" => new(name, 9, 1, (x, b) => NistModels.ENSO(x[0], b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8])),
        "MGH09" => new(name, 4, 1, (x, b) => NistModels.MGH09(x[0], b[0], b[1], b[2], b[3])),
        "Thurber" => new(name, 7, 1, (x, b) => NistModels.Thurber(x[0], b[0], b[1], b[2], b[3], b[4], b[5], b[6])),
        "BoxBOD" => new(name, 2, 1, (x, b) => NistModels.BoxBOD(x[0], b[0], b[1])),
        "Rat42" => new(name, 3, 1, (x, b) => NistModels.Rat42(x[0], b[0], b[1], b[2])),
        "MGH10" => new(name, 3, 1, (x, b) => NistModels.MGH10(x[0], b[0], b[1], b[2])),
        "Eckerle4" => new(name, 3, 1, (x, b) => NistModels.Eckerle4(x[0], b[0], b[1], b[2])),
        "Rat43" => new(name, 4, 1, (x, b) => NistModels.Rat43(x[0], b[0], b[1], b[2], b[3])),
        "Bennett5" => new(name, 3, 1, (x, b) => NistModels.Bennett5(x[0], b[0], b[1], b[2])),
        _ => throw new ArgumentException($"No NIST StRD model named '{name}'.", nameof(name)),
    };
}
