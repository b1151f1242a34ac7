// The HiGHS backend of Optimize.Linprog (methods highs, highs-ds, highs-ipm) and Optimize.Milp: the problem goes to
// HiGHS (Huangfu & Hall 2018, "Parallelizing the dual revised simplex method", Math. Prog. Comp. 10:119–142; IPX,
// Schork & Gondzio 2020; branch and cut) through its C API, as scipy's _linprog_highs does through its Cython
// wrapper: same options (solver = simplex / ipm / choose, simplex_strategy = dual, run_crossover for ipm), same
// reading of the model status, duals with the same signs.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace OptimizeGen.Highs;

/// <summary>
/// Makes the HiGHS methods available to <c>Optimize.Linprog</c> and <c>Optimize.Milp</c>. Referencing this package
/// is enough: the module initializer registers the backend when the assembly loads, and the core library loads it by
/// name the first time a HiGHS method (or the default method) is asked for. Call <see cref="Register"/> yourself only
/// where loading by name is impossible (trimmed or single-file apps that drop unreferenced assemblies).
/// </summary>
public static class HighsSolver
{
    private static readonly HighsBackend Backend = new();

    /// <summary>Registers the HiGHS backend (idempotent, thread-safe).</summary>
    public static void Register() => LinearBackends.RegisterHighs(Backend);

    /// <summary>The HiGHS version shipped with the Google.OrTools runtime, e.g. "1.12.0".</summary>
    public static string Version
    {
        get
        {
            HighsNative.EnsureLoaded();
            return HighsBackend.VersionString();
        }
    }

#pragma warning disable CA2255 // The module initializer is the registration this package documents.
    [ModuleInitializer]
    internal static void Initialize() => Register();
#pragma warning restore CA2255
}

internal sealed class HighsBackend : ILinearBackend
{
    internal static string VersionString() =>
        System.Runtime.InteropServices.Marshal.PtrToStringUTF8(HighsNative.Highs_version()) ?? "unknown";

    public LinprogResult Linprog(LinearProgram lp, LinprogMethod method, LinprogOptions options)
    {
        HighsNative.EnsureLoaded();
        var clock = Stopwatch.StartNew();
        IntPtr h = HighsNative.Highs_create();
        try
        {
            Set(h, "output_flag", options.Disp);
            Pass(h, lp, integer: false);
            Set(h, "presolve", options.Presolve ? "on" : "off");
            Set(h, "primal_feasibility_tolerance", options.PrimalFeasibilityTolerance);
            Set(h, "dual_feasibility_tolerance", options.DualFeasibilityTolerance);
            Set(h, "ipm_optimality_tolerance", options.IpmOptimalityTolerance);
            if (options.TimeLimit is TimeSpan limit)
            {
                Set(h, "time_limit", limit.TotalSeconds);
            }

            if (options.MaxIter is int maxIter)
            {
                Set(h, "simplex_iteration_limit", maxIter);
                Set(h, "ipm_iteration_limit", maxIter);
            }

            switch (method)
            {
                case LinprogMethod.HighsDs:
                    Set(h, "solver", "simplex");
                    Set(h, "simplex_strategy", 1); // dual
                    break;
                case LinprogMethod.HighsIpm:
                    Set(h, "solver", "ipm");
                    Set(h, "run_crossover", "on");
                    break;
                default:
                    Set(h, "solver", "choose");
                    break;
            }

            options.CancellationToken.ThrowIfCancellationRequested();
            int run = HighsNative.Highs_run(h);
            int modelStatus = HighsNative.Highs_getModelStatus(h);
            HighsNative.Highs_getIntInfoValue(h, "simplex_iteration_count", out int simplexIt);
            HighsNative.Highs_getIntInfoValue(h, "ipm_iteration_count", out int ipmIt);
            HighsNative.Highs_getIntInfoValue(h, "crossover_iteration_count", out int crossIt);
            HighsNative.Highs_getIntInfoValue(h, "primal_solution_status", out int primalStatus);
            int nit = Math.Max(0, simplexIt) + Math.Max(0, ipmIt) + Math.Max(0, crossIt);
            var (status, message) = Interpret(run, modelStatus);
            double[]? x = null, y = null, d = null;
            if (status == LinprogStatus.Optimal || primalStatus == 2)
            {
                x = new double[lp.NumColumns];
                d = new double[lp.NumColumns];
                var rowValue = new double[lp.NumRows];
                y = new double[lp.NumRows];
                GetSolution(h, lp.NumRows, x, d, rowValue, y);
                if (status != LinprogStatus.Optimal)
                {
                    // Duals of an unfinished solve mean nothing; keep the (feasible) x only.
                    y = null;
                    d = null;
                }
            }

            return LinprogResult.Create(lp, x, y, d, status, message, nit, method, clock.Elapsed);
        }
        finally
        {
            HighsNative.Highs_destroy(h);
        }
    }

