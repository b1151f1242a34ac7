namespace OptimizeGen.TestProblems.Nist;

/// <summary>
/// The 27 NIST StRD nonlinear regression models as <c>[Model]</c> methods: double arithmetic and <c>Math.*</c> only, so
/// that the generator can differentiate them. Nelson's model has two predictors and is for log(y).
/// </summary>
public static partial class NistModels
{
    [Model] public static double Misra1a(double x, double b1, double b2) => b1 * (1 - Math.Exp(-b2 * x));

    [Model] public static double Chwirut2(double x, double b1, double b2, double b3) => Math.Exp(-b1 * x) / (b2 + b3 * x);

    [Model] public static double Chwirut1(double x, double b1, double b2, double b3) => Math.Exp(-b1 * x) / (b2 + b3 * x);

    [Model] public static double Lanczos3(double x, double b1, double b2, double b3, double b4, double b5, double b6) =>
        b1 * Math.Exp(-b2 * x) + b3 * Math.Exp(-b4 * x) + b5 * Math.Exp(-b6 * x);

    [Model] public static double Gauss1(double x, double b1, double b2, double b3, double b4, double b5, double b6, double b7, double b8) =>
        b1 * Math.Exp(-b2 * x) + b3 * Math.Exp(-(x - b4) * (x - b4) / (b5 * b5)) + b6 * Math.Exp(-(x - b7) * (x - b7) / (b8 * b8));

    [Model] public static double Gauss2(double x, double b1, double b2, double b3, double b4, double b5, double b6, double b7, double b8) =>
        b1 * Math.Exp(-b2 * x) + b3 * Math.Exp(-(x - b4) * (x - b4) / (b5 * b5)) + b6 * Math.Exp(-(x - b7) * (x - b7) / (b8 * b8));

    [Model] public static double DanWood(double x, double b1, double b2) => b1 * Math.Pow(x, b2);

    [Model] public static double Misra1b(double x, double b1, double b2) => b1 * (1 - Math.Pow(1 + b2 * x / 2, -2));

    [Model] public static double Kirby2(double x, double b1, double b2, double b3, double b4, double b5) =>
        (b1 + b2 * x + b3 * x * x) / (1 + b4 * x + b5 * x * x);

    [Model] public static double Hahn1(double x, double b1, double b2, double b3, double b4, double b5, double b6, double b7) =>
        (b1 + b2 * x + b3 * x * x + b4 * x * x * x) / (1 + b5 * x + b6 * x * x + b7 * x * x * x);

    /// <summary>Nelson: log(y) = b1 − b2·x1·exp(−b3·x2); x = (x1, x2).</summary>
    [Model] public static double Nelson(ReadOnlySpan<double> x, double b1, double b2, double b3) => b1 - b2 * x[0] * Math.Exp(-b3 * x[1]);

    [Model] public static double MGH17(double x, double b1, double b2, double b3, double b4, double b5) =>
        b1 + b2 * Math.Exp(-x * b4) + b3 * Math.Exp(-x * b5);

    [Model] public static double Lanczos1(double x, double b1, double b2, double b3, double b4, double b5, double b6) =>
        b1 * Math.Exp(-b2 * x) + b3 * Math.Exp(-b4 * x) + b5 * Math.Exp(-b6 * x);

    [Model] public static double Lanczos2(double x, double b1, double b2, double b3, double b4, double b5, double b6) =>
        b1 * Math.Exp(-b2 * x) + b3 * Math.Exp(-b4 * x) + b5 * Math.Exp(-b6 * x);

    [Model] public static double Gauss3(double x, double b1, double b2, double b3, double b4, double b5, double b6, double b7, double b8) =>
        b1 * Math.Exp(-b2 * x) + b3 * Math.Exp(-(x - b4) * (x - b4) / (b5 * b5)) + b6 * Math.Exp(-(x - b7) * (x - b7) / (b8 * b8));

    [Model] public static double Misra1c(double x, double b1, double b2) => b1 * (1 - Math.Pow(1 + 2 * b2 * x, -0.5));

    [Model] public static double Misra1d(double x, double b1, double b2) => b1 * b2 * x * Math.Pow(1 + b2 * x, -1);

    [Model] public static double Roszman1(double x, double b1, double b2, double b3, double b4) =>
        b1 - b2 * x - Math.Atan(b3 / (x - b4)) / Math.PI;

    [Model] public static double ENSO(double x, double b1, double b2, double b3, double b4, double b5, double b6, double b7, double b8, double b9) =>
        b1 + b2 * Math.Cos(2 * Math.PI * x / 12) + b3 * Math.Sin(2 * Math.PI * x / 12)
        + b5 * Math.Cos(2 * Math.PI * x / b4) + b6 * Math.Sin(2 * Math.PI * x / b4)
        + b8 * Math.Cos(2 * Math.PI * x / b7) + b9 * Math.Sin(2 * Math.PI * x / b7);

    [Model] public static double MGH09(double x, double b1, double b2, double b3, double b4) =>
        b1 * (x * x + x * b2) / (x * x + x * b3 + b4);

    [Model] public static double Thurber(double x, double b1, double b2, double b3, double b4, double b5, double b6, double b7) =>
        (b1 + b2 * x + b3 * x * x + b4 * x * x * x) / (1 + b5 * x + b6 * x * x + b7 * x * x * x);

    [Model] public static double BoxBOD(double x, double b1, double b2) => b1 * (1 - Math.Exp(-b2 * x));

    [Model] public static double Rat42(double x, double b1, double b2, double b3) => b1 / (1 + Math.Exp(b2 - b3 * x));

    [Model] public static double MGH10(double x, double b1, double b2, double b3) => b1 * Math.Exp(b2 / (x + b3));

    [Model] public static double Eckerle4(double x, double b1, double b2, double b3) =>
        b1 / b2 * Math.Exp(-0.5 * ((x - b3) / b2) * ((x - b3) / b2));

    [Model] public static double Rat43(double x, double b1, double b2, double b3, double b4) =>
        b1 / Math.Pow(1 + Math.Exp(b2 - b3 * x), 1 / b4);

    [Model] public static double Bennett5(double x, double b1, double b2, double b3) => b1 * Math.Pow(b2 + x, -1 / b3);
}
