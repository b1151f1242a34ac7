namespace OptimizeGen;

/// <summary>
/// Simple bounds lᵢ ≤ xᵢ ≤ uᵢ on the variables (scipy's <c>Bounds</c>). Infinite entries mean "no bound".
/// </summary>
public sealed class Bounds
{
    private readonly double[] _lower;
    private readonly double[] _upper;

    /// <summary>Bounds per variable. Both arrays must have the same length; lower ≤ upper, no NaN.</summary>
    public Bounds(double[] lower, double[] upper)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        if (lower.Length != upper.Length)
        {
            throw new ArgumentException($"lower has {lower.Length} entries but upper has {upper.Length}.", nameof(upper));
        }

        for (int i = 0; i < lower.Length; i++)
        {
            if (double.IsNaN(lower[i]))
            {
                throw new ArgumentException($"lower[{i}] is NaN.", nameof(lower));
            }

            if (double.IsNaN(upper[i]))
            {
                throw new ArgumentException($"upper[{i}] is NaN.", nameof(upper));
            }

            if (lower[i] > upper[i])
            {
                throw new ArgumentException($"lower[{i}] = {lower[i]} exceeds upper[{i}] = {upper[i]}.", nameof(lower));
            }
        }

        _lower = (double[])lower.Clone();
        _upper = (double[])upper.Clone();
        IsBroadcast = false;
    }

    private Bounds(double lower, double upper)
    {
        if (double.IsNaN(lower))
        {
            throw new ArgumentException("lower is NaN.", nameof(lower));
        }

        if (double.IsNaN(upper))
        {
            throw new ArgumentException("upper is NaN.", nameof(upper));
        }

        if (lower > upper)
        {
            throw new ArgumentException($"lower = {lower} exceeds upper = {upper}.", nameof(lower));
        }

        _lower = [lower];
        _upper = [upper];
        IsBroadcast = true;
    }

    /// <summary>The same bounds lower ≤ xᵢ ≤ upper for every variable, whatever their number.</summary>
    public static Bounds All(double lower, double upper) => new(lower, upper);

    /// <summary>xᵢ ≥ 0 for every variable.</summary>
    public static Bounds NonNegative { get; } = new(0.0, double.PositiveInfinity);

    /// <summary>True when one pair of bounds applies to every variable.</summary>
    public bool IsBroadcast { get; }

    /// <summary>The number of variables bounded, or -1 for broadcast bounds.</summary>
    public int Count => IsBroadcast ? -1 : _lower.Length;

    /// <summary>The lower bound of variable <paramref name="i"/>.</summary>
    public double Lower(int i) => IsBroadcast ? _lower[0] : _lower[i];

    /// <summary>The upper bound of variable <paramref name="i"/>.</summary>
    public double Upper(int i) => IsBroadcast ? _upper[0] : _upper[i];

    /// <summary>True when every bound is infinite.</summary>
    public bool IsUnbounded
    {
        get
        {
            for (int i = 0; i < _lower.Length; i++)
            {
                if (!double.IsNegativeInfinity(_lower[i]) || !double.IsPositiveInfinity(_upper[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// The bounds as two arrays of length <paramref name="n"/>; throws <see cref="ArgumentException"/> naming
    /// <paramref name="parameterName"/> when the bounds have another length.
    /// </summary>
    public (double[] Lower, double[] Upper) Resolve(int n, string parameterName = "bounds")
    {
        if (!IsBroadcast && _lower.Length != n)
        {
            throw new ArgumentException($"The bounds are for {_lower.Length} variables but the problem has {n}.", parameterName);
        }

        var lower = new double[n];
        var upper = new double[n];
        for (int i = 0; i < n; i++)
        {
            lower[i] = Lower(i);
            upper[i] = Upper(i);
        }

        return (lower, upper);
    }

    /// <summary>True when x lies within the bounds.</summary>
    public bool Contains(ReadOnlySpan<double> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] < Lower(i) || x[i] > Upper(i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Moves every xᵢ into [lᵢ, uᵢ].</summary>
    public void Project(Span<double> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Math.Clamp(x[i], Lower(i), Upper(i));
        }
    }
}
