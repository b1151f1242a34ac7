// Reads an LP in MPS format (fixed or free, .gz too) and solves it with HiGHS and with the managed dual simplex.
//   dotnet run --project samples/LinprogMps                      (Netlib's afiro from ../shared/data/netlib)
//   dotnet run --project samples/LinprogMps -- path/to/file.mps [highs|highs-ds|highs-ipm|simplex]
//   dotnet run -c Release --project samples/LinprogMps -- path/to/folder
//       every *.mps / *.mps.gz in the folder with highs-ds and simplex (warm: after one untimed solve of each
//       method), a line per file and the geometric mean of the time ratio over the files both solve
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using OptimizeGen;

if (args.Length > 0 && Directory.Exists(args[0]))
{
    return CompareFolder(args[0]);
}

string? path = args.Length > 0 ? args[0] : DefaultNetlibFile("afiro");
if (path is null || !File.Exists(path))
{
    Console.Error.WriteLine("usage: LinprogMps <file.mps[.gz]> [highs|highs-ds|highs-ipm|simplex]");
    Console.Error.WriteLine("(no file given, and the Netlib data ../shared/data/netlib was not found beside the repository)");
    return 2;
}

LinprogMethod[] methods = args.Length > 1
    ? [ParseMethod(args[1])]
    : [LinprogMethod.Highs, LinprogMethod.Simplex];

var read = Stopwatch.StartNew();
LinearProgram lp = LinearProgram.ReadMps(path);
read.Stop();
Console.WriteLine($"{Path.GetFileName(path)}: {lp.NumRows} rows, {lp.NumColumns} columns, {lp.NumNonzeros} nonzeros (read in {read.Elapsed.TotalMilliseconds:F0} ms)");
int exit = 0;
foreach (LinprogMethod method in methods)
{
    LinprogResult result = Optimize.Linprog(lp, method);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {method,-9} {result.Status,-16} fun = {result.Fun,22:G15}  nit = {result.Nit,6}  time = {result.Elapsed.TotalMilliseconds,9:F1} ms"));
    if (!result.Success)
    {
        Console.WriteLine($"            {result.Message}");
        exit = 1;
    }
}

return exit;

static int CompareFolder(string folder)
{
    string[] files = Directory.GetFiles(folder).Where(f => f.EndsWith(".mps", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".mps.gz", StringComparison.OrdinalIgnoreCase)).Order().ToArray();
    if (files.Length == 0)
    {
        Console.Error.WriteLine($"No .mps or .mps.gz file in {folder}.");
        return 2;
    }

    var options = new LinprogOptions { TimeLimit = TimeSpan.FromSeconds(90) };
    LinearProgram warm = LinearProgram.ReadMps(files[0]);
    Optimize.Linprog(warm, LinprogMethod.HighsDs, options);
    Optimize.Linprog(warm, LinprogMethod.Simplex, options);
    Console.WriteLine("| problem | HiGHS (highs-ds) ms | managed simplex ms | ratio | managed status |");
    Console.WriteLine("|---|---:|---:|---:|---|");
    double logSum = 0;
    int both = 0;
    foreach (string file in files)
    {
        LinearProgram lp = LinearProgram.ReadMps(file);
        LinprogResult highs = Optimize.Linprog(lp, LinprogMethod.HighsDs, options);
        LinprogResult managed = Optimize.Linprog(lp, LinprogMethod.Simplex, options);
        double h = highs.Elapsed.TotalMilliseconds, s = managed.Elapsed.TotalMilliseconds;
        bool agree = highs.Success && managed.Success && Math.Abs(highs.Fun - managed.Fun) <= 1e-6 * Math.Max(1, Math.Abs(highs.Fun));
        if (agree)
        {
            logSum += Math.Log(s / h);
            both++;
        }

        string name = Path.GetFileName(file).Replace(".mps.gz", string.Empty, StringComparison.OrdinalIgnoreCase).Replace(".mps", string.Empty, StringComparison.OrdinalIgnoreCase);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {h:F1} | {s:F1} | {(agree ? (s / h).ToString("F2", CultureInfo.InvariantCulture) : "-")} | {managed.Status} |"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Geometric mean of managed/HiGHS time over the {both} of {files.Length} problems both solve (to 1e-6 of each other): {Math.Exp(logSum / Math.Max(1, both)):F2}"));
    return 0;
}

static LinprogMethod ParseMethod(string text) => text.ToLowerInvariant() switch
{
    "highs" => LinprogMethod.Highs,
    "highs-ds" => LinprogMethod.HighsDs,
    "highs-ipm" => LinprogMethod.HighsIpm,
    "simplex" => LinprogMethod.Simplex,
    _ => throw new ArgumentException($"Unknown method '{text}': use highs, highs-ds, highs-ipm or simplex.", nameof(text)),
};

static string? DefaultNetlibFile(string name)
{
    string? root = Assembly.GetEntryAssembly()?.GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
    string? data = Environment.GetEnvironmentVariable("OPTIMIZEGEN_DATA");
    string folder = !string.IsNullOrEmpty(data) ? Path.Combine(data, "netlib")
        : root is null ? string.Empty : Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "netlib"));
    string file = Path.Combine(folder, name + ".mps.gz");
    return File.Exists(file) ? file : null;
}
