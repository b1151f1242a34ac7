// LinprogMethod.Simplex: the bounded revised dual simplex method, as Koberstein describes it for a fast and stable
// implementation (A. Koberstein 2005, "The dual simplex method, techniques for a fast and stable implementation",
// PhD thesis, Paderborn; Algorithm 7 with the Harris ratio test of §6.2.2 and the auxiliary-problem dual phase 1 of
// §4.4) on the computational form A·x + I·s = 0, l ≤ (x, s) ≤ u, with
//   - dual steepest-edge pricing (Forrest & Goldfarb 1992, "Steepest-edge simplex algorithms for linear
//     programming", Math. Prog. 57:341–374, the "dual algorithm 1" weights ‖eᵢᵀB⁻¹‖²),
//   - the bound-flipping ratio test for boxed variables (Fourer 1994; Maros 2003, "A generalized dual phase-2
//     simplex algorithm", EJOR 149:1–16), with Harris's two passes (Harris 1973) within each breakpoint group,
//   - random cost perturbation against dual degeneracy (Koberstein §6.2.3), removed before the answer is checked,
//   - a sparse LU basis factorization with product-form updates (BasisFactorization.cs),
//   - geometric scaling (LpScaling.cs) and a light presolve (LpPresolve.cs).
// After the perturbation is removed, a primal simplex (Dantzig pricing, bounded Harris ratio test) cleans up from the
// primal feasible basis. Departures: unboundedness is decided by a dual phase 1 that fails, a feasibility solve with
// c = 0, and the primal simplex from the feasible point, which reports Unbounded only on finding an unblocked ray;
// infeasibility is reported only when the pivot row proves it (a Farkas certificate, RowProvesInfeasibility), and a
// pivot that row and column computations disagree on, even after a fresh factorization, is excluded and another chosen.
// The result is never claimed optimal on the simplex's word alone: x and y are mapped back to the original problem
// and its primal feasibility and the sign conditions of the duals are checked there (Verify).
using System.Diagnostics;
using System.Globalization;

namespace OptimizeGen;

internal sealed class DualSimplex
{
    private const byte Basic = 0;
    private const byte AtLower = 1;
    private const byte AtUpper = 2;
    private const byte AtZero = 3;
    private const double PivotTolerance = 1e-7;
    private const double CheckTolerance = 1e-6;
    private const int RefactorInterval = 100;

    private enum LoopResult { Optimal, Infeasible, Unbounded, IterationLimit, TimeLimit, Cancelled, Numerical }

    private readonly LinprogOptions _options;
    private readonly int _m;
    private readonly int _n;
    private readonly int _total;
    private readonly int[] _colStarts;
    private readonly int[] _rowIndices;
    private readonly double[] _values;
    private readonly int[] _rowStarts;
    private readonly int[] _colIndices;
    private readonly double[] _rowValues;
    private readonly double[] _rowScale;
    private readonly double[] _colScale;

    private readonly double[] _cost;
    private readonly double[] _originalCost;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly double[] _x;
    private readonly double[] _d;
    private readonly byte[] _state;
    private readonly int[] _basis;
    private readonly int[] _position;
    private readonly double[] _weight;
    private readonly BasisFactorization _lu;

    private readonly double[] _rowWork;
    private readonly double[] _colWork;
    private readonly double[] _rho;
    private readonly double[] _tau;
    private readonly double[] _alphaQ;
    private readonly double[] _alphaRow;
    private readonly bool[] _inRow;
    private readonly List<int> _rowTouched = [];
    private readonly List<(int Var, double T)> _candidates = [];
    private readonly List<int> _flips = [];
    private readonly HashSet<int> _bannedColumns = [];
    private readonly HashSet<int> _bannedRows = [];

    private readonly double _primalTol;
    private readonly double _dualTol;
    private readonly long _maxIter;
    private readonly Stopwatch _clock;
    private int _iterations;
    private bool _perturbed;
    private string _trouble = "the solve lost accuracy.";

    private DualSimplex(LpPresolve p, LinprogOptions options, Stopwatch clock)
    {
        _options = options;
        _clock = clock;
        _m = p.Rows;
        _n = p.Columns;
        _total = _n + _m;
        _primalTol = options.PrimalFeasibilityTolerance;
        _dualTol = options.DualFeasibilityTolerance;
        _maxIter = options.MaxIter ?? Math.Max(100_000, 50L * _total);

        (_rowScale, _colScale) = LpScaling.Compute(_m, _n, p.ColStarts, p.RowIndices, p.Values);
        _colStarts = p.ColStarts;
        _rowIndices = p.RowIndices;
        _values = new double[p.Values.Length];
        for (int j = 0; j < _n; j++)
        {
            for (int k = _colStarts[j]; k < _colStarts[j + 1]; k++)
            {
                _values[k] = p.Values[k] * _rowScale[_rowIndices[k]] * _colScale[j];
            }
        }

        // Rows of the scaled matrix, for the pivot row αᵣ = ρᵣᵀA.
        _rowStarts = new int[_m + 1];
        foreach (int i in _rowIndices)
        {
            _rowStarts[i + 1]++;
        }

        for (int i = 0; i < _m; i++)
        {
            _rowStarts[i + 1] += _rowStarts[i];
        }

        _colIndices = new int[_values.Length];
        _rowValues = new double[_values.Length];
        var next = (int[])_rowStarts.Clone();
        for (int j = 0; j < _n; j++)
        {
            for (int k = _colStarts[j]; k < _colStarts[j + 1]; k++)
            {
                int at = next[_rowIndices[k]]++;
                _colIndices[at] = j;
                _rowValues[at] = _values[k];
            }
        }

        _cost = new double[_total];
        _lower = new double[_total];
        _upper = new double[_total];
        for (int j = 0; j < _n; j++)
        {
            _cost[j] = p.Cost[j] * _colScale[j];
            _lower[j] = p.ColLower[j] / _colScale[j];
            _upper[j] = p.ColUpper[j] / _colScale[j];
        }

        for (int i = 0; i < _m; i++)
        {
            _lower[_n + i] = -p.RowUpper[i] * _rowScale[i];
            _upper[_n + i] = -p.RowLower[i] * _rowScale[i];
        }

        _originalCost = (double[])_cost.Clone();
        _x = new double[_total];
        _d = new double[_total];
        _state = new byte[_total];
        _basis = new int[_m];
        _position = new int[_total];
        _weight = new double[_m];
        _lu = new BasisFactorization(_m, _n, _colStarts, _rowIndices, _values);
        _rowWork = new double[_m];
        _colWork = new double[_m];
        _rho = new double[_m];
        _tau = new double[_m];
        _alphaQ = new double[_m];
        _alphaRow = new double[_total];
        _inRow = new bool[_total];
    }

