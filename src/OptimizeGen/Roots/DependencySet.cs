namespace OptimizeGen;

/// <summary>
/// A set of unknowns' indices: the value each quantity carries when a generated <c>SJacobianSparsity</c> runs the body of an
/// <c>[Equations]</c> method on dependencies instead of numbers. An operation's result depends on the union of its operands'
/// sets; a residual's set is the row of the Jacobian's sparsity pattern. Immutable; the union allocates only when both sides
/// are non-empty and neither contains the other.
/// </summary>
public readonly struct DependencySet : IEquatable<DependencySet>
{
    private readonly int[]? indices;

    private DependencySet(int[] sorted) => indices = sorted;

    /// <summary>The empty set: a constant or data.</summary>
    public static DependencySet Empty => default;

    /// <summary>The indices, ascending and distinct.</summary>
    public ReadOnlySpan<int> Indices => indices;

    /// <summary>How many indices.</summary>
    public int Count => indices?.Length ?? 0;

    /// <summary>{ index }: the unknown number <paramref name="index"/> itself.</summary>
    public static DependencySet Of(int index) => new(new[] { index });

    /// <summary>The union of two sets.</summary>
    public static DependencySet operator |(DependencySet a, DependencySet b)
    {
        int[]? x = a.indices, y = b.indices;
        if (y is null || y.Length == 0 || ReferenceEquals(x, y))
        {
            return a;
        }

        if (x is null || x.Length == 0)
        {
            return b;
        }

        var merged = new int[x.Length + y.Length];
        int i = 0, j = 0, k = 0;
        while (i < x.Length || j < y.Length)
        {
            int next = j >= y.Length || (i < x.Length && x[i] <= y[j]) ? x[i] : y[j];
            if (i < x.Length && x[i] == next)
            {
                i++;
            }

            if (j < y.Length && y[j] == next)
            {
                j++;
            }

            merged[k++] = next;
        }

        if (k == x.Length)
        {
            return a;
        }

        if (k == y.Length)
        {
            return b;
        }

        Array.Resize(ref merged, k);
        return new DependencySet(merged);
    }

    /// <summary>True when <paramref name="index"/> is in the set.</summary>
    public bool Contains(int index) => indices is not null && Array.BinarySearch(indices, index) >= 0;

    /// <inheritdoc />
    public bool Equals(DependencySet other) => Indices.SequenceEqual(other.Indices);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DependencySet other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int index in Indices)
        {
            hash.Add(index);
        }

        return hash.ToHashCode();
    }

    /// <summary>Equality of the index sets.</summary>
    public static bool operator ==(DependencySet left, DependencySet right) => left.Equals(right);

    /// <summary>Inequality of the index sets.</summary>
    public static bool operator !=(DependencySet left, DependencySet right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => "{" + string.Join(", ", indices ?? Array.Empty<int>()) + "}";
}
