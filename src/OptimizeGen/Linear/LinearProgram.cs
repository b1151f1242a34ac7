using MathNet.Numerics.LinearAlgebra;

namespace OptimizeGen;

/// <summary>How a constraint row reads, which decides where its result lands (scipy's ineqlin or eqlin).</summary>
public enum RowKind
{
    /// <summary>aᵀx ≤ u (scipy's A_ub rows; MPS type L).</summary>
    LessEqual,

    /// <summary>aᵀx ≥ l (MPS type G); reported in ineqlin as −aᵀx ≤ −l.</summary>
    GreaterEqual,

    /// <summary>aᵀx = b (scipy's A_eq rows; MPS type E without a range).</summary>
    Equal,

    /// <summary>l ≤ aᵀx ≤ u with both finite and different (an MPS row with a RANGES entry).</summary>
    Range,
}

/// <summary>
/// A linear program in the general form every linprog method reads:
/// <code>
///   minimize   cᵀx + c₀
///   subject to rowLowerᵢ ≤ (Ax)ᵢ ≤ rowUpperᵢ      (A sparse, m × n, stored by columns)
///              colLowerⱼ ≤ xⱼ ≤ colUpperⱼ,  xⱼ integer where Integralityⱼ
/// </code>
/// Built from scipy's arguments (<see cref="Create(double[], double[,], double[], double[,], double[], Bounds, bool[])"/>,
/// dense or sparse), from compressed columns (<see cref="FromCsc"/>) or from an MPS file (<see cref="ReadMps(string, MpsFormat)"/>).
/// Immutable once built.
/// </summary>
public sealed class LinearProgram
{
    private readonly double[] _c;
    private readonly int[] _colStarts;
    private readonly int[] _rowIndices;
    private readonly double[] _values;
    private readonly double[] _rowLower;
    private readonly double[] _rowUpper;
    private readonly double[] _colLower;
    private readonly double[] _colUpper;
    private readonly bool[] _integrality;
    private readonly RowKind[] _rowKinds;
    private readonly string[] _rowNames;
    private readonly string[] _colNames;
    private int[]? _rowStarts;
    private int[]? _colIndicesByRow;
    private double[]? _valuesByRow;

    private LinearProgram(
        double[] c, double objectiveConstant, int rows, int[] colStarts, int[] rowIndices, double[] values,
        double[] rowLower, double[] rowUpper, RowKind[] rowKinds, double[] colLower, double[] colUpper, bool[] integrality,
        string[] rowNames, string[] colNames, string name, string objectiveName)
    {
        _c = c;
        ObjectiveConstant = objectiveConstant;
        NumRows = rows;
        _colStarts = colStarts;
        _rowIndices = rowIndices;
        _values = values;
        _rowLower = rowLower;
        _rowUpper = rowUpper;
        _rowKinds = rowKinds;
        _colLower = colLower;
        _colUpper = colUpper;
        _integrality = integrality;
        _rowNames = rowNames;
        _colNames = colNames;
        Name = name;
        ObjectiveName = objectiveName;
    }

    /// <summary>The problem's name (MPS NAME), or empty.</summary>
    public string Name { get; }

    /// <summary>The objective row's name (MPS), "obj" when built from arrays.</summary>
    public string ObjectiveName { get; }

    /// <summary>n, the number of variables.</summary>
    public int NumColumns => _c.Length;

    /// <summary>m, the number of constraint rows.</summary>
    public int NumRows { get; }

    /// <summary>The number of stored nonzeros of A.</summary>
    public int NumNonzeros => _colStarts[^1];

    /// <summary>c, the objective coefficients.</summary>
    public ReadOnlySpan<double> Objective => _c;

    /// <summary>c₀, the objective constant (in MPS: minus the RHS entry of the objective row).</summary>
    public double ObjectiveConstant { get; }

    /// <summary>A by columns: column j holds entries <c>ColumnStarts[j] .. ColumnStarts[j+1]-1</c> of <see cref="RowIndices"/> and <see cref="Values"/>.</summary>
    public ReadOnlySpan<int> ColumnStarts => _colStarts;

    /// <summary>The row of each stored entry of A (sorted within a column).</summary>
    public ReadOnlySpan<int> RowIndices => _rowIndices;

    /// <summary>The value of each stored entry of A.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Lower bounds of the rows (−∞ for none).</summary>
    public ReadOnlySpan<double> RowLower => _rowLower;

    /// <summary>Upper bounds of the rows (+∞ for none).</summary>
    public ReadOnlySpan<double> RowUpper => _rowUpper;

    /// <summary>How each row reads.</summary>
    public ReadOnlySpan<RowKind> RowKinds => _rowKinds;