    public MilpResult Milp(LinearProgram lp, MilpOptions options)
    {
        HighsNative.EnsureLoaded();
        var clock = Stopwatch.StartNew();
        IntPtr h = HighsNative.Highs_create();
        try
        {
            Set(h, "output_flag", options.Disp);
            Pass(h, lp, integer: lp.HasIntegers);
            Set(h, "presolve", options.Presolve ? "on" : "off");
            if (options.TimeLimit is TimeSpan limit)
            {
                Set(h, "time_limit", limit.TotalSeconds);
            }

            if (options.NodeLimit is int nodes)
            {
                Set(h, "mip_max_nodes", nodes);
            }

            if (options.MipRelGap is double gap)
            {
                Set(h, "mip_rel_gap", gap);
            }

            int run = HighsNative.Highs_run(h);
            int modelStatus = HighsNative.Highs_getModelStatus(h);
            HighsNative.Highs_getIntInfoValue(h, "primal_solution_status", out int primalStatus);
            HighsNative.Highs_getInt64InfoValue(h, "mip_node_count", out long nodeCount);
            HighsNative.Highs_getDoubleInfoValue(h, "mip_dual_bound", out double dualBound);
            HighsNative.Highs_getDoubleInfoValue(h, "mip_gap", out double mipGap);
            var (status, message) = Interpret(run, modelStatus);
            if (modelStatus == HighsNative.ModelIterationLimit)
            {
                message = "Node limit reached. " + message;
            }

            double[] x = [];
            double fun = double.NaN;
            if (status == LinprogStatus.Optimal || primalStatus == 2)
            {
                x = new double[lp.NumColumns];
                GetSolution(h, lp.NumRows, x, null, null, null);
                fun = lp.EvaluateObjective(x);
            }

            if (!lp.HasIntegers)
            {
                nodeCount = 0;
                dualBound = fun;
                mipGap = 0;
            }

            return new MilpResult
            {
                X = x,
                Fun = fun,
                Status = status,
                Message = message,
                MipNodeCount = nodeCount,
                MipDualBound = dualBound,
                MipGap = mipGap,
                Elapsed = clock.Elapsed,
            };
        }
        finally
        {
            HighsNative.Highs_destroy(h);
        }
    }

    /// <summary>HiGHS's status read as scipy's _highs wrapper reads it.</summary>
    private static (LinprogStatus Status, string Message) Interpret(int run, int model) => model switch
    {
        HighsNative.ModelOptimal => (LinprogStatus.Optimal, "Optimization terminated successfully. (HiGHS Status 7: Optimal)"),
        HighsNative.ModelEmpty => (LinprogStatus.Optimal, "Optimization terminated successfully. (HiGHS Status 6: Model empty)"),
        HighsNative.ModelInfeasible => (LinprogStatus.Infeasible, "The problem is infeasible. (HiGHS Status 8: Infeasible)"),
        HighsNative.ModelUnbounded => (LinprogStatus.Unbounded, "The problem is unbounded. (HiGHS Status 10: Unbounded)"),
        HighsNative.ModelUnboundedOrInfeasible => (LinprogStatus.Unbounded,
            "The problem is unbounded or infeasible: HiGHS's presolve could not tell which. (HiGHS Status 9: Primal infeasible or unbounded)"),
        HighsNative.ModelIterationLimit => (LinprogStatus.IterationLimit, "The iteration limit was reached. (HiGHS Status 14: Iteration limit reached)"),
        HighsNative.ModelTimeLimit => (LinprogStatus.TimeLimit, "The time limit was reached. (HiGHS Status 13: Time limit reached)"),
        HighsNative.ModelInterrupt => (LinprogStatus.Cancelled, "The solve was interrupted. (HiGHS Status 17: Interrupt)"),
        _ => (LinprogStatus.NumericalTrouble, string.Create(CultureInfo.InvariantCulture,
            $"HiGHS did not reach a solution: run status {run}, model status {model} ({ModelStatusName(model)}).")),
    };

