namespace OptimizeGen;

/// <summary>
/// The constraints of one solve in the normal form the methods work on: equalities c_E(x) = 0 and inequalities
/// c_I(x) ≥ 0, each with its row-major Jacobian. A row lb ≤ g(x) ≤ ub becomes g − lb = 0 when lb = ub, otherwise
/// g − lb ≥ 0 where lb is finite and ub − g ≥ 0 where ub is finite; bounds on x become xⱼ − lⱼ ≥ 0 and uⱼ − xⱼ ≥ 0
/// when asked for. Multipliers λ of the normal form (∇f = Σ λᵢ ∇cᵢ, λ_I ≥ 0) map back to one multiplier per row
/// given, μᵣ = λ_lower − λ_upper (so ∇f = Σ μᵣ ∇gᵣ plus the bounds' terms). Workspaces are allocated once.
/// </summary>
internal sealed class ConstraintSet
{
    private readonly ConstraintBase[] _constraints;
    private readonly int[] _offset; // first row of each constraint among all rows
    private readonly double[] _values; // g(x), all rows
    private readonly double[] _jacobian; // all rows × n
    private readonly int[] _eqRow;
    private readonly double[] _eqShift;
    private readonly int[] _inRow; // row index, or −1 − j for a bound on xⱼ
    private readonly double[] _inSign;
    private readonly double[] _inShift;

    private readonly FiniteDifferenceScheme _scheme;
    private readonly double? _relativeStep;

    public ConstraintSet(IReadOnlyList<ConstraintBase> constraints, int n, double[]? lower, double[]? upper, MinimizeOptions options)
    {
        _scheme = options.FiniteDifference;
        _relativeStep = options.FiniteDifferenceRelativeStep;
        N = n;
        _constraints = [.. constraints];
        _offset = new int[_constraints.Length + 1];
        for (int k = 0; k < _constraints.Length; k++)
        {
            _offset[k + 1] = _offset[k] + _constraints[k].Count;
        }

        Rows = _offset[^1];
        _values = new double[Rows];
        _jacobian = new double[Rows * n];
        var eqRow = new List<int>();
        var eqShift = new List<double>();
        var inRow = new List<int>();
        var inSign = new List<double>();
        var inShift = new List<double>();
        for (int k = 0; k < _constraints.Length; k++)
        {
            var c = _constraints[k];
            for (int i = 0; i < c.Count; i++)
            {
                int row = _offset[k] + i;
                double lb = c.Lower[i];
                double ub = c.Upper[i];
                if (lb == ub)
                {
                    eqRow.Add(row);
                    eqShift.Add(lb);
                    continue;
                }

                if (double.IsFinite(lb))
                {
                    inRow.Add(row);
                    inSign.Add(1);
                    inShift.Add(lb);
                }

                if (double.IsFinite(ub))
                {
                    inRow.Add(row);
                    inSign.Add(-1);
                    inShift.Add(ub);
                }
            }
        }

        if (lower is not null && upper is not null)
        {
            for (int j = 0; j < n; j++)
            {
                if (double.IsFinite(lower[j]))
                {
                    inRow.Add(-1 - j);
                    inSign.Add(1);
                    inShift.Add(lower[j]);
                }

                if (double.IsFinite(upper[j]))
                {
                    inRow.Add(-1 - j);
                    inSign.Add(-1);
                    inShift.Add(upper[j]);
                }
            }
        }

        _eqRow = [.. eqRow];
        _eqShift = [.. eqShift];
        _inRow = [.. inRow];
        _inSign = [.. inSign];
        _inShift = [.. inShift];
        Equalities = _eqRow.Length;
        Inequalities = _inRow.Length;
    }

    /// <summary>n.</summary>
    public int N { get; }

    /// <summary>The rows as given (all constraints together, bounds excluded).</summary>
    public int Rows { get; }

    /// <summary>The number of equalities c_E(x) = 0.</summary>
    public int Equalities { get; }

    /// <summary>The number of inequalities c_I(x) ≥ 0, bounds included when they were asked for (they come last).</summary>
    public int Inequalities { get; }

    /// <summary>Writes c_E(x) and c_I(x).</summary>
    public void Evaluate(ReadOnlySpan<double> x, Span<double> ce, Span<double> ci)
    {
        for (int k = 0; k < _constraints.Length; k++)
        {
            _constraints[k].Evaluate(x, _values.AsSpan(_offset[k], _constraints[k].Count));
        }

        Scatter(x, ce, ci);
    }

    /// <summary>Writes c_E(x), c_I(x) and their row-major Jacobians (Equalities × n and Inequalities × n).</summary>
    public void EvaluateWithJacobian(ReadOnlySpan<double> x, Span<double> ce, Span<double> ci, Span<double> ae, Span<double> ai)
    {
        int n = N;
        for (int k = 0; k < _constraints.Length; k++)
        {
            int m = _constraints[k].Count;
            _constraints[k].EvaluateWithJacobian(x, _values.AsSpan(_offset[k], m), _jacobian.AsSpan(_offset[k] * n, m * n), _scheme, _relativeStep);
        }

        Scatter(x, ce, ci);
        for (int e = 0; e < _eqRow.Length; e++)
        {
            _jacobian.AsSpan(_eqRow[e] * n, n).CopyTo(ae.Slice(e * n, n));
        }

        for (int i = 0; i < _inRow.Length; i++)
        {
            Span<double> row = ai.Slice(i * n, n);
            int r = _inRow[i];
            if (r >= 0)
            {
                ReadOnlySpan<double> src = _jacobian.AsSpan(r * n, n);
                for (int j = 0; j < n; j++)
                {
                    row[j] = _inSign[i] * src[j];
                }
            }
            else
            {
                row.Clear();
                row[-1 - r] = _inSign[i];
            }
        }
    }

    /// <summary>The largest violation max(|c_E|, −c_I, 0).</summary>
    public static double Violation(ReadOnlySpan<double> ce, ReadOnlySpan<double> ci)
    {
        double v = 0;
        foreach (double e in ce)
        {
            v = Math.Max(v, Math.Abs(e));
        }

        foreach (double e in ci)
        {
            v = Math.Max(v, -e);
        }

        return v;
    }

    /// <summary>One multiplier per row given from the normal form's λ_E, λ_I (see the class remarks).</summary>
    public double[] RowMultipliers(ReadOnlySpan<double> lambdaE, ReadOnlySpan<double> lambdaI)
    {
        var mu = new double[Rows];
        for (int e = 0; e < _eqRow.Length; e++)
        {
            mu[_eqRow[e]] += lambdaE[e];
        }

        for (int i = 0; i < _inRow.Length; i++)
        {
            if (_inRow[i] >= 0)
            {
                mu[_inRow[i]] += _inSign[i] * lambdaI[i];
            }
        }

        return mu;
    }

    private void Scatter(ReadOnlySpan<double> x, Span<double> ce, Span<double> ci)
    {
        for (int e = 0; e < _eqRow.Length; e++)
        {
            ce[e] = _values[_eqRow[e]] - _eqShift[e];
        }

        for (int i = 0; i < _inRow.Length; i++)
        {
            int r = _inRow[i];
            double g = r >= 0 ? _values[r] : x[-1 - r];
            ci[i] = _inSign[i] * (g - _inShift[i]);
        }
    }
}
