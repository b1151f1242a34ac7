// L-BFGS-B: limited-memory BFGS for bound-constrained problems.
// R. H. Byrd, P. Lu, J. Nocedal and C. Zhu, "A limited memory algorithm for bound constrained optimization",
// SIAM J. Sci. Comput. 16(5), 1995, 1190–1208. Each iteration:
//   1. the compact limited-memory matrix B = θI − W M Wᵀ, W = [Y θS], M = [[−D, Lᵀ], [L, θSᵀS]]⁻¹ (§3);
//   2. the generalized Cauchy point: the first local minimizer of the quadratic model along the projected
//      steepest-descent path x(t) = P(x − t g), examined breakpoint by breakpoint (§4, Algorithm CP);
//   3. subspace minimization over the variables free at the Cauchy point by the direct primal method, with
//      B̂⁻¹ from the Sherman–Morrison–Woodbury formula, the step then truncated into the box (§5.1);
//   4. a Moré–Thuente line search along d = x̄ − x with ftol = 1e-3, gtol = 0.9, xtol = 0.1, at most maxls steps,
//      never past the largest feasible step (as in the authors' Fortran lnsrlb);
//   5. the pair (s, y) stored when sᵀy > ε·(−α gᵀd), θ = yᵀy/sᵀy.
// Stopping tests are scipy's: ‖proj g‖∞ ≤ gtol, or (fₖ − fₖ₊₁)/max(|fₖ|, |fₖ₊₁|, 1) ≤ ftol; maxiter, maxfun.
// Departures: the subspace step is truncated into the box (the 1995 paper), not projected and re-checked as in
// L-BFGS-B 3.0 (Morales–Nocedal 2011); a line search failure
// discards the memory and retries once from steepest descent, as the Fortran does; without any finite bound the
// step x̄ − x = −B⁻¹g comes from the two-loop recursion (the same step, cheaper; see TwoLoop).

using System.Numerics;
using System.Runtime.InteropServices;
using OptimizeGen.LineSearch;

namespace OptimizeGen;

internal sealed class LBfgsB
{
    private readonly int _n;
    private readonly int _m;
    private readonly double[] _lower;
    private readonly double[] _upper;

    // Memory: pairs in logical order oldest → newest, stored at ring positions. The n-vectors (the pairs, the pair being
    // formed and the direction d) live in one pinned block, each on a 64-byte boundary (VectorBlock); _sOff[slot] and
    // _yOff[slot] are their offsets, and replacing a pair swaps offsets, never copies.
    private readonly double[] _block;
    private readonly int[] _sOff;
    private readonly int[] _yOff;
    private int _sNewOff;
    private int _yNewOff;
    private readonly int _dOff;
    private readonly int[] _order;
    private int _k;
    private int _head;
    private double _theta = 1;
    private bool _unbounded;
    private readonly double[] _alpha;
    private readonly double[,] _ss;
    private readonly double[,] _sy;
    private readonly double[,] _yy;

    // The middle matrix M (2k × 2k) and workspaces.
    private readonly double[,] _mm;
    private readonly double[,] _kk;
    private readonly double[,] _nn;
    private readonly double[] _p;
    private readonly double[] _c;
    private readonly double[] _wb;
    private readonly double[] _v;
    private readonly double[] _tmp;
    private readonly double[] _xcp;
    private readonly double[] _gcpDirection;
    private readonly double[] _breakT;
    private readonly int[] _breakIndex;
    private readonly bool[] _free;
    private readonly double[] _r;
    private readonly double[,] _ma;

    private LBfgsB(int n, int m, double[] lower, double[] upper)
    {
        _n = n;
        _m = m;
        _lower = lower;
        _upper = upper;
        var block = new VectorBlock(2 * m + 3, n);
        _block = block.Data;
        _sOff = new int[m];
        _yOff = new int[m];
        for (int i = 0; i < m; i++)
        {
            _sOff[i] = block.Offset(i);
            _yOff[i] = block.Offset(m + i);
        }

        _sNewOff = block.Offset(2 * m);
        _yNewOff = block.Offset(2 * m + 1);
        _dOff = block.Offset(2 * m + 2);

        _order = new int[m];
        _ss = new double[m, m];
        _alpha = new double[m];
        _sy = new double[m, m];
        _yy = new double[m, m];
        _mm = new double[2 * m, 2 * m];
        _kk = new double[2 * m, 2 * m];
        _nn = new double[2 * m, 2 * m];
        _p = new double[2 * m];
        _c = new double[2 * m];
        _wb = new double[2 * m];
        _v = new double[2 * m];
        _tmp = new double[2 * m];
        _xcp = new double[n];
        _gcpDirection = new double[n];
        _breakT = new double[n];
        _breakIndex = new int[n];
        _free = new bool[n];
        _r = new double[n];
        _ma = new double[2 * m, 2 * m];
    }

