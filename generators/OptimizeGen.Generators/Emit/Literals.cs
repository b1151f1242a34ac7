using System.Globalization;

namespace OptimizeGen.Generators.Emit;

/// <summary>Numeric literals in the invariant culture ("R": round-trips), so that no culture's minus sign or
/// decimal comma ever reaches generated code.</summary>
internal static class Literals
{
    public static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0)
        {
            text += ".0";
        }

        return value < 0 || text.StartsWith("-", StringComparison.Ordinal) ? "(" + text + ")" : text;
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
