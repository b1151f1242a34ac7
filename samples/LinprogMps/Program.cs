// Reads an LP in MPS format (fixed or free, .gz too) and solves it with HiGHS and with the managed dual simplex.
//   dotnet run --project samples/LinprogMps                      (Netlib's afiro from ../shared/data/netlib)
//   dotnet run --project samples/LinprogMps -- path/to/file.mps [highs|highs-ds|highs-ipm|simplex]
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using OptimizeGen;

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
