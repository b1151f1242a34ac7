// trust-exact: nearly exact solutions of the trust-region subproblem on the dense Hessian.
// J. J. Moré and D. C. Sorensen, "Computing a trust region step", SIAM J. Sci. Stat. Comput. 4(3), 1983; Conn, Gould,
// Toint, Trust-Region Methods (2000), §7.3. Finds λ ≥ max(0, −λ₁) with (H + λI)p = −g and ‖p‖ = Δ (or λ = 0 inside),
// handling the hard case by adding the component along the eigenvector of λ₁.
// Departure: where Moré–Sorensen iterate on Cholesky factorizations of H + λI, this solver takes one symmetric
// eigendecomposition per model (MathNet) and then solves the secular equation 1/Δ − 1/‖p(λ)‖ = 0 in the eigenbasis
// by safeguarded Newton steps: the same O(n³) per iteration, with the hard case exact rather than estimated.
// The dense Hessian is assembled from n Hessian-vector products (exact, or differences of gradients).

using MathNet.Numerics.LinearAlgebra;

namespace OptimizeGen;

internal sealed class TrustExact(MinimizeContext context, int n) : ITrustRegionSubproblem
{
    private readonly double[,] _h = new double[n, n];
    private readonly double[] _unit = new double[n];
    private readonly double[] _column = new double[n];
    private readonly EigenTrustRegion _solver = new(n);
    private double[] _g = [];

    public bool Prepare(double[] x, double[] g, out string reason)
    {
        _g = g;
        TrustRegion.DenseHessian(context, x, g, _h, _unit, _column);
        reason = "";
        if (!_solver.Factor(_h, n))
        {
            reason = "The Hessian could not be decomposed (it has non-finite entries).";
            return false;
        }

        return true;
    }

    public double Solve(double radius, double[] p, out bool hitsBoundary) => _solver.Solve(_g, radius, p, out hitsBoundary);
}

/// <summary>
/// min gᵀp + ½pᵀHp s.t. ‖p‖ ≤ Δ for a small dense symmetric H, through H = QΛQᵀ. Shared by trust-exact (H the
/// Hessian) and trust-krylov (H the Lanczos tridiagonal matrix).
/// </summary>
internal sealed class EigenTrustRegion(int capacity)
{
    private readonly double[] _gh = new double[capacity];
    private readonly double[] _ph = new double[capacity];
    private double[] _lambda = [];
    private Matrix<double>? _q;
    private int _size;

    /// <summary>Decomposes the leading <paramref name="size"/>×<paramref name="size"/> block of <paramref name="h"/>.</summary>
    public bool Factor(double[,] h, int size)
    {
        _size = size;
        var m = Matrix<double>.Build.Dense(size, size, (i, j) => h[i, j]);
        if (!m.Enumerate().All(double.IsFinite))
        {
            return false;
        }

        var evd = m.Evd(Symmetricity.Symmetric);
        _q = evd.EigenVectors;
        _lambda = evd.EigenValues.Select(c => c.Real).ToArray(); // ascending for symmetric matrices
        return true;
    }

