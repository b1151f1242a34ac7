namespace OptimizeGen;

// Anderson mixing for F(x) = 0 (scipy root 'anderson'), in the "extended Anderson" form of V. Eyert, "A comparative study on
// methods for convergence acceleration of iterative vector sequences", J. Comput. Phys. 124 (1996):
//   dx = α·F − Σₘ γₘ·(Δxₘ + α·Δfₘ)  (scipy's convention: the initial Jacobian guess is −(1/α)·I),  where (1 + w0²·δᵢⱼ)·⟨Δfᵢ, Δfⱼ⟩ γ = ⟨Δf, F⟩,
// over the last M differences. A singular Gram system drops the history (as scipy does on LinAlgError).
internal sealed class AndersonJacobian(RootJacobianOptions options) : GenericBroyden
{
    private readonly List<double[]> dxs = [];
    private readonly List<double[]> dfs = [];
    private double[,] a = new double[0, 0];
    private double alpha;

    public override void Setup(double[] x, double[] f, RootSystem system)
    {
        base.Setup(x, f, system);
        alpha = options.Alpha ?? DefaultAlpha(x, f);
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

        var rhs = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(k);
        for (int i = 0; i < k; i++)
        {
            rhs[i] = LowRankMatrix.Dot(dfs[i], f);
        }

        var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(a);
        var lu = matrix.LU();
        if (lu.Determinant == 0 || !double.IsFinite(lu.Determinant))
        {
            dxs.Clear();
            dfs.Clear();
            return;
        }

        var gamma = lu.Solve(rhs);
        if (!MinpackKernels.AllFinite(gamma.AsArray() ?? gamma.ToArray()))
        {
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

    protected override void UpdateDifferences(double[] x, double[] f, double[] dx, double[] df, double dxNorm, double dfNorm)
    {
        int mMax = options.M;
        if (mMax == 0)
        {
            return;
        }

        dxs.Add((double[])dx.Clone());
        dfs.Add((double[])df.Clone());
        while (dxs.Count > mMax)
        {
            dxs.RemoveAt(0);
            dfs.RemoveAt(0);
        }

        int k = dxs.Count;
        a = new double[k, k];
        double w0 = options.W0;
        for (int i = 0; i < k; i++)
        {
            for (int j = i; j < k; j++)
            {
                double wd = i == j ? w0 * w0 : 0;
                a[i, j] = (1 + wd) * LowRankMatrix.Dot(dfs[i], dfs[j]);
                a[j, i] = a[i, j];
            }
        }
    }
}
