namespace OptimizeGen;

// Broyden's quasi-Newton methods for F(x) = 0 (scipy root 'broyden1' and 'broyden2'): C. G. Broyden, "A class of methods for
// solving nonlinear simultaneous equations", Math. Comp. 19 (1965). Both keep the inverse Jacobian approximation
// H = −α·I + Σ cₖ·dₖᵀ in low-rank form (scipy's LowRankMatrix), so a step costs O(n·rank).
//   broyden1 ("good" Broyden): H⁺ = H + (Δx − H·Δf)·(Δxᵀ·H) / (Δxᵀ·H·Δf)   — the Sherman–Morrison form of the update of J.
//   broyden2 ("bad" Broyden):  H⁺ = H + (Δx − H·Δf)·Δfᵀ / ‖Δf‖².
// The rank is bounded by max_rank with scipy's 'restart' or 'simple' reduction; 'svd' reduction is not implemented.

/// <summary>The inverse Jacobian approximation H = α·I + Σ cₖ·dₖᵀ.</summary>
internal sealed class LowRankMatrix(double alpha, int n)
{
    private readonly List<double[]> cs = [];
    private readonly List<double[]> ds = [];

    public double Alpha { get; set; } = alpha;

    public int Rank => cs.Count;

    /// <summary>result = H·v.</summary>
    public void MatVec(ReadOnlySpan<double> v, Span<double> result)
    {
        for (int i = 0; i < n; i++)
        {
            result[i] = Alpha * v[i];
        }

        for (int k = 0; k < cs.Count; k++)
        {
            double dv = Dot(ds[k], v);
            double[] c = cs[k];
            for (int i = 0; i < n; i++)
            {
                result[i] += c[i] * dv;
            }
        }
    }

    /// <summary>result = Hᵀ·v.</summary>
    public void RMatVec(ReadOnlySpan<double> v, Span<double> result)
    {
        for (int i = 0; i < n; i++)
        {
            result[i] = Alpha * v[i];
        }

        for (int k = 0; k < cs.Count; k++)
        {
            double cv = Dot(cs[k], v);
            double[] d = ds[k];
            for (int i = 0; i < n; i++)
            {
                result[i] += d[i] * cv;
            }
        }
    }

    public void Append(double[] c, double[] d)
    {
        cs.Add(c);
        ds.Add(d);
    }

    public void Clear()
    {
        cs.Clear();
        ds.Clear();
    }

    public void DropOldest()
    {
        cs.RemoveAt(0);
        ds.RemoveAt(0);
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}

/// <summary>broyden1 and broyden2.</summary>
internal sealed class BroydenJacobian(bool second, RootJacobianOptions options) : GenericBroyden
{
    private LowRankMatrix gm = new(0, 0);
    private double[] v = [];
    private double[] hdf = [];
    private double alpha;

    public override void Setup(double[] x, double[] f, RootSystem system)
    {
        base.Setup(x, f, system);
        alpha = options.Alpha ?? DefaultAlpha(x, f);
        gm = new LowRankMatrix(-alpha, x.Length);
        v = new double[x.Length];
        hdf = new double[x.Length];
    }

    public override void Solve(double[] f, double[] result, double tol)
    {
        gm.MatVec(f, result);
        if (!MinpackKernels.AllFinite(result))
        {
            // scipy: restart from −α·I when the low-rank approximation breaks down.
            gm.Clear();
            gm.MatVec(f, result);
        }
    }

    protected override void UpdateDifferences(double[] x, double[] f, double[] dx, double[] df, double dxNorm, double dfNorm)
    {
        // scipy's _reduce to max_rank − 1 before the update (so that the new secant condition holds): at most max_rank updates.
        if (options.MaxRank is int maxRank && gm.Rank > maxRank - 1)
        {
            if (options.ReductionMethod == BroydenReduction.Restart)
            {
                gm.Clear();
            }
            else
            {
                while (gm.Rank > maxRank - 1)
                {
                    gm.DropOldest();
                }
            }
        }

        int n = x.Length;
        gm.MatVec(df, hdf);
        var c = new double[n];
        var d = new double[n];
        for (int i = 0; i < n; i++)
        {
            c[i] = dx[i] - hdf[i];
        }

        if (!second)
        {
            gm.RMatVec(dx, v);
            double denom = LowRankMatrix.Dot(df, v);
            for (int i = 0; i < n; i++)
            {
                d[i] = v[i] / denom;
            }
        }
        else
        {
            double d2 = dfNorm * dfNorm;
            for (int i = 0; i < n; i++)
            {
                d[i] = df[i] / d2;
            }
        }

        gm.Append(c, d);
    }
}
