// The quadratic subproblem of SLSQP, solved as Kraft solves it: as a least-distance problem through nonnegative least
// squares. minimize ½ dᵀB d + gᵀd subject to C d = e (equalities) and G d ≥ h (inequalities, bounds included):
//  1. the equalities are eliminated in the null space of C (Householder QR of Cᵀ: d = Q₁y₁ + Q₂y₂, Tᵀy₁ = e);
//  2. with the Cholesky factor LLᵀ of the reduced Hessian Q₂ᵀBQ₂ the objective becomes ½‖z‖² (z = Lᵀy₂ + w), the
//     least-squares problem LSI turned into the least-distance problem LDP: minimize ‖z‖ subject to G̃ z ≥ h̃;
//  3. LDP is solved by NNLS on [G̃ᵀ; h̃ᵀ] u ≈ eₖ₊₁ (Lawson & Hanson, Solving Least Squares Problems, 1974, ch. 23,
//     Algorithm LDP and NNLS ch. 23.3), which also gives the inequality multipliers λ = u / (1 − h̃ᵀu).
// Kraft, D. (1988) A software package for sequential quadratic programming, DFVLR-FB 88-28, §2 (LSQ, LSEI, LSI, LDP).
// Departures: Kraft keeps B as LDLᵀ factors and never forms it; we keep B dense and factor the reduced Hessian each
// call (n is small for this method); the least-squares solves inside NNLS refactor the passive columns with Householder
// QR instead of updating the factorization. All workspaces are allocated once per solve.

namespace OptimizeGen;

/// <summary>The outcome of one <see cref="LeastSquaresQp.Solve"/>, after Kraft's LSQ modes.</summary>
internal enum QpOutcome
{
    Solved,
    TooManyEqualities, // mode 2
    IterationLimit, // mode 3: more than 3·m NNLS iterations
    Incompatible, // mode 4: the inequalities cannot all hold
    NotPositiveDefinite, // mode 5: singular E (reduced Hessian)
    SingularEqualities, // mode 6: singular C
}

internal sealed class LeastSquaresQp
{
    private readonly double[] _q; // n×n, Q of Cᵀ = Q [T; 0]
    private readonly double[] _qr; // n×meq working copy of Cᵀ
    private readonly double[] _beta;
    private readonly double[] _m; // QᵀBQ
    private readonly double[] _tmp; // n×n
    private readonly double[] _l; // Cholesky of the reduced Hessian
    private readonly double[] _y;
    private readonly double[] _qg;
    private readonly double[] _w;
    private readonly double[] _gq; // mg×n
    private readonly double[] _gt; // mg×n2
    private readonly double[] _ht;
    private readonly double[] _z;
    private readonly double[] _tdiag;
    private readonly double[] _r;
    private readonly double[] _e; // NNLS matrix (n2+1)×mg
    private readonly double[] _f;
    private readonly double[] _u;
    private readonly double[] _ls; // NNLS least-squares work, (n2+1)×mg
    private readonly double[] _lsRhs;
    private readonly double[] _lsZ;
    private readonly double[] _res;
    private readonly int[] _passive;
    private readonly bool[] _inP;
    private readonly bool[] _rejected;

    public LeastSquaresQp(int maxN, int maxMeq, int maxMg)
    {
        int n = Math.Max(maxN, 1);
        int mg = Math.Max(maxMg, 1);
        int meq = Math.Max(maxMeq, 1);
        _q = new double[n * n];
        _qr = new double[n * meq];
        _beta = new double[meq];
        _m = new double[n * n];
        _tmp = new double[n * n];
        _l = new double[n * n];
        _y = new double[n];
        _qg = new double[n];
        _w = new double[n];
        _gq = new double[mg * n];
        _gt = new double[mg * n];
        _ht = new double[mg];
        _z = new double[n + 1];
        _tdiag = new double[meq];
        _r = new double[Math.Max(n, mg)];
        _e = new double[(n + 1) * mg];
        _f = new double[n + 1];
        _u = new double[mg];
        _ls = new double[(n + 1) * mg];
        _lsRhs = new double[n + 1];
        _lsZ = new double[mg];
        _res = new double[n + 1];
        _passive = new int[mg];
        _inP = new bool[mg];
        _rejected = new bool[mg];
    }

