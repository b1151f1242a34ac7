// Curve fitting with OptimizeGen: fits NIST's Thurber data set (semiconductor electron mobility against the log of
// the density, a rational model with 7 parameters, "higher difficulty") from NIST's first starting point, prints the
// parameters with their standard errors beside NIST's certified values, and writes the data and the fitted curve as
// a PNG. The data are read in place from ../shared/data/nist beside the repository (or $OPTIMIZEGEN_DATA/nist);
// without them the sample says so and fits a built-in synthetic data set instead.
//
//   dotnet run --project samples/CurveFitting                 # Thurber → curve-fit.png
//   dotnet run --project samples/CurveFitting -- out.png      # another output path
using System.Globalization;
using OptimizeGen;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string output = args.Length > 0 ? args[0] : "curve-fit.png";

Fit fit = NistFolder() is string folder && File.Exists(Path.Combine(folder, "Thurber.dat"))
    ? FitThurber(Path.Combine(folder, "Thurber.dat"))
    : FitSynthetic();

Console.WriteLine(fit.Result.Success ? $"Converged: {fit.Result.Message}" : $"Did not converge: {fit.Result.Message}");
Console.WriteLine($"{"param",-6} {"fitted",18} {"std. error",14} {"certified",18}");
for (int j = 0; j < fit.Result.Parameters.Length; j++)
{
    string certified = fit.Certified is null ? "" : fit.Certified[j].ToString("G11");
    Console.WriteLine($"b{j + 1,-5} {fit.Result.Parameters[j],18:G11} {fit.Result.StandardErrors[j],14:G6} {certified,18}");
}

Console.WriteLine($"RSS = {fit.Result.Rss:G11}, dof = {fit.Result.Dof}, evaluations = {fit.Result.Nfev}");

var plot = new ScottPlot.Plot();
var points = plot.Add.ScatterPoints(fit.X, fit.Y);
points.LegendText = "data";
double lo = fit.X.Min();
double hi = fit.X.Max();
double[] xs = Enumerable.Range(0, 400).Select(i => lo + (hi - lo) * i / 399.0).ToArray();
double[] ys = xs.Select(x => fit.Model(x, fit.Result.Parameters)).ToArray();
var line = plot.Add.ScatterLine(xs, ys);
line.LegendText = "fitted model";
line.LineWidth = 2;
plot.Title(fit.Title);
plot.XLabel("x");
plot.YLabel("y");
plot.ShowLegend();
plot.SavePng(output, 900, 600);
Console.WriteLine($"Wrote {Path.GetFullPath(output)}");
return fit.Result.Success ? 0 : 1;

static Fit FitThurber(string path)
{
    var data = ReadNist(path);
    ModelFunction model = (x, b) =>
        (b[0] + b[1] * x + b[2] * x * x + b[3] * x * x * x) / (1 + b[4] * x + b[5] * x * x + b[6] * x * x * x);
    var options = new CurveFitOptions { Method = LeastSquaresMethod.Trf, XScale = XScale.Jac, Ftol = 1e-12, Xtol = 1e-12, Gtol = 1e-12 };
    CurveFitResult result = Optimize.CurveFit(model, data.X, data.Y, data.Start1, options);
    return new Fit("NIST StRD Thurber: y = (b1 + b2 x + b3 x² + b4 x³) / (1 + b5 x + b6 x² + b7 x³)", data.X, data.Y, model, result, data.Certified);
}

static Fit FitSynthetic()
{
    Console.WriteLine("The NIST data are not here (looked for ../shared/data/nist beside the repository, or $OPTIMIZEGEN_DATA/nist);");
    Console.WriteLine("fitting a built-in synthetic data set instead: y = 2.5·exp(−1.3x) + 0.5 with deterministic noise.");
    var random = new Random(7);
    double[] x = Enumerable.Range(0, 50).Select(i => i * 0.08).ToArray();
    double[] y = x.Select(v => 2.5 * Math.Exp(-1.3 * v) + 0.5 + 0.03 * (2 * random.NextDouble() - 1)).ToArray();
    ModelFunction model = (v, p) => p[0] * Math.Exp(-p[1] * v) + p[2];
    CurveFitResult result = Optimize.CurveFit(model, x, y, [1.0, 1.0, 1.0]);
    return new Fit("Synthetic: y = a·exp(−b x) + c", x, y, model, result, null);
}

static string? NistFolder()
{
    string? env = Environment.GetEnvironmentVariable("OPTIMIZEGEN_DATA");
    if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "nist")))
    {
        return Path.Combine(env, "nist");
    }

    // Walk up from the executable to the repository (the folder holding OptimizeGen.sln), then ../shared/data/nist.
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "OptimizeGen.sln")))
        {
            string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "nist"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    return null;
}

// A small reader for a one-predictor NIST StRD .dat file: start 1, certified values, and the data block.
static (double[] X, double[] Y, double[] Start1, double[] Certified) ReadNist(string path)
{
    var start = new List<double>();
    var certified = new List<double>();
    var x = new List<double>();
    var y = new List<double>();
    bool inData = false;
    foreach (string raw in File.ReadLines(path))
    {
        string line = raw.Trim();
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (inData && parts.Length == 2)
        {
            y.Add(double.Parse(parts[0], CultureInfo.InvariantCulture));
            x.Add(double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        else if (line.StartsWith("Data:", StringComparison.Ordinal) && parts.Length >= 3 && parts[1] == "y")
        {
            inData = true;
        }
        else if (parts.Length == 6 && parts[0].StartsWith('b') && parts[1] == "=")
        {
            start.Add(double.Parse(parts[2], CultureInfo.InvariantCulture));
            certified.Add(double.Parse(parts[4], CultureInfo.InvariantCulture));
        }
    }

    return (x.ToArray(), y.ToArray(), start.ToArray(), certified.ToArray());
}

internal sealed record Fit(string Title, double[] X, double[] Y, ModelFunction Model, CurveFitResult Result, double[]? Certified);
