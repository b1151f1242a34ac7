using System.IO.Compression;
using System.Xml.Linq;

namespace OptimizeGen.Generators.Tests.Packaging;

/// <summary>
/// <c>dotnet pack src/OptimizeGen</c> yields ONE package that carries the runtime for net8.0 and net10.0 and, under
/// analyzers/dotnet/cs, the generator and its code fixes — so one PackageReference gives both.
/// </summary>
[Collection(PackageCollection.Name)]
public class PackageLayoutTests(PackageFixture package)
{
    [Fact]
    public void Carries_the_runtime_for_both_target_frameworks()
    {
        Assert.Contains("lib/net8.0/OptimizeGen.dll", package.Entries);
        Assert.Contains("lib/net10.0/OptimizeGen.dll", package.Entries);
        Assert.Contains("lib/net8.0/OptimizeGen.xml", package.Entries);
    }

    [Fact]
    public void Carries_the_generator_and_the_code_fixes_as_analyzers_and_nothing_else_there()
    {
        string[] analyzers = package.Entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order().ToArray();
        Assert.Equal(["analyzers/dotnet/cs/OptimizeGen.CodeFixes.dll", "analyzers/dotnet/cs/OptimizeGen.Generators.dll"], analyzers);
    }

    [Fact]
    public void Depends_on_MathNet_only_and_not_on_the_generator_or_Roslyn()
    {
        using ZipArchive archive = ZipFile.OpenRead(package.PackagePath);
        ZipArchiveEntry nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using Stream stream = nuspecEntry.Open();
        XDocument nuspec = XDocument.Load(stream);
        string[] dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string)e.Attribute("id")!).Distinct().Order().ToArray();
        Assert.Equal(["MathNet.Numerics"], dependencies);
        Assert.Contains(package.Entries, e => e == "README.md");
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed OptimizeGen";
}
