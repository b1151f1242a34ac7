// trust-krylov: nearly exact trust-region subproblems on a growing Krylov subspace, the generalized Lanczos method
// (GLTR). N. I. M. Gould, S. Lucidi, M. Roma and Ph. L. Toint, "Solving the trust-region subproblem using the
// Lanczos method", SIAM J. Optim. 9(2), 1999. The Lanczos process on Hessian-vector products builds Qₖ and the
// tridiagonal Tₖ = QₖᵀHQₖ; the subproblem min ‖g‖e₁ᵀh + ½hᵀTₖh, ‖h‖ ≤ Δ is solved exactly (eigendecomposition of
// Tₖ, as trust-exact does), and p = Qₖh once the residual βₖ₊₁|eₖᵀh| ≤ min(0.5, √‖g‖)·‖g‖ (scipy's inexact mode).
// Departures: scipy calls the trlib library; here the Lanczos vectors are kept (with full reorthogonalization) and
// the subspace is capped at min(n, 100), the small problem re-solved at each step (O(k³), negligible for k ≤ 100).

namespace OptimizeGen;

internal sealed class TrustKrylov : ITrustRegionSubproblem
{
    private readonly MinimizeContext _context;
    private readonly int _n;
    private readonly int _maxK;
    private readonly double[][] _q;
    private readonly double[] _alpha;
    private readonly double[] _beta;
    private readonly double[,] _t;
    private readonly double[] _w;
    private readonly double[] _e1;
    private readonly double[] _h;
    private readonly EigenTrustRegion _small;
    private double[] _x = [];
    private double[] _g = [];

    public TrustKrylov(MinimizeContext context, int n)
    {
        _context = context;
        _n = n;
        _maxK = Math.Min(n, 100);
        _q = new double[_maxK][];
        for (int i = 0; i < _maxK; i++)
        {
            _q[i] = new double[n];
        }

        _alpha = new double[_maxK];
        _beta = new double[_maxK + 1];
        _t = new double[_maxK, _maxK];
        _w = new double[n];
        _e1 = new double[_maxK];
        _h = new double[_maxK];
        _small = new EigenTrustRegion(_maxK);
    }

    public bool Prepare(double[] x, double[] g, out string reason)
    {
        _x = x;
        _g = g;
        reason = "";
        return true;
    }

    public double Solve(double radius, double[] p, out bool hitsBoundary)
    {
        int n = _n;
        double gnorm = MinimizeContext.Norm(_g, 2);
        double tol = Math.Min(0.5, Math.Sqrt(gnorm)) * gnorm;
        for (int i = 0; i < n; i++)
        {
            _q[0][i] = _g[i] / gnorm;
        }

        double predicted = 0;
        int k = 0;
        hitsBoundary = false;
        for (int j = 0; j < _maxK; j++)
        {
            _context.HessianVector(_x, _q[j], _g, _w);
            double a = SpanKernels.Dot(_q[j], _w);
            _alpha[j] = a;
            SpanKernels.Axpy(-a, _q[j], _w);
            if (j > 0)
            {
                SpanKernels.Axpy(-_beta[j], _q[j - 1], _w);
            }

            // Full reorthogonalization against the kept vectors.
            for (int l = 0; l <= j; l++)
            {
                SpanKernels.Axpy(-SpanKernels.Dot(_q[l], _w), _q[l], _w);
            }

            double b = MinimizeContext.Norm(_w, 2);
            _beta[j + 1] = b;
            k = j + 1;
            for (int r = 0; r < k; r++)
            {
                for (int c = 0; c < k; c++)
                {
                    _t[r, c] = r == c ? _alpha[r] : (Math.Abs(r - c) == 1 ? _beta[Math.Max(r, c)] : 0);
                }
            }

            Array.Clear(_e1);
            _e1[0] = gnorm;
            if (!_small.Factor(_t, k))
            {
                break;
            }

            predicted = _small.Solve(_e1, radius, _h, out hitsBoundary);
            double residual = b * Math.Abs(_h[k - 1]);
            if (residual <= tol || b <= 1e-14 * gnorm || k == _maxK)
            {
                break;
            }

            for (int i = 0; i < n; i++)
            {
                _q[j + 1][i] = _w[i] / b;
            }
        }

        Array.Clear(p);
        for (int l = 0; l < k; l++)
        {
            SpanKernels.Axpy(_h[l], _q[l], p);
        }

        return predicted;
    }
}
