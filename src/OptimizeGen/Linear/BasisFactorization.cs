// The basis factorization of the managed dual simplex: a sparse LU factorization P·B·Q = L·U of the basis matrix,
// left-looking (Gilbert & Peierls 1988, "Sparse partial pivoting in time proportional to arithmetic operations",
// SIAM J. Sci. Stat. Comput. 9:862–874) with threshold partial pivoting that prefers the sparsest row among the
// acceptable pivots (a Markowitz-style tie break, Suhl & Suhl 1990), and product-form updates (Dantzig & Orchard-Hays
// 1954): each basis change appends an eta column, and the simplex refactorizes after a fixed number of them.
// Departures: the column order is static (logical columns first, then structurals by their count in the rows the
// logicals leave), rather than Suhl & Suhl's dynamic Markowitz search; triangular solves use a dense work vector
// rather than hypersparse symbolic solves.
namespace OptimizeGen;

internal sealed class BasisFactorization
{
    private const double PivotThreshold = 0.1;
    private const double SingularTolerance = 1e-11;

    private readonly int _m;
    private readonly int _n;
    private readonly int[] _colStarts;
    private readonly int[] _rowIndices;
    private readonly double[] _values;

    // Pivot sequence: step k pivots on row _pivotRow[k] for basis position _pivotPos[k].
    private readonly int[] _pivotRow;
    private readonly int[] _pivotPos;
    private readonly double[] _diag;
    private readonly int[] _rowStep;

    // L and U by columns of the pivot sequence (U without its diagonal), row indices in the original numbering.
    private readonly int[] _lStart;
    private readonly int[] _uStart;
    private int[] _lIndex;
    private double[] _lValue;
    private int[] _uIndex;
    private double[] _uValue;
    private readonly List<int> _lSteps = [];

    // Eta file (product-form updates), indices are basis positions.
    private readonly List<int> _etaPos = [];
    private readonly List<double> _etaPivot = [];
    private readonly List<int> _etaStart = [0];
    private int[] _etaIndex = new int[1024];
    private double[] _etaValue = new double[1024];

    private readonly double[] _work;
    private readonly double[] _work2;
    private readonly int[] _mark;
    private readonly List<int> _nonzeros = [];
    private readonly int[] _rowCount;

    public BasisFactorization(int m, int n, int[] colStarts, int[] rowIndices, double[] values)
    {
        _m = m;
        _n = n;
        _colStarts = colStarts;
        _rowIndices = rowIndices;
        _values = values;
        _pivotRow = new int[m];
        _pivotPos = new int[m];
        _diag = new double[m];
        _rowStep = new int[m];
        _lStart = new int[m + 1];
        _uStart = new int[m + 1];
        _lIndex = new int[Math.Max(16, rowIndices.Length)];
        _lValue = new double[_lIndex.Length];
        _uIndex = new int[Math.Max(16, rowIndices.Length)];
        _uValue = new double[_uIndex.Length];
        _work = new double[m];
        _work2 = new double[m];
        _mark = new int[m];
        _rowCount = new int[m];
    }

    /// <summary>The number of updates since the last factorization.</summary>
    public int UpdateCount => _etaPos.Count;

    /// <summary>Nonzeros in the eta file.</summary>
    public int EtaNonzeros => _etaStart[^1];

    /// <summary>Nonzeros in L and U.</summary>
    public int LuNonzeros => _lStart[_m] + _uStart[_m] + _m;

