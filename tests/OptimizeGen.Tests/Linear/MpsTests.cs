using System.IO.Compression;
using System.Text;
using OptimizeGen.TestProblems;

namespace OptimizeGen.Tests.Linear;

public class MpsTests
{
    /// <summary>A fixed-format line with each field at its columns (2–3, 5–12, 15–22, 25–36, 40–47, 50–61).</summary>
    private static string Fixed(string f1 = "", string f2 = "", string f3 = "", string f4 = "", string f5 = "", string f6 = "")
    {
        var line = new StringBuilder(new string(' ', 61));
        void Put(int start, string text)
        {
            for (int k = 0; k < text.Length; k++)
            {
                line[start + k] = text[k];
            }
        }

        Put(1, f1);
        Put(4, f2);
        Put(14, f3);
        Put(24, f4);
        Put(39, f5);
        Put(49, f6);
        return line.ToString().TrimEnd();
    }

    private static LinearProgram Read(string text, MpsFormat format = MpsFormat.Auto) =>
        LinearProgram.ReadMps(new MemoryStream(Encoding.UTF8.GetBytes(text)), format, "test.mps");

    private static string FixedProblem() => string.Join('\n',
        "NAME          TESTFIX",
        "ROWS",
        Fixed("N", "COST"),
        Fixed("L", "LIM 1"),
        Fixed("G", "LIM 2"),
        Fixed("E", "MY EQN"),
        Fixed("E", "R4"),
        "COLUMNS",
        Fixed("", "X ONE", "COST", "1", "LIM 1", "1"),
        Fixed("", "X ONE", "LIM 2", "1"),
        Fixed("", "MARKER", "'MARKER'", "", "'INTORG'"),
        Fixed("", "Y TWO", "COST", "2", "LIM 1", "1"),
        Fixed("", "Y TWO", "MY EQN", "-1"),
        Fixed("", "MARKER", "'MARKER'", "", "'INTEND'"),
        Fixed("", "Z", "COST", "-1", "MY EQN", "1"),
        Fixed("", "Z", "R4", "1"),
        Fixed("", "W", "R4", "1"),
        "RHS",
        Fixed("", "RHS", "COST", "-12.5", "LIM 1", "4"),
        Fixed("", "RHS", "LIM 2", "1", "MY EQN", "7"),
        Fixed("", "RHS", "R4", "3"),
        Fixed("", "OTHER", "LIM 1", "99"),
        "RANGES",
        Fixed("", "RNG", "LIM 1", "2.5", "MY EQN", "-2"),
        Fixed("", "RNG", "R4", "4"),
        "BOUNDS",
        Fixed("UP", "BND", "X ONE", "4"),
        Fixed("LO", "BND", "X ONE", "-1"),
        Fixed("MI", "BND", "Z"),
        Fixed("UP", "BND", "Z", "8"),
        Fixed("FR", "BND", "W"),
        Fixed("UI", "BND", "Y TWO", "6"),
        "ENDATA");

    [Fact]
    public void Fixed_format_reads_names_with_spaces_ranges_bounds_markers_and_the_objective_constant()
    {
        LinearProgram lp = Read(FixedProblem());
        Assert.Equal("TESTFIX", lp.Name);
        Assert.Equal(["LIM 1", "LIM 2", "MY EQN", "R4"], lp.RowNames);
        Assert.Equal(["X ONE", "Y TWO", "Z", "W"], lp.ColumnNames);
        Assert.Equal([1.0, 2.0, -1.0, 0.0], lp.Objective.ToArray());
        Assert.Equal(12.5, lp.ObjectiveConstant);
        // L with range 2.5: [4 − 2.5, 4]; G without range: [1, ∞); E with range −2: [7 − 2, 7]; E with +4: [3, 7].
        Assert.Equal([1.5, 1.0, 5.0, 3.0], lp.RowLower.ToArray());
        Assert.Equal([4.0, double.PositiveInfinity, 7.0, 7.0], lp.RowUpper.ToArray());
        Assert.Equal([RowKind.Range, RowKind.GreaterEqual, RowKind.Range, RowKind.Range], lp.RowKinds.ToArray());
        Assert.Equal([-1.0, 0.0, double.NegativeInfinity, double.NegativeInfinity], lp.ColumnLower.ToArray());
        Assert.Equal([4.0, 6.0, 8.0, double.PositiveInfinity], lp.ColumnUpper.ToArray());
        Assert.Equal([false, true, false, false], lp.Integrality.ToArray());
        Assert.Equal(7, lp.NumNonzeros);
        // Column "Y TWO": rows LIM 1 (1) and MY EQN (−1).
        Assert.Equal([2, 4], lp.ColumnStarts.Slice(1, 2).ToArray());
        Assert.Equal([0, 2], lp.RowIndices[2..4].ToArray());
        Assert.Equal([1.0, -1.0], lp.Values[2..4].ToArray());
    }