    public static LinprogResult Solve(LinearProgram lp, LinprogOptions options)
    {
        var clock = Stopwatch.StartNew();
        LpPresolve presolve = LpPresolve.Run(lp, options.Presolve);
        if (presolve.Result == LpPresolve.Outcome.Infeasible)
        {
            return LinprogResult.Create(lp, null, null, null, LinprogStatus.Infeasible, "The problem is infeasible. " + presolve.Reason,
                0, LinprogMethod.Simplex, clock.Elapsed);
        }

        var solver = new DualSimplex(presolve, options, clock);
        return solver.Run(lp, presolve);
    }

    private LinprogResult Run(LinearProgram lp, LpPresolve presolve)
    {
        InitialBasis();
        Refactor();
        LoopResult outcome = SolveToOptimality(out bool dualInfeasible);
        if (dualInfeasible)
        {
            // No dual feasible basis was found. Find a feasible point with c = 0, then let the primal simplex run with
            // the true costs from there: it either proves optimality or finds an unbounded ray (a certificate).
            Array.Clear(_cost);
            ComputeDuals();
            FlipToDualFeasible();
            ComputePrimal();
            LoopResult feasibility = Loop();
            Array.Copy(_originalCost, _cost, _total);
            if (feasibility == LoopResult.Optimal)
            {
                Refactor();
                ComputePrimal();
                ComputeDuals();
                outcome = PrimalLoop();
            }
            else if (feasibility == LoopResult.Infeasible)
            {
                outcome = LoopResult.Infeasible;
            }
            else
            {
                outcome = feasibility;
            }
        }

        if (outcome == LoopResult.Unbounded)
        {
            return LinprogResult.Create(lp, null, null, null, LinprogStatus.Unbounded,
                "The problem is unbounded: from a feasible basis the primal simplex found a ray along which the objective decreases and no bound or row blocks.",
                _iterations, LinprogMethod.Simplex, _clock.Elapsed);
        }

        if (outcome == LoopResult.Infeasible)
        {
            return LinprogResult.Create(lp, null, null, null, LinprogStatus.Infeasible,
                "The problem is infeasible: the dual simplex found an unbounded dual ray (verified after a fresh factorization).",
                _iterations, LinprogMethod.Simplex, _clock.Elapsed);
        }

        var (x, y) = Unscale(presolve);
        if (outcome != LoopResult.Optimal)
        {
            string why = outcome switch
            {
                LoopResult.IterationLimit => $"The iteration limit ({_maxIter}) was reached.",
                LoopResult.TimeLimit => "The time limit was reached.",
                LoopResult.Cancelled => "The solve was cancelled.",
                _ => "Numerical difficulties: " + _trouble,
            };
            return LinprogResult.Create(lp, x, null, null, Map(outcome), why, _iterations, LinprogMethod.Simplex, _clock.Elapsed);
        }

        if (presolve.UnboundedColumn >= 0)
        {
            return LinprogResult.Create(lp, null, null, null, LinprogStatus.Unbounded,
                $"The problem is unbounded: column '{lp.ColumnNames[presolve.UnboundedColumn]}' appears in no row and its cost improves without bound, and the rest is feasible.",
                _iterations, LinprogMethod.Simplex, _clock.Elapsed);
        }

        double[] d = ReducedCosts(lp, y);
        string? failure = Verify(lp, x, y, d);
        if (failure is not null)
        {
            return LinprogResult.Create(lp, x, null, null, LinprogStatus.NumericalTrouble,
                "Numerical difficulties: the simplex's final basis fails the check on the original problem: " + failure,
                _iterations, LinprogMethod.Simplex, _clock.Elapsed);
        }

        return LinprogResult.Create(lp, x, y, d, LinprogStatus.Optimal,
            "Optimization terminated successfully. (Dual simplex; primal and dual feasibility verified on the original problem.)",
            _iterations, LinprogMethod.Simplex, _clock.Elapsed);
    }