    /// <summary>
    /// Factorizes the basis whose position p holds variable <paramref name="basis"/>[p] (j &lt; n: column j of A;
    /// j ≥ n: the logical column e_(j−n)). Returns the positions found dependent; each has been given the logical of a
    /// row left without a pivot (in <paramref name="basis"/>), and the caller makes the replaced variable nonbasic.
    /// </summary>
    public List<(int Position, int OldVariable)> Factorize(int[] basis)
    {
        int m = _m;
        _etaPos.Clear();
        _etaPivot.Clear();
        _etaStart.Clear();
        _etaStart.Add(0);
        _lSteps.Clear();
        Array.Fill(_rowStep, -1);
        Array.Clear(_rowCount);
        for (int p = 0; p < m; p++)
        {
            int j = basis[p];
            if (j >= _n)
            {
                _rowCount[j - _n]++;
            }
            else
            {
                for (int k = _colStarts[j]; k < _colStarts[j + 1]; k++)
                {
                    _rowCount[_rowIndices[k]]++;
                }
            }
        }

        // Order: logicals, then structurals by their count outside the logicals' rows.
        var order = new List<int>(m);
        var structural = new List<(int Count, int Position)>();
        var logicalRow = new bool[m];
        for (int p = 0; p < m; p++)
        {
            if (basis[p] >= _n)
            {
                if (logicalRow[basis[p] - _n])
                {
                    structural.Add((int.MaxValue, p)); // a duplicate logical: dependent, handled below
                    continue;
                }

                logicalRow[basis[p] - _n] = true;
                order.Add(p);
            }
        }

        for (int p = 0; p < m; p++)
        {
            int j = basis[p];
            if (j < _n)
            {
                int count = 0;
                for (int k = _colStarts[j]; k < _colStarts[j + 1]; k++)
                {
                    if (!logicalRow[_rowIndices[k]])
                    {
                        count++;
                    }
                }

                structural.Add((count, p));
            }
        }

        structural.Sort();
        foreach (var (_, p) in structural)
        {
            order.Add(p);
        }

        var dependent = new List<int>();
        int lNz = 0, uNz = 0;
        int step = 0;
        double[] x = _work;
        foreach (int p in order)
        {
            int j = basis[p];
            _nonzeros.Clear();
            if (j >= _n)
            {
                Scatter(j - _n, 1.0);
            }
            else
            {
                for (int k = _colStarts[j]; k < _colStarts[j + 1]; k++)
                {
                    Scatter(_rowIndices[k], _values[k]);
                }
            }

            // Left-looking elimination with the L columns computed so far, in pivot order.
            foreach (int s in _lSteps)
            {
                double v = x[_pivotRow[s]];
                if (v == 0)
                {
                    continue;
                }

                for (int k = _lStart[s]; k < _lStart[s + 1]; k++)
                {
                    int i = _lIndex[k];
                    if (_mark[i] == 0)
                    {
                        _mark[i] = 1;
                        _nonzeros.Add(i);
                    }

                    x[i] -= _lValue[k] * v;
                }
            }

            // Pivot among unpivoted rows: |x_i| ≥ threshold · max, fewest row nonzeros.
            double max = 0;
            foreach (int i in _nonzeros)
            {
                if (_rowStep[i] < 0)
                {
                    max = Math.Max(max, Math.Abs(x[i]));
                }
            }

            int pivot = -1;
            if (max > SingularTolerance)
            {
                int best = int.MaxValue;
                double bestValue = 0;
                foreach (int i in _nonzeros)
                {
                    if (_rowStep[i] >= 0)
                    {
                        continue;
                    }

                    double a = Math.Abs(x[i]);
                    if (a >= PivotThreshold * max && (_rowCount[i] < best || (_rowCount[i] == best && a > bestValue)))
                    {
                        best = _rowCount[i];
                        bestValue = a;
                        pivot = i;
                    }
                }
            }

            if (pivot < 0)
            {
                dependent.Add(p);
                foreach (int i in _nonzeros)
                {
                    x[i] = 0;
                    _mark[i] = 0;
                }

                continue;
            }

            double d = x[pivot];
            _pivotRow[step] = pivot;
            _pivotPos[step] = p;
            _diag[step] = d;
            _rowStep[pivot] = step;
            EnsureCapacity(ref _uIndex, ref _uValue, uNz + _nonzeros.Count);
            EnsureCapacity(ref _lIndex, ref _lValue, lNz + _nonzeros.Count);
            _uStart[step] = uNz;
            _lStart[step] = lNz;
            foreach (int i in _nonzeros)
            {
                double v = x[i];
                x[i] = 0;
                _mark[i] = 0;
                if (i == pivot || Math.Abs(v) < 1e-14)
                {
                    continue;
                }

                if (_rowStep[i] >= 0)
                {
                    _uIndex[uNz] = i;
                    _uValue[uNz++] = v;
                }
                else
                {
                    _lIndex[lNz] = i;
                    _lValue[lNz++] = v / d;
                }
            }

            _uStart[step + 1] = uNz;
            _lStart[step + 1] = lNz;
            if (_lStart[step + 1] > _lStart[step])
            {
                _lSteps.Add(step);
            }

            step++;
        }

        var replaced = new List<(int, int)>();
        if (dependent.Count > 0)
        {
            // Give each dependent position the logical of a row left without a pivot.
            int next = 0;
            foreach (int p in dependent)
            {
                while (_rowStep[next] >= 0)
                {
                    next++;
                }

                int row = next;
                replaced.Add((p, basis[p]));
                basis[p] = _n + row;
                _pivotRow[step] = row;
                _pivotPos[step] = p;
                _diag[step] = 1.0;
                _rowStep[row] = step;
                _uStart[step] = uNz;
                _lStart[step] = lNz;
                _uStart[step + 1] = uNz;
                _lStart[step + 1] = lNz;
                step++;
            }
        }

        return replaced;
    }