    private static string ModelStatusName(int model) => model switch
    {
        HighsNative.ModelNotset => "not set",
        HighsNative.ModelLoadError => "load error",
        HighsNative.ModelModelError => "model error",
        HighsNative.ModelPresolveError => "presolve error",
        HighsNative.ModelSolveError => "solve error",
        HighsNative.ModelPostsolveError => "postsolve error",
        HighsNative.ModelUnknown => "unknown",
        _ => "other",
    };

    private static unsafe void Pass(IntPtr h, LinearProgram lp, bool integer)
    {
        int n = lp.NumColumns;
        int m = lp.NumRows;
        int nnz = lp.NumNonzeros;
        fixed (double* cost = lp.Objective)
        fixed (double* colLower = lp.ColumnLower)
        fixed (double* colUpper = lp.ColumnUpper)
        fixed (double* rowLower = lp.RowLower)
        fixed (double* rowUpper = lp.RowUpper)
        fixed (int* start = lp.ColumnStarts)
        fixed (int* index = lp.RowIndices)
        fixed (double* value = lp.Values)
        {
            // Empty arrays pin to null; HiGHS accepts null for zero-length input.
            int status;
            if (integer)
            {
                var integrality = new int[n];
                for (int j = 0; j < n; j++)
                {
                    integrality[j] = lp.Integrality[j] ? HighsNative.VarInteger : HighsNative.VarContinuous;
                }

                fixed (int* kinds = integrality)
                {
                    status = HighsNative.Highs_passMip(h, n, m, nnz, HighsNative.MatrixColwise, HighsNative.SenseMinimize,
                        lp.ObjectiveConstant, cost, colLower, colUpper, rowLower, rowUpper, start, index, value, kinds);
                }
            }
            else
            {
                status = HighsNative.Highs_passLp(h, n, m, nnz, HighsNative.MatrixColwise, HighsNative.SenseMinimize,
                    lp.ObjectiveConstant, cost, colLower, colUpper, rowLower, rowUpper, start, index, value);
            }

            if (status == HighsNative.StatusError)
            {
                throw new ArgumentException($"HiGHS refused the model ({lp}).", nameof(lp));
            }
        }
    }

    private static unsafe void GetSolution(IntPtr h, int m, double[] x, double[]? colDual, double[]? rowValue, double[]? rowDual)
    {
        // HiGHS writes every array it is given in full: give it all four, at their lengths.
        double[] cd = colDual ?? new double[x.Length];
        double[] rv = rowValue ?? new double[m];
        double[] rd = rowDual ?? new double[m];
        fixed (double* px = x)
        fixed (double* pcd = cd)
        fixed (double* prv = rv)
        fixed (double* prd = rd)
        {
            HighsNative.Highs_getSolution(h, px, pcd, prv, prd);
        }
    }

    private static void Set(IntPtr h, string option, string value) => Check(HighsNative.Highs_setStringOptionValue(h, option, value), option);

    private static void Set(IntPtr h, string option, bool value) => Check(HighsNative.Highs_setBoolOptionValue(h, option, value ? 1 : 0), option);

    private static void Set(IntPtr h, string option, int value) => Check(HighsNative.Highs_setIntOptionValue(h, option, value), option);

    private static void Set(IntPtr h, string option, double value) => Check(HighsNative.Highs_setDoubleOptionValue(h, option, value), option);

    private static void Check(int status, string option)
    {
        if (status == HighsNative.StatusError)
        {
            throw new InvalidOperationException($"HiGHS rejected the option '{option}'.");
        }
    }
}