    /// <summary>The search direction d = x̄ − x.</summary>
    private Span<double> D => _block.AsSpan(_dOff, _n);

    /// <summary>The stored vector at an offset of the block.</summary>
    private Span<double> V(int offset) => _block.AsSpan(offset, _n);

    public static OptimizeResult Minimize(MinimizeContext context, double[] x0)
    {
        var options = context.Options as LBfgsBOptions;
        int n = x0.Length;
        int m = options?.MaxCor ?? 10;
        double ftol = options?.Ftol ?? context.Options.Tol ?? 2.220446049250313e-09;
        double gtol = context.Options.Gtol ?? context.Options.Tol ?? 1e-5;
        int maxIter = context.Options.MaxIter ?? 15000;
        int maxFun = options?.MaxFun ?? 15000;
        int maxLs = options?.MaxLs ?? 20;
        double[] lower;
        double[] upper;
        if (context.Bounds is { } bounds)
        {
            (lower, upper) = bounds.Resolve(n);
        }
        else
        {
            lower = new double[n];
            upper = new double[n];
            Array.Fill(lower, double.NegativeInfinity);
            Array.Fill(upper, double.PositiveInfinity);
        }

        var solver = new LBfgsB(n, m, lower, upper);
        return solver.Run(context, x0, ftol, gtol, maxIter, maxFun, maxLs);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private OptimizeResult Run(MinimizeContext context, double[] x0, double ftol, double gtol, int maxIter, int maxFun, int maxLs)
    {
        int n = _n;
        bool constrained = false;
        bool boxed = true;
        for (int i = 0; i < n; i++)
        {
            bool hasLower = double.IsFinite(_lower[i]);
            bool hasUpper = double.IsFinite(_upper[i]);
            constrained |= hasLower || hasUpper;
            boxed &= hasLower && hasUpper;
        }

        _unbounded = !constrained;
        double[] x = (double[])x0.Clone();
        double[] g = new double[n];
        var line = new GradientLine(context, n);
        if (constrained)
        {
            line.Lower = _lower;
            line.Upper = _upper;
        }

        double f = context.ValueAndGradient(x, g);
        if (!double.IsFinite(f) || !MinimizeContext.AllFinite(g))
        {
            return context.Result(x, f, OptimizeStatus.NotFinite, $"The objective or its gradient is not finite at x0 (f = {f}).", 0, g);
        }

        double pgnorm = ProjectedGradientNorm(x, g);
        if (pgnorm <= gtol)
        {
            return context.Result(x, f, OptimizeStatus.Converged, $"CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL at x0 (‖proj g‖∞ = {pgnorm:G3} ≤ {gtol:G3}).", 0, g);
        }

        int iter = 0;
        OptimizeStatus status;
        string message;
        while (true)
        {
            if (iter >= maxIter)
            {
                status = OptimizeStatus.MaxIterationsReached;
                message = $"STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT (maxiter = {maxIter}); ‖proj g‖∞ = {pgnorm:G3}.";
                break;
            }

            if (context.Nfev >= maxFun)
            {
                status = OptimizeStatus.MaxFunctionEvaluationsReached;
                message = $"STOP: TOTAL NO. OF F,G EVALUATIONS EXCEEDS LIMIT (maxfun = {maxFun}); ‖proj g‖∞ = {pgnorm:G3}.";
                break;
            }

            double gd;
            double dd;
            if (constrained)
            {
                CauchyPoint(x, g);
                SubspaceMinimization(x, g);
                (gd, dd) = SpanKernels.DifferenceDots(_xcp, x, g, D);
            }
            else
            {
                (gd, dd) = TwoLoop(g);
            }

            double dnorm = Math.Sqrt(dd);
            LineSearchResult ls = default;
            bool accepted = false;
            if (gd < 0)
            {
                double stpmax = MaxFeasibleStep(x, constrained, iter);
                double stp = iter == 0 && !boxed ? Math.Min(1 / dnorm, stpmax) : 1.0;
                line.Reset(x, _block.AsMemory(_dOff, n));
                ls = MoreThuente.Search(line, f, gd, stp, 1e-3, 0.9, 0.1, 0, stpmax, maxLs);
                // A finite φ' = ∇f(x + αd)ᵀd means every gradient entry is finite (a NaN or ±∞ entry makes the vector sum
                // NaN or ±∞ whatever dᵢ is), so it stands for a sweep over the gradient.
                accepted = (ls.Status == LineSearchStatus.Converged || ls.Status == LineSearchStatus.Warning)
                    && double.IsFinite(ls.Phi) && ls.Phi <= f && double.IsFinite(ls.Derivative);
            }

            if (!accepted)
            {
                if (_k > 0)
                {
                    // Discard the memory and restart from the projected steepest descent, as the Fortran does.
                    _k = 0;
                    _theta = 1;
                    continue;
                }

                status = ls.Status == LineSearchStatus.NotFinite ? OptimizeStatus.NotFinite : OptimizeStatus.PrecisionLoss;
                message = status == OptimizeStatus.NotFinite
                    ? $"The objective returned NaN or ±∞ along the search direction and the line search could not back away; stopped at the last finite point, ‖proj g‖∞ = {pgnorm:G3}."
                    : $"ABNORMAL_TERMINATION_IN_LNSRCH: no acceptable step along projected steepest descent; ‖proj g‖∞ = {pgnorm:G3} > gtol = {gtol:G3}.";
                break;
            }

            iter++;
            double fOld = f;
            double alpha = ls.Alpha;
            double ys, yy;
            if (constrained)
            {
                (ys, yy) = SpanKernels.PairDots(line.XTrial, x, line.GTrial, g, V(_sNewOff), V(_yNewOff));
                line.Exchange(ref x, ref g); // the trial point and its gradient become the iterate: buffers swapped, not copied
                pgnorm = ProjectedGradientNorm(x, g);
            }
            else
            {
                // The projected gradient's norm max |(x − g) − x| of the new iterate comes from the same sweep.
                (ys, yy, pgnorm) = SpanKernels.PairDotsStepNorm(line.XTrial, x, line.GTrial, g, V(_sNewOff), V(_yNewOff));
                line.Exchange(ref x, ref g);
            }

            f = ls.Phi;
            if (pgnorm <= gtol)
            {
                status = OptimizeStatus.Converged;
                message = $"CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL (‖proj g‖∞ = {pgnorm:G3} ≤ {gtol:G3}).";
                context.AfterIteration(iter, x, f);
                break;
            }

            if ((fOld - f) <= ftol * Math.Max(Math.Max(Math.Abs(fOld), Math.Abs(f)), 1))
            {
                status = OptimizeStatus.Converged;
                message = $"CONVERGENCE: REL_REDUCTION_OF_F <= FTOL ((fₖ − fₖ₊₁)/max(|fₖ|, |fₖ₊₁|, 1) = {(fOld - f) / Math.Max(Math.Max(Math.Abs(fOld), Math.Abs(f)), 1):G3} ≤ {ftol:G3}); ‖proj g‖∞ = {pgnorm:G3}.";
                context.AfterIteration(iter, x, f);
                break;
            }

            if (ys > NumericalDifferentiation.MachineEpsilon * (-gd * alpha))
            {
                AddPair(ys, yy);
            }

            if (context.AfterIteration(iter, x, f) is OptimizeStatus stop)
            {
                status = stop;
                message = context.InterruptMessage(stop, iter);
                break;
            }
        }

        return context.Result(x, f, status, message, iter, g);
    }

    /// <summary>‖P(x − g) − x‖∞, the projected gradient's ∞-norm.</summary>
    private double ProjectedGradientNorm(double[] x, double[] g)
    {
        if (_unbounded)
        {
            return SpanKernels.StepNorm(x, g);
        }

        double norm = 0;
        for (int i = 0; i < _n; i++)
        {
            double pg = Math.Clamp(x[i] - g[i], _lower[i], _upper[i]) - x[i];
            norm = Math.Max(norm, Math.Abs(pg));
        }

        return norm;
    }

    /// <summary>The largest step keeping x + α d in the box (the Fortran's stpmx), 1 on the first iteration of a bounded problem.</summary>
    private double MaxFeasibleStep(double[] x, bool constrained, int iter)
    {
        const double big = 1e10;
        if (!constrained)
        {
            return big;
        }

        if (iter == 0)
        {
            return 1;
        }

        double stpmax = big;
        Span<double> d = D;
        for (int i = 0; i < _n; i++)
        {
            double di = d[i];
            if (di < 0 && double.IsFinite(_lower[i]))
            {
                double room = _lower[i] - x[i];
                stpmax = room >= 0 ? 0 : Math.Min(stpmax, room / di);
            }
            else if (di > 0 && double.IsFinite(_upper[i]))
            {
                double room = _upper[i] - x[i];
                stpmax = room <= 0 ? 0 : Math.Min(stpmax, room / di);
            }
        }

        return Math.Max(stpmax, 1e-300);
    }

    /// <summary>Wᵢⱼ: column j &lt; k is Y's pair j, column k + j is θ·S's pair j (logical order, oldest first).</summary>
    private void WRow(int i, Span<double> row)
    {
        for (int j = 0; j < _k; j++)
        {
            int slot = _order[j];
            row[j] = _block[_yOff[slot] + i];
            row[_k + j] = _theta * _block[_sOff[slot] + i];
        }
    }

    private double MDot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        // aᵀ M b
        int size = 2 * _k;
        double sum = 0;
        for (int i = 0; i < size; i++)
        {
            if (a[i] == 0)
            {
                continue;
            }

            double row = 0;
            for (int j = 0; j < size; j++)
            {
                row += _mm[i, j] * b[j];
            }

            sum += a[i] * row;
        }

        return sum;
    }

