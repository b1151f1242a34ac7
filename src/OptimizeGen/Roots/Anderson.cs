namespace OptimizeGen;

// Anderson mixing for F(x) = 0 (scipy root 'anderson'), in the "extended Anderson" form of V. Eyert, "A comparative study on
// methods for convergence acceleration of iterative vector sequences", J. Comput. Phys. 124 (1996):
//   dx = α·F − Σₘ γₘ·(Δxₘ + α·Δfₘ)  (scipy's convention: the initial Jacobian guess is −(1/α)·I),  where (1 + w0²·δᵢⱼ)·⟨Δfᵢ, Δfⱼ⟩ γ = ⟨Δf, F⟩,
// over the last M differences. A singular Gram system drops the history (as scipy does on LinAlgError).
internal sealed class AndersonJacobian(RootJacobianOptions options) : GenericBroyden
{
    private readonly List<double[]> dxs = [];
    private readonly List<double[]> dfs = [];
    private double[] gram = [];
    private double[] lu = [];
    private double[] gamma = [];
    private int[] perm = [];
    private double alpha;

    public override void Setup(double[] x, double[] f, RootSystem system)
    {
        base.Setup(x, f, system);
        alpha = options.Alpha ?? DefaultAlpha(x, f);
        int m = Math.Max(options.M, 0);
        gram = new double[m * m];
        lu = new double[m * m];
        gamma = new double[m];
        perm = new int[m];
    }

    public override void Solve(double[] f, double[] result, double tol)
    {
        int n = f.Length;
        // J⁻¹·f ≈ −α·f + Σ γₘ·(Δxₘ + α·Δfₘ); the driver steps along its negative.
        for (int i = 0; i < n; i++)
        {
            result[i] = -alpha * f[i];
        }

        int k = dxs.Count;
        if (k == 0)
        {
            return;
        }

        for (int i = 0; i < k; i++)
        {
            gamma[i] = LowRankMatrix.Dot(dfs[i], f);
        }

        if (!SolveInPlace(k))
        {
            // Singular Gram matrix: drop the history (scipy resets on LinAlgError).
            dxs.Clear();
            dfs.Clear();
            return;
        }

        for (int m = 0; m < k; m++)
        {
            double g = gamma[m];
            double[] dxm = dxs[m], dfm = dfs[m];
            for (int i = 0; i < n; i++)
            {
                result[i] += g * (dxm[i] + alpha * dfm[i]);
            }
        }
    }

    /// <summary>Solves the k×k Gram system for <see cref="gamma"/> in place by Gaussian elimination with partial pivoting (k ≤ M, a
    /// handful); false when it is singular or the solution is not finite.</summary>
    private bool SolveInPlace(int k)
    {
        Array.Copy(gram, lu, k * k);
        for (int i = 0; i < k; i++)
        {
            perm[i] = i;
        }

        for (int c = 0; c < k; c++)
        {
            int p = c;
            for (int r = c + 1; r < k; r++)
            {
                if (Math.Abs(lu[r * k + c]) > Math.Abs(lu[p * k + c]))
                {
                    p = r;
                }
            }

            if (lu[p * k + c] == 0)
            {
                return false;
            }

            if (p != c)
            {
                for (int j = 0; j < k; j++)
                {
                    (lu[p * k + j], lu[c * k + j]) = (lu[c * k + j], lu[p * k + j]);
                }

                (gamma[p], gamma[c]) = (gamma[c], gamma[p]);
            }

            for (int r = c + 1; r < k; r++)
            {
                double factor = lu[r * k + c] / lu[c * k + c];
                for (int j = c; j < k; j++)
                {
                    lu[r * k + j] -= factor * lu[c * k + j];
                }

                gamma[r] -= factor * gamma[c];
            }
        }

        for (int r = k - 1; r >= 0; r--)
        {
            double sum = gamma[r];
            for (int j = r + 1; j < k; j++)
            {
                sum -= lu[r * k + j] * gamma[j];
            }

            gamma[r] = sum / lu[r * k + r];
            if (!double.IsFinite(gamma[r]))
            {
                return false;
            }
        }

        return true;
    }

    protected override void UpdateDifferences(double[] x, double[] f, double[] dx, double[] df, double dxNorm, double dfNorm)
    {
        int mMax = options.M;
        if (mMax <= 0)
        {
            return;
        }

        // Reuse the oldest pair's arrays once the history is full.
        double[] newDx, newDf;
        if (dxs.Count == mMax)
        {
            newDx = dxs[0];
            newDf = dfs[0];
            dxs.RemoveAt(0);
            dfs.RemoveAt(0);
        }
        else
        {
            newDx = new double[dx.Length];
            newDf = new double[df.Length];
        }

        dx.AsSpan().CopyTo(newDx);
        df.AsSpan().CopyTo(newDf);
        dxs.Add(newDx);
        dfs.Add(newDf);

        int k = dxs.Count;
        double w0 = options.W0;
        for (int i = 0; i < k; i++)
        {
            for (int j = i; j < k; j++)
            {
                double wd = i == j ? w0 * w0 : 0;
                gram[i * k + j] = (1 + wd) * LowRankMatrix.Dot(dfs[i], dfs[j]);
                gram[j * k + i] = gram[i * k + j];
            }
        }
    }
}
