using System.Globalization;
using System.Text.RegularExpressions;

namespace OptimizeGen.TestProblems.Nist;

/// <summary>
/// One NIST StRD nonlinear regression data set, read from its .dat file: the two starting points, the certified
/// parameter values and standard deviations, the certified residual sum of squares, and the data (the response
/// first, then the predictor(s)). Nelson's model is for log(y): <see cref="Response"/> gives log(y) there.
/// </summary>
public sealed partial class NistDataSet
{
    /// <summary>The 27 data sets, in NIST's order of difficulty (lower, average, higher).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "Misra1a", "Chwirut2", "Chwirut1", "Lanczos3", "Gauss1", "Gauss2", "DanWood", "Misra1b",
        "Kirby2", "Hahn1", "Nelson", "MGH17", "Lanczos1", "Lanczos2", "Gauss3", "Misra1c", "Misra1d", "Roszman1", "ENSO",
        "MGH09", "Thurber", "BoxBOD", "Rat42", "MGH10", "Eckerle4", "Rat43", "Bennett5",
    ];

    private NistDataSet(string name, double[][] starts, double[] certified, double[] certifiedStandardDeviations, double certifiedRss, double certifiedResidualSd, int dof, double[] y, double[,] x)
    {
        Name = name;
        Starts = starts;
        Certified = certified;
        CertifiedStandardDeviations = certifiedStandardDeviations;
        CertifiedRss = certifiedRss;
        CertifiedResidualStandardDeviation = certifiedResidualSd;
        DegreesOfFreedom = dof;
        Y = y;
        X = x;
    }

    /// <summary>The data set's name (file name without .dat).</summary>
    public string Name { get; }

    /// <summary>NIST's starting points: [0] is Start 1 (far), [1] is Start 2 (near).</summary>
    public IReadOnlyList<double[]> Starts { get; }

    /// <summary>The certified parameter values b1…bk.</summary>
    public double[] Certified { get; }

    /// <summary>The certified standard deviations of the parameters.</summary>
    public double[] CertifiedStandardDeviations { get; }

    /// <summary>The certified residual sum of squares.</summary>
    public double CertifiedRss { get; }

    /// <summary>The certified residual standard deviation √(RSS / dof).</summary>
    public double CertifiedResidualStandardDeviation { get; }

    /// <summary>The degrees of freedom N − k (computed; Rat43.dat prints 9 instead of 11).</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>The response column as printed in the file.</summary>
    public double[] Y { get; }

    /// <summary>The predictors, N × d (d = 1 for all but Nelson).</summary>
    public double[,] X { get; }

    /// <summary>The number of parameters k.</summary>
    public int ParameterCount => Certified.Length;

    /// <summary>The number of observations N.</summary>
    public int Count => Y.Length;

    /// <summary>The number of predictors d.</summary>
    public int PredictorCount => X.GetLength(1);

    /// <summary>True for Nelson, whose model is fitted to log(y).</summary>
    public bool IsLogResponse => Name == "Nelson";

    /// <summary>The quantity the model is fitted to: y, or log(y) for Nelson.</summary>
    public double[] Response => IsLogResponse ? Y.Select(v => Math.Log(v)).ToArray() : (double[])Y.Clone();

    /// <summary>The single predictor column (d = 1).</summary>
    public double[] X1
    {
        get
        {
            var x = new double[Count];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = X[i, 0];
            }

            return x;
        }
    }

    /// <summary>Loads <paramref name="name"/>.dat from <paramref name="folder"/> (default: <see cref="ReferenceData.Nist"/>).</summary>
    public static NistDataSet Load(string name, string? folder = null)
    {
        folder ??= ReferenceData.Nist ?? throw new DirectoryNotFoundException(ReferenceData.MissingMessage("nist"));
        return Parse(name, File.ReadAllLines(Path.Combine(folder, name + ".dat")));
    }

    /// <summary>Parses the text of a NIST StRD nonlinear regression .dat file.</summary>
    public static NistDataSet Parse(string name, IReadOnlyList<string> lines)
    {
        var inv = CultureInfo.InvariantCulture;
        var start1 = new List<double>();
        var start2 = new List<double>();
        var certified = new List<double>();
        var sds = new List<double>();
        double rss = double.NaN;
        double rsd = double.NaN;
        int dof = -1;
        int dataStart = -1;
        for (int li = 0; li < lines.Count; li++)
        {
            string line = lines[li].TrimEnd('\r');
            Match pm = ParameterLine().Match(line);
            if (pm.Success && dataStart < 0)
            {
                int index = int.Parse(pm.Groups[1].Value, inv);
                if (index != start1.Count + 1)
                {
                    throw new FormatException($"{name}: parameter b{index} out of order.");
                }

                start1.Add(double.Parse(pm.Groups[2].Value, NumberStyles.Float, inv));
                start2.Add(double.Parse(pm.Groups[3].Value, NumberStyles.Float, inv));
                certified.Add(double.Parse(pm.Groups[4].Value, NumberStyles.Float, inv));
                sds.Add(double.Parse(pm.Groups[5].Value, NumberStyles.Float, inv));
                continue;
            }

            if (line.StartsWith("Residual Sum of Squares:", StringComparison.Ordinal))
            {
                rss = LastNumber(line);
            }
            else if (line.StartsWith("Residual Standard Deviation:", StringComparison.Ordinal))
            {
                rsd = LastNumber(line);
            }
            else if (line.StartsWith("Degrees of Freedom:", StringComparison.Ordinal))
            {
                dof = (int)LastNumber(line);
            }
            else if (DataHeader().IsMatch(line))
            {
                dataStart = li + 1;
                break;
            }
        }

        if (start1.Count == 0 || double.IsNaN(rss) || dataStart < 0)
        {
            throw new FormatException($"{name}: not a NIST StRD nonlinear regression file (parameters, RSS or data missing).");
        }

        var rows = new List<double[]>();
        for (int li = dataStart; li < lines.Count; li++)
        {
            string[] parts = lines[li].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            rows.Add(parts.Select(p => double.Parse(p, NumberStyles.Float, inv)).ToArray());
        }

        int d = rows[0].Length - 1;
        var y = new double[rows.Count];
        var x = new double[rows.Count, d];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d + 1)
            {
                throw new FormatException($"{name}: data row {i + 1} has {rows[i].Length} columns, expected {d + 1}.");
            }

            y[i] = rows[i][0];
            for (int c = 0; c < d; c++)
            {
                x[i, c] = rows[i][c + 1];
            }
        }

        // The printed degrees of freedom are not trusted: Rat43.dat prints 9 where N − k = 11 (its residual standard
        // deviation √(RSS/11) confirms 11).
        _ = dof;
        return new NistDataSet(name, [start1.ToArray(), start2.ToArray()], certified.ToArray(), sds.ToArray(), rss, rsd, rows.Count - start1.Count, y, x);
    }

    private static double LastNumber(string line)
    {
        string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return double.Parse(parts[^1], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The log relative error, −log₁₀(|q − c| / |c|), capped at 11 (NIST certifies 11 digits); the number of
    /// significant digits in which <paramref name="computed"/> agrees with <paramref name="certified"/>.
    /// </summary>
    public static double Lre(double computed, double certified)
    {
        if (!double.IsFinite(computed))
        {
            return 0;
        }

        double err = certified == 0 ? Math.Abs(computed) : Math.Abs(computed - certified) / Math.Abs(certified);
        if (err == 0)
        {
            return 11;
        }

        return Math.Clamp(-Math.Log10(err), 0, 11);
    }

    [GeneratedRegex(@"^\s*b(\d+)\s*=\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$")]
    private static partial Regex ParameterLine();

    [GeneratedRegex(@"^Data:\s+y\s+x")]
    private static partial Regex DataHeader();
}