    /// <summary>Solves the subproblem; B is n×n symmetric positive definite (row-major), C meq×n, G mg×n.</summary>
    public QpOutcome Solve(
        int n,
        ReadOnlySpan<double> b,
        ReadOnlySpan<double> g,
        int meq,
        ReadOnlySpan<double> c,
        ReadOnlySpan<double> e,
        int mg,
        ReadOnlySpan<double> gm,
        ReadOnlySpan<double> h,
        Span<double> d,
        Span<double> lambdaE,
        Span<double> lambdaI)
    {
        if (meq > n)
        {
            return QpOutcome.TooManyEqualities;
        }

        int n2 = n - meq;

        // 1. Householder QR of Cᵀ (n×meq): Cᵀ = Q [T; 0]; then Q explicitly.
        double cnorm = 0;
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < meq; k++)
            {
                _qr[i * meq + k] = c[k * n + i];
                cnorm = Math.Max(cnorm, Math.Abs(c[k * n + i]));
            }
        }

        for (int k = 0; k < meq; k++)
        {
            double norm = 0;
            for (int i = k; i < n; i++)
            {
                norm += _qr[i * meq + k] * _qr[i * meq + k];
            }

            norm = Math.Sqrt(norm);
            if (norm <= 1e-14 * Math.Max(cnorm, 1e-300) || norm == 0)
            {
                return QpOutcome.SingularEqualities;
            }

            double alpha = _qr[k * meq + k] > 0 ? -norm : norm;
            double v0 = _qr[k * meq + k] - alpha;
            _qr[k * meq + k] = v0; // the Householder vector v = (v0, a_{k+1..n−1}); the diagonal becomes alpha
            _beta[k] = -1.0 / (alpha * v0); // H = I − β v vᵀ with β = 2/vᵀv = −1/(α v0)
            for (int col = k + 1; col < meq; col++)
            {
                double s = 0;
                for (int i = k; i < n; i++)
                {
                    s += _qr[i * meq + k] * _qr[i * meq + col];
                }

                s *= _beta[k];
                for (int i = k; i < n; i++)
                {
                    _qr[i * meq + col] -= s * _qr[i * meq + k];
                }
            }

            _tdiag[k] = alpha; // T's diagonal
        }

        // Q = H₀ H₁ … H_{meq−1} applied to I (from the last reflector back).
        Span<double> q = _q.AsSpan(0, n * n);
        q.Clear();
        for (int i = 0; i < n; i++)
        {
            q[i * n + i] = 1;
        }

        for (int k = meq - 1; k >= 0; k--)
        {
            for (int col = 0; col < n; col++)
            {
                double s = 0;
                for (int i = k; i < n; i++)
                {
                    s += _qr[i * meq + k] * q[i * n + col];
                }

                s *= _beta[k];
                for (int i = k; i < n; i++)
                {
                    q[i * n + col] -= s * _qr[i * meq + k];
                }
            }
        }

        // T (upper, meq×meq): diagonal in _tdiag[k], above the diagonal in _qr[k*meq+col] for col > k.
        // 2. Tᵀ y₁ = e (forward substitution).
        for (int k = 0; k < meq; k++)
        {
            double s = e[k];
            for (int i = 0; i < k; i++)
            {
                s -= _qr[i * meq + k] * _y[i];
            }

            _y[k] = s / _tdiag[k];
        }

        // 3. M = QᵀBQ, q = Qᵀg.
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++)
                {
                    s += b[i * n + k] * q[k * n + j];
                }

                _tmp[i * n + j] = s;
            }
        }

        for (int i = 0; i < n; i++)
        {
            double sg = 0;
            for (int k = 0; k < n; k++)
            {
                sg += q[k * n + i] * g[k];
            }

            _qg[i] = sg;
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++)
                {
                    s += q[k * n + i] * _tmp[k * n + j];
                }

                _m[i * n + j] = s;
            }
        }

        // 4. Cholesky of M₂₂ and w = L⁻¹(q₂ + M₂₁ y₁).
        for (int i = 0; i < n2; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = _m[(meq + i) * n + meq + j];
                for (int k = 0; k < j; k++)
                {
                    s -= _l[i * n + k] * _l[j * n + k];
                }

                if (i == j)
                {
                    if (!(s > 1e-14 * Math.Abs(_m[(meq + i) * n + meq + i])) || !(s > 0))
                    {
                        return QpOutcome.NotPositiveDefinite;
                    }

                    _l[i * n + i] = Math.Sqrt(s);
                }
                else
                {
                    _l[i * n + j] = s / _l[j * n + j];
                }
            }
        }

        for (int i = 0; i < n2; i++)
        {
            double s = _qg[meq + i];
            for (int k = 0; k < meq; k++)
            {
                s += _m[(meq + i) * n + k] * _y[k];
            }

            for (int k = 0; k < i; k++)
            {
                s -= _l[i * n + k] * _w[k];
            }

            _w[i] = s / _l[i * n + i];
        }

        // 5. The LDP data: G̃ = G Q₂ L⁻ᵀ, h̃ = h − G Q₁ y₁ + G̃ w.
        for (int r = 0; r < mg; r++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++)
                {
                    s += gm[r * n + k] * q[k * n + j];
                }

                _gq[r * n + j] = s;
            }

            double hr = h[r];
            for (int k = 0; k < meq; k++)
            {
                hr -= _gq[r * n + k] * _y[k];
            }

            for (int i = 0; i < n2; i++)
            {
                double s = _gq[r * n + meq + i];
                for (int k = 0; k < i; k++)
                {
                    s -= _l[i * n + k] * _gt[r * n + k];
                }

                _gt[r * n + i] = s / _l[i * n + i];
                hr += _gt[r * n + i] * _w[i];
            }

            _ht[r] = hr;
        }

        // 6. LDP.
        QpOutcome ldp = LeastDistance(n2, mg, n, lambdaI);
        if (ldp != QpOutcome.Solved)
        {
            return ldp;
        }

        // 7. y₂ = L⁻ᵀ(z − w), d = Q y.
        for (int i = n2 - 1; i >= 0; i--)
        {
            double s = _z[i] - _w[i];
            for (int k = i + 1; k < n2; k++)
            {
                s -= _l[k * n + i] * _y[meq + k];
            }

            _y[meq + i] = s / _l[i * n + i];
        }

        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int k = 0; k < n; k++)
            {
                s += q[i * n + k] * _y[k];
            }

            d[i] = s;
        }

        // 8. λ_E from Cᵀλ_E = B d + g − Gᵀλ_I: T λ_E = Q₁ᵀ(B d + g − Gᵀλ_I).
        if (meq > 0)
        {
            for (int i = 0; i < n; i++)
            {
                double s = g[i];
                for (int k = 0; k < n; k++)
                {
                    s += b[i * n + k] * d[k];
                }

                for (int r = 0; r < mg; r++)
                {
                    s -= gm[r * n + i] * lambdaI[r];
                }

                _r[i] = s;
            }

            for (int k = 0; k < meq; k++)
            {
                double s = 0;
                for (int i = 0; i < n; i++)
                {
                    s += q[i * n + k] * _r[i];
                }

                _w[k] = s;
            }

            for (int k = meq - 1; k >= 0; k--)
            {
                double s = _w[k];
                for (int j = k + 1; j < meq; j++)
                {
                    s -= _qr[k * meq + j] * lambdaE[j];
                }

                lambdaE[k] = s / _tdiag[k];
            }
        }

        return QpOutcome.Solved;
    }

    /// <summary>
    /// LDP: minimize ‖z‖ (length k) subject to G̃ z ≥ h̃ (mg rows, in _gt with row stride n, and _ht); z into _z[0..k),
    /// the multipliers into <paramref name="lambda"/>.
    /// </summary>
    private QpOutcome LeastDistance(int k, int mg, int stride, Span<double> lambda)
    {
        if (mg == 0)
        {
            _z.AsSpan(0, k).Clear();
            return QpOutcome.Solved;
        }

        int rows = k + 1;
        for (int r = 0; r < mg; r++)
        {
            for (int i = 0; i < k; i++)
            {
                _e[i * mg + r] = _gt[r * stride + i];
            }

            _e[k * mg + r] = _ht[r];
        }

        _f.AsSpan(0, rows).Clear();
        _f[k] = 1;
        QpOutcome nnls = Nnls(rows, mg);
        if (nnls != QpOutcome.Solved)
        {
            return nnls;
        }

        // r = E u − f; feasible when 1 − h̃ᵀu > 0 (Lawson–Hanson: otherwise the constraints are incompatible).
        double hu = 0;
        for (int r = 0; r < mg; r++)
        {
            hu += _ht[r] * _u[r];
        }

        double fac = 1 - hu;
        if (!(1 + fac - 1 > 0) || fac <= 1e-14)
        {
            return QpOutcome.Incompatible;
        }

        for (int i = 0; i < k; i++)
        {
            double s = 0;
            for (int r = 0; r < mg; r++)
            {
                s += _e[i * mg + r] * _u[r];
            }

            _z[i] = s / fac;
        }

        for (int r = 0; r < mg; r++)
        {
            lambda[r] = _u[r] / fac;
        }

        return QpOutcome.Solved;
    }

    /// <summary>
    /// NNLS (Lawson and Hanson 1974, ch. 23.3): minimize ‖E u − f‖ subject to u ≥ 0, E in _e (rows × cols, row-major),
    /// f in _f; u into _u. At most 3·cols outer iterations, as Kraft's code allows.
    /// </summary>
    private QpOutcome Nnls(int rows, int cols)
    {
        Span<double> u = _u.AsSpan(0, cols);
        u.Clear();
        Array.Clear(_inP, 0, cols);
        Array.Clear(_rejected, 0, cols);
        int np = 0;
        int maxIter = 3 * cols;
        int iter = 0;
        while (true)
        {
            // w = Eᵀ(f − E u) over the active set.
            for (int i = 0; i < rows; i++)
            {
                double s = _f[i];
                for (int j = 0; j < cols; j++)
                {
                    s -= _e[i * cols + j] * u[j];
                }

                _res[i] = s;
            }

            int t = -1;
            double wmax = 0;
            for (int j = 0; j < cols; j++)
            {
                if (_inP[j] || _rejected[j])
                {
                    continue;
                }

                double s = 0;
                for (int i = 0; i < rows; i++)
                {
                    s += _e[i * cols + j] * _res[i];
                }

                if (s > wmax)
                {
                    wmax = s;
                    t = j;
                }
            }

            if (t < 0 || np >= rows)
            {
                return QpOutcome.Solved;
            }

            if (++iter > maxIter)
            {
                return QpOutcome.IterationLimit;
            }

            _passive[np++] = t;
            _inP[t] = true;
            if (!SolvePassive(rows, cols, np) || !(_lsZ[np - 1] > 0))
            {
                // The new column is (numerically) dependent or points the wrong way: leave it out this round.
                np--;
                _inP[t] = false;
                _rejected[t] = true;
                continue;
            }

            Array.Clear(_rejected, 0, cols);
            while (true)
            {
                bool allPositive = true;
                double alpha = double.PositiveInfinity;
                int jmin = -1;
                for (int p = 0; p < np; p++)
                {
                    if (_lsZ[p] <= 0)
                    {
                        allPositive = false;
                        int j = _passive[p];
                        double a = u[j] / (u[j] - _lsZ[p]);
                        if (a < alpha)
                        {
                            alpha = a;
                            jmin = j;
                        }
                    }
                }

                if (allPositive)
                {
                    for (int p = 0; p < np; p++)
                    {
                        u[_passive[p]] = _lsZ[p];
                    }

                    break;
                }

                if (++iter > maxIter)
                {
                    return QpOutcome.IterationLimit;
                }

                int keep = 0;
                for (int p = 0; p < np; p++)
                {
                    int j = _passive[p];
                    u[j] += alpha * (_lsZ[p] - u[j]);
                    if (j != jmin && u[j] > 0)
                    {
                        _passive[keep++] = j;
                    }
                    else
                    {
                        u[j] = 0;
                        _inP[j] = false;
                    }
                }

                np = keep;
                if (np == 0 || !SolvePassive(rows, cols, np))
                {
                    break;
                }
            }
        }
    }

    /// <summary>Least squares on the passive columns by Householder QR; false when they are numerically dependent.</summary>
    private bool SolvePassive(int rows, int cols, int np)
    {
        // copy the passive columns (rows × np, row-major with stride np) and f
        for (int i = 0; i < rows; i++)
        {
            for (int p = 0; p < np; p++)
            {
                _ls[i * np + p] = _e[i * cols + _passive[p]];
            }

            _lsRhs[i] = _f[i];
        }

        if (np > rows)
        {
            return false;
        }

        for (int k = 0; k < np; k++)
        {
            double norm = 0;
            double colMax = 0;
            for (int i = k; i < rows; i++)
            {
                norm += _ls[i * np + k] * _ls[i * np + k];
            }

            for (int i = 0; i < rows; i++)
            {
                colMax = Math.Max(colMax, Math.Abs(_e[i * cols + _passive[k]]));
            }

            norm = Math.Sqrt(norm);
            if (norm <= 1e-12 * colMax || norm == 0)
            {
                return false;
            }

            double alpha = _ls[k * np + k] > 0 ? -norm : norm;
            double v0 = _ls[k * np + k] - alpha;
            double beta = -1.0 / (alpha * v0);
            _ls[k * np + k] = v0;
            for (int col = k + 1; col < np; col++)
            {
                double s = 0;
                for (int i = k; i < rows; i++)
                {
                    s += _ls[i * np + k] * _ls[i * np + col];
                }

                s *= beta;
                for (int i = k; i < rows; i++)
                {
                    _ls[i * np + col] -= s * _ls[i * np + k];
                }
            }

            double sr = 0;
            for (int i = k; i < rows; i++)
            {
                sr += _ls[i * np + k] * _lsRhs[i];
            }

            sr *= beta;
            for (int i = k; i < rows; i++)
            {
                _lsRhs[i] -= sr * _ls[i * np + k];
            }

            _ls[k * np + k] = alpha;
        }

        for (int k = np - 1; k >= 0; k--)
        {
            double s = _lsRhs[k];
            for (int j = k + 1; j < np; j++)
            {
                s -= _ls[k * np + j] * _lsZ[j];
            }

            _lsZ[k] = s / _ls[k * np + k];
        }

        return true;
    }
}
