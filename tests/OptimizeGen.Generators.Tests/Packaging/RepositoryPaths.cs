using System.Reflection;

namespace OptimizeGen.Generators.Tests.Packaging;

internal static class RepositoryPaths
{
    /// <summary>The repository root, recorded at build time (tests/Directory.Build.props).</summary>
    public static string Root { get; } = typeof(RepositoryPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "RepositoryRoot").Value!;
}