    private void MTimes(ReadOnlySpan<double> v, Span<double> result)
    {
        int size = 2 * _k;
        for (int i = 0; i < size; i++)
        {
            double row = 0;
            for (int j = 0; j < size; j++)
            {
                row += _mm[i, j] * v[j];
            }

            result[i] = row;
        }
    }

    /// <summary>
    /// Without finite bounds every variable is free and the subspace minimization minimizes the whole quadratic model:
    /// x̄ = x − B⁻¹g, with B the compact matrix θI − WMWᵀ. Its inverse applied to g is the two-loop recursion
    /// (Nocedal 1980) on the same pairs with H₀ = I/θ: the same step in exact arithmetic, in O(mn) and without the
    /// 2m × 2m algebra of the Cauchy point and the subspace step (which cost more than the n-vectors below n ≈ 500).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private (double Gd, double Dd) TwoLoop(double[] g)
    {
        // Each update of q is fused with the next inner product (SpanKernels.AxpyDot), the first with the copy of g, the
        // last of the first loop with the scaling by 1/θ and the last of the second with d = −q, gᵀd and dᵀd: one sweep
        // over q per pair and loop.
        Span<double> q = D; // H g, then d = −H g
        int k = _k;
        if (k == 0)
        {
            return SpanKernels.ScaleDots(-1 / _theta, g, g, q);
        }

        double dot = SpanKernels.Dot(V(_sOff[_order[k - 1]]), g);
        for (int j = k - 1; j >= 0; j--)
        {
            double a = dot / _sy[j, j];
            _alpha[j] = a;
            ReadOnlySpan<double> source = j == k - 1 ? g : q;
            Span<double> yj = V(_yOff[_order[j]]);
            dot = j > 0
                ? SpanKernels.AxpyDot(-a, yj, source, q, V(_sOff[_order[j - 1]]))
                : SpanKernels.AxpyScaleDot(-a, yj, source, 1 / _theta, q, V(_yOff[_order[0]]));
        }

        for (int j = 0; j < k; j++)
        {
            double b = dot / _sy[j, j];
            Span<double> sj = V(_sOff[_order[j]]);
            if (j < k - 1)
            {
                dot = SpanKernels.AxpyDot(_alpha[j] - b, sj, q, q, V(_yOff[_order[j + 1]]));
            }
            else
            {
                return SpanKernels.AxpyNegateDots(_alpha[j] - b, sj, q, g);
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Algorithm CP of the paper: the generalized Cauchy point into <see cref="_xcp"/>, c = Wᵀ(xcp − x) into <see cref="_c"/>.</summary>
    private void CauchyPoint(double[] x, double[] g)
    {
        int n = _n;
        int size = 2 * _k;
        Span<double> p = _p.AsSpan(0, size);
        Span<double> c = _c.AsSpan(0, size);
        Span<double> wb = _wb.AsSpan(0, size);
        p.Clear();
        c.Clear();
        int nbreak = 0;
        double fp = 0;
        for (int i = 0; i < n; i++)
        {
            double gi = g[i];
            double t;
            if (gi < 0)
            {
                t = double.IsFinite(_upper[i]) ? (x[i] - _upper[i]) / gi : double.PositiveInfinity;
            }
            else if (gi > 0)
            {
                t = double.IsFinite(_lower[i]) ? (x[i] - _lower[i]) / gi : double.PositiveInfinity;
            }
            else
            {
                t = double.PositiveInfinity;
            }

            _xcp[i] = x[i];
            double di = t > 0 ? -gi : 0;
            _gcpDirection[i] = di;
            if (di != 0)
            {
                fp -= di * di;
                if (double.IsFinite(t))
                {
                    _breakT[nbreak] = t;
                    _breakIndex[nbreak] = i;
                    nbreak++;
                }
            }
        }

        if (fp == 0)
        {
            return; // the projected gradient is zero: x is the Cauchy point
        }

        // p = Wᵀd, column by column.
        for (int j = 0; j < _k; j++)
        {
            int slot = _order[j];
            p[j] = SpanKernels.Dot(V(_yOff[slot]), _gcpDirection);
            p[_k + j] = _theta * SpanKernels.Dot(V(_sOff[slot]), _gcpDirection);
        }

        double fpp = -_theta * fp - (_k > 0 ? MDot(p, p) : 0);
        double fpp0 = fpp;
        double dtMin = fpp > 0 ? -fp / fpp : double.PositiveInfinity;

        // The breakpoints in a binary min-heap (as the Fortran keeps them): built in O(nb), each examined one popped
        // in O(log nb), so an iteration that stops at the first few breakpoints does not sort them all.
        for (int i = nbreak / 2 - 1; i >= 0; i--)
        {
            SiftDown(i, nbreak);
        }

        double tOld = 0;
        int remaining = nbreak;
        Span<double> mw = _v.AsSpan(0, size);
        while (remaining > 0)
        {
            double t = _breakT[0];
            int b = _breakIndex[0];
            double dt = t - tOld;
            if (dtMin < dt)
            {
                break;
            }

            double db = _gcpDirection[b];
            double xb = db > 0 ? _upper[b] : _lower[b];
            double zb = xb - x[b];
            _xcp[b] = xb;
            double gb = g[b];
            for (int j = 0; j < size; j++)
            {
                c[j] += dt * p[j];
            }

            double wMc = 0, wMp = 0, wMw = 0;
            if (_k > 0)
            {
                // One product M w_b serves the three forms (M is symmetric): w_bᵀMc, w_bᵀMp, w_bᵀMw_b.
                WRow(b, wb);
                MTimes(wb, mw);
                for (int j = 0; j < size; j++)
                {
                    wMc += mw[j] * c[j];
                    wMp += mw[j] * p[j];
                    wMw += mw[j] * wb[j];
                }
            }

            fp += dt * fpp + gb * gb + _theta * gb * zb - gb * wMc;
            fpp -= _theta * gb * gb + 2 * gb * wMp + gb * gb * wMw;
            fpp = Math.Max(NumericalDifferentiation.MachineEpsilon * fpp0, fpp);
            for (int j = 0; j < size; j++)
            {
                p[j] += gb * wb[j];
            }

            _gcpDirection[b] = 0;
            dtMin = fpp > 0 ? -fp / fpp : double.PositiveInfinity;
            tOld = t;
            remaining--;
            _breakT[0] = _breakT[remaining];
            _breakIndex[0] = _breakIndex[remaining];
            SiftDown(0, remaining);
        }

        if (double.IsPositiveInfinity(dtMin))
        {
            // No curvature and no bound ahead: the model is unbounded along the path; take the last breakpoint.
            dtMin = 0;
        }

        dtMin = Math.Max(dtMin, 0);
        tOld += dtMin;
        for (int i = 0; i < n; i++)
        {
            if (_gcpDirection[i] != 0)
            {
                _xcp[i] = Math.Clamp(x[i] + tOld * _gcpDirection[i], _lower[i], _upper[i]);
            }
        }

        for (int j = 0; j < size; j++)
        {
            c[j] += dtMin * p[j];
        }
    }

    /// <summary>Restores the min-heap order of the breakpoints below <paramref name="i"/> (heap of <paramref name="count"/>).</summary>
    private void SiftDown(int i, int count)
    {
        double t = _breakT[i];
        int index = _breakIndex[i];
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= count)
            {
                break;
            }

            if (child + 1 < count && _breakT[child + 1] < _breakT[child])
            {
                child++;
            }

            if (_breakT[child] >= t)
            {
                break;
            }

            _breakT[i] = _breakT[child];
            _breakIndex[i] = _breakIndex[child];
            i = child;
        }

        _breakT[i] = t;
        _breakIndex[i] = index;
    }

    /// <summary>
    /// §5.1, the direct primal method: minimizes the model over the variables free at the Cauchy point and truncates
    /// the step into the box; the result replaces <see cref="_xcp"/> (it becomes x̄).
    /// </summary>
    private void SubspaceMinimization(double[] x, double[] g)
    {
        int n = _n;
        int size = 2 * _k;
        int nfree = 0;
        for (int i = 0; i < n; i++)
        {
            _free[i] = _xcp[i] > _lower[i] && _xcp[i] < _upper[i];
            if (_free[i])
            {
                nfree++;
            }
        }

        if (nfree == 0)
        {
            return;
        }

        Span<double> wb = _wb.AsSpan(0, size);
        Span<double> mc = _v.AsSpan(0, size);
        Span<double> v = _tmp.AsSpan(0, size);
        int k = _k;
        double[] r = _r;
        Span<double> d = D; // scratch here; the caller overwrites it with x̄ − x afterwards

        // r̂ = Zᵀ(g + θ(xcp − x) − W M c), formed column by column and then zeroed on the bound variables.
        for (int i = 0; i < n; i++)
        {
            r[i] = g[i] + _theta * (_xcp[i] - x[i]);
        }

        if (k > 0)
        {
            MTimes(_c.AsSpan(0, size), mc);
            for (int j = 0; j < k; j++)
            {
                int slot = _order[j];
                SpanKernels.Axpy(-mc[j], V(_yOff[slot]), r);
                SpanKernels.Axpy(-_theta * mc[k + j], V(_sOff[slot]), r);
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (!_free[i])
            {
                r[i] = 0;
            }
        }

        for (int i = 0; i < n; i++)
        {
            d[i] = -r[i] / _theta;
        }

        if (k > 0)
        {
            // v = Wᵀ Z r̂.
            for (int j = 0; j < k; j++)
            {
                int slot = _order[j];
                v[j] = SpanKernels.Dot(V(_yOff[slot]), r);
                v[k + j] = _theta * SpanKernels.Dot(V(_sOff[slot]), r);
            }

            // A = Wᵀ Z Zᵀ W: summed over the free rows when they are fewer than half, otherwise WᵀW (from the inner
            // products kept with the pairs, O(m²)) minus the bound rows, so that an iteration with few active bounds
            // costs O(mn), not O(m²n).
            bool fromFull = 2 * nfree >= n;
            for (int a = 0; a < size; a++)
            {
                for (int b = 0; b < size; b++)
                {
                    _nn[a, b] = 0;
                }
            }

            double sign = fromFull ? -1 : 1;
            if (fromFull)
            {
                for (int a = 0; a < k; a++)
                {
                    for (int b = 0; b <= a; b++)
                    {
                        _nn[a, b] = _yy[a, b];
                        _nn[k + a, k + b] = _theta * _theta * _ss[a, b];
                    }

                    for (int b = 0; b < k; b++)
                    {
                        _nn[k + a, b] = _theta * _sy[a, b]; // θ sₐᵀ y_b
                    }
                }
            }

            for (int i = 0; i < n; i++)
            {
                if (_free[i] == fromFull)
                {
                    continue;
                }

                WRow(i, wb);
                for (int a = 0; a < size; a++)
                {
                    double wa = sign * wb[a];
                    for (int b = 0; b <= a; b++)
                    {
                        _nn[a, b] += wa * wb[b];
                    }
                }
            }

            // N = I − (1/θ) M A, solve N v' = M v.
            for (int a = 0; a < size; a++)
            {
                for (int b = a + 1; b < size; b++)
                {
                    _nn[a, b] = _nn[b, a];
                }
            }

            Span<double> mv = stackalloc double[size];
            MTimes(v, mv);
            var ma = _ma;
            for (int a = 0; a < size; a++)
            {
                for (int b = 0; b < size; b++)
                {
                    double sum = 0;
                    for (int l = 0; l < size; l++)
                    {
                        sum += _mm[a, l] * _nn[l, b];
                    }

                    ma[a, b] = (a == b ? 1 : 0) - sum / _theta;
                }
            }

            if (!DenseSolve.Solve(ma, mv, size))
            {
                mv.Clear(); // N singular: fall back to the steepest-descent step on the free variables
            }

            // d = −r̂/θ − W v'/θ² on the free variables.
            double theta2 = _theta * _theta;
            for (int j = 0; j < k; j++)
            {
                int slot = _order[j];
                SpanKernels.Axpy(-mv[j] / theta2, V(_yOff[slot]), d);
                SpanKernels.Axpy(-_theta * mv[k + j] / theta2, V(_sOff[slot]), d);
            }
        }

        double alphaStar = 1;
        for (int i = 0; i < n; i++)
        {
            if (!_free[i])
            {
                continue;
            }

            double di = d[i];
            if (di > 0 && double.IsFinite(_upper[i]))
            {
                alphaStar = Math.Min(alphaStar, (_upper[i] - _xcp[i]) / di);
            }
            else if (di < 0 && double.IsFinite(_lower[i]))
            {
                alphaStar = Math.Min(alphaStar, (_lower[i] - _xcp[i]) / di);
            }
        }

        alphaStar = Math.Max(alphaStar, 0);
        for (int i = 0; i < n; i++)
        {
            if (_free[i])
            {
                _xcp[i] = Math.Clamp(_xcp[i] + alphaStar * d[i], _lower[i], _upper[i]);
            }
        }
    }

    /// <summary>Appends the pair at (<see cref="_sNewOff"/>, <see cref="_yNewOff"/>), dropping the oldest when full; updates SᵀS, SᵀY, θ and M.</summary>
    private void AddPair(double ys, double yy)
    {
        int slot = _k < _m ? (_head + _k) % _m : _head;
        (_sOff[slot], _sNewOff) = (_sNewOff, _sOff[slot]);
        (_yOff[slot], _yNewOff) = (_yNewOff, _yOff[slot]);
        if (_k < _m)
        {
            _order[_k] = slot;
            _k++;
        }
        else
        {
            // Drop the oldest (at _head, which slot overwrote): shift the logical order and the matrices (without
            // bounds only the two-loop's sᵢᵀyᵢ, the diagonal of SᵀY, is kept).
            for (int j = 0; j < _m - 1; j++)
            {
                _order[j] = _order[j + 1];
                if (_unbounded)
                {
                    _sy[j, j] = _sy[j + 1, j + 1];
                    continue;
                }

                for (int l = 0; l < _m - 1; l++)
                {
                    _ss[j, l] = _ss[j + 1, l + 1];
                    _sy[j, l] = _sy[j + 1, l + 1];
                    _yy[j, l] = _yy[j + 1, l + 1];
                }
            }

            _order[_m - 1] = slot;
            _head = (_head + 1) % _m;
        }

        int last = _k - 1;
        Span<double> sNew = V(_sOff[slot]);
        Span<double> yNew = V(_yOff[slot]);
        _sy[last, last] = ys;
        _theta = yy / ys;
        if (_unbounded)
        {
            return; // the two-loop recursion needs only sᵢᵀyᵢ; SᵀS, SᵀY, YᵀY and M serve the compact form
        }

        for (int j = 0; j < _k; j++)
        {
            Span<double> sj = V(_sOff[_order[j]]);
            Span<double> yj = V(_yOff[_order[j]]);
            double ss = SpanKernels.Dot(sNew, sj);
            double syRow = SpanKernels.Dot(sNew, yj);
            double syCol = SpanKernels.Dot(sj, yNew);
            double yiyj = SpanKernels.Dot(yNew, yj);

            _ss[last, j] = ss;
            _ss[j, last] = ss;
            _yy[last, j] = yiyj;
            _yy[j, last] = yiyj;
            _sy[last, j] = syRow;
            _sy[j, last] = syCol;
        }

        _sy[last, last] = ys;
        FormM();
    }

    /// <summary>M = [[−D, Lᵀ], [L, θSᵀS]]⁻¹ with D = diag(sᵢᵀyᵢ), Lᵢⱼ = sᵢᵀyⱼ for i &gt; j.</summary>
    private void FormM()
    {
        int k = _k;
        int size = 2 * k;
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                _kk[i, j] = i == j ? -_sy[i, i] : 0;
                double l = i > j ? _sy[i, j] : 0; // L
                double lt = j > i ? _sy[j, i] : 0; // Lᵀ
                _kk[i, k + j] = lt;
                _kk[k + i, j] = l;
                _kk[k + i, k + j] = _theta * _ss[i, j];
            }
        }

        if (!DenseSolve.Invert(_kk, _mm, size))
        {
            // Singular middle matrix: forget the memory (B = θI).
            _k = 0;
            _theta = 1;
        }
    }
}

