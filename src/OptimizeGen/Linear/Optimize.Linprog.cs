using MathNet.Numerics.LinearAlgebra;

namespace OptimizeGen;

public static partial class Optimize
{
    /// <summary>
    /// scipy's <c>linprog</c>: minimizes cᵀx subject to A_ub x ≤ b_ub, A_eq x = b_eq and bounds (default 0 ≤ x).
    /// </summary>
    /// <param name="c">The objective coefficients; finite, not empty.</param>
    /// <param name="aUb">The inequality matrix (rows × c.Length), with <paramref name="bUb"/>.</param>
    /// <param name="bUb">The inequality right-hand sides (+∞ allowed).</param>
    /// <param name="aEq">The equality matrix, with <paramref name="bEq"/>.</param>
    /// <param name="bEq">The equality right-hand sides.</param>
    /// <param name="bounds">Bounds on x; null means scipy's default (0, None) for every variable.</param>
    /// <param name="method">Null chooses HiGHS when OptimizeGen.Highs is referenced, else <see cref="LinprogMethod.Simplex"/>.</param>
    /// <param name="options">Options under scipy's names.</param>
    /// <returns>The result; infeasible, unbounded and unfinished solves are results with their status, not exceptions.</returns>
    /// <exception cref="ArgumentException">Sizes that disagree, non-finite data, a matrix without its right-hand side.</exception>
    /// <exception cref="NotSupportedException">A HiGHS method without the OptimizeGen.Highs package.</exception>
    public static LinprogResult Linprog(
        double[] c,
        double[,]? aUb = null,
        double[]? bUb = null,
        double[,]? aEq = null,
        double[]? bEq = null,
        Bounds? bounds = null,
        LinprogMethod? method = null,
        LinprogOptions? options = null)
        => Linprog(LinearProgram.Create(c, aUb, bUb, aEq, bEq, bounds), method, options);

    /// <summary>As the dense overload, with MathNet matrices, dense or sparse.</summary>
    public static LinprogResult Linprog(
        double[] c,
        Matrix<double>? aUb,
        double[]? bUb,
        Matrix<double>? aEq = null,
        double[]? bEq = null,
        Bounds? bounds = null,
        LinprogMethod? method = null,
        LinprogOptions? options = null)
        => Linprog(LinearProgram.Create(c, aUb, bUb, aEq, bEq, bounds), method, options);

    /// <summary>
    /// Solves the linear program (its integrality is ignored: that is <see cref="Milp(LinearProgram, MilpOptions)"/>).
    /// </summary>
    /// <param name="problem">The problem, e.g. from <see cref="LinearProgram.ReadMps(string, MpsFormat)"/>.</param>
    /// <param name="method">Null chooses HiGHS when OptimizeGen.Highs is referenced, else <see cref="LinprogMethod.Simplex"/>.</param>
    /// <param name="options">Options under scipy's names.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problem"/> is null.</exception>
    /// <exception cref="NotSupportedException">A HiGHS method without the OptimizeGen.Highs package.</exception>
    public static LinprogResult Linprog(LinearProgram problem, LinprogMethod? method = null, LinprogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new LinprogOptions();
        options.Validate();
        LinprogMethod chosen = method ?? (LinearBackends.Highs is not null ? LinprogMethod.Highs : LinprogMethod.Simplex);
        if (chosen == LinprogMethod.Simplex)
        {
            return DualSimplex.Solve(problem, options);
        }

        if (!Enum.IsDefined(chosen))
        {
            throw new ArgumentOutOfRangeException(nameof(method), chosen, "Unknown linprog method.");
        }

        ILinearBackend backend = LinearBackends.Highs ?? throw LinearBackends.Missing($"LinprogMethod.{chosen}");
        return backend.Linprog(problem, chosen, options);
    }

    /// <summary>
    /// scipy's <c>milp</c>: minimizes cᵀx subject to lb ≤ A x ≤ ub, bounds (default 0 ≤ x) and x integer where
    /// <paramref name="integrality"/> says so, through HiGHS's branch and cut.
    /// </summary>
    /// <exception cref="NotSupportedException">Without the OptimizeGen.Highs package.</exception>
    public static MilpResult Milp(
        double[] c,
        bool[]? integrality = null,
        double[,]? a = null,
        double[]? lb = null,
        double[]? ub = null,
        Bounds? bounds = null,
        MilpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        Guard.NotEmpty(c, nameof(c));
        int n = c.Length;
        int m = a?.GetLength(0) ?? 0;
        if (a is not null)
        {
            if (a.GetLength(1) != n)
            {
                throw new ArgumentException($"a has {a.GetLength(1)} columns but c has {n} entries.", nameof(a));
            }
        }
        else if (lb is not null || ub is not null)
        {
            throw new ArgumentException("lb or ub is given without a.", nameof(a));
        }

        double[] rowLower = lb ?? LinprogFilled(m, double.NegativeInfinity);
        double[] rowUpper = ub ?? LinprogFilled(m, double.PositiveInfinity);
        Guard.Length(rowLower.Length, m, nameof(lb));
        Guard.Length(rowUpper.Length, m, nameof(ub));
        var starts = new int[n + 1];
        var rows = new List<int>();
        var values = new List<double>();
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++)
            {
                if (a![i, j] != 0)
                {
                    rows.Add(i);
                    values.Add(a[i, j]);
                }
            }

            starts[j + 1] = rows.Count;
        }

        (double[] lower, double[] upper) = (bounds ?? Bounds.NonNegative).Resolve(n, nameof(bounds));
        var problem = LinearProgram.FromCsc(c, m, starts, rows.ToArray(), values.ToArray(), rowLower, rowUpper, lower, upper,
            integrality: integrality);
        return Milp(problem, options);
    }

    /// <summary>Solves the mixed-integer linear program (integer columns as <see cref="LinearProgram.Integrality"/> says) with HiGHS.</summary>
    /// <exception cref="NotSupportedException">Without the OptimizeGen.Highs package.</exception>
    public static MilpResult Milp(LinearProgram problem, MilpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new MilpOptions();
        options.Validate();
        ILinearBackend backend = LinearBackends.Highs ?? throw LinearBackends.Missing("Optimize.Milp");
        return backend.Milp(problem, options);
    }

    private static double[] LinprogFilled(int length, double value)
    {
        var result = new double[length];
        Array.Fill(result, value);
        return result;
    }
}
