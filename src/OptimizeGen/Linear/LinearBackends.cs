using System.Reflection;

namespace OptimizeGen;

/// <summary>A solver of linear programs outside this package (the HiGHS backend in OptimizeGen.Highs).</summary>
internal interface ILinearBackend
{
    /// <summary>Solves the LP (integrality ignored) with one of the HiGHS methods.</summary>
    LinprogResult Linprog(LinearProgram lp, LinprogMethod method, LinprogOptions options);

    /// <summary>Solves the MILP.</summary>
    MilpResult Milp(LinearProgram lp, MilpOptions options);
}

/// <summary>
/// Where the HiGHS methods come from. OptimizeGen.Highs registers itself in two ways: its module initializer runs
/// <c>HighsSolver.Register()</c> as soon as the assembly loads, and, when nothing has loaded it yet, the first request
/// for a HiGHS method here loads the assembly by name if the application references it (the deps file lists it).
/// An application that trims or cannot load by name calls <c>OptimizeGen.Highs.HighsSolver.Register()</c> itself.
/// </summary>
internal static class LinearBackends
{
    private const string HighsAssembly = "OptimizeGen.Highs";
    private static volatile ILinearBackend? s_highs;
    private static volatile bool s_probed;
    private static volatile bool s_hidden;

    /// <summary>Called by OptimizeGen.Highs.</summary>
    public static void RegisterHighs(ILinearBackend backend) => s_highs = backend;

    /// <summary>The HiGHS backend, or null when OptimizeGen.Highs is not referenced.</summary>
    public static ILinearBackend? Highs
    {
        get
        {
            if (s_hidden)
            {
                return null;
            }

            if (s_highs is null && !s_probed)
            {
                Probe();
            }

            return s_highs;
        }
    }

    /// <summary>For tests: behave as if OptimizeGen.Highs were absent until the returned scope is disposed.</summary>
    internal static IDisposable HideHighsForTesting()
    {
        s_hidden = true;
        return new Scope();
    }

    /// <summary>The exception for a HiGHS method asked without the backend.</summary>
    public static NotSupportedException Missing(string what) => new(
        $"{what} needs the HiGHS backend: add the OptimizeGen.Highs package (dotnet add package OptimizeGen.Highs), " +
        "or call OptimizeGen.Highs.HighsSolver.Register() if it is referenced but not loaded. " +
        "Without it, linprog's managed method is LinprogMethod.Simplex.");

    private static void Probe()
    {
        s_probed = true;
        try
        {
            Assembly assembly = Assembly.Load(new AssemblyName(HighsAssembly));
            assembly.GetType("OptimizeGen.Highs.HighsSolver")?
                .GetMethod("Register", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)?
                .Invoke(null, null);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException or TargetInvocationException)
        {
            // Not referenced (or not loadable): the HiGHS methods stay unavailable and say which package to add.
        }
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => s_hidden = false;
    }
}
