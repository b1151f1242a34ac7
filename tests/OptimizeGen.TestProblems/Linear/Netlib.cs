using System.Globalization;

namespace OptimizeGen.TestProblems;

/// <summary>One Netlib LP: its file and the published optimal objective (REFERENCE.tsv, from netlib.org/lp/data/readme).</summary>
/// <param name="Name">The problem's name, e.g. "afiro".</param>
/// <param name="Path">The .mps.gz file.</param>
/// <param name="Rows">Constraint rows (the objective row excluded).</param>
/// <param name="Columns">Variables.</param>
/// <param name="Optimum">The published optimal objective.</param>
public sealed record NetlibProblem(string Name, string Path, int Rows, int Columns, double Optimum)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// The Netlib LP collection (../shared/data/netlib: 91 .mps.gz files and REFERENCE.tsv with their optima), shared by
/// the tests and the benchmarks. <see cref="All"/> is empty where the data is absent.
/// </summary>
public static class Netlib
{
    /// <summary>The problems the managed simplex solves in the default test run (small, fast).</summary>
    public static IReadOnlyList<string> FastTier { get; } =
    [
        "afiro", "sc50a", "sc50b", "sc105", "adlittle", "blend", "share2b", "kb2", "stocfor1", "scagr7",
        "israel", "boeing2", "recipe", "lotfi", "vtpbase",
    ];

    private static readonly Lazy<IReadOnlyList<NetlibProblem>> Problems = new(Load);

    /// <summary>Every problem listed in REFERENCE.tsv, in its order (empty without the data).</summary>
    public static IReadOnlyList<NetlibProblem> All => Problems.Value;

    /// <summary>The problem named <paramref name="name"/>, or null (absent data or unknown name).</summary>
    public static NetlibProblem? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>|f − f*| / max(1, |f*|): the relative error the Netlib checks use.</summary>
    public static double RelativeError(double value, double optimum) => Math.Abs(value - optimum) / Math.Max(1.0, Math.Abs(optimum));

    private static IReadOnlyList<NetlibProblem> Load()
    {
        string? folder = ReferenceData.Netlib;
        if (folder is null)
        {
            return [];
        }

        var list = new List<NetlibProblem>();
        foreach (string line in File.ReadLines(System.IO.Path.Combine(folder, "REFERENCE.tsv")))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string[] f = line.Split('\t');
            list.Add(new NetlibProblem(
                f[0],
                System.IO.Path.Combine(folder, f[0] + ".mps.gz"),
                int.Parse(f[1], CultureInfo.InvariantCulture),
                int.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture)));
        }

        return list;
    }
}