    [Fact]
    public void Free_format_reads_long_names_and_optional_set_names()
    {
        const string text = """
            NAME free_problem
            OBJSENSE
                MIN
            ROWS
             N  objective
             L  capacity_limit
             E  balance
            COLUMNS
                first_variable  objective  -1  capacity_limit  1
                first_variable  balance  1
                MARKER  'MARKER'  'INTORG'
                second_variable  objective  -2  capacity_limit  3
                MARKER  'MARKER'  'INTEND'
            RHS
                capacity_limit  6  balance  1.5
                objective  -3
            RANGES
                rng  balance  1
            BOUNDS
             UP bnd first_variable 4
             BV second_variable
             LO first_variable 0.5
            ENDATA
            """;
        LinearProgram lp = Read(text);
        Assert.Equal("free_problem", lp.Name);
        Assert.Equal(["capacity_limit", "balance"], lp.RowNames);
        Assert.Equal(["first_variable", "second_variable"], lp.ColumnNames);
        Assert.Equal(3.0, lp.ObjectiveConstant);
        Assert.Equal([double.NegativeInfinity, 1.5], lp.RowLower.ToArray());
        Assert.Equal([6.0, 2.5], lp.RowUpper.ToArray());
        Assert.Equal([0.5, 0.0], lp.ColumnLower.ToArray());
        Assert.Equal([4.0, 1.0], lp.ColumnUpper.ToArray());
        Assert.Equal([false, true], lp.Integrality.ToArray());
    }

