// The MPS reader: fixed and free MPS as IBM's MPSX defined it and as the Netlib LP collection uses it
// (https://www.netlib.org/lp/data/ — the format notes in its `readme`), with the extensions HiGHS and CPLEX read:
// free format, OBJSENSE, MARKER integer sections, BV/LI/UI bounds, the objective constant as minus the RHS entry of
// the objective row. Departure: with MpsFormat.Auto a file is read as fixed when every data line is laid out in the
// fixed columns, else as free, so one entry point serves both; SC (semi-continuous) bounds and OBJSENSE MAX are
// refused with the line number.
using System.Globalization;
using System.IO.Compression;

namespace OptimizeGen;

internal sealed class MpsReader
{
    private enum Section { None, Name, ObjSense, Rows, Columns, Rhs, Ranges, Bounds, End }

    private MpsFormat _format;
    private readonly string _source;
    private readonly Dictionary<string, int> _rowIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _colIndex = new(StringComparer.Ordinal);
    private readonly List<string> _rowNames = [];
    private readonly List<char> _rowTypes = [];
    private readonly List<string> _colNames = [];
    private readonly List<double> _cost = [];
    private readonly List<bool> _integer = [];
    private readonly List<(int Row, int Col, double Value)> _entries = [];
    private readonly HashSet<string> _droppedRows = new(StringComparer.Ordinal);
    private double[] _rhs = [];
    private double[] _range = [];
    private bool[] _hasRange = [];
    private double[] _lower = [];
    private double[] _upper = [];
    private string _name = string.Empty;
    private string? _objective;
    private double _objectiveConstant;
    private bool _inInteger;
    private string? _rhsSet;
    private string? _rangeSet;
    private string? _boundSet;
    private int _line;

    private MpsReader(MpsFormat format, string source)
    {
        _format = format;
        _source = source;
    }

    public static LinearProgram Read(string path, MpsFormat format)
    {
        using FileStream file = File.OpenRead(path);
        return Read(file, format, path);
    }

    public static LinearProgram Read(Stream stream, MpsFormat format, string sourceName)
    {
        Stream input = stream;
        if (stream.CanSeek)
        {
            int b0 = stream.ReadByte();
            int b1 = stream.ReadByte();
            stream.Seek(-(b0 < 0 ? 0 : b1 < 0 ? 1 : 2), SeekOrigin.Current);
            if (b0 == 0x1f && b1 == 0x8b)
            {
                input = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            }
        }

        using var reader = new StreamReader(input, leaveOpen: true);
        var mps = new MpsReader(format, sourceName);
        return mps.Parse(reader);
    }

    private FormatException Error(string what) => new($"{_source}, line {_line}: {what}");