    private static LinprogStatus Map(LoopResult r) => r switch
    {
        LoopResult.Optimal => LinprogStatus.Optimal,
        LoopResult.Infeasible => LinprogStatus.Infeasible,
        LoopResult.IterationLimit => LinprogStatus.IterationLimit,
        LoopResult.TimeLimit => LinprogStatus.TimeLimit,
        LoopResult.Cancelled => LinprogStatus.Cancelled,
        _ => LinprogStatus.NumericalTrouble,
    };

    /// <summary>Phase 1 when needed, phase 2 with perturbed costs, then rounds without perturbation until the true costs are optimal.</summary>
    private LoopResult SolveToOptimality(out bool dualInfeasible)
    {
        dualInfeasible = false;
        bool perturb = true;
        for (int round = 0; round < 6; round++)
        {
            ComputeDuals();
            if (CountDualInfeasibilities() > 0)
            {
                LoopResult phase1 = PhaseOne();
                if (phase1 != LoopResult.Optimal)
                {
                    if (phase1 == LoopResult.Infeasible)
                    {
                        _trouble = "dual phase 1 found its auxiliary problem (always feasible) infeasible, a sign of lost accuracy.";
                        return LoopResult.Numerical;
                    }

                    return phase1;
                }

                if (CountDualInfeasibilities() > 0)
                {
                    dualInfeasible = true;
                    return LoopResult.Infeasible;
                }
            }

            FlipToDualFeasible();
            if (perturb)
            {
                Perturb();
            }

            ComputePrimal();
            LoopResult result = Loop();
            if (result == LoopResult.Infeasible)
            {
                // Confirm on a fresh factorization before believing the dual ray.
                Refactor();
                ComputeDuals();
                FlipToDualFeasible();
                ComputePrimal();
                result = Loop();
            }

            if (result != LoopResult.Optimal)
            {
                return result;
            }

            bool wasPerturbed = _perturbed;
            RemovePerturbation();
            Refactor();
            ComputePrimal();
            ComputeDuals();
            if (MaxPrimalInfeasibility() <= _primalTol)
            {
                // Primal feasible: the primal simplex removes what the perturbation left (usually a few iterations).
                LoopResult clean = PrimalLoop();
                if (clean != LoopResult.Numerical)
                {
                    return clean;
                }
            }
            else if (CountDualInfeasibilities() == 0)
            {
                FlipToDualFeasible();
                ComputePrimal();
                if (MaxPrimalInfeasibility() <= _primalTol)
                {
                    return LoopResult.Optimal;
                }
            }

            perturb = false;
            if (!wasPerturbed && round > 2)
            {
                break;
            }
        }

        _trouble = string.Create(CultureInfo.InvariantCulture,
            $"after removing the cost perturbation the basis stayed primal or dual infeasible through repeated rounds (largest primal infeasibility {MaxPrimalInfeasibility():G3}, {CountDualInfeasibilities()} dual infeasibilities).");
        return LoopResult.Numerical;
    }

    private void InitialBasis()
    {
        for (int i = 0; i < _m; i++)
        {
            _basis[i] = _n + i;
            _state[_n + i] = Basic;
            _position[_n + i] = i;
            _weight[i] = 1.0;
        }

        for (int j = 0; j < _n; j++)
        {
            _position[j] = -1;
            _state[j] = DefaultState(j, _cost[j]);
            _x[j] = NonbasicValue(j);
        }
    }

    private byte DefaultState(int j, double dj)
    {
        bool hasLower = !double.IsNegativeInfinity(_lower[j]);
        bool hasUpper = !double.IsPositiveInfinity(_upper[j]);
        if (hasLower && hasUpper)
        {
            return dj >= 0 ? AtLower : AtUpper;
        }

        return hasLower ? AtLower : hasUpper ? AtUpper : AtZero;
    }

    private double NonbasicValue(int j) => _state[j] switch
    {
        AtLower => _lower[j],
        AtUpper => _upper[j],
        _ => 0.0,
    };

    private void Refactor()
    {
        var replaced = _lu.Factorize(_basis);
        foreach (var (p, old) in replaced)
        {
            _position[old] = -1;
            _state[old] = DefaultState(old, 0);
            _x[old] = NonbasicValue(old);
            int logical = _basis[p];
            if (_position[logical] >= 0)
            {
                // The logical was nonbasic before; it is basic now.
            }

            _state[logical] = Basic;
            _position[logical] = p;
            _weight[p] = 1.0;
        }

        if (replaced.Count > 0)
        {
            ComputeDuals();
        }
    }

    /// <summary>x_B = −B⁻¹·N·x_N.</summary>
    private void ComputePrimal()
    {
        Array.Clear(_rowWork);
        for (int j = 0; j < _total; j++)
        {
            if (_state[j] == Basic)
            {
                continue;
            }

            double v = _x[j] = NonbasicValue(j);
            if (v == 0)
            {
                continue;
            }

            if (j >= _n)
            {
                _rowWork[j - _n] -= v;
            }
            else
            {
                for (int k = _colStarts[j]; k < _colStarts[j + 1]; k++)
                {
                    _rowWork[_rowIndices[k]] -= _values[k] * v;
                }
            }
        }

        _lu.Ftran(_rowWork, _colWork);
        for (int p = 0; p < _m; p++)
        {
            _x[_basis[p]] = _colWork[p];
        }
    }

