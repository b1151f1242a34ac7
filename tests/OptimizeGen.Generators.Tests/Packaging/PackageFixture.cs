using System.Diagnostics;
using System.IO.Compression;

namespace OptimizeGen.Generators.Tests.Packaging;

/// <summary>
/// Packs src/OptimizeGen once per test run (<c>dotnet pack -c Release</c>) into a fresh local folder, with a version
/// of its own so that no NuGet cache can hand back an older build.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        WorkDirectory = Directory.CreateTempSubdirectory("optimizegen-pack-").FullName;
        Feed = Path.Combine(WorkDirectory, "feed");
        Version = "0.0.0-packagetest." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        string project = Path.Combine(RepositoryPaths.Root, "src", "OptimizeGen", "OptimizeGen.csproj");
        PackOutput = Dotnet.Run(
            RepositoryPaths.Root,
            "pack", project, "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-p:ContinuousIntegrationBuild=true", "-nologo");
        PackagePath = Path.Combine(Feed, $"OptimizeGen.{Version}.nupkg");
        using ZipArchive archive = ZipFile.OpenRead(PackagePath);
        Entries = archive.Entries.Select(e => e.FullName).ToArray();
    }

    public string WorkDirectory { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackOutput { get; }

    public string PackagePath { get; }

    public IReadOnlyList<string> Entries { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Runs the dotnet CLI and returns its output; a non-zero exit fails with everything it printed.</summary>
internal static class Dotnet
{
    public static string Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child must not inherit the test host's MSBuild/test-platform settings.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in 5 minutes.");
        }

        string all = output.Result + error.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{all}");
        }

        return all;
    }
}
