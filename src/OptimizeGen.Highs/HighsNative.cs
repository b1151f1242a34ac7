// P/Invoke declarations for the part of HiGHS's C API (highs/interfaces/highs_c_api.h, HiGHS 1.12) this backend
// uses. The library is the libhighs that the Google.OrTools runtime package ships beside OR-Tools (libhighs.so.1,
// libhighs.1.dylib, highs.dll). We call HiGHS directly rather than through OR-Tools' MPSolver because MPSolver's
// HiGHS path (ortools/linear_solver/proto_solver/highs_proto_solver.cc, 9.15) returns the row activities where the
// row duals belong, no reduced costs and no iteration count; linprog's result needs all three.
using System.Reflection;
using System.Runtime.InteropServices;

namespace OptimizeGen.Highs;

internal static partial class HighsNative
{
    private const string Library = "highs";

    public const int StatusError = -1;
    public const int MatrixColwise = 1;
    public const int SenseMinimize = 1;
    public const int VarContinuous = 0;
    public const int VarInteger = 1;

    public const int ModelNotset = 0;
    public const int ModelLoadError = 1;
    public const int ModelModelError = 2;
    public const int ModelPresolveError = 3;
    public const int ModelSolveError = 4;
    public const int ModelPostsolveError = 5;
    public const int ModelEmpty = 6;
    public const int ModelOptimal = 7;
    public const int ModelInfeasible = 8;
    public const int ModelUnboundedOrInfeasible = 9;
    public const int ModelUnbounded = 10;
    public const int ModelTimeLimit = 13;
    public const int ModelIterationLimit = 14;
    public const int ModelUnknown = 15;
    public const int ModelInterrupt = 17;

    private static readonly string[] Candidates = ["libhighs.so.1", "libhighs.so", "libhighs.1.dylib", "libhighs.dylib", "highs.dll", "highs"];

    static HighsNative()
    {
        NativeLibrary.SetDllImportResolver(typeof(HighsNative).Assembly, Resolve);
    }

    /// <summary>Loads the library (once) and checks that HighsInt is 32-bit, as these declarations assume.</summary>
    public static void EnsureLoaded()
    {
        int size = Highs_getSizeofHighsInt(IntPtr.Zero);
        if (size != sizeof(int))
        {
            throw new PlatformNotSupportedException($"This HiGHS build uses {size}-byte integers; OptimizeGen.Highs expects 4.");
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        foreach (string candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, path, out IntPtr handle))
            {
                return handle;
            }
        }

        // A framework-dependent app that was not published keeps the natives under runtimes/<rid>/native.
        string rid = RuntimeInformation.RuntimeIdentifier;
        foreach (string folder in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(assembly.Location) ?? string.Empty })
        {
            foreach (string r in new[] { rid, PortableRid() })
            {
                string native = Path.Combine(folder, "runtimes", r, "native");
                foreach (string candidate in Candidates)
                {
                    string full = Path.Combine(native, candidate);
                    if (File.Exists(full) && NativeLibrary.TryLoad(full, out IntPtr handle))
                    {
                        return handle;
                    }
                }
            }
        }

        return IntPtr.Zero;
    }

    private static string PortableRid()
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        string arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "x86",
            _ => "x64",
        };
        return $"{os}-{arch}";
    }

    [LibraryImport(Library)]
    public static partial int Highs_getSizeofHighsInt(IntPtr highs);

    [LibraryImport(Library)]
    public static partial IntPtr Highs_create();

    [LibraryImport(Library)]
    public static partial IntPtr Highs_version();

    [LibraryImport(Library)]
    public static partial void Highs_destroy(IntPtr highs);

    [LibraryImport(Library)]
    public static unsafe partial int Highs_passLp(
        IntPtr highs, int numCol, int numRow, int numNz, int aFormat, int sense, double offset,
        double* colCost, double* colLower, double* colUpper, double* rowLower, double* rowUpper,
        int* aStart, int* aIndex, double* aValue);

    [LibraryImport(Library)]
    public static unsafe partial int Highs_passMip(
        IntPtr highs, int numCol, int numRow, int numNz, int aFormat, int sense, double offset,
        double* colCost, double* colLower, double* colUpper, double* rowLower, double* rowUpper,
        int* aStart, int* aIndex, double* aValue, int* integrality);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Highs_setStringOptionValue(IntPtr highs, string option, string value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Highs_setBoolOptionValue(IntPtr highs, string option, int value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Highs_setIntOptionValue(IntPtr highs, string option, int value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Highs_setDoubleOptionValue(IntPtr highs, string option, double value);

    [LibraryImport(Library)]
    public static partial int Highs_run(IntPtr highs);

    [LibraryImport(Library)]
    public static partial int Highs_getModelStatus(IntPtr highs);

    [LibraryImport(Library)]
    public static partial double Highs_getObjectiveValue(IntPtr highs);

    [LibraryImport(Library)]
    public static unsafe partial int Highs_getSolution(IntPtr highs, double* colValue, double* colDual, double* rowValue, double* rowDual);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Highs_getIntInfoValue(IntPtr highs, string info, out int value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Highs_getInt64InfoValue(IntPtr highs, string info, out long value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Highs_getDoubleInfoValue(IntPtr highs, string info, out double value);
}