    private LinearProgram Parse(StreamReader reader)
    {
        var lines = new List<string>();
        string? read;
        while ((read = reader.ReadLine()) is not null)
        {
            lines.Add(read);
        }

        if (_format == MpsFormat.Auto)
        {
            // Fixed when every data line is laid out in the fixed columns (a genuine fixed file always is; a free file
            // practically never is throughout), else free.
            bool allFixed = true;
            foreach (string line in lines)
            {
                if (line.Length > 0 && char.IsWhiteSpace(line[0]) && !string.IsNullOrWhiteSpace(line) && !LooksFixed(line.TrimEnd('\r')))
                {
                    allFixed = false;
                    break;
                }
            }

            _format = allFixed ? MpsFormat.Fixed : MpsFormat.Free;
        }

        var section = Section.None;
        foreach (string line in lines)
        {
            string text = line;
            _line++;
            if (text.Length == 0 || text[0] == '*' || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            text = text.TrimEnd('\r');
            if (!char.IsWhiteSpace(text[0]))
            {
                section = Header(text, section);
                if (section == Section.End)
                {
                    break;
                }

                continue;
            }

            switch (section)
            {
                case Section.Name:
                case Section.None:
                    throw Error($"expected a section header (NAME, ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA) in column 1, found a data line '{text.Trim()}'.");
                case Section.ObjSense:
                    ObjSense(text.Trim());
                    break;
                case Section.Rows:
                    Rows(text);
                    break;
                case Section.Columns:
                    Columns(text);
                    break;
                case Section.Rhs:
                    Rhs(text);
                    break;
                case Section.Ranges:
                    Ranges(text);
                    break;
                case Section.Bounds:
                    BoundsLine(text);
                    break;
            }
        }

        if (section != Section.End)
        {
            throw Error("expected ENDATA before the end of the file.");
        }

        if (_objective is null)
        {
            throw Error("expected an objective row (type N) in the ROWS section; none was found.");
        }

        return Build();
    }

    private Section Header(string text, Section current)
    {
        string[] tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        string keyword = tokens[0].ToUpperInvariant();
        switch (keyword)
        {
            case "NAME":
                _name = text.Length > 4 ? text[4..].Trim() : string.Empty;
                return Section.Name;
            case "OBJSENSE":
                if (tokens.Length > 1)
                {
                    ObjSense(tokens[1]);
                }

                return Section.ObjSense;
            case "OBJSENCE":
                return Section.ObjSense;
            case "ROWS":
                return Section.Rows;
            case "COLUMNS":
                return Section.Columns;
            case "RHS":
                StartBounds();
                return Section.Rhs;
            case "RANGES":
                StartBounds();
                return Section.Ranges;
            case "BOUNDS":
                StartBounds();
                return Section.Bounds;
            case "ENDATA":
                StartBounds();
                return Section.End;
            default:
                throw Error($"expected a section header (NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA), found '{tokens[0]}' after section {current}.");
        }
    }

    private void ObjSense(string sense)
    {
        switch (sense.ToUpperInvariant())
        {
            case "MIN":
            case "MINIMIZE":
                return;
            case "MAX":
            case "MAXIMIZE":
                throw Error("OBJSENSE MAX is not supported: linprog minimizes; negate the objective instead.");
            default:
                throw Error($"expected MIN or MAX after OBJSENSE, found '{sense}'.");
        }
    }

    private void StartBounds()
    {
        if (_rhs.Length == _rowNames.Count && _lower.Length == _colNames.Count)
        {
            return;
        }

        int m = _rowNames.Count;
        int n = _colNames.Count;
        _rhs = new double[m];
        _range = new double[m];
        _hasRange = new bool[m];
        _lower = new double[n];
        _upper = new double[n];
        Array.Fill(_upper, double.PositiveInfinity);
    }

    // Fixed fields (1-based columns): 2–3, 5–12, 15–22, 25–36, 40–47, 50–61.
    private static readonly (int Start, int End)[] FixedFields = [(1, 3), (4, 12), (14, 22), (24, 36), (39, 47), (49, 61)];
    private static readonly int[] FixedGaps = [0, 3, 12, 13, 22, 23, 36, 37, 38, 47, 48];

    /// <summary>The line's six fields (null where absent): by columns when the layout is fixed, else split on white space.</summary>
    private string?[] Fields(string text, bool firstFieldIsType)
    {
        bool useFixed = _format == MpsFormat.Fixed;
        var fields = new string?[6];
        if (useFixed)
        {
            for (int f = 0; f < 6; f++)
            {
                var (start, end) = FixedFields[f];
                if (start >= text.Length)
                {
                    break;
                }

                string value = text[start..Math.Min(end, text.Length)].Trim();
                fields[f] = value.Length == 0 ? null : value;
            }

            return fields;
        }

        string[] tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int at = firstFieldIsType ? 0 : 1;
        if (firstFieldIsType && tokens.Length > 0)
        {
            fields[0] = tokens[0];
            for (int k = 1; k < tokens.Length && k < 6; k++)
            {
                fields[k] = tokens[k];
            }

            if (tokens.Length > 6)
            {
                throw Error($"expected at most 6 fields, found {tokens.Length}.");
            }

            return fields;
        }

        if (tokens.Length > 5)
        {
            throw Error($"expected at most 5 fields, found {tokens.Length}.");
        }

        for (int k = 0; k < tokens.Length; k++)
        {
            fields[at + k] = tokens[k];
        }

        return fields;
    }

    private static bool LooksFixed(string text)
    {
        if (text.IndexOf('\t') >= 0)
        {
            return false;
        }

        foreach (int gap in FixedGaps)
        {
            if (gap < text.Length && text[gap] != ' ')
            {
                return false;
            }
        }

        // Beyond column 61 only a comment may follow in fixed MPS; a long free line does not look fixed.
        return text.Length <= 61 || string.IsNullOrWhiteSpace(text[61..]) || text[61..].TrimStart().StartsWith('$');
    }

    private double Number(string? text, string what)
    {
        if (text is null)
        {
            throw Error($"expected a number for {what}, found nothing.");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            string upper = text.ToUpperInvariant();
            if (upper is "INF" or "+INF" or "INFINITY" or "+INFINITY" or "1E30" or "1.0E30")
            {
                return double.PositiveInfinity;
            }

            if (upper is "-INF" or "-INFINITY")
            {
                return double.NegativeInfinity;
            }

            throw Error($"expected a number for {what}, found '{text}'.");
        }

        if (double.IsNaN(value))
        {
            throw Error($"expected a number for {what}, found NaN.");
        }

        return value >= 1e30 ? double.PositiveInfinity : value <= -1e30 ? double.NegativeInfinity : value;
    }

    private void Rows(string text)
    {
        string?[] f = Fields(text, firstFieldIsType: true);
        string? type = f[0];
        string? name = f[1];
        if (type is null || name is null)
        {
            throw Error($"expected a row type (N, L, G, E) and a row name, found '{text.Trim()}'.");
        }

        char t = char.ToUpperInvariant(type[0]);
        if (type.Length != 1 || t is not ('N' or 'L' or 'G' or 'E'))
        {
            throw Error($"expected a row type N, L, G or E, found '{type}'.");
        }

        if (t == 'N')
        {
            if (_objective is null)
            {
                _objective = name;
            }
            else
            {
                _droppedRows.Add(name);
            }

            return;
        }

        if (_rowIndex.ContainsKey(name) || name == _objective)
        {
            throw Error($"row '{name}' is declared twice.");
        }

        _rowIndex[name] = _rowNames.Count;
        _rowNames.Add(name);
        _rowTypes.Add(t);
    }

    private void Columns(string text)
    {
        string?[] f = Fields(text, firstFieldIsType: false);
        if (f[2] is not null && (f[2]!.Trim('\'').Equals("MARKER", StringComparison.OrdinalIgnoreCase)))
        {
            string marker = (f[4] ?? f[3] ?? string.Empty).Trim('\'').ToUpperInvariant();
            if (marker == "INTORG")
            {
                _inInteger = true;
            }
            else if (marker == "INTEND")
            {
                _inInteger = false;
            }
            else
            {
                throw Error($"expected 'INTORG' or 'INTEND' after 'MARKER', found '{marker}'.");
            }

            return;
        }

        string? column = f[1];
        if (column is null)
        {
            throw Error("expected a column name in field 2.");
        }

        if (!_colIndex.TryGetValue(column, out int j))
        {
            j = _colNames.Count;
            _colIndex[column] = j;
            _colNames.Add(column);
            _cost.Add(0.0);
            _integer.Add(_inInteger);
        }

        if (f[2] is null)
        {
            throw Error($"expected a row name and a value after column '{column}'.");
        }

        Entry(j, f[2]!, Number(f[3], $"column '{column}', row '{f[2]}'"));
        if (f[4] is not null)
        {
            Entry(j, f[4]!, Number(f[5], $"column '{column}', row '{f[4]}'"));
        }
    }

    private void Entry(int column, string row, double value)
    {
        if (!double.IsFinite(value))
        {
            throw Error($"expected a finite coefficient for row '{row}', found {value}.");
        }

        if (row == _objective)
        {
            _cost[column] += value;
            return;
        }

        if (_rowIndex.TryGetValue(row, out int i))
        {
            if (value != 0)
            {
                _entries.Add((i, column, value));
            }

            return;
        }

        if (_droppedRows.Contains(row))
        {
            return;
        }

        throw Error($"expected a row declared in ROWS, found '{row}'.");
    }

    /// <summary>
    /// RHS and RANGES lines: [set] row value [row value]. With fixed layout the set is field 2; in free layout it is
    /// present when the line has an odd number of tokens.
    /// </summary>
    private List<(string Row, double Value)>? SetLine(string text, ref string? currentSet, string section)
    {
        string?[] f;
        if (_format == MpsFormat.Fixed)
        {
            f = Fields(text, firstFieldIsType: false);
        }
        else
        {
            string[] tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            f = new string?[6];
            if (tokens.Length < 2 || tokens.Length > 5)
            {
                throw Error($"expected '[set] row value [row value]' in {section}, found '{text.Trim()}'.");
            }

            // An odd count carries the set name first; an even count omits it.
            int skip = tokens.Length % 2;
            if (skip == 1)
            {
                f[1] = tokens[0];
            }

            for (int k = skip; k < tokens.Length; k++)
            {
                f[2 + k - skip] = tokens[k];
            }
        }

        // A line without a set name (free format allows it) belongs to the set being read.
        string set = f[1] ?? currentSet ?? string.Empty;
        currentSet ??= set;
        if (set != currentSet)
        {
            return null;
        }

        var result = new List<(string, double)>(2);
        if (f[2] is null)
        {
            throw Error($"expected a row name and a value in {section}.");
        }

        result.Add((f[2]!, Number(f[3], $"{section} of row '{f[2]}'")));
        if (f[4] is not null)
        {
            result.Add((f[4]!, Number(f[5], $"{section} of row '{f[4]}'")));
        }

        return result;
    }

    private void Rhs(string text)
    {
        var items = SetLine(text, ref _rhsSet, "RHS");
        if (items is null)
        {
            return;
        }

        foreach (var (row, value) in items)
        {
            if (!double.IsFinite(value))
            {
                throw Error($"expected a finite right-hand side for row '{row}', found {value}.");
            }

            if (row == _objective)
            {
                _objectiveConstant = -value;
            }
            else if (_rowIndex.TryGetValue(row, out int i))
            {
                _rhs[i] = value;
            }
            else if (!_droppedRows.Contains(row))
            {
                throw Error($"expected a row declared in ROWS, found '{row}'.");
            }
        }
    }

    private void Ranges(string text)
    {
        var items = SetLine(text, ref _rangeSet, "RANGES");
        if (items is null)
        {
            return;
        }

        foreach (var (row, value) in items)
        {
            if (!double.IsFinite(value))
            {
                throw Error($"expected a finite range for row '{row}', found {value}.");
            }

            if (!_rowIndex.TryGetValue(row, out int i))
            {
                throw Error($"expected a constraint row declared in ROWS, found '{row}'.");
            }

            _range[i] = value;
            _hasRange[i] = true;
        }
    }

    private void BoundsLine(string text)
    {
        string?[] f;
        string type;
        if (_format == MpsFormat.Fixed)
        {
            f = Fields(text, firstFieldIsType: true);
            type = (f[0] ?? throw Error("expected a bound type (UP, LO, FX, FR, MI, PL, BV, LI, UI) in field 1.")).ToUpperInvariant();
        }
        else
        {
            string[] tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < 2 || tokens.Length > 4)
            {
                throw Error($"expected 'type [set] column [value]' in BOUNDS, found '{text.Trim()}'.");
            }

            type = tokens[0].ToUpperInvariant();
            bool needsValue = type is "UP" or "LO" or "FX" or "LI" or "UI";
            f = new string?[6];
            f[0] = tokens[0];
            if (needsValue)
            {
                // type [set] column value
                if (tokens.Length == 4)
                {
                    (f[1], f[2], f[3]) = (tokens[1], tokens[2], tokens[3]);
                }
                else if (tokens.Length == 3)
                {
                    (f[2], f[3]) = (tokens[1], tokens[2]);
                }
                else
                {
                    throw Error($"expected 'type [set] column value' for a {type} bound, found '{text.Trim()}'.");
                }
            }
            else if (tokens.Length == 4)
            {
                (f[1], f[2], f[3]) = (tokens[1], tokens[2], tokens[3]);
            }
            else if (tokens.Length == 3)
            {
                // type set column, or (BV) type column value.
                if (_colIndex.ContainsKey(tokens[1]) && !_colIndex.ContainsKey(tokens[2]))
                {
                    (f[2], f[3]) = (tokens[1], tokens[2]);
                }
                else
                {
                    (f[1], f[2]) = (tokens[1], tokens[2]);
                }
            }
            else
            {
                f[2] = tokens[1];
            }
        }

        string set = f[1] ?? _boundSet ?? string.Empty;
        _boundSet ??= set;
        if (set != _boundSet)
        {
            return;
        }

        string column = f[2] ?? throw Error($"expected a column name in field 3 of the {type} bound.");
        if (!_colIndex.TryGetValue(column, out int j))
        {
            throw Error($"expected a column declared in COLUMNS, found '{column}'.");
        }

        switch (type)
        {
            case "UP":
            {
                double v = Number(f[3], $"the UP bound of '{column}'");
                _upper[j] = v;
                if (v < 0 && _lower[j] == 0)
                {
                    // MPSX convention: a negative upper bound with the default lower bound makes x unbounded below.
                    _lower[j] = double.NegativeInfinity;
                }

                break;
            }
            case "LO":
                _lower[j] = Number(f[3], $"the LO bound of '{column}'");
                break;
            case "FX":
            {
                double v = Number(f[3], $"the FX bound of '{column}'");
                if (!double.IsFinite(v))
                {
                    throw Error($"expected a finite FX value for '{column}', found {v}.");
                }

                _lower[j] = v;
                _upper[j] = v;
                break;
            }
            case "FR":
                _lower[j] = double.NegativeInfinity;
                _upper[j] = double.PositiveInfinity;
                break;
            case "MI":
                _lower[j] = double.NegativeInfinity;
                break;
            case "PL":
                _upper[j] = double.PositiveInfinity;
                break;
            case "BV":
                _lower[j] = 0;
                _upper[j] = 1;
                _integer[j] = true;
                break;
            case "LI":
                _lower[j] = Number(f[3], $"the LI bound of '{column}'");
                _integer[j] = true;
                break;
            case "UI":
            {
                double v = Number(f[3], $"the UI bound of '{column}'");
                _upper[j] = v;
                if (v < 0 && _lower[j] == 0)
                {
                    _lower[j] = double.NegativeInfinity;
                }

                _integer[j] = true;
                break;
            }
            case "SC":
                throw Error($"semi-continuous (SC) bounds are not supported (column '{column}').");
            default:
                throw Error($"expected a bound type UP, LO, FX, FR, MI, PL, BV, LI or UI, found '{type}'.");
        }
    }

