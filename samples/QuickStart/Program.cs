// QuickStart: two minimizations through gradients the compiler wrote.
//   1. Rosenbrock's banana valley from the classic start (-1.2, 1).
//   2. A data-fitting loss: the decay y = a·exp(-k·t) fitted to eight measurements by least squares.
// Run with: dotnet run --project samples/QuickStart
using System.Globalization;
using OptimizeGen;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Console.WriteLine("OptimizeGen QuickStart");
Console.WriteLine();

// The generated gradient is exact: at (-1.2, 1) it is (-215.6, -88).
double f0 = Problems.RosenbrockGradient(-1.2, 1.0, out double dx, out double dy);
Console.WriteLine($"Rosenbrock at (-1.2, 1): f = {f0:G10}, gradient = ({dx:G10}, {dy:G10})");

var rosenbrock = Problems.MinimizeRosenbrock(x: -1.2, y: 1.0);
Console.WriteLine($"  minimized with {rosenbrock.Result.Method}: x = {rosenbrock.X:F6}, y = {rosenbrock.Y:F6}, f = {rosenbrock.Fun:G3}");
Console.WriteLine($"  {rosenbrock.Status}: {rosenbrock.Message} ({rosenbrock.Nit} iterations, {rosenbrock.Nfev} evaluations)");
Console.WriteLine();

var decay = Problems.MinimizeDecayLoss(a: 1.0, k: 0.1);
Console.WriteLine("Decay fit y = a·exp(-k·t) to 8 points by least squares:");
Console.WriteLine($"  a = {decay.A:F5}, k = {decay.K:F5}, sum of squares = {decay.Fun:F6}");
Console.WriteLine($"  {decay.Status}: {decay.Message} ({decay.Nit} iterations, {decay.Nfev} evaluations)");

return rosenbrock.Success && decay.Success ? 0 : 1;

static partial class Problems
{
    private static readonly double[] Times = { 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0 };
    private static readonly double[] Counts = { 10.02, 7.43, 5.46, 4.06, 3.01, 2.21, 1.66, 1.22 };

    [Objective]
    public static double Rosenbrock(double x, double y) =>
        100 * Math.Pow(y - x * x, 2) + Math.Pow(1 - x, 2);

    /// <summary>The sum of squared residuals of y = a·exp(-k·t) over the measurements.</summary>
    [Objective]
    public static double DecayLoss(double a, double k)
    {
        double sum = 0;
        for (int i = 0; i < Times.Length; i++)
        {
            double r = a * Math.Exp(-k * Times[i]) - Counts[i];
            sum += r * r;
        }

        return sum;
    }
}
