namespace OptimizeGen;

/// <summary>
/// The sparsity pattern of an m×n Jacobian: the entries ∂Fᵢ/∂xⱼ that can be nonzero, in compressed-row form (row i's columns
/// are <c>ColumnIndex[RowStart[i] .. RowStart[i + 1]]</c>, ascending). The generator emits one for every <c>[Equations]</c>
/// system (<c>SJacobianSparsity</c>) from the method's body: an entry outside the pattern is zero at every point; an entry in
/// it may still vanish at some points (the pattern is a superset of every point's nonzeros).
/// </summary>
public sealed class JacobianSparsity
{
    private readonly int[] rowStart;
    private readonly int[] columnIndex;

    private JacobianSparsity(int rows, int columns, int[] rowStart, int[] columnIndex)
    {
        Rows = rows;
        Columns = columns;
        this.rowStart = rowStart;
        this.columnIndex = columnIndex;
    }

    /// <summary>m, the number of residuals.</summary>
    public int Rows { get; }

    /// <summary>n, the number of unknowns.</summary>
    public int Columns { get; }

    /// <summary>Where each row starts in <see cref="ColumnIndex"/>; Rows + 1 entries, the last being <see cref="NonZeroCount"/>.</summary>
    public ReadOnlySpan<int> RowStart => rowStart;

    /// <summary>The columns of the structural nonzeros, row after row, ascending within a row.</summary>
    public ReadOnlySpan<int> ColumnIndex => columnIndex;

    /// <summary>The number of structural nonzeros.</summary>
    public int NonZeroCount => columnIndex.Length;

    /// <summary>The fraction of the m×n entries that are structural nonzeros.</summary>
    public double Density => Rows == 0 || Columns == 0 ? 0 : (double)NonZeroCount / ((double)Rows * Columns);

    /// <summary>The columns of row <paramref name="row"/>, ascending.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not a row.</exception>
    public ReadOnlySpan<int> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return columnIndex.AsSpan(rowStart[row], rowStart[row + 1] - rowStart[row]);
    }

    /// <summary>True when ∂F<sub>row</sub>/∂x<sub>column</sub> is a structural nonzero.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> or <paramref name="column"/> is out of range.</exception>
    public bool Contains(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        return Row(row).BinarySearch(column) >= 0;
    }

    /// <summary>The largest i − j over the structural nonzeros (0 when there are none below the diagonal).</summary>
    public int LowerBandwidth => Band(lower: true);

    /// <summary>The largest j − i over the structural nonzeros (0 when there are none above the diagonal).</summary>
    public int UpperBandwidth => Band(lower: false);

    private int Band(bool lower)
    {
        int band = 0;
        for (int i = 0; i < Rows; i++)
        {
            foreach (int j in Row(i))
            {
                band = Math.Max(band, lower ? i - j : j - i);
            }
        }

        return band;
    }

    /// <summary>The pattern as a dense m×n boolean matrix.</summary>
    public bool[,] ToDense()
    {
        var dense = new bool[Rows, Columns];
        for (int i = 0; i < Rows; i++)
        {
            foreach (int j in Row(i))
            {
                dense[i, j] = true;
            }
        }

        return dense;
    }

    /// <summary>The full pattern: every entry may be nonzero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public static JacobianSparsity Dense(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        var start = new int[rows + 1];
        var index = new int[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            start[i + 1] = (i + 1) * columns;
            for (int j = 0; j < columns; j++)
            {
                index[i * columns + j] = j;
            }
        }

        return new JacobianSparsity(rows, columns, start, index);
    }

    /// <summary>A pattern from its compressed rows (copied and checked).</summary>
    /// <exception cref="ArgumentException">The arrays do not describe a pattern: wrong lengths, a start that decreases, a column out
    /// of range or not ascending within its row.</exception>
    public static JacobianSparsity FromCompressedRows(int rows, int columns, ReadOnlySpan<int> rowStart, ReadOnlySpan<int> columnIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (rowStart.Length != rows + 1 || rowStart[0] != 0 || rowStart[rows] != columnIndex.Length)
        {
            throw new ArgumentException($"rowStart must have rows + 1 = {rows + 1} entries, from 0 to columnIndex.Length = {columnIndex.Length}.", nameof(rowStart));
        }

        for (int i = 0; i < rows; i++)
        {
            if (rowStart[i + 1] < rowStart[i])
            {
                throw new ArgumentException($"rowStart decreases at row {i}.", nameof(rowStart));
            }

            for (int k = rowStart[i]; k < rowStart[i + 1]; k++)
            {
                if (columnIndex[k] < 0 || columnIndex[k] >= columns || (k > rowStart[i] && columnIndex[k] <= columnIndex[k - 1]))
                {
                    throw new ArgumentException($"Row {i}'s columns must be ascending and in [0, {columns}).", nameof(columnIndex));
                }
            }
        }

        return new JacobianSparsity(rows, columns, rowStart.ToArray(), columnIndex.ToArray());
    }

    /// <summary>
    /// A pattern from each residual's dependency set, as the generated sparsity sweep computes them. Indices outside
    /// [0, <paramref name="columns"/>) — reached only on a branch the sweep follows on both sides — are dropped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> is negative.</exception>
    public static JacobianSparsity FromDependencies(int columns, ReadOnlySpan<DependencySet> rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        var start = new int[rows.Length + 1];
        var index = new List<int>();
        for (int i = 0; i < rows.Length; i++)
        {
            foreach (int j in rows[i].Indices)
            {
                if (j >= 0 && j < columns)
                {
                    index.Add(j);
                }
            }

            start[i + 1] = index.Count;
        }

        return new JacobianSparsity(rows.Length, columns, start, index.ToArray());
    }

    /// <summary>
    /// Groups of structurally orthogonal columns (no two columns of a group share a row), greedily in column order: the
    /// Curtis–Powell–Reid grouping (A. R. Curtis, M. J. D. Powell, J. K. Reid, "On the estimation of sparse Jacobian
    /// matrices", J. Inst. Math. Appl. 13 (1974) 117–119). One finite-difference evaluation per group recovers every column
    /// of the group. Returns each column's group number; the number of groups is one more than the largest.
    /// </summary>
    public int[] ColumnGroups()
    {
        // Column → rows, then first fit: a column joins the first group none of whose rows it touches.
        var columnRows = new List<int>[Columns];
        for (int j = 0; j < Columns; j++)
        {
            columnRows[j] = new List<int>();
        }

        for (int i = 0; i < Rows; i++)
        {
            foreach (int j in Row(i))
            {
                columnRows[j].Add(i);
            }
        }

        var group = new int[Columns];
        var rowGroups = new List<HashSet<int>>();
        for (int j = 0; j < Columns; j++)
        {
            int g = 0;
            while (g < rowGroups.Count && columnRows[j].Any(rowGroups[g].Contains))
            {
                g++;
            }

            if (g == rowGroups.Count)
            {
                rowGroups.Add(new HashSet<int>());
            }

            rowGroups[g].UnionWith(columnRows[j]);
            group[j] = g;
        }

        return group;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Rows}×{Columns} Jacobian pattern, {NonZeroCount} structural nonzeros (lower bandwidth {LowerBandwidth}, upper {UpperBandwidth})";
}
