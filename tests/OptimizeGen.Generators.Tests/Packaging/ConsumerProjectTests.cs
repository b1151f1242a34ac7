using System.Globalization;

namespace OptimizeGen.Generators.Tests.Packaging;

/// <summary>
/// A user's view: a fresh console project that references only the OptimizeGen package (restored from a local
/// folder), writes an <c>[Objective]</c>, and gets its exact gradient and the typed wrapper — without ever naming the
/// generator. Built with nullable and warnings as errors, so the generated code must be warning-free there too.
/// </summary>
[Collection(PackageCollection.Name)]
public class ConsumerProjectTests(PackageFixture package)
{
    [Fact]
    public void A_fresh_project_referencing_the_package_gets_generated_gradients_and_the_typed_wrapper()
    {
        string consumer = Path.Combine(package.WorkDirectory, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(package.WorkDirectory, "packages")}" />
              </config>
              <packageSources>
                <add key="local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OptimizeGen" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using System.Globalization;
            using OptimizeGen;

            double[] point = [-1.2, 1.0];
            var gradient = new double[2];
            double value = Problems.RosenbrockObjective.ValueAndGradient(point, gradient);
            var result = Problems.MinimizeRosenbrock(x: -1.2, y: 1.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{value:R} {gradient[0]:R} {gradient[1]:R} {result.X:R} {result.Y:R} {result.Success}"));

            static partial class Problems
            {
                [Objective]
                public static double Rosenbrock(double x, double y) =>
                    100 * Math.Pow(y - x * x, 2) + Math.Pow(1 - x, 2);
            }
            """);

        string output = Dotnet.Run(consumer, "run", "-c", "Release", "-nologo");
        string[] fields = output.Trim().Split('\n').Last().Trim().Split(' ');
        double F(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);

        // f(-1.2, 1) = 100·(1 − 1.44)² + 2.2² = 24.2; ∇f = (−400·x·(y − x²) − 2·(1 − x), 200·(y − x²)) = (−215.6, −88).
        Assert.Equal(24.2, F(0), 1e-12);
        Assert.Equal(-215.6, F(1), 1e-11);
        Assert.Equal(-88.0, F(2), 1e-12);
        Assert.Equal(1.0, F(3), 1e-5);
        Assert.Equal(1.0, F(4), 1e-5);
        Assert.Equal("True", fields[5]);
    }
}
