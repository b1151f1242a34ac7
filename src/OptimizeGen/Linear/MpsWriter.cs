// Writes free MPS (the layout MpsReader reads back and HiGHS, CPLEX, Gurobi and GLPK accept), numbers in the
// invariant culture with round-trip precision.
using System.Globalization;
using System.Text;

namespace OptimizeGen;

internal static class MpsWriter
{
    public static void Write(LinearProgram lp, Stream stream)
    {
        CheckName(lp.ObjectiveName, "objective");
        for (int i = 0; i < lp.NumRows; i++)
        {
            CheckName(lp.RowNames[i], "row");
        }

        for (int j = 0; j < lp.NumColumns; j++)
        {
            CheckName(lp.ColumnNames[j], "column");
        }

        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        w.WriteLine(string.IsNullOrWhiteSpace(lp.Name) ? "NAME" : $"NAME          {lp.Name.Replace(' ', '_')}");
        w.WriteLine("ROWS");
        w.WriteLine($" N  {lp.ObjectiveName}");
        for (int i = 0; i < lp.NumRows; i++)
        {
            char type = lp.RowKinds[i] switch
            {
                RowKind.LessEqual => 'L',
                RowKind.GreaterEqual => 'G',
                RowKind.Equal => 'E',
                _ => double.IsNegativeInfinity(lp.RowLower[i]) ? 'L' : 'G',
            };
            if (double.IsNegativeInfinity(lp.RowLower[i]) && double.IsPositiveInfinity(lp.RowUpper[i]))
            {
                type = 'N';
            }

            w.WriteLine($" {type}  {lp.RowNames[i]}");
        }

        w.WriteLine("COLUMNS");
        bool inInteger = false;
        int marker = 0;
        ReadOnlySpan<int> starts = lp.ColumnStarts;
        for (int j = 0; j < lp.NumColumns; j++)
        {
            if (lp.Integrality[j] != inInteger)
            {
                inInteger = lp.Integrality[j];
                w.WriteLine($"    MARKER{marker++}  'MARKER'  '{(inInteger ? "INTORG" : "INTEND")}'");
            }

            string name = lp.ColumnNames[j];
            bool any = false;
            if (lp.Objective[j] != 0)
            {
                w.WriteLine($"    {name}  {lp.ObjectiveName}  {F(lp.Objective[j])}");
                any = true;
            }

            for (int k = starts[j]; k < starts[j + 1]; k++)
            {
                w.WriteLine($"    {name}  {lp.RowNames[lp.RowIndices[k]]}  {F(lp.Values[k])}");
                any = true;
            }

            if (!any)
            {
                // A column must appear to exist: give it an explicit zero objective entry.
                w.WriteLine($"    {name}  {lp.ObjectiveName}  0");
            }
        }

        if (inInteger)
        {
            w.WriteLine($"    MARKER{marker}  'MARKER'  'INTEND'");
        }

        w.WriteLine("RHS");
        if (lp.ObjectiveConstant != 0)
        {
            w.WriteLine($"    RHS  {lp.ObjectiveName}  {F(-lp.ObjectiveConstant)}");
        }

        for (int i = 0; i < lp.NumRows; i++)
        {
            double rhs = lp.RowKinds[i] switch
            {
                RowKind.LessEqual => lp.RowUpper[i],
                RowKind.GreaterEqual or RowKind.Equal => lp.RowLower[i],
                _ => double.IsNegativeInfinity(lp.RowLower[i]) ? 0 : lp.RowLower[i],
            };
            if (rhs != 0 && double.IsFinite(rhs))
            {
                w.WriteLine($"    RHS  {lp.RowNames[i]}  {F(rhs)}");
            }
        }

        bool rangesHeader = false;
        for (int i = 0; i < lp.NumRows; i++)
        {
            if (lp.RowKinds[i] == RowKind.Range)
            {
                if (!rangesHeader)
                {
                    w.WriteLine("RANGES");
                    rangesHeader = true;
                }

                // A G row with rhs = lower and range = upper − lower.
                w.WriteLine($"    RNG  {lp.RowNames[i]}  {F(lp.RowUpper[i] - lp.RowLower[i])}");
            }
        }

        w.WriteLine("BOUNDS");
        for (int j = 0; j < lp.NumColumns; j++)
        {
            string name = lp.ColumnNames[j];
            double lo = lp.ColumnLower[j];
            double up = lp.ColumnUpper[j];
            if (lo == up)
            {
                w.WriteLine($" FX BND  {name}  {F(lo)}");
                continue;
            }

            if (double.IsNegativeInfinity(lo) && double.IsPositiveInfinity(up))
            {
                w.WriteLine($" FR BND  {name}");
                continue;
            }

            if (double.IsNegativeInfinity(lo))
            {
                w.WriteLine($" MI BND  {name}");
            }
            else if (lo != 0)
            {
                w.WriteLine($" LO BND  {name}  {F(lo)}");
            }

            if (!double.IsPositiveInfinity(up))
            {
                w.WriteLine($" UP BND  {name}  {F(up)}");
            }
            else if (lp.Integrality[j])
            {
                // Some readers give integer columns an upper bound of 1 by default; state +∞ explicitly.
                w.WriteLine($" PL BND  {name}");
            }
        }

        w.WriteLine("ENDATA");
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void CheckName(string name, string what)
    {
        if (string.IsNullOrEmpty(name) || name.Any(char.IsWhiteSpace))
        {
            throw new InvalidOperationException($"The {what} name '{name}' is empty or holds white space, which free MPS cannot write; rename it first.");
        }
    }
}
