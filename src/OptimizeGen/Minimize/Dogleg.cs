// dogleg: Powell's dog-leg path between the Cauchy point p_U = −(gᵀg / gᵀHg) g and the Newton point p_B = −H⁻¹g,
// cut at the trust-region boundary. M. J. D. Powell, "A hybrid method for nonlinear equations" (1970);
// Nocedal & Wright §4.1. Needs a positive definite Hessian, as scipy's does: where the Cholesky factorization of H
// fails the result says so (NumericalTrouble) instead of throwing. The dense Hessian comes from n Hessian-vector
// products (exact, or differences of gradients).

using MathNet.Numerics.LinearAlgebra;

namespace OptimizeGen;

internal sealed class Dogleg(MinimizeContext context, int n) : ITrustRegionSubproblem
{
    private readonly double[,] _h = new double[n, n];
    private readonly double[] _unit = new double[n];
    private readonly double[] _column = new double[n];
    private readonly double[] _pb = new double[n];
    private readonly double[] _pu = new double[n];
    private readonly double[] _diff = new double[n];
    private double[] _g = [];

    public bool Prepare(double[] x, double[] g, out string reason)
    {
        _g = g;
        TrustRegion.DenseHessian(context, x, g, _h, _unit, _column);
        var m = Matrix<double>.Build.DenseOfArray(_h);
        reason = "";
        if (!m.Enumerate().All(double.IsFinite))
        {
            reason = "The Hessian has non-finite entries.";
            return false;
        }

        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> chol;
        try
        {
            chol = m.Cholesky();
        }
        catch (ArgumentException)
        {
            reason = "The Hessian is not positive definite, which the dog-leg method requires (use trust-exact, trust-krylov or trust-ncg).";
            return false;
        }

        var pb = chol.Solve(Vector<double>.Build.DenseOfArray(g));
        for (int i = 0; i < n; i++)
        {
            _pb[i] = -pb[i];
        }

        double gg = 0, gHg = 0;
        for (int i = 0; i < n; i++)
        {
            gg += g[i] * g[i];
            double hg = 0;
            for (int j = 0; j < n; j++)
            {
                hg += _h[i, j] * g[j];
            }

            gHg += g[i] * hg;
        }

        for (int i = 0; i < n; i++)
        {
            _pu[i] = -(gg / gHg) * g[i];
        }

        return true;
    }

    public double Solve(double radius, double[] p, out bool hitsBoundary)
    {
        if (MinimizeContext.Norm(_pb, 2) < radius)
        {
            Array.Copy(_pb, p, n);
            hitsBoundary = false;
            return Predicted(p);
        }

        hitsBoundary = true;
        double puNorm = MinimizeContext.Norm(_pu, 2);
        if (puNorm >= radius)
        {
            for (int i = 0; i < n; i++)
            {
                p[i] = radius * _pu[i] / puNorm;
            }

            return Predicted(p);
        }

        double[] diff = _diff;
        for (int i = 0; i < n; i++)
        {
            diff[i] = _pb[i] - _pu[i];
        }

        var (_, tb) = TrustRegion.BoundaryIntersections(_pu, diff, radius);
        for (int i = 0; i < n; i++)
        {
            p[i] = _pu[i] + tb * diff[i];
        }

        return Predicted(p);
    }

    private double Predicted(double[] p)
    {
        double m = 0;
        for (int i = 0; i < n; i++)
        {
            double hp = 0;
            for (int j = 0; j < n; j++)
            {
                hp += _h[i, j] * p[j];
            }

            m += _g[i] * p[i] + 0.5 * p[i] * hp;
        }

        return -m;
    }
}
