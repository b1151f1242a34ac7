namespace OptimizeGen;

/// <summary>One block of scipy's result: the residuals of a family of constraints and their marginals (duals).</summary>
/// <param name="Residual">The slack of each constraint of the family at x (≥ 0 when feasible; for eqlin, b − Ax).</param>
/// <param name="Marginals">∂fun/∂(right-hand side) of each constraint: the Lagrange multipliers with scipy's signs.</param>
public sealed record LinprogSensitivity(double[] Residual, double[] Marginals);

/// <summary>
/// The result of <c>Optimize.Linprog</c> as scipy's <c>linprog</c> returns it: <c>x, fun, slack, con, ineqlin,
/// eqlin, lower, upper, status, message, nit, success</c>. It never lies: <see cref="Success"/> is true only when
/// <see cref="Status"/> is <see cref="LinprogStatus.Optimal"/>, which a method reports only after its own optimality
/// test passed (the managed simplex re-checks primal and dual feasibility on the original, unscaled problem).
/// </summary>
/// <remarks>
/// Rows map to scipy's families as they read: ≤ rows (A_ub) and ≥ / ranged rows (MPS) form <see cref="Ineqlin"/> and
/// <see cref="Slack"/>, in row order; = rows form <see cref="Eqlin"/> and <see cref="Con"/>. A ≥ row l ≤ aᵀx reads as
/// −aᵀx ≤ −l (slack aᵀx − l, marginal ∂fun/∂(−l)); a ranged row l ≤ aᵀx ≤ u has slack u − aᵀx and marginal
/// ∂fun/∂(active bound). <see cref="RowActivity"/> and <see cref="RowDuals"/> give every row in the general form.
/// </remarks>
public sealed class LinprogResult
{
    /// <summary>The solution (empty when the method has none, e.g. for an infeasible problem found by presolve).</summary>
    public required double[] X { get; init; }

    /// <summary>cᵀx + c₀ at <see cref="X"/> (NaN when there is no x).</summary>
    public required double Fun { get; init; }

    /// <summary>scipy's <c>slack</c>: b_ub − A_ub x for the inequality rows (see the remarks for ≥ and ranged rows).</summary>
    public double[] Slack => Ineqlin.Residual;

    /// <summary>scipy's <c>con</c>: b_eq − A_eq x for the equality rows.</summary>
    public double[] Con => Eqlin.Residual;

    /// <summary>scipy's <c>ineqlin</c>: residuals and marginals of the inequality rows.</summary>
    public required LinprogSensitivity Ineqlin { get; init; }

    /// <summary>scipy's <c>eqlin</c>: residuals and marginals of the equality rows.</summary>
    public required LinprogSensitivity Eqlin { get; init; }

    /// <summary>scipy's <c>lower</c>: x − l and ∂fun/∂l (≥ 0) per variable.</summary>
    public required LinprogSensitivity Lower { get; init; }

    /// <summary>scipy's <c>upper</c>: u − x and ∂fun/∂u (≤ 0) per variable.</summary>
    public required LinprogSensitivity Upper { get; init; }

    /// <summary>Ax for every row of the general form.</summary>
    public required double[] RowActivity { get; init; }

    /// <summary>y: ∂fun/∂(row bound) for every row of the general form (≤ 0 at an active upper bound, ≥ 0 at an active lower bound).</summary>
    public required double[] RowDuals { get; init; }

    /// <summary>The reduced costs d = c − Aᵀy.</summary>
    public required double[] ReducedCosts { get; init; }

    /// <summary>True only when <see cref="Status"/> is <see cref="LinprogStatus.Optimal"/>.</summary>
    public bool Success => Status == LinprogStatus.Optimal;

    /// <summary>Why the method stopped (scipy's integer status as the enum's value).</summary>
    public required LinprogStatus Status { get; init; }

    /// <summary>A sentence for a person, with the figures that decided it.</summary>
    public required string Message { get; init; }

    /// <summary>Iterations taken (simplex iterations; interior point iterations plus crossover for highs-ipm).</summary>
    public int Nit { get; init; }

    /// <summary>The method that ran (the one chosen when none was given).</summary>
    public LinprogMethod Method { get; init; }

    /// <summary>Wall time of the solve.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Success ? "success" : "failure")} ({Status}): {Message}; fun = {Fun:G12}, nit = {Nit}, method = {Method}";

