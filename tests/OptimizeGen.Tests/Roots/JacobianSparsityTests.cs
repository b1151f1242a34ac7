namespace OptimizeGen.Tests.Roots;

/// <summary>The runtime side of the generated sparsity patterns: <see cref="DependencySet"/> unions and <see cref="JacobianSparsity"/>.</summary>
public class JacobianSparsityTests
{
    [Fact]
    public void Dependency_sets_union_as_sorted_distinct_indices()
    {
        DependencySet a = DependencySet.Of(3) | DependencySet.Of(1) | DependencySet.Of(3);
        DependencySet b = DependencySet.Of(2) | DependencySet.Of(1);
        Assert.Equal(new[] { 1, 3 }, a.Indices.ToArray());
        Assert.Equal(new[] { 1, 2, 3 }, (a | b).Indices.ToArray());
        Assert.Equal(a, a | DependencySet.Empty);
        Assert.Equal(a, DependencySet.Empty | a);
        Assert.Equal(a, a | DependencySet.Of(1));
        Assert.True((a | b).Contains(2));
        Assert.False(a.Contains(2));
        Assert.Equal(0, DependencySet.Empty.Count);
        Assert.Equal("{1, 2, 3}", (a | b).ToString());
    }

    [Fact]
    public void Compressed_rows_are_checked_and_read_back()
    {
        var pattern = JacobianSparsity.FromCompressedRows(3, 4, new[] { 0, 2, 2, 5 }, new[] { 0, 3, 1, 2, 3 });
        Assert.Equal(5, pattern.NonZeroCount);
        Assert.Equal(new[] { 0, 3 }, pattern.Row(0).ToArray());
        Assert.Empty(pattern.Row(1).ToArray());
        Assert.True(pattern.Contains(2, 1));
        Assert.False(pattern.Contains(1, 1));
        Assert.Equal(5.0 / 12, pattern.Density, 15);
        bool[,] dense = pattern.ToDense();
        Assert.True(dense[0, 3] && !dense[0, 1]);
        Assert.Equal(3, pattern.UpperBandwidth);
        Assert.Equal(1, pattern.LowerBandwidth);

        Assert.Equal("rowStart", Assert.Throws<ArgumentException>(() => JacobianSparsity.FromCompressedRows(3, 4, new[] { 0, 2, 5 }, new[] { 0, 3, 1, 2, 3 })).ParamName);
        Assert.Equal("columnIndex", Assert.Throws<ArgumentException>(() => JacobianSparsity.FromCompressedRows(1, 4, new[] { 0, 2 }, new[] { 3, 1 })).ParamName);
        Assert.Equal("columnIndex", Assert.Throws<ArgumentException>(() => JacobianSparsity.FromCompressedRows(1, 4, new[] { 0, 1 }, new[] { 4 })).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => pattern.Contains(3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => pattern.Contains(0, 4));
    }

    [Fact]
    public void Column_groups_are_structurally_orthogonal()
    {
        // Tridiagonal n = 10: three groups (Curtis, Powell, Reid 1974), columns j ≡ g (mod 3).
        var rows = new DependencySet[10];
        for (int i = 0; i < 10; i++)
        {
            rows[i] = DependencySet.Of(i) | (i > 0 ? DependencySet.Of(i - 1) : DependencySet.Empty) | (i < 9 ? DependencySet.Of(i + 1) : DependencySet.Empty);
        }

        var pattern = JacobianSparsity.FromDependencies(10, rows);
        int[] group = pattern.ColumnGroups();
        Assert.Equal(Enumerable.Range(0, 10).Select(j => j % 3), group);
        for (int i = 0; i < 10; i++)
        {
            var groupsInRow = pattern.Row(i).ToArray().Select(j => group[j]).ToList();
            Assert.Equal(groupsInRow.Count, groupsInRow.Distinct().Count());
        }

        Assert.Equal(new[] { 0, 1, 2, 3 }, JacobianSparsity.Dense(4, 4).ColumnGroups());
    }

    [Fact]
    public void Dependencies_outside_the_columns_are_dropped()
    {
        var pattern = JacobianSparsity.FromDependencies(2, new[] { DependencySet.Of(-1) | DependencySet.Of(1), DependencySet.Of(2) });
        Assert.Equal(new[] { 1 }, pattern.Row(0).ToArray());
        Assert.Equal(0, pattern.Row(1).Length);
    }
}
