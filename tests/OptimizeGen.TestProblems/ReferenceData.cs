using System.Reflection;

namespace OptimizeGen.TestProblems;

/// <summary>
/// Where the outside reference data lives: <c>../shared/data</c> beside the repository (NIST StRD, Netlib), read in
/// place and never copied. <c>OPTIMIZEGEN_DATA</c> overrides the location. Where it is absent, as in a user's fresh
/// clone, the tests that need it skip with <see cref="MissingMessage"/>.
/// </summary>
public static class ReferenceData
{
    /// <summary>The data folder, or null when absent.</summary>
    public static string? Root { get; } = Find();

    /// <summary>The NIST StRD nonlinear regression folder (27 .dat files), or null when absent.</summary>
    public static string? Nist => Sub("nist");

    /// <summary>The Netlib LP folder (.mps.gz and REFERENCE.tsv), or null when absent.</summary>
    public static string? Netlib => Sub("netlib");

    /// <summary>The message a test skips with when <paramref name="what"/> is absent.</summary>
    public static string MissingMessage(string what) =>
        $"The reference data '{what}' is not here (looked for ../shared/data/{what} beside the repository, or $OPTIMIZEGEN_DATA/{what}); " +
        "this test needs it and skips. Every feature is also covered by tests that need no outside file.";

    private static string? Sub(string name)
    {
        if (Root is null)
        {
            return null;
        }

        string path = Path.Combine(Root, name);
        return System.IO.Directory.Exists(path) ? path : null;
    }

    private static string? Find()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("OPTIMIZEGEN_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment) && System.IO.Directory.Exists(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        string? repositoryRoot = typeof(ReferenceData).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (string.IsNullOrEmpty(repositoryRoot))
        {
            return null;
        }

        string candidate = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "data"));
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }
}