    /// <summary>y = B⁻ᵀ c_B, d = c − Aᵀy (logicals: d = −y).</summary>
    private void ComputeDuals()
    {
        for (int p = 0; p < _m; p++)
        {
            _colWork[p] = _cost[_basis[p]];
        }

        _lu.Btran(_colWork, _rowWork);
        for (int j = 0; j < _n; j++)
        {
            if (_state[j] == Basic)
            {
                _d[j] = 0;
                continue;
            }

            double sum = _cost[j];
            for (int k = _colStarts[j]; k < _colStarts[j + 1]; k++)
            {
                sum -= _values[k] * _rowWork[_rowIndices[k]];
            }

            _d[j] = sum;
        }

        for (int i = 0; i < _m; i++)
        {
            int j = _n + i;
            _d[j] = _state[j] == Basic ? 0 : _cost[j] - _rowWork[i];
        }
    }

    /// <summary>The number of nonbasic variables whose reduced cost has the wrong sign and which cannot be flipped to their other bound.</summary>
    private int CountDualInfeasibilities()
    {
        int count = 0;
        for (int j = 0; j < _total; j++)
        {
            if (_state[j] == Basic || _lower[j] == _upper[j])
            {
                continue;
            }

            double dj = _d[j];
            bool hasLower = !double.IsNegativeInfinity(_lower[j]);
            bool hasUpper = !double.IsPositiveInfinity(_upper[j]);
            if ((dj > _dualTol && !hasLower) || (dj < -_dualTol && !hasUpper))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Puts every nonbasic variable at the bound its reduced cost asks for (boxed ones may flip).</summary>
    private void FlipToDualFeasible()
    {
        for (int j = 0; j < _total; j++)
        {
            if (_state[j] == Basic)
            {
                continue;
            }

            bool hasLower = !double.IsNegativeInfinity(_lower[j]);
            bool hasUpper = !double.IsPositiveInfinity(_upper[j]);
            double dj = _d[j];
            byte s;
            if (hasLower && hasUpper)
            {
                s = dj > _dualTol ? AtLower : dj < -_dualTol ? AtUpper : (_state[j] == AtUpper ? AtUpper : AtLower);
            }
            else if (hasLower)
            {
                s = AtLower;
            }
            else if (hasUpper)
            {
                s = AtUpper;
            }
            else
            {
                s = AtZero;
            }

            _state[j] = s;
            _x[j] = NonbasicValue(j);
        }
    }

    /// <summary>Dual phase 1 on the auxiliary problem (Koberstein §4.4): the same LP with every bound replaced by a box in [−1, 1].</summary>
    private LoopResult PhaseOne()
    {
        var lower = (double[])_lower.Clone();
        var upper = (double[])_upper.Clone();
        for (int j = 0; j < _total; j++)
        {
            bool hasLower = !double.IsNegativeInfinity(lower[j]);
            bool hasUpper = !double.IsPositiveInfinity(upper[j]);
            (_lower[j], _upper[j]) = (hasLower, hasUpper) switch
            {
                (true, true) => (0.0, 0.0),
                (true, false) => (0.0, 1.0),
                (false, true) => (-1.0, 0.0),
                _ => (-1.0, 1.0),
            };
        }

        FlipToDualFeasible();
        ComputePrimal();
        LoopResult result = Loop();
        Array.Copy(lower, _lower, _total);
        Array.Copy(upper, _upper, _total);
        Refactor();
        ComputeDuals();
        for (int j = 0; j < _total; j++)
        {
            if (_state[j] != Basic)
            {
                _state[j] = DefaultState(j, _d[j]);
            }
        }

        return result;
    }

    private void Perturb()
    {
        var random = new Random(12345);
        const double scale = 5e-7;
        for (int j = 0; j < _n; j++)
        {
            if (_state[j] == Basic || _lower[j] == _upper[j])
            {
                continue;
            }

            double xi = scale * (1 + Math.Abs(_cost[j])) * (1 + random.NextDouble());
            if (_state[j] == AtLower)
            {
                _cost[j] += xi;
                _d[j] += xi;
            }
            else if (_state[j] == AtUpper)
            {
                _cost[j] -= xi;
                _d[j] -= xi;
            }
        }

        _perturbed = true;
    }

    private void RemovePerturbation()
    {
        Array.Copy(_originalCost, _cost, _total);
        _perturbed = false;
    }

    private double MaxPrimalInfeasibility()
    {
        double max = 0;
        for (int p = 0; p < _m; p++)
        {
            int j = _basis[p];
            max = Math.Max(max, Math.Max(_lower[j] - _x[j], _x[j] - _upper[j]));
        }

        return max;
    }

    /// <summary>Dual simplex iterations until primal feasible (optimal), dual unbounded (infeasible) or a limit.</summary>
    private LoopResult Loop()
    {
        int retries = 0;
        _bannedColumns.Clear();
        _bannedRows.Clear();
        while (true)
        {
            if (_iterations >= _maxIter)
            {
                return LoopResult.IterationLimit;
            }

            if (_options.CancellationToken.IsCancellationRequested)
            {
                return LoopResult.Cancelled;
            }

            if ((_iterations & 31) == 0 && _options.TimeLimit is TimeSpan limit && _clock.Elapsed > limit)
            {
                return LoopResult.TimeLimit;
            }

            if (_lu.UpdateCount >= RefactorInterval)
            {
                Refactor();
                ComputePrimal();
                ComputeDuals();
            }

            // Pricing: dual steepest edge, the largest infeasibility² / weight.
            int r = -1;
            double best = 0;
            for (int p = 0; p < _m; p++)
            {
                int j = _basis[p];
                double xj = _x[j];
                double infeasibility = xj < _lower[j] - _primalTol ? _lower[j] - xj : xj > _upper[j] + _primalTol ? xj - _upper[j] : 0;
                if (infeasibility > 0 && (_bannedRows.Count == 0 || !_bannedRows.Contains(p)))
                {
                    double score = infeasibility * infeasibility / _weight[p];
                    if (score > best)
                    {
                        best = score;
                        r = p;
                    }
                }
            }

            if (r < 0)
            {
                if (_bannedRows.Count > 0)
                {
                    _trouble = "every primal infeasible row left has only pivots that disagree between row and column computations.";
                    return LoopResult.Numerical;
                }

                return LoopResult.Optimal;
            }

            int leaving = _basis[r];
            bool toLower = _x[leaving] < _lower[leaving];
            double delta = toLower ? _x[leaving] - _lower[leaving] : _x[leaving] - _upper[leaving];

            // ρᵣ = B⁻ᵀeᵣ and the pivot row αᵣⱼ = ρᵣᵀaⱼ over the nonbasic columns.
            Array.Clear(_colWork);
            _colWork[r] = 1.0;
            _lu.Btran(_colWork, _rho);
            ComputePivotRow();

            int q = RatioTest(toLower ? -1.0 : 1.0, Math.Abs(delta), out double thetaD);
            if (q < 0)
            {
                bool certified = RowProvesInfeasibility(leaving, toLower);
                ClearPivotRow();
                if (_lu.UpdateCount > 0 && retries < 2)
                {
                    retries++;
                    Refactor();
                    ComputePrimal();
                    ComputeDuals();
                    continue;
                }

                if (!certified)
                {
                    _trouble = "the dual ratio test found no entering variable, yet the pivot row does not prove infeasibility (tiny pivots only).";
                    return LoopResult.Numerical;
                }

                return LoopResult.Infeasible;
            }

            // αq = B⁻¹a_q, checked against the row's value.
            LoadColumn(q, _rowWork);
            _lu.Ftran(_rowWork, _alphaQ);
            double pivot = _alphaQ[r];
            double rowPivot = _alphaRow[q];
            if (Math.Abs(pivot - rowPivot) > 1e-7 * (1 + Math.Abs(pivot)) || Math.Abs(pivot) < PivotTolerance * 1e-2)
            {
                ClearPivotRow();
                if (_lu.UpdateCount > 0 && retries < 4)
                {
                    retries++;
                    Refactor();
                    ComputePrimal();
                    ComputeDuals();
                    continue;
                }

                // Still inconsistent on a fresh factorization: αᵣq is rounding noise. Exclude q for this row (then
                // the row itself) and choose again.
                if (_bannedColumns.Count < 8)
                {
                    _bannedColumns.Add(q);
                    continue;
                }

                if (_bannedRows.Count < 8)
                {
                    _bannedRows.Add(r);
                    _bannedColumns.Clear();
                    continue;
                }

                _trouble = string.Create(CultureInfo.InvariantCulture, $"the pivot {pivot:G3} disagrees with the pivot row's {rowPivot:G3} even on a fresh factorization, for every candidate tried.");
                return LoopResult.Numerical;
            }

            retries = 0;
            _bannedColumns.Clear();
            _bannedRows.Clear();

            // Bound flips found by the ratio test move x_B too: x_B −= B⁻¹·Σ a_j Δx_j.
            if (_flips.Count > 0)
            {
                Array.Clear(_rowWork);
                foreach (int j in _flips)
                {
                    double from = _x[j];
                    _state[j] = _state[j] == AtLower ? AtUpper : AtLower;
                    double to = NonbasicValue(j);
                    _x[j] = to;
                    double change = to - from;
                    if (j >= _n)
                    {
                        _rowWork[j - _n] += change;
                    }
                    else
                    {
                        for (int k = _colStarts[j]; k < _colStarts[j + 1]; k++)
                        {
                            _rowWork[_rowIndices[k]] += _values[k] * change;
                        }
                    }
                }

                _lu.Ftran(_rowWork, _colWork);
                for (int p = 0; p < _m; p++)
                {
                    _x[_basis[p]] -= _colWork[p];
                }

                delta = toLower ? _x[leaving] - _lower[leaving] : _x[leaving] - _upper[leaving];
            }

            // Primal step.
            double thetaP = delta / pivot;
            for (int p = 0; p < _m; p++)
            {
                double a = _alphaQ[p];
                if (a != 0)
                {
                    _x[_basis[p]] -= thetaP * a;
                }
            }

            double enteringValue = _x[q] + thetaP;

            // Dual step.
            thetaD = _d[q] / rowPivot;
            foreach (int j in _rowTouched)
            {
                if (_state[j] != Basic)
                {
                    _d[j] -= thetaD * _alphaRow[j];
                }
            }

            _d[q] = 0;
            _d[leaving] = -thetaD;

            // Dual steepest-edge weights (Forrest–Goldfarb), with τ = B⁻¹ρᵣ from the old basis.
            double wr = 0;
            for (int i = 0; i < _m; i++)
            {
                wr += _rho[i] * _rho[i];
                _rowWork[i] = _rho[i];
            }

            _lu.Ftran(_rowWork, _tau);
            for (int p = 0; p < _m; p++)
            {
                double a = _alphaQ[p];
                if (a == 0 || p == r)
                {
                    continue;
                }

                double ratio = a / pivot;
                double w = _weight[p] + ratio * (ratio * wr - 2 * _tau[p]);
                _weight[p] = Math.Max(w, 1e-4);
            }

            _weight[r] = Math.Max(wr / (pivot * pivot), 1e-4);

            // Basis change.
            _basis[r] = q;
            _position[q] = r;
            _state[q] = Basic;
            _x[q] = enteringValue;
            _position[leaving] = -1;
            _state[leaving] = toLower ? AtLower : AtUpper;
            _x[leaving] = toLower ? _lower[leaving] : _upper[leaving];
            _lu.Update(r, _alphaQ);
            ClearPivotRow();
            _iterations++;
        }
    }

    /// <summary>
    /// The Farkas certificate of the pivot row: x_Bᵣ = −Σ αᵣⱼ xⱼ over the nonbasic j holds for every solution of
    /// A·x + s = 0, so if even the most favourable bounds of the nonbasic variables cannot bring x_Bᵣ back to its
    /// violated bound, no feasible point exists.
    /// </summary>
    private bool RowProvesInfeasibility(int leaving, bool toLower)
    {
        double reach = 0;
        foreach (int j in _rowTouched)
        {
            if (_state[j] == Basic)
            {
                continue;
            }

            double a = _alphaRow[j];
            if (a == 0)
            {
                continue;
            }

            // To raise x_Bᵣ (toLower: it is below its lower bound) take xⱼ at lower where α > 0, at upper where α < 0.
            double bound = (a > 0) == toLower ? _lower[j] : _upper[j];
            if (double.IsInfinity(bound))
            {
                return false;
            }

            reach -= a * bound;
        }

        double tolerance = 10 * _primalTol * Math.Max(1, Math.Abs(toLower ? _lower[leaving] : _upper[leaving]));
        return toLower ? reach < _lower[leaving] - tolerance : reach > _upper[leaving] + tolerance;
    }

    /// <summary>
    /// The primal simplex from a primal feasible basis (Dantzig pricing, bounded Harris ratio test with bound flips):
    /// the clean-up after the cost perturbation, and the proof of unboundedness when it finds an unblocked ray.
    /// </summary>
    private LoopResult PrimalLoop()
    {
        Array.Fill(_weight, 1.0);
        int stalls = 0;
        while (true)
        {
            if (_iterations >= _maxIter)
            {
                return LoopResult.IterationLimit;
            }

            if (_options.CancellationToken.IsCancellationRequested)
            {
                return LoopResult.Cancelled;
            }

            if ((_iterations & 31) == 0 && _options.TimeLimit is TimeSpan limit && _clock.Elapsed > limit)
            {
                return LoopResult.TimeLimit;
            }

            if (_lu.UpdateCount >= RefactorInterval)
            {
                Refactor();
                ComputePrimal();
                ComputeDuals();
            }

            int q = -1;
            double best = _dualTol;
            for (int j = 0; j < _total; j++)
            {
                byte st = _state[j];
                if (st == Basic || _lower[j] == _upper[j])
                {
                    continue;
                }

                double dj = _d[j];
                double gain = st switch
                {
                    AtLower => -dj,
                    AtUpper => dj,
                    _ => Math.Abs(dj),
                };
                if (gain > best)
                {
                    best = gain;
                    q = j;
                }
            }

            if (q < 0)
            {
                return MaxPrimalInfeasibility() <= _primalTol ? LoopResult.Optimal : LoopResult.Numerical;
            }

            double dir = _state[q] == AtLower ? 1.0 : _state[q] == AtUpper ? -1.0 : (_d[q] < 0 ? 1.0 : -1.0);
            LoadColumn(q, _rowWork);
            _lu.Ftran(_rowWork, _alphaQ);

            // Harris pass 1 over the basic variables, then the largest |α| within the bound.
            double bound = double.PositiveInfinity;
            for (int p = 0; p < _m; p++)
            {
                double rate = -_alphaQ[p] * dir;
                if (Math.Abs(rate) < 1e-9)
                {
                    continue;
                }

                int j = _basis[p];
                double room = rate < 0 ? _x[j] - _lower[j] : _upper[j] - _x[j];
                if (double.IsInfinity(room))
                {
                    continue;
                }

                bound = Math.Min(bound, (Math.Max(room, 0) + _primalTol) / Math.Abs(rate));
            }

            double range = _upper[q] - _lower[q];
            int r = -1;
            double step = double.PositiveInfinity;
            double bestAlpha = 0;
            for (int p = 0; p < _m; p++)
            {
                double rate = -_alphaQ[p] * dir;
                if (Math.Abs(rate) < 1e-9)
                {
                    continue;
                }

                int j = _basis[p];
                double room = rate < 0 ? _x[j] - _lower[j] : _upper[j] - _x[j];
                if (double.IsInfinity(room))
                {
                    continue;
                }

                double t = Math.Max(room, 0) / Math.Abs(rate);
                if (t <= bound && Math.Abs(rate) > bestAlpha)
                {
                    bestAlpha = Math.Abs(rate);
                    r = p;
                    step = t;
                }
            }

            if (r < 0 && double.IsInfinity(range))
            {
                return LoopResult.Unbounded;
            }

            if (r < 0 || range <= step)
            {
                // The entering variable reaches its other bound first: a bound flip, no basis change.
                double move = dir * range;
                for (int p = 0; p < _m; p++)
                {
                    _x[_basis[p]] -= _alphaQ[p] * move;
                }

                _state[q] = _state[q] == AtLower ? AtUpper : AtLower;
                _x[q] = NonbasicValue(q);
                _iterations++;
                continue;
            }

            double pivot = _alphaQ[r];
            if (Math.Abs(pivot) < PivotTolerance)
            {
                if (++stalls > 3)
                {
                    _trouble = "the primal simplex found only tiny pivots.";
                    return LoopResult.Numerical;
                }

                Refactor();
                ComputePrimal();
                ComputeDuals();
                continue;
            }

            int leaving = _basis[r];
            double theta = step * dir;
            for (int p = 0; p < _m; p++)
            {
                _x[_basis[p]] -= _alphaQ[p] * theta;
            }

            double enteringValue = _x[q] + theta;
            bool leavesAtLower = -_alphaQ[r] * dir < 0;

            // Duals: dⱼ −= θ_D·αᵣⱼ with θ_D = d_q / αᵣq, from the pivot row ρᵣ = B⁻ᵀeᵣ.
            Array.Clear(_colWork);
            _colWork[r] = 1.0;
            _lu.Btran(_colWork, _rho);
            ComputePivotRow();
            double thetaD = _d[q] / pivot;
            foreach (int j in _rowTouched)
            {
                if (_state[j] != Basic)
                {
                    _d[j] -= thetaD * _alphaRow[j];
                }
            }

            ClearPivotRow();
            _d[q] = 0;
            _d[leaving] = -thetaD;
            _basis[r] = q;
            _position[q] = r;
            _state[q] = Basic;
            _x[q] = enteringValue;
            _position[leaving] = -1;
            _state[leaving] = leavesAtLower ? AtLower : AtUpper;
            _x[leaving] = leavesAtLower ? _lower[leaving] : _upper[leaving];
            _lu.Update(r, _alphaQ);
            _iterations++;
        }
    }

    private void ComputePivotRow()
    {
        for (int i = 0; i < _m; i++)
        {
            double rho = _rho[i];
            if (rho == 0)
            {
                continue;
            }

            for (int k = _rowStarts[i]; k < _rowStarts[i + 1]; k++)
            {
                int j = _colIndices[k];
                if (_state[j] == Basic)
                {
                    continue;
                }

                if (!_inRow[j])
                {
                    _inRow[j] = true;
                    _rowTouched.Add(j);
                }

                _alphaRow[j] += rho * _rowValues[k];
            }

            int logical = _n + i;
            if (_state[logical] != Basic)
            {
                if (!_inRow[logical])
                {
                    _inRow[logical] = true;
                    _rowTouched.Add(logical);
                }

                _alphaRow[logical] += rho;
            }
        }
    }

    private void ClearPivotRow()
    {
        foreach (int j in _rowTouched)
        {
            _alphaRow[j] = 0;
            _inRow[j] = false;
        }

        _rowTouched.Clear();
    }

    /// <summary>
    /// The bound-flipping ratio test with Harris's tolerance. <paramref name="sign"/> is +1 when the leaving variable
    /// goes to its upper bound and −1 to its lower; <paramref name="slope"/> is |δ|, the primal infeasibility, which
    /// each flipped boxed candidate reduces by |αᵣⱼ|·(uⱼ − lⱼ). Returns the entering variable (−1: dual unbounded) and
    /// fills <see cref="_flips"/> with the boxed variables passed over.
    /// </summary>
    private int RatioTest(double sign, double slope, out double thetaD)
    {
        thetaD = 0;
        _flips.Clear();
        _candidates.Clear();
        foreach (int j in _rowTouched)
        {
            byte s = _state[j];
            if (s == Basic || _lower[j] == _upper[j] || (_bannedColumns.Count > 0 && _bannedColumns.Contains(j)))
            {
                continue;
            }

            double a = sign * _alphaRow[j];
            if (Math.Abs(a) < PivotTolerance)
            {
                continue;
            }

            if ((s == AtLower && a > 0) || (s == AtUpper && a < 0) || s == AtZero)
            {
                double t = _d[j] / a;
                _candidates.Add((j, t));
            }
        }

        if (_candidates.Count == 0)
        {
            return -1;
        }

        // Walk breakpoint groups without sorting: Harris pass 1 bounds the next group among the candidates left,
        // pass 2 picks its largest |α|; a group of boxed variables is flipped and passed while the slope stays positive.
        int remaining = _candidates.Count;
        while (remaining > 0)
        {
            double bound = double.PositiveInfinity;
            for (int k = 0; k < remaining; k++)
            {
                var (j, _) = _candidates[k];
                double a = sign * _alphaRow[j];
                double tol = _state[j] == AtUpper || (_state[j] == AtZero && a < 0) ? -_dualTol : _dualTol;
                bound = Math.Min(bound, (_d[j] + tol) / a);
            }

            int chosen = -1;
            double bestAlpha = 0;
            double groupSlope = 0;
            bool groupBoxed = true;
            int groupSize = 0;
            for (int k = 0; k < remaining; k++)
            {
                var (j, t) = _candidates[k];
                if (t > bound)
                {
                    continue;
                }

                groupSize++;
                double a = Math.Abs(_alphaRow[j]);
                if (a > bestAlpha)
                {
                    bestAlpha = a;
                    chosen = j;
                }

                if (double.IsInfinity(_lower[j]) || double.IsInfinity(_upper[j]))
                {
                    groupBoxed = false;
                }
                else
                {
                    groupSlope += a * (_upper[j] - _lower[j]);
                }
            }

            if (chosen < 0)
            {
                return -1;
            }

            if (groupBoxed && groupSize < remaining && slope - groupSlope > 0)
            {
                // Pass the group: its variables flip to their other bounds; the rest stay candidates.
                int write = 0;
                for (int k = 0; k < remaining; k++)
                {
                    var c = _candidates[k];
                    if (c.T <= bound)
                    {
                        _flips.Add(c.Var);
                    }
                    else
                    {
                        _candidates[write++] = c;
                    }
                }

                remaining = write;
                slope -= groupSlope;
                continue;
            }

            thetaD = _d[chosen] / _alphaRow[chosen];
            return chosen;
        }

        return -1;
    }

    private void LoadColumn(int j, double[] target)
    {
        Array.Clear(target);
        if (j >= _n)
        {
            target[j - _n] = 1.0;
            return;
        }

        for (int k = _colStarts[j]; k < _colStarts[j + 1]; k++)
        {
            target[_rowIndices[k]] = _values[k];
        }
    }

    /// <summary>x and y of the original problem: unscaled, then postsolved.</summary>
    private (double[] X, double[] Y) Unscale(LpPresolve presolve)
    {
        var x = new double[_n];
        for (int j = 0; j < _n; j++)
        {
            x[j] = _x[j] * _colScale[j];
        }

        // y by rows from the final basis with the true costs.
        for (int p = 0; p < _m; p++)
        {
            _colWork[p] = _originalCost[_basis[p]];
        }

        _lu.Btran(_colWork, _rowWork);
        var y = new double[_m];
        for (int i = 0; i < _m; i++)
        {
            y[i] = _rowWork[i] * _rowScale[i];
        }

        return presolve.Postsolve(x, y);
    }

    private static double[] ReducedCosts(LinearProgram lp, double[] y)
    {
        var d = (double[])lp.ObjectiveArray.Clone();
        int[] starts = lp.ColumnStartsArray;
        int[] rows = lp.RowIndicesArray;
        double[] values = lp.ValuesArray;
        for (int j = 0; j < d.Length; j++)
        {
            for (int k = starts[j]; k < starts[j + 1]; k++)
            {
                d[j] -= values[k] * y[rows[k]];
            }
        }

        return d;
    }

    /// <summary>
    /// The check before "optimal": on the original problem, every row and bound holds to 1e-6·max(1, |bound|), and
    /// the duals have the signs optimality needs, to 1e-6·max(1, ‖c‖∞): yᵢ ≤ tol unless row i is at its lower bound,
    /// yᵢ ≥ −tol unless at its upper bound; the same for dⱼ at xⱼ's bounds. Returns null when it passes.
    /// </summary>
    private static string? Verify(LinearProgram lp, double[] x, double[] y, double[] d)
    {
        int m = lp.NumRows;
        int n = lp.NumColumns;
        var activity = new double[m];
        lp.Multiply(x, activity);
        double cmax = 1;
        for (int j = 0; j < n; j++)
        {
            cmax = Math.Max(cmax, Math.Abs(lp.Objective[j]));
        }

        double dualTol = CheckTolerance * cmax;
        for (int i = 0; i < m; i++)
        {
            double lo = lp.RowLower[i], up = lp.RowUpper[i], v = activity[i];
            double tolLo = CheckTolerance * Math.Max(1, Math.Abs(lo));
            double tolUp = CheckTolerance * Math.Max(1, Math.Abs(up));
            if (v < lo - tolLo || v > up + tolUp || !double.IsFinite(v))
            {
                return string.Create(CultureInfo.InvariantCulture, $"row '{lp.RowNames[i]}' = {v:G10} is outside [{lo:G10}, {up:G10}].");
            }

            bool atLower = v <= lo + tolLo;
            bool atUpper = v >= up - tolUp;
            if ((y[i] > dualTol && !atLower) || (y[i] < -dualTol && !atUpper))
            {
                return string.Create(CultureInfo.InvariantCulture, $"the dual of row '{lp.RowNames[i]}' is {y[i]:G6} with the row inside its bounds.");
            }
        }

        for (int j = 0; j < n; j++)
        {
            double lo = lp.ColumnLower[j], up = lp.ColumnUpper[j], v = x[j];
            double tolLo = CheckTolerance * Math.Max(1, Math.Abs(lo));
            double tolUp = CheckTolerance * Math.Max(1, Math.Abs(up));
            if (v < lo - tolLo || v > up + tolUp || !double.IsFinite(v))
            {
                return string.Create(CultureInfo.InvariantCulture, $"x['{lp.ColumnNames[j]}'] = {v:G10} is outside [{lo:G10}, {up:G10}].");
            }

            bool atLower = v <= lo + tolLo;
            bool atUpper = v >= up - tolUp;
            if ((d[j] > dualTol && !atLower) || (d[j] < -dualTol && !atUpper))
            {
                return string.Create(CultureInfo.InvariantCulture, $"the reduced cost of '{lp.ColumnNames[j]}' is {d[j]:G6} with x inside its bounds.");
            }
        }

        return null;
    }
}