    /// <summary>
    /// Builds the scipy view from a solution of the general form. <paramref name="x"/> may be null (no solution);
    /// <paramref name="rowDuals"/> and <paramref name="reducedCosts"/> may be null (no duals: NaN).
    /// </summary>
    internal static LinprogResult Create(
        LinearProgram lp, double[]? x, double[]? rowDuals, double[]? reducedCosts, LinprogStatus status, string message,
        int nit, LinprogMethod method, TimeSpan elapsed)
    {
        int m = lp.NumRows;
        int n = lp.NumColumns;
        double[] activity = new double[m];
        double fun = double.NaN;
        if (x is not null)
        {
            lp.Multiply(x, activity);
            fun = lp.EvaluateObjective(x);
        }
        else
        {
            Array.Fill(activity, double.NaN);
        }

        double[] y = rowDuals ?? Filled(m, double.NaN);
        double[] d = reducedCosts ?? Filled(n, double.NaN);
        int mEq = 0;
        ReadOnlySpan<RowKind> kinds = lp.RowKinds;
        for (int i = 0; i < m; i++)
        {
            if (kinds[i] == RowKind.Equal)
            {
                mEq++;
            }
        }

        var slack = new double[m - mEq];
        var ineqMarg = new double[m - mEq];
        var con = new double[mEq];
        var eqMarg = new double[mEq];
        int a = 0, e = 0;
        for (int i = 0; i < m; i++)
        {
            switch (kinds[i])
            {
                case RowKind.Equal:
                    con[e] = lp.RowUpper[i] - activity[i];
                    eqMarg[e++] = y[i];
                    break;
                case RowKind.GreaterEqual:
                    slack[a] = activity[i] - lp.RowLower[i];
                    ineqMarg[a++] = -y[i];
                    break;
                default:
                    slack[a] = double.IsPositiveInfinity(lp.RowUpper[i]) ? double.PositiveInfinity : lp.RowUpper[i] - activity[i];
                    ineqMarg[a++] = y[i];
                    break;
            }
        }

        var lowRes = new double[n];
        var upRes = new double[n];
        var lowMarg = new double[n];
        var upMarg = new double[n];
        for (int j = 0; j < n; j++)
        {
            double xj = x is null ? double.NaN : x[j];
            lowRes[j] = xj - lp.ColumnLower[j];
            upRes[j] = lp.ColumnUpper[j] - xj;
            lowMarg[j] = d[j] > 0 ? d[j] : double.IsNaN(d[j]) ? double.NaN : 0.0;
            upMarg[j] = d[j] < 0 ? d[j] : double.IsNaN(d[j]) ? double.NaN : 0.0;
        }

        return new LinprogResult
        {
            X = x ?? [],
            Fun = fun,
            Ineqlin = new LinprogSensitivity(slack, ineqMarg),
            Eqlin = new LinprogSensitivity(con, eqMarg),
            Lower = new LinprogSensitivity(lowRes, lowMarg),
            Upper = new LinprogSensitivity(upRes, upMarg),
            RowActivity = activity,
            RowDuals = y,
            ReducedCosts = d,
            Status = status,
            Message = message,
            Nit = nit,
            Method = method,
            Elapsed = elapsed,
        };
    }

    private static double[] Filled(int length, double value)
    {
        var a = new double[length];
        Array.Fill(a, value);
        return a;
    }
}

/// <summary>The result of <c>Optimize.Milp</c> as scipy's <c>milp</c> returns it.</summary>
public sealed class MilpResult
{
    /// <summary>The best integer-feasible solution found (empty when none).</summary>
    public required double[] X { get; init; }

    /// <summary>cᵀx + c₀ at <see cref="X"/> (NaN when there is none).</summary>
    public required double Fun { get; init; }

    /// <summary>True only when <see cref="Status"/> is <see cref="LinprogStatus.Optimal"/> (optimal to the relative gap asked).</summary>
    public bool Success => Status == LinprogStatus.Optimal;

    /// <summary>Why the method stopped.</summary>
    public required LinprogStatus Status { get; init; }

    /// <summary>A sentence for a person.</summary>
    public required string Message { get; init; }

    /// <summary><c>mip_node_count</c>: branch-and-bound nodes solved.</summary>
    public long MipNodeCount { get; init; }

    /// <summary><c>mip_dual_bound</c>: the best lower bound on the optimum.</summary>
    public double MipDualBound { get; init; }

    /// <summary><c>mip_gap</c>: |fun − mip_dual_bound| / |fun|.</summary>
    public double MipGap { get; init; }

    /// <summary>Wall time of the solve.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Success ? "success" : "failure")} ({Status}): {Message}; fun = {Fun:G12}, nodes = {MipNodeCount}, gap = {MipGap:G3}";
}