    /// <summary>Lower bounds of the variables (−∞ for none).</summary>
    public ReadOnlySpan<double> ColumnLower => _colLower;

    /// <summary>Upper bounds of the variables (+∞ for none).</summary>
    public ReadOnlySpan<double> ColumnUpper => _colUpper;

    /// <summary>True for the variables that must be integer (used by <c>Optimize.Milp</c>; linprog ignores it).</summary>
    public ReadOnlySpan<bool> Integrality => _integrality;

    /// <summary>True when some variable is integer.</summary>
    public bool HasIntegers => Array.IndexOf(_integrality, true) >= 0;

    /// <summary>The rows' names (R1, R2, … when built from arrays).</summary>
    public IReadOnlyList<string> RowNames => _rowNames;

    /// <summary>The variables' names (x1, x2, … when built from arrays).</summary>
    public IReadOnlyList<string> ColumnNames => _colNames;

    /// <summary>A by rows (compressed sparse rows), built once on first use.</summary>
    internal (int[] RowStarts, int[] ColIndices, double[] Values) Csr
    {
        get
        {
            if (_rowStarts is null)
            {
                BuildCsr();
            }

            return (_rowStarts!, _colIndicesByRow!, _valuesByRow!);
        }
    }

    internal double[] ObjectiveArray => _c;

    internal double[] ColumnLowerArray => _colLower;

    internal double[] ColumnUpperArray => _colUpper;

    internal double[] RowLowerArray => _rowLower;

    internal double[] RowUpperArray => _rowUpper;

    internal int[] ColumnStartsArray => _colStarts;

    internal int[] RowIndicesArray => _rowIndices;

    internal double[] ValuesArray => _values;

    internal bool[] IntegralityArray => _integrality;