/// <summary>Small dense solves by Gaussian elimination with partial pivoting (sizes ≤ 2·maxcor), no allocation.</summary>
internal static class DenseSolve
{
    /// <summary>Solves A x = b in place (A is destroyed, b becomes x). Returns false when A is singular.</summary>
    public static bool Solve(double[,] a, Span<double> b, int size)
    {
        for (int col = 0; col < size; col++)
        {
            int pivot = col;
            double best = Math.Abs(a[col, col]);
            for (int r = col + 1; r < size; r++)
            {
                if (Math.Abs(a[r, col]) > best)
                {
                    best = Math.Abs(a[r, col]);
                    pivot = r;
                }
            }

            if (best == 0 || !double.IsFinite(best))
            {
                return false;
            }

            if (pivot != col)
            {
                for (int j = 0; j < size; j++)
                {
                    (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (int r = col + 1; r < size; r++)
            {
                double factor = a[r, col] / a[col, col];
                if (factor == 0)
                {
                    continue;
                }

                for (int j = col; j < size; j++)
                {
                    a[r, j] -= factor * a[col, j];
                }

                b[r] -= factor * b[col];
            }
        }

        for (int r = size - 1; r >= 0; r--)
        {
            double sum = b[r];
            for (int j = r + 1; j < size; j++)
            {
                sum -= a[r, j] * b[j];
            }

            b[r] = sum / a[r, r];
        }

        return true;
    }

    /// <summary>inverse = A⁻¹ (A is left unchanged). Returns false when A is singular.</summary>
    public static bool Invert(double[,] a, double[,] inverse, int size)
    {
        // Gauss–Jordan with partial pivoting: one O(size³) pass, a is destroyed.
        for (int r = 0; r < size; r++)
        {
            for (int c = 0; c < size; c++)
            {
                inverse[r, c] = r == c ? 1 : 0;
            }
        }

        for (int col = 0; col < size; col++)
        {
            int pivot = col;
            double best = Math.Abs(a[col, col]);
            for (int r = col + 1; r < size; r++)
            {
                if (Math.Abs(a[r, col]) > best)
                {
                    best = Math.Abs(a[r, col]);
                    pivot = r;
                }
            }

            if (best == 0 || !double.IsFinite(best))
            {
                return false;
            }

            if (pivot != col)
            {
                for (int j = 0; j < size; j++)
                {
                    (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
                    (inverse[col, j], inverse[pivot, j]) = (inverse[pivot, j], inverse[col, j]);
                }
            }

            double scale = 1 / a[col, col];
            for (int j = 0; j < size; j++)
            {
                a[col, j] *= scale;
                inverse[col, j] *= scale;
            }

            for (int r = 0; r < size; r++)
            {
                double factor = a[r, col];
                if (r == col || factor == 0)
                {
                    continue;
                }

                for (int j = 0; j < size; j++)
                {
                    a[r, j] -= factor * a[col, j];
                    inverse[r, j] -= factor * inverse[col, j];
                }
            }
        }

        return true;
    }
}