    private LinearProgram Build()
    {
        StartBounds();
        int m = _rowNames.Count;
        int n = _colNames.Count;
        var rowLower = new double[m];
        var rowUpper = new double[m];
        var kinds = new RowKind[m];
        for (int i = 0; i < m; i++)
        {
            double b = _rhs[i];
            double r = Math.Abs(_range[i]);
            switch (_rowTypes[i])
            {
                case 'L':
                    rowLower[i] = _hasRange[i] ? b - r : double.NegativeInfinity;
                    rowUpper[i] = b;
                    break;
                case 'G':
                    rowLower[i] = b;
                    rowUpper[i] = _hasRange[i] ? b + r : double.PositiveInfinity;
                    break;
                default:
                    if (_hasRange[i] && _range[i] > 0)
                    {
                        rowLower[i] = b;
                        rowUpper[i] = b + r;
                    }
                    else if (_hasRange[i] && _range[i] < 0)
                    {
                        rowLower[i] = b - r;
                        rowUpper[i] = b;
                    }
                    else
                    {
                        rowLower[i] = b;
                        rowUpper[i] = b;
                    }

                    break;
            }

            kinds[i] = LinearProgram.KindOf(rowLower[i], rowUpper[i]);
        }

        for (int j = 0; j < n; j++)
        {
            if (_lower[j] > _upper[j])
            {
                // Kept as given: an inconsistent bound makes the problem infeasible, which the solvers report.
                // LinearProgram stores intervals only, so state it plainly here.
                throw new FormatException($"{_source}: column '{_colNames[j]}' has lower bound {_lower[j]} above its upper bound {_upper[j]}.");
            }
        }

        return LinearProgram.FromParts(
            _cost.ToArray(), _objectiveConstant, m, _entries, rowLower, rowUpper, kinds, _lower, _upper, _integer.ToArray(),
            _rowNames.ToArray(), _colNames.ToArray(), _name, _objective!);
    }
}