    /// <summary>Writes the step (length size) and returns the predicted reduction −(gᵀp + ½pᵀHp).</summary>
    public double Solve(ReadOnlySpan<double> g, double radius, Span<double> p, out bool hitsBoundary)
    {
        int size = _size;
        var q = _q!;
        double gnorm2 = 0;
        for (int i = 0; i < size; i++)
        {
            double s = 0;
            for (int r = 0; r < size; r++)
            {
                s += q[r, i] * g[r];
            }

            _gh[i] = s;
            gnorm2 += g[i] * g[i];
        }

        double lambda1 = _lambda[0];
        double lamMaxAbs = Math.Max(Math.Abs(lambda1), Math.Abs(_lambda[size - 1]));
        double eigTol = 1e-12 * Math.Max(1, lamMaxAbs);
        hitsBoundary = true;
        double lam;
        if (lambda1 > eigTol && NormAt(0) <= radius)
        {
            lam = 0;
            hitsBoundary = false;
        }
        else
        {
            double lo = Math.Max(0, -lambda1);
            // Hard case: g has (numerically) no component in λ₁'s eigenspace and ‖p(−λ₁)‖ < Δ.
            double gInLowest = 0;
            for (int i = 0; i < size && _lambda[i] - lambda1 <= eigTol; i++)
            {
                gInLowest += _gh[i] * _gh[i];
            }

            if (lambda1 <= eigTol && gInLowest <= 1e-24 * Math.Max(gnorm2, 1e-300) && NormAt(lo, skipLowest: true, eigTol) < radius)
            {
                double pnorm = NormAt(lo, skipLowest: true, eigTol);
                FillStep(lo, skipLowest: true, eigTol);
                double tau = Math.Sqrt(Math.Max(0, radius * radius - pnorm * pnorm));
                _ph[0] = tau; // the boundary reached along the lowest eigenvector
                return Finish(g, p, size);
            }

            double hi = lo + Math.Sqrt(gnorm2) / radius + eigTol + 1e-300;
            lam = lo + Math.Max(1e-12 * Math.Max(1, lo), 1e-300);
            if (!(NormAt(lam) >= radius))
            {
                lam = 0.5 * (lo + hi);
            }

            for (int it = 0; it < 200; it++)
            {
                double norm = NormAt(lam);
                if (Math.Abs(norm - radius) <= 1e-10 * radius)
                {
                    break;
                }

                if (norm > radius)
                {
                    lo = lam;
                }
                else
                {
                    hi = lam;
                }

                // Newton on φ(λ) = 1/Δ − 1/‖p(λ)‖: φ' = −(Σ ĝ²/(λᵢ+λ)³)/‖p‖³.
                double d3 = 0;
                for (int i = 0; i < size; i++)
                {
                    double den = _lambda[i] + lam;
                    d3 += _gh[i] * _gh[i] / (den * den * den);
                }

                double phi = 1 / radius - 1 / norm;
                double dphi = -d3 / (norm * norm * norm);
                double next = lam - phi / dphi;
                lam = next > lo && next < hi && double.IsFinite(next) ? next : 0.5 * (lo + hi);
                if (hi - lo <= 1e-15 * Math.Max(1, hi))
                {
                    break;
                }
            }
        }

        FillStep(lam, skipLowest: false, eigTol);
        return Finish(g, p, size);
    }

    private double NormAt(double lam, bool skipLowest = false, double eigTol = 0)
    {
        double s = 0;
        for (int i = 0; i < _size; i++)
        {
            double den = _lambda[i] + lam;
            if (skipLowest && _lambda[i] - _lambda[0] <= eigTol)
            {
                continue;
            }

            s += _gh[i] * _gh[i] / (den * den);
        }

        return Math.Sqrt(s);
    }

    private void FillStep(double lam, bool skipLowest, double eigTol)
    {
        for (int i = 0; i < _size; i++)
        {
            double den = _lambda[i] + lam;
            _ph[i] = (skipLowest && _lambda[i] - _lambda[0] <= eigTol) || den == 0 ? 0 : -_gh[i] / den;
        }
    }

    /// <summary>p = Q p̂; the predicted reduction −(ĝᵀp̂ + ½ Σ λᵢ p̂ᵢ²).</summary>
    private double Finish(ReadOnlySpan<double> g, Span<double> p, int size)
    {
        var q = _q!;
        double model = 0;
        for (int i = 0; i < size; i++)
        {
            model += _gh[i] * _ph[i] + 0.5 * _lambda[i] * _ph[i] * _ph[i];
        }

        for (int r = 0; r < size; r++)
        {
            double s = 0;
            for (int i = 0; i < size; i++)
            {
                s += q[r, i] * _ph[i];
            }

            p[r] = s;
        }

        return -model;
    }
}
