using System.Reflection;
using System.Runtime.Versioning;

namespace OptimizeGen.Generators.Tests;

public class GeneratorAssemblyTests
{
    [Fact]
    public void Generator_targets_netstandard20_and_Roslyn_4_8_so_that_any_SDK_from_NET_8_loads_it()
    {
        Assembly generator = Assembly.Load("OptimizeGen.Generators");
        var framework = generator.GetCustomAttribute<TargetFrameworkAttribute>();
        Assert.NotNull(framework);
        Assert.Equal(".NETStandard,Version=v2.0", framework.FrameworkName);
        AssemblyName? roslyn = generator.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "Microsoft.CodeAnalysis");
        if (roslyn is not null)
        {
            Assert.True(roslyn.Version <= new Version(4, 8, 0, 0), $"the generator references Roslyn {roslyn.Version}");
        }
    }
}
