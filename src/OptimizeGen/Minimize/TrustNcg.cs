// trust-ncg: the Steihaug–Toint truncated conjugate-gradient solution of the trust-region subproblem on
// Hessian-vector products. T. Steihaug, "The conjugate gradient method and trust regions in large scale
// optimization", SIAM J. Numer. Anal. 20(3), 1983; Nocedal & Wright Algorithm 7.2. Inner tolerance as scipy:
// ‖r‖ < min(0.5, √‖g‖)·‖g‖. At negative curvature the boundary point of lower model value is taken (as scipy).
// Departure: the inner loop is capped at 2n + 10 products (scipy has no cap).

namespace OptimizeGen;

internal sealed class TrustNcg(MinimizeContext context, int n) : ITrustRegionSubproblem
{
    private readonly double[] _z = new double[n];
    private readonly double[] _hz = new double[n];
    private readonly double[] _r = new double[n];
    private readonly double[] _d = new double[n];
    private readonly double[] _bd = new double[n];
    private double[] _x = [];
    private double[] _g = [];

    public bool Prepare(double[] x, double[] g, out string reason)
    {
        _x = x;
        _g = g;
        reason = "";
        return true;
    }

    public double Solve(double radius, double[] p, out bool hitsBoundary)
    {
        double gnorm = MinimizeContext.Norm(_g, 2);
        double tol = Math.Min(0.5, Math.Sqrt(gnorm)) * gnorm;
        Array.Clear(_z);
        Array.Clear(_hz);
        for (int i = 0; i < n; i++)
        {
            _r[i] = _g[i];
            _d[i] = -_g[i];
        }

        double rr = gnorm * gnorm;
        hitsBoundary = false;
        for (int it = 0; it < 2 * n + 10; it++)
        {
            context.HessianVector(_x, _d, _g, _bd);
            double dBd = ConjugateGradient.Dot(_d, _bd);
            if (!(dBd > 0))
            {
                // Negative (or zero) curvature: go to the boundary along d, the end with the lower model value.
                var (ta, tb) = TrustRegion.BoundaryIntersections(_z, _d, radius);
                double ma = ModelAt(ta);
                double mb = ModelAt(tb);
                double t = ma < mb ? ta : tb;
                hitsBoundary = true;
                return Finish(t, p);
            }

            double alpha = rr / dBd;
            double znorm2 = SpanKernels.NormSquaredOfSum(_z, alpha, _d);

            if (Math.Sqrt(znorm2) >= radius)
            {
                var (_, tb) = TrustRegion.BoundaryIntersections(_z, _d, radius);
                hitsBoundary = true;
                return Finish(tb, p);
            }

            double rrNew = SpanKernels.CgStep(alpha, _d, _bd, _z, _hz, _r);

            if (Math.Sqrt(rrNew) < tol)
            {
                break;
            }

            double beta = rrNew / rr;
            rr = rrNew;
            SpanKernels.CgDirection(beta, _r, _d);
        }

        return Finish(0, p);
    }

    /// <summary>m(z + t d) − f = gᵀp + ½pᵀHp with Hp = Hz + t·Hd.</summary>
    private double ModelAt(double t)
    {
        double m = 0;
        for (int i = 0; i < n; i++)
        {
            double pi = _z[i] + t * _d[i];
            double hpi = _hz[i] + t * _bd[i];
            m += _g[i] * pi + 0.5 * pi * hpi;
        }

        return m;
    }

    private double Finish(double t, double[] p)
    {
        double m = ModelAt(t);
        for (int i = 0; i < n; i++)
        {
            p[i] = _z[i] + t * _d[i];
        }

        return -m;
    }
}
