// The light presolve of the managed simplex (the simplest reductions of Andersen & Andersen 1995, "Presolving in
// linear programming", Math. Prog. 71:221–245): empty rows, fixed columns and empty columns are removed, repeatedly,
// with the postsolve that restores x and the row duals (a removed row's dual is 0; reduced costs are recomputed from
// the original data as d = c − Aᵀy). Departure: no singleton, doubleton or dominated-column reductions.
namespace OptimizeGen;

internal sealed class LpPresolve
{
    private readonly LinearProgram _lp;

    private LpPresolve(LinearProgram lp) => _lp = lp;

    /// <summary>What presolve decided on its own.</summary>
    public enum Outcome { Reduced, Infeasible }

    public Outcome Result { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    /// <summary>Original index of each kept row / column.</summary>
    public int[] KeptRows { get; private set; } = [];

    public int[] KeptColumns { get; private set; } = [];

    /// <summary>Values of the removed columns (NaN for kept ones).</summary>
    public double[] RemovedValues { get; private set; } = [];

    /// <summary>A removed empty column whose cost improves without bound: the problem is unbounded if the rest is feasible.</summary>
    public int UnboundedColumn { get; private set; } = -1;

    // The reduced problem.
    public double[] Cost { get; private set; } = [];

    public int[] ColStarts { get; private set; } = [];

    public int[] RowIndices { get; private set; } = [];

    public double[] Values { get; private set; } = [];

    public double[] RowLower { get; private set; } = [];

    public double[] RowUpper { get; private set; } = [];

    public double[] ColLower { get; private set; } = [];

    public double[] ColUpper { get; private set; } = [];

    public int Rows => KeptRows.Length;

    public int Columns => KeptColumns.Length;

    public static LpPresolve Run(LinearProgram lp, bool enabled)
    {
        var p = new LpPresolve(lp);
        p.Reduce(enabled);
        return p;
    }

    private void Reduce(bool enabled)
    {
        int m = _lp.NumRows;
        int n = _lp.NumColumns;
        var rowLower = (double[])_lp.RowLowerArray.Clone();
        var rowUpper = (double[])_lp.RowUpperArray.Clone();
        var rowAlive = new bool[m];
        var colAlive = new bool[n];
        Array.Fill(rowAlive, true);
        Array.Fill(colAlive, true);
        var removed = new double[n];
        Array.Fill(removed, double.NaN);
        var rowCount = new int[m];
        var colCount = new int[n];
        int[] starts = _lp.ColumnStartsArray;
        int[] rows = _lp.RowIndicesArray;
        double[] values = _lp.ValuesArray;
        double[] lower = _lp.ColumnLowerArray;
        double[] upper = _lp.ColumnUpperArray;
        double[] c = _lp.ObjectiveArray;
        for (int j = 0; j < n; j++)
        {
            colCount[j] = starts[j + 1] - starts[j];
            for (int k = starts[j]; k < starts[j + 1]; k++)
            {
                rowCount[rows[k]]++;
            }
        }

        bool changed = enabled;
        while (changed)
        {
            changed = false;
            for (int j = 0; j < n; j++)
            {
                if (!colAlive[j])
                {
                    continue;
                }

                if (lower[j] == upper[j])
                {
                    // Fixed column: move a_j·x_j into the row bounds.
                    double v = lower[j];
                    for (int k = starts[j]; k < starts[j + 1]; k++)
                    {
                        int i = rows[k];
                        if (!rowAlive[i])
                        {
                            continue;
                        }

                        rowLower[i] -= values[k] * v;
                        rowUpper[i] -= values[k] * v;
                        rowCount[i]--;
                    }

                    removed[j] = v;
                    colAlive[j] = false;
                    changed = true;
                }
                else if (colCount[j] == 0)
                {
                    double v;
                    if (c[j] > 0)
                    {
                        v = lower[j];
                    }
                    else if (c[j] < 0)
                    {
                        v = upper[j];
                    }
                    else
                    {
                        v = Math.Max(lower[j], Math.Min(upper[j], 0.0));
                    }

                    if (double.IsInfinity(v))
                    {
                        UnboundedColumn = j;
                        v = double.IsFinite(lower[j]) ? lower[j] : double.IsFinite(upper[j]) ? upper[j] : 0.0;
                    }

                    removed[j] = v;
                    colAlive[j] = false;
                    changed = true;
                }
            }

            for (int i = 0; i < m; i++)
            {
                if (rowAlive[i] && rowCount[i] == 0)
                {
                    double tol = 1e-9 * (1 + Math.Max(Math.Abs(double.IsFinite(rowLower[i]) ? rowLower[i] : 0), Math.Abs(double.IsFinite(rowUpper[i]) ? rowUpper[i] : 0)));
                    if (rowLower[i] > tol || rowUpper[i] < -tol)
                    {
                        Result = Outcome.Infeasible;
                        Reason = $"Presolve: row '{_lp.RowNames[i]}' has no variables left but needs {rowLower[i]:G6} ≤ 0 ≤ {rowUpper[i]:G6}.";
                        return;
                    }

                    rowAlive[i] = false;
                    changed = true;
                }
            }

            // Columns whose rows all vanished become empty.
            for (int j = 0; j < n; j++)
            {
                if (!colAlive[j])
                {
                    continue;
                }

                int count = 0;
                for (int k = starts[j]; k < starts[j + 1]; k++)
                {
                    if (rowAlive[rows[k]])
                    {
                        count++;
                    }
                }

                if (count != colCount[j])
                {
                    colCount[j] = count;
                    changed = true;
                }
            }
        }

        var keptRows = new List<int>();
        var rowMap = new int[m];
        for (int i = 0; i < m; i++)
        {
            rowMap[i] = rowAlive[i] ? keptRows.Count : -1;
            if (rowAlive[i])
            {
                keptRows.Add(i);
            }
        }

        var keptCols = new List<int>();
        for (int j = 0; j < n; j++)
        {
            if (colAlive[j])
            {
                keptCols.Add(j);
            }
        }

        var newStarts = new int[keptCols.Count + 1];
        var newRows = new List<int>(values.Length);
        var newValues = new List<double>(values.Length);
        for (int t = 0; t < keptCols.Count; t++)
        {
            int j = keptCols[t];
            for (int k = starts[j]; k < starts[j + 1]; k++)
            {
                int i = rowMap[rows[k]];
                if (i >= 0)
                {
                    newRows.Add(i);
                    newValues.Add(values[k]);
                }
            }

            newStarts[t + 1] = newRows.Count;
        }

        KeptRows = keptRows.ToArray();
        KeptColumns = keptCols.ToArray();
        RemovedValues = removed;
        Cost = keptCols.Select(j => c[j]).ToArray();
        ColStarts = newStarts;
        RowIndices = newRows.ToArray();
        Values = newValues.ToArray();
        RowLower = keptRows.Select(i => rowLower[i]).ToArray();
        RowUpper = keptRows.Select(i => rowUpper[i]).ToArray();
        ColLower = keptCols.Select(j => lower[j]).ToArray();
        ColUpper = keptCols.Select(j => upper[j]).ToArray();
        Result = Outcome.Reduced;
    }

    /// <summary>x and y of the original problem from those of the reduced one.</summary>
    public (double[] X, double[] Y) Postsolve(double[] xReduced, double[] yReduced)
    {
        var x = (double[])RemovedValues.Clone();
        for (int t = 0; t < KeptColumns.Length; t++)
        {
            x[KeptColumns[t]] = xReduced[t];
        }

        var y = new double[_lp.NumRows];
        for (int t = 0; t < KeptRows.Length; t++)
        {
            y[KeptRows[t]] = yReduced[t];
        }

        return (x, y);
    }
}