    [Fact]
    public void Gzip_is_detected_by_its_magic_bytes()
    {
        var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(FixedProblem()));
        }

        packed.Position = 0;
        LinearProgram lp = LinearProgram.ReadMps(packed);
        Assert.Equal(4, lp.NumColumns);
        Assert.Equal(12.5, lp.ObjectiveConstant);
    }

    [Theory]
    [InlineData("NAME x\nROWS\n N obj\n L c1\nCOLUMNS\n    x1  obj  abc\nENDATA\n", 6, "expected a number")]
    [InlineData("NAME x\nROWS\n N obj\n Q c1\nENDATA\n", 4, "expected a row type N, L, G or E")]
    [InlineData("NAME x\nROWS\n N obj\n L c1\nCOLUMNS\n    x1  nowhere  1\nENDATA\n", 6, "expected a row declared in ROWS")]
    [InlineData("NAME x\nROWS\n N obj\nCOLUMNS\n    x1  obj  1\nBOUNDS\n XX BND x1 3\nENDATA\n", 7, "expected a bound type")]
    [InlineData("NAME x\nROWS\n N obj\nCOLUMNS\n    x1  obj  1\nBOUNDS\n UP BND x9 3\nENDATA\n", 7, "expected a column declared in COLUMNS")]
    [InlineData("NAME x\nROWS\n N obj\nCOLUMNS\n    x1  obj  1\n", 5, "expected ENDATA")]
    [InlineData("NAME x\nWHATEVER\n", 2, "expected a section header")]
    [InlineData("NAME x\nROWS\n L c1\nENDATA\n", 4, "expected an objective row")]
    public void Malformed_files_fail_with_the_line_number_and_what_was_expected(string text, int line, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Read(text));
        Assert.Contains($"line {line}:", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void WriteMps_round_trips_through_ReadMps()
    {
        LinearProgram lp = LinearProgram.FromCsc(
            c: [1.5, -2, 0, 3],
            numRows: 3,
            columnStarts: [0, 2, 3, 3, 5],
            rowIndices: [0, 2, 1, 0, 1],
            values: [1, -4.25, 2, 1e-9, 7],
            rowLower: [double.NegativeInfinity, 2, -1],
            rowUpper: [5, double.PositiveInfinity, 4],
            columnLower: [0, double.NegativeInfinity, -3, 1],
            columnUpper: [double.PositiveInfinity, 2, -3, 10],
            objectiveConstant: -0.1,
            integrality: [false, true, false, true],
            name: "roundtrip");
        var stream = new MemoryStream();
        lp.WriteMps(stream);
        stream.Position = 0;
        LinearProgram back = LinearProgram.ReadMps(stream, MpsFormat.Free);
        Assert.Equal(lp.Objective.ToArray(), back.Objective.ToArray());
        Assert.Equal(lp.ObjectiveConstant, back.ObjectiveConstant);
        Assert.Equal(lp.ColumnStarts.ToArray(), back.ColumnStarts.ToArray());
        Assert.Equal(lp.RowIndices.ToArray(), back.RowIndices.ToArray());
        Assert.Equal(lp.Values.ToArray(), back.Values.ToArray());
        Assert.Equal(lp.RowLower.ToArray(), back.RowLower.ToArray());
        Assert.Equal(lp.RowUpper.ToArray(), back.RowUpper.ToArray());
        Assert.Equal(lp.ColumnLower.ToArray(), back.ColumnLower.ToArray());
        Assert.Equal(lp.ColumnUpper.ToArray(), back.ColumnUpper.ToArray());
        Assert.Equal(lp.Integrality.ToArray(), back.Integrality.ToArray());
        Assert.Equal(lp.RowNames, back.RowNames);
        Assert.Equal(lp.ColumnNames, back.ColumnNames);
    }

    [Fact]
    public void Every_Netlib_file_reads_with_the_published_dimensions()
    {
        if (Netlib.All.Count == 0)
        {
            Assert.Skip(ReferenceData.MissingMessage("netlib"));
        }

        Assert.Equal(91, Netlib.All.Count);
        foreach (NetlibProblem problem in Netlib.All)
        {
            LinearProgram lp = LinearProgram.ReadMps(problem.Path);
            Assert.True(problem.Rows == lp.NumRows && problem.Columns == lp.NumColumns,
                $"{problem.Name}: read {lp.NumRows} × {lp.NumColumns}, published {problem.Rows} × {problem.Columns}");
        }
    }

    [Fact]
    public void Create_checks_its_arguments_naming_them()
    {
        Assert.Equal("c", Assert.Throws<ArgumentNullException>(() => LinearProgram.Create(null!)).ParamName);
        Assert.Equal("bUb", Assert.Throws<ArgumentException>(() => LinearProgram.Create([1.0], new double[,] { { 1 } })).ParamName);
        Assert.Equal("aUb", Assert.Throws<ArgumentException>(() => LinearProgram.Create([1.0, 2], new double[,] { { 1 } }, [1.0])).ParamName);
        Assert.Equal("bEq", Assert.Throws<ArgumentException>(() => LinearProgram.Create([1.0], aEq: new double[,] { { 1 } }, bEq: [1.0, 2])).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentException>(() => LinearProgram.Create([double.NaN])).ParamName);
        Assert.Equal("bounds", Assert.Throws<ArgumentException>(() => LinearProgram.Create([1.0], bounds: new Bounds([0.0, 0], [1.0, 1]))).ParamName);
    }
}