    private void Scatter(int i, double v)
    {
        if (_mark[i] == 0)
        {
            _mark[i] = 1;
            _nonzeros.Add(i);
        }

        _work[i] += v;
    }

    private static void EnsureCapacity(ref int[] index, ref double[] value, int needed)
    {
        if (needed > index.Length)
        {
            int size = Math.Max(needed, index.Length * 2);
            Array.Resize(ref index, size);
            Array.Resize(ref value, size);
        }
    }

    /// <summary>
    /// Solves B·w = a in place: <paramref name="rhs"/> holds a by rows on entry; <paramref name="result"/> receives w by
    /// basis positions. <paramref name="rhs"/> is left zero.
    /// </summary>
    public void Ftran(double[] rhs, double[] result)
    {
        int m = _m;
        foreach (int s in _lSteps)
        {
            double v = rhs[_pivotRow[s]];
            if (v == 0)
            {
                continue;
            }

            for (int k = _lStart[s]; k < _lStart[s + 1]; k++)
            {
                rhs[_lIndex[k]] -= _lValue[k] * v;
            }
        }

        for (int s = m - 1; s >= 0; s--)
        {
            int i = _pivotRow[s];
            double v = rhs[i];
            rhs[i] = 0;
            if (v == 0)
            {
                result[_pivotPos[s]] = 0;
                continue;
            }

            v /= _diag[s];
            result[_pivotPos[s]] = v;
            for (int k = _uStart[s]; k < _uStart[s + 1]; k++)
            {
                rhs[_uIndex[k]] -= _uValue[k] * v;
            }
        }

        // Eta file, oldest first: w ← E⁻¹ w.
        int count = _etaPos.Count;
        for (int e = 0; e < count; e++)
        {
            int r = _etaPos[e];
            double xr = result[r];
            if (xr == 0)
            {
                continue;
            }

            xr /= _etaPivot[e];
            result[r] = xr;
            for (int k = _etaStart[e]; k < _etaStart[e + 1]; k++)
            {
                result[_etaIndex[k]] -= _etaValue[k] * xr;
            }
        }
    }

    /// <summary>
    /// Solves Bᵀ·y = c: <paramref name="rhs"/> holds c by basis positions (left unchanged); <paramref name="result"/>
    /// receives y by rows.
    /// </summary>
    public void Btran(double[] rhs, double[] result)
    {
        int m = _m;
        double[] c = _work2;
        Array.Copy(rhs, c, m);

        // Eta file, newest first: c ← E⁻ᵀ c.
        for (int e = _etaPos.Count - 1; e >= 0; e--)
        {
            int r = _etaPos[e];
            double sum = c[r];
            for (int k = _etaStart[e]; k < _etaStart[e + 1]; k++)
            {
                sum -= _etaValue[k] * c[_etaIndex[k]];
            }

            c[r] = sum / _etaPivot[e];
        }

        // Uᵀ: z_s = (c_{pos(s)} − Σ u·z) / diag, z stored by rows.
        for (int s = 0; s < m; s++)
        {
            double sum = c[_pivotPos[s]];
            for (int k = _uStart[s]; k < _uStart[s + 1]; k++)
            {
                sum -= _uValue[k] * result[_uIndex[k]];
            }

            result[_pivotRow[s]] = sum / _diag[s];
        }

        // Lᵀ, backwards.
        for (int t = _lSteps.Count - 1; t >= 0; t--)
        {
            int s = _lSteps[t];
            double sum = 0;
            for (int k = _lStart[s]; k < _lStart[s + 1]; k++)
            {
                sum += _lValue[k] * result[_lIndex[k]];
            }

            result[_pivotRow[s]] -= sum;
        }
    }

    /// <summary>Records the basis change at position <paramref name="r"/> with the entering column's Ftran <paramref name="alpha"/> (by basis positions).</summary>
    public void Update(int r, double[] alpha)
    {
        int start = _etaStart[^1];
        int nz = start;
        for (int i = 0; i < _m; i++)
        {
            double v = alpha[i];
            if (i == r || v == 0 || Math.Abs(v) < 1e-13)
            {
                continue;
            }

            if (nz == _etaIndex.Length)
            {
                Array.Resize(ref _etaIndex, nz * 2);
                Array.Resize(ref _etaValue, nz * 2);
            }

            _etaIndex[nz] = i;
            _etaValue[nz++] = v;
        }

        _etaPos.Add(r);
        _etaPivot.Add(alpha[r]);
        _etaStart.Add(nz);
    }
}