    /// <summary>y = A x, into <paramref name="y"/> (length m).</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        Guard.Length(x.Length, NumColumns, nameof(x));
        Guard.Length(y.Length, NumRows, nameof(y));
        y.Clear();
        for (int j = 0; j < _c.Length; j++)
        {
            double xj = x[j];
            if (xj == 0)
            {
                continue;
            }

            for (int k = _colStarts[j]; k < _colStarts[j + 1]; k++)
            {
                y[_rowIndices[k]] += _values[k] * xj;
            }
        }
    }

    /// <summary>cᵀx + c₀.</summary>
    public double EvaluateObjective(ReadOnlySpan<double> x)
    {
        Guard.Length(x.Length, NumColumns, nameof(x));
        double sum = ObjectiveConstant;
        for (int j = 0; j < _c.Length; j++)
        {
            sum += _c[j] * x[j];
        }

        return sum;
    }

    /// <summary>
    /// The problem as scipy's <c>linprog(c, A_ub, b_ub, A_eq, b_eq, bounds, integrality)</c> states it, with dense
    /// matrices: minimize cᵀx subject to A_ub x ≤ b_ub, A_eq x = b_eq, bounds (default: 0 ≤ x, as scipy's (0, None)).
    /// The rows are the A_ub rows, then the A_eq rows.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="c"/> is null.</exception>
    /// <exception cref="ArgumentException">A matrix given without its right-hand side or with mismatched sizes; a
    /// non-finite entry in c, A or b (b_ub may hold +∞).</exception>
    public static LinearProgram Create(
        double[] c,
        double[,]? aUb = null,
        double[]? bUb = null,
        double[,]? aEq = null,
        double[]? bEq = null,
        Bounds? bounds = null,
        bool[]? integrality = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        Matrix<double>? ub = aUb is null ? null : Matrix<double>.Build.DenseOfArray(aUb);
        Matrix<double>? eq = aEq is null ? null : Matrix<double>.Build.DenseOfArray(aEq);
        return Create(c, ub, bUb, eq, bEq, bounds, integrality);
    }

    /// <summary>
    /// As <see cref="Create(double[], double[,], double[], double[,], double[], Bounds, bool[])"/>, with MathNet
    /// matrices, dense or sparse (<c>Matrix&lt;double&gt;.Build.Sparse…</c>); only stored nonzeros are read from a
    /// sparse matrix.
    /// </summary>
    public static LinearProgram Create(
        double[] c,
        Matrix<double>? aUb,
        double[]? bUb,
        Matrix<double>? aEq = null,
        double[]? bEq = null,
        Bounds? bounds = null,
        bool[]? integrality = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        Guard.NotEmpty(c, nameof(c));
        Guard.Finite(c, nameof(c));
        int n = c.Length;
        int mUb = CheckBlock(aUb, bUb, n, nameof(aUb), nameof(bUb));
        int mEq = CheckBlock(aEq, bEq, n, nameof(aEq), nameof(bEq));
        if (bUb is not null)
        {
            for (int i = 0; i < bUb.Length; i++)
            {
                if (double.IsNaN(bUb[i]) || double.IsNegativeInfinity(bUb[i]))
                {
                    throw new ArgumentException($"bUb[{i}] is {bUb[i]}; every entry must be finite or +∞.", nameof(bUb));
                }
            }
        }

        if (bEq is not null)
        {
            Guard.Finite(bEq, nameof(bEq));
        }

        int m = mUb + mEq;
        var triplets = new List<(int Row, int Col, double Value)>();
        AddTriplets(aUb, 0, triplets, nameof(aUb));
        AddTriplets(aEq, mUb, triplets, nameof(aEq));
        var rowLower = new double[m];
        var rowUpper = new double[m];
        var kinds = new RowKind[m];
        for (int i = 0; i < mUb; i++)
        {
            rowLower[i] = double.NegativeInfinity;
            rowUpper[i] = bUb![i];
            kinds[i] = RowKind.LessEqual;
        }

        for (int i = 0; i < mEq; i++)
        {
            rowLower[mUb + i] = bEq![i];
            rowUpper[mUb + i] = bEq[i];
            kinds[mUb + i] = RowKind.Equal;
        }

        (double[] lower, double[] upper) = (bounds ?? Bounds.NonNegative).Resolve(n, nameof(bounds));
        if (integrality is not null)
        {
            Guard.Length(integrality.Length, n, nameof(integrality));
        }

        var (starts, rows, values) = Compress(triplets, n);
        return new LinearProgram(
            (double[])c.Clone(), 0.0, m, starts, rows, values, rowLower, rowUpper, kinds, lower, upper,
            integrality is null ? new bool[n] : (bool[])integrality.Clone(),
            Names("R", m), Names("x", n), string.Empty, "obj");
    }

    /// <summary>
    /// The general form from compressed sparse columns. Entries within a column may come in any order; duplicates
    /// are summed. Names default to R1…, x1….
    /// </summary>
    /// <exception cref="ArgumentException">Sizes that disagree, row indices out of range, NaN anywhere, a lower bound
    /// above its upper bound.</exception>
    public static LinearProgram FromCsc(
        double[] c,
        int numRows,
        int[] columnStarts,
        int[] rowIndices,
        double[] values,
        double[] rowLower,
        double[] rowUpper,
        double[] columnLower,
        double[] columnUpper,
        double objectiveConstant = 0.0,
        bool[]? integrality = null,
        string[]? rowNames = null,
        string[]? columnNames = null,
        string? name = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(columnStarts);
        ArgumentNullException.ThrowIfNull(rowIndices);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rowLower);
        ArgumentNullException.ThrowIfNull(rowUpper);
        ArgumentNullException.ThrowIfNull(columnLower);
        ArgumentNullException.ThrowIfNull(columnUpper);
        int n = c.Length;
        Guard.Finite(c, nameof(c));
        if (numRows < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numRows), numRows, "numRows must be ≥ 0.");
        }

        Guard.Length(columnStarts.Length, n + 1, nameof(columnStarts));
        Guard.Length(rowLower.Length, numRows, nameof(rowLower));
        Guard.Length(rowUpper.Length, numRows, nameof(rowUpper));
        Guard.Length(columnLower.Length, n, nameof(columnLower));
        Guard.Length(columnUpper.Length, n, nameof(columnUpper));
        int nnz = columnStarts[n];
        if (columnStarts[0] != 0 || nnz > rowIndices.Length || nnz > values.Length)
        {
            throw new ArgumentException($"columnStarts must start at 0 and end at most at the length of rowIndices and values ({rowIndices.Length}, {values.Length}).", nameof(columnStarts));
        }

        if (!double.IsFinite(objectiveConstant))
        {
            throw new ArgumentException("objectiveConstant must be finite.", nameof(objectiveConstant));
        }

        var triplets = new List<(int Row, int Col, double Value)>(nnz);
        for (int j = 0; j < n; j++)
        {
            if (columnStarts[j + 1] < columnStarts[j])
            {
                throw new ArgumentException($"columnStarts decreases at column {j}.", nameof(columnStarts));
            }

            for (int k = columnStarts[j]; k < columnStarts[j + 1]; k++)
            {
                if ((uint)rowIndices[k] >= (uint)numRows)
                {
                    throw new ArgumentException($"rowIndices[{k}] = {rowIndices[k]} is outside 0..{numRows - 1}.", nameof(rowIndices));
                }

                if (!double.IsFinite(values[k]))
                {
                    throw new ArgumentException($"values[{k}] is {values[k]}; every entry must be finite.", nameof(values));
                }

                triplets.Add((rowIndices[k], j, values[k]));
            }
        }

        var kinds = new RowKind[numRows];
        for (int i = 0; i < numRows; i++)
        {
            CheckRange(rowLower[i], rowUpper[i], i, nameof(rowLower));
            kinds[i] = KindOf(rowLower[i], rowUpper[i]);
        }

        for (int j = 0; j < n; j++)
        {
            CheckRange(columnLower[j], columnUpper[j], j, nameof(columnLower));
        }

        if (integrality is not null)
        {
            Guard.Length(integrality.Length, n, nameof(integrality));
        }

        if (rowNames is not null)
        {
            Guard.Length(rowNames.Length, numRows, nameof(rowNames));
        }

        if (columnNames is not null)
        {
            Guard.Length(columnNames.Length, n, nameof(columnNames));
        }

        var (starts, rows, vals) = Compress(triplets, n);
        return new LinearProgram(
            (double[])c.Clone(), objectiveConstant, numRows, starts, rows, vals, (double[])rowLower.Clone(), (double[])rowUpper.Clone(), kinds,
            (double[])columnLower.Clone(), (double[])columnUpper.Clone(),
            integrality is null ? new bool[n] : (bool[])integrality.Clone(),
            rowNames is null ? Names("R", numRows) : (string[])rowNames.Clone(),
            columnNames is null ? Names("x", n) : (string[])columnNames.Clone(),
            name ?? string.Empty, "obj");
    }

    /// <summary>Builds from parts already checked (the MPS reader).</summary>
    internal static LinearProgram FromParts(
        double[] c, double objectiveConstant, int numRows, List<(int Row, int Col, double Value)> triplets,
        double[] rowLower, double[] rowUpper, RowKind[] kinds, double[] colLower, double[] colUpper, bool[] integrality,
        string[] rowNames, string[] colNames, string name, string objectiveName)
    {
        var (starts, rows, vals) = Compress(triplets, c.Length);
        return new LinearProgram(c, objectiveConstant, numRows, starts, rows, vals, rowLower, rowUpper, kinds, colLower, colUpper,
            integrality, rowNames, colNames, name, objectiveName);
    }

    /// <summary>
    /// Reads an MPS file: fixed or free format (detected: when every data line is laid out in the fixed columns the file
    /// is read by columns, so names may hold spaces, as in Netlib's forplan; otherwise lines are split on white space), gzip
    /// compressed when the file starts with the gzip magic bytes. Sections NAME, OBJSENSE (MIN), ROWS, COLUMNS with
    /// MARKER INTORG/INTEND integer sections, RHS (an entry on the objective row gives the objective constant −value),
    /// RANGES, BOUNDS (UP, LO, FX, FR, MI, PL, BV, LI, UI), ENDATA. Only the first RHS, RANGES and BOUNDS set is read;
    /// extra free (N) rows are dropped. Variables default to 0 ≤ x &lt; ∞, integer ones too.
    /// </summary>
    /// <exception cref="FormatException">A malformed line: the message gives the file, the line number and what was expected.</exception>
    public static LinearProgram ReadMps(string path, MpsFormat format = MpsFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(path);
        return MpsReader.Read(path, format);
    }

    /// <summary>Reads MPS text from a stream (gzip detected by its magic bytes); <paramref name="sourceName"/> names it in errors.</summary>
    public static LinearProgram ReadMps(Stream stream, MpsFormat format = MpsFormat.Auto, string sourceName = "stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        return MpsReader.Read(stream, format, sourceName);
    }

    /// <summary>
    /// Writes the problem as free MPS (full double precision, invariant culture; integer columns inside MARKER
    /// sections). A name holding white space cannot be written in free MPS and throws <see cref="InvalidOperationException"/>.
    /// A path ending in .gz is compressed.
    /// </summary>
    public void WriteMps(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using Stream file = File.Create(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Optimal)
            : file;
        WriteMps(stream);
    }

    /// <summary>Writes the problem as free MPS to <paramref name="stream"/> (left open).</summary>
    public void WriteMps(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        MpsWriter.Write(this, stream);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"LinearProgram '{Name}': {NumRows} rows, {NumColumns} columns, {NumNonzeros} nonzeros{(HasIntegers ? ", with integers" : string.Empty)}";

    internal static RowKind KindOf(double lower, double upper)
    {
        if (lower == upper)
        {
            return RowKind.Equal;
        }

        if (double.IsNegativeInfinity(lower))
        {
            return RowKind.LessEqual;
        }

        return double.IsPositiveInfinity(upper) ? RowKind.GreaterEqual : RowKind.Range;
    }

    private static void CheckRange(double lower, double upper, int index, string parameterName)
    {
        if (double.IsNaN(lower) || double.IsNaN(upper) || lower > upper || double.IsPositiveInfinity(lower) || double.IsNegativeInfinity(upper))
        {
            throw new ArgumentException($"Bounds [{lower}, {upper}] at index {index} are not an interval.", parameterName);
        }
    }

    private static int CheckBlock(Matrix<double>? a, double[]? b, int n, string aName, string bName)
    {
        if (a is null && b is null)
        {
            return 0;
        }

        if (a is null)
        {
            throw new ArgumentException($"{bName} is given without {aName}.", aName);
        }

        if (b is null)
        {
            throw new ArgumentException($"{aName} is given without {bName}.", bName);
        }

        if (a.ColumnCount != n)
        {
            throw new ArgumentException($"{aName} has {a.ColumnCount} columns but c has {n} entries.", aName);
        }

        Guard.Length(b.Length, a.RowCount, bName);
        return a.RowCount;
    }

    private static void AddTriplets(Matrix<double>? a, int rowOffset, List<(int, int, double)> triplets, string name)
    {
        if (a is null)
        {
            return;
        }

        foreach (var (i, j, v) in a.EnumerateIndexed(MathNet.Numerics.LinearAlgebra.Zeros.AllowSkip))
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"{name}[{i}, {j}] is {v}; every entry must be finite.", name);
            }

            if (v != 0)
            {
                triplets.Add((rowOffset + i, j, v));
            }
        }
    }

    private static (int[] Starts, int[] Rows, double[] Values) Compress(List<(int Row, int Col, double Value)> triplets, int n)
    {
        var counts = new int[n + 1];
        foreach (var t in triplets)
        {
            counts[t.Col + 1]++;
        }

        for (int j = 0; j < n; j++)
        {
            counts[j + 1] += counts[j];
        }

        var next = (int[])counts.Clone();
        var rows = new int[triplets.Count];
        var values = new double[triplets.Count];
        foreach (var t in triplets)
        {
            int k = next[t.Col]++;
            rows[k] = t.Row;
            values[k] = t.Value;
        }

        // Sort each column by row, summing duplicates and dropping explicit zeros.
        var starts = new int[n + 1];
        int write = 0;
        for (int j = 0; j < n; j++)
        {
            int begin = counts[j];
            int end = counts[j + 1];
            Array.Sort(rows, values, begin, end - begin);
            starts[j] = write;
            for (int k = begin; k < end; k++)
            {
                if (write > starts[j] && rows[write - 1] == rows[k])
                {
                    values[write - 1] += values[k];
                }
                else
                {
                    rows[write] = rows[k];
                    values[write] = values[k];
                    write++;
                }
            }

            int kept = starts[j];
            for (int k = starts[j]; k < write; k++)
            {
                if (values[k] != 0)
                {
                    rows[kept] = rows[k];
                    values[kept] = values[k];
                    kept++;
                }
            }

            write = kept;
        }

        starts[n] = write;
        Array.Resize(ref rows, write);
        Array.Resize(ref values, write);
        return (starts, rows, values);
    }

    private static string[] Names(string prefix, int count)
    {
        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            names[i] = prefix + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return names;
    }

    private void BuildCsr()
    {
        int m = NumRows;
        int nnz = NumNonzeros;
        var starts = new int[m + 1];
        for (int k = 0; k < nnz; k++)
        {
            starts[_rowIndices[k] + 1]++;
        }

        for (int i = 0; i < m; i++)
        {
            starts[i + 1] += starts[i];
        }

        var next = (int[])starts.Clone();
        var cols = new int[nnz];
        var vals = new double[nnz];
        for (int j = 0; j < NumColumns; j++)
        {
            for (int k = _colStarts[j]; k < _colStarts[j + 1]; k++)
            {
                int p = next[_rowIndices[k]]++;
                cols[p] = j;
                vals[p] = _values[k];
            }
        }

        _colIndicesByRow = cols;
        _valuesByRow = vals;
        _rowStarts = starts;
    }
}

/// <summary>The MPS layout to read.</summary>
public enum MpsFormat
{
    /// <summary>Fixed when every data line is laid out in the fixed columns, else free.</summary>
    Auto,

    /// <summary>Fixed columns (fields at 2–3, 5–12, 15–22, 25–36, 40–47, 50–61); names may hold spaces.</summary>
    Fixed,

    /// <summary>Fields separated by white space; names may be longer than 8 characters but hold no spaces.</summary>
    Free,
}
