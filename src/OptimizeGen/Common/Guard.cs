namespace OptimizeGen;

/// <summary>Argument checks shared by every entry point: misuse throws, naming the parameter.</summary>
internal static class Guard
{
    /// <summary>Throws when any entry of <paramref name="values"/> is NaN or infinite.</summary>
    public static void Finite(ReadOnlySpan<double> values, string parameterName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{parameterName}[{i}] is {values[i]}; every entry must be finite.", parameterName);
            }
        }
    }

    /// <summary>Throws when <paramref name="values"/> is empty.</summary>
    public static void NotEmpty(ReadOnlySpan<double> values, string parameterName)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException($"{parameterName} is empty.", parameterName);
        }
    }

    /// <summary>Throws when <paramref name="actual"/> differs from <paramref name="expected"/>.</summary>
    public static void Length(int actual, int expected, string parameterName)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{parameterName} has length {actual}; expected {expected}.", parameterName);
        }
    }

    /// <summary>Throws when a tolerance is negative or NaN.</summary>
    public static void NonNegative(double value, string parameterName)
    {
        if (!(value >= 0))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be ≥ 0.");
        }
    }

    /// <summary>Throws when a count is not positive.</summary>
    public static void Positive(int value, string parameterName)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be > 0.");
        }
    }
}
