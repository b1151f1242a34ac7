namespace OptimizeGen.TestProblems.Nist;

/// <summary>
/// The 27 NIST StRD nonlinear regression models, written as NIST prints them: plain C# static methods
/// <c>double Name(double x, ReadOnlySpan&lt;double&gt; b)</c> with b = (b1, …, bk) in <c>b[0]</c>…<c>b[k−1]</c>, double
/// arithmetic and <c>Math.*</c> calls only, so that the generator can differentiate them once they are marked
/// <c>[Model]</c>. Nelson's model has two predictors (x = (x1, x2)) and is for log(y). The generator writes
/// each one's <c>{Name}Jacobian</c>; the hand-written gradients in <see cref="NistModelGradients"/> check them independently.
/// </summary>
public static partial class NistModels
{
    /// <summary>Misra1a: y = b1·(1 − exp(−b2·x)).</summary>
    [Model]
    public static double Misra1a(double x, ReadOnlySpan<double> b) => b[0] * (1 - Math.Exp(-b[1] * x));

    /// <summary>Chwirut2: y = exp(−b1·x) / (b2 + b3·x).</summary>
    [Model]
    public static double Chwirut2(double x, ReadOnlySpan<double> b) => Math.Exp(-b[0] * x) / (b[1] + b[2] * x);

    /// <summary>Chwirut1: y = exp(−b1·x) / (b2 + b3·x).</summary>
    [Model]
    public static double Chwirut1(double x, ReadOnlySpan<double> b) => Math.Exp(-b[0] * x) / (b[1] + b[2] * x);

    /// <summary>Lanczos3: y = b1·exp(−b2·x) + b3·exp(−b4·x) + b5·exp(−b6·x).</summary>
    [Model]
    public static double Lanczos3(double x, ReadOnlySpan<double> b) =>
        b[0] * Math.Exp(-b[1] * x) + b[2] * Math.Exp(-b[3] * x) + b[4] * Math.Exp(-b[5] * x);

    /// <summary>Gauss1: y = b1·exp(−b2·x) + b3·exp(−(x − b4)²/b5²) + b6·exp(−(x − b7)²/b8²).</summary>
    [Model]
    public static double Gauss1(double x, ReadOnlySpan<double> b) =>
        b[0] * Math.Exp(-b[1] * x) + b[2] * Math.Exp(-(x - b[3]) * (x - b[3]) / (b[4] * b[4])) + b[5] * Math.Exp(-(x - b[6]) * (x - b[6]) / (b[7] * b[7]));

    /// <summary>Gauss2: the model of Gauss1.</summary>
    [Model]
    public static double Gauss2(double x, ReadOnlySpan<double> b) =>
        b[0] * Math.Exp(-b[1] * x) + b[2] * Math.Exp(-(x - b[3]) * (x - b[3]) / (b[4] * b[4])) + b[5] * Math.Exp(-(x - b[6]) * (x - b[6]) / (b[7] * b[7]));

    /// <summary>DanWood: y = b1·x^b2.</summary>
    [Model]
    public static double DanWood(double x, ReadOnlySpan<double> b) => b[0] * Math.Pow(x, b[1]);

    /// <summary>Misra1b: y = b1·(1 − (1 + b2·x/2)^(−2)).</summary>
    [Model]
    public static double Misra1b(double x, ReadOnlySpan<double> b) => b[0] * (1 - Math.Pow(1 + b[1] * x / 2, -2));

    /// <summary>Kirby2: y = (b1 + b2·x + b3·x²) / (1 + b4·x + b5·x²).</summary>
    [Model]
    public static double Kirby2(double x, ReadOnlySpan<double> b) =>
        (b[0] + b[1] * x + b[2] * x * x) / (1 + b[3] * x + b[4] * x * x);

    /// <summary>Hahn1: y = (b1 + b2·x + b3·x² + b4·x³) / (1 + b5·x + b6·x² + b7·x³).</summary>
    [Model]
    public static double Hahn1(double x, ReadOnlySpan<double> b) =>
        (b[0] + b[1] * x + b[2] * x * x + b[3] * x * x * x) / (1 + b[4] * x + b[5] * x * x + b[6] * x * x * x);

    /// <summary>Nelson: log(y) = b1 − b2·x1·exp(−b3·x2), x = (x1, x2).</summary>
    [Model]
    public static double Nelson(ReadOnlySpan<double> x, ReadOnlySpan<double> b) => b[0] - b[1] * x[0] * Math.Exp(-b[2] * x[1]);

    /// <summary>MGH17: y = b1 + b2·exp(−x·b4) + b3·exp(−x·b5).</summary>
    [Model]
    public static double MGH17(double x, ReadOnlySpan<double> b) => b[0] + b[1] * Math.Exp(-x * b[3]) + b[2] * Math.Exp(-x * b[4]);

    /// <summary>Lanczos1: the model of Lanczos3.</summary>
    [Model]
    public static double Lanczos1(double x, ReadOnlySpan<double> b) =>
        b[0] * Math.Exp(-b[1] * x) + b[2] * Math.Exp(-b[3] * x) + b[4] * Math.Exp(-b[5] * x);

    /// <summary>Lanczos2: the model of Lanczos3.</summary>
    [Model]
    public static double Lanczos2(double x, ReadOnlySpan<double> b) =>
        b[0] * Math.Exp(-b[1] * x) + b[2] * Math.Exp(-b[3] * x) + b[4] * Math.Exp(-b[5] * x);

    /// <summary>Gauss3: the model of Gauss1.</summary>
    [Model]
    public static double Gauss3(double x, ReadOnlySpan<double> b) =>
        b[0] * Math.Exp(-b[1] * x) + b[2] * Math.Exp(-(x - b[3]) * (x - b[3]) / (b[4] * b[4])) + b[5] * Math.Exp(-(x - b[6]) * (x - b[6]) / (b[7] * b[7]));

    /// <summary>Misra1c: y = b1·(1 − (1 + 2·b2·x)^(−1/2)).</summary>
    [Model]
    public static double Misra1c(double x, ReadOnlySpan<double> b) => b[0] * (1 - Math.Pow(1 + 2 * b[1] * x, -0.5));

    /// <summary>Misra1d: y = b1·b2·x·(1 + b2·x)^(−1).</summary>
    [Model]
    public static double Misra1d(double x, ReadOnlySpan<double> b) => b[0] * b[1] * x * Math.Pow(1 + b[1] * x, -1);

    /// <summary>Roszman1: y = b1 − b2·x − arctan(b3/(x − b4))/π.</summary>
    [Model]
    public static double Roszman1(double x, ReadOnlySpan<double> b) => b[0] - b[1] * x - Math.Atan(b[2] / (x - b[3])) / Math.PI;

    /// <summary>ENSO: y = b1 + b2·cos(2πx/12) + b3·sin(2πx/12) + b5·cos(2πx/b4) + b6·sin(2πx/b4) + b8·cos(2πx/b7) + b9·sin(2πx/b7).</summary>
    [Model]
    public static double ENSO(double x, ReadOnlySpan<double> b) =>
        b[0] + b[1] * Math.Cos(2 * Math.PI * x / 12) + b[2] * Math.Sin(2 * Math.PI * x / 12)
        + b[4] * Math.Cos(2 * Math.PI * x / b[3]) + b[5] * Math.Sin(2 * Math.PI * x / b[3])
        + b[7] * Math.Cos(2 * Math.PI * x / b[6]) + b[8] * Math.Sin(2 * Math.PI * x / b[6]);

    /// <summary>MGH09: y = b1·(x² + x·b2) / (x² + x·b3 + b4).</summary>
    [Model]
    public static double MGH09(double x, ReadOnlySpan<double> b) => b[0] * (x * x + x * b[1]) / (x * x + x * b[2] + b[3]);

    /// <summary>Thurber: y = (b1 + b2·x + b3·x² + b4·x³) / (1 + b5·x + b6·x² + b7·x³).</summary>
    [Model]
    public static double Thurber(double x, ReadOnlySpan<double> b) =>
        (b[0] + b[1] * x + b[2] * x * x + b[3] * x * x * x) / (1 + b[4] * x + b[5] * x * x + b[6] * x * x * x);

    /// <summary>BoxBOD: y = b1·(1 − exp(−b2·x)).</summary>
    [Model]
    public static double BoxBOD(double x, ReadOnlySpan<double> b) => b[0] * (1 - Math.Exp(-b[1] * x));

    /// <summary>Rat42: y = b1 / (1 + exp(b2 − b3·x)).</summary>
    [Model]
    public static double Rat42(double x, ReadOnlySpan<double> b) => b[0] / (1 + Math.Exp(b[1] - b[2] * x));

    /// <summary>MGH10: y = b1·exp(b2/(x + b3)).</summary>
    [Model]
    public static double MGH10(double x, ReadOnlySpan<double> b) => b[0] * Math.Exp(b[1] / (x + b[2]));

    /// <summary>Eckerle4: y = (b1/b2)·exp(−½·((x − b3)/b2)²).</summary>
    [Model]
    public static double Eckerle4(double x, ReadOnlySpan<double> b) =>
        b[0] / b[1] * Math.Exp(-0.5 * ((x - b[2]) / b[1]) * ((x - b[2]) / b[1]));

    /// <summary>Rat43: y = b1 / (1 + exp(b2 − b3·x))^(1/b4).</summary>
    [Model]
    public static double Rat43(double x, ReadOnlySpan<double> b) => b[0] / Math.Pow(1 + Math.Exp(b[1] - b[2] * x), 1 / b[3]);

    /// <summary>Bennett5: y = b1·(b2 + x)^(−1/b3).</summary>
    [Model]
    public static double Bennett5(double x, ReadOnlySpan<double> b) => b[0] * Math.Pow(b[1] + x, -1 / b[2]);
}
