namespace OptimizeGen;

/// <summary>
/// The system F: ℝⁿ → ℝᵐ as the root solvers see it, whichever form the caller gave (generated <see cref="IJacobianFunction"/> /
/// <see cref="IJacobianVectorProductFunction"/>, a plain <see cref="IVectorFunction"/>, or delegates). Counts evaluations and
/// supplies forward-difference Jacobians (MINPACK's fdjac1/fdjac2 step rule) and Jacobian-vector products where no exact
/// derivative was given.
/// </summary>
internal sealed class RootSystem
{
    private readonly VectorFunction function;
    private readonly JacobianFunction? jacobian;
    private readonly IJacobianFunction? jacobianFunction;
    private readonly IJacobianVectorProductFunction? jvpFunction;
    private readonly double[] scratchF;
    private readonly double[] scratchJ;
    private readonly double[] scratchX;

    private readonly int[][]? columnGroups;
    private readonly int[][]? columnRows;

    public RootSystem(int n, int m, VectorFunction function, JacobianFunction? jacobian, IJacobianFunction? jacobianFunction, IJacobianVectorProductFunction? jvpFunction, JacobianSparsity? sparsity = null)
    {
        if (sparsity is not null && jacobian is null && jacobianFunction is null)
        {
            // Curtis–Powell–Reid: the columns of each group share no row, so one perturbed evaluation recovers them all.
            int[] group = sparsity.ColumnGroups();
            int groups = n == 0 ? 0 : group.Max() + 1;
            columnGroups = Enumerable.Range(0, groups).Select(g => Enumerable.Range(0, n).Where(j => group[j] == g).ToArray()).ToArray();
            var rows = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
            for (int i = 0; i < m; i++)
            {
                foreach (int j in sparsity.Row(i))
                {
                    rows[j].Add(i);
                }
            }

            columnRows = rows.Select(r => r.ToArray()).ToArray();
        }

        N = n;
        M = m;
        this.function = function;
        this.jacobian = jacobian;
        this.jacobianFunction = jacobianFunction;
        this.jvpFunction = jvpFunction;
        scratchF = new double[m];
        scratchJ = jacobianFunction is not null ? new double[m * n] : jacobian is not null ? new double[m * n] : [];
        scratchX = new double[n];
    }

    /// <summary>n, the number of unknowns.</summary>
    public int N { get; }

    /// <summary>m, the number of equations (n except for lm on an over-determined system).</summary>
    public int M { get; }

    public int Nfev { get; set; }

    public int Njev { get; set; }

    public bool HasJacobian => jacobian is not null || jacobianFunction is not null;

    public bool HasJacobianVectorProduct => jvpFunction is not null;

    /// <summary>F(x) into <paramref name="f"/>; counts one evaluation.</summary>
    public void Evaluate(ReadOnlySpan<double> x, Span<double> f)
    {
        Nfev++;
        function(x, f);
    }

    /// <summary>
    /// The Jacobian at x into <paramref name="fjac"/>, column-major m×n (<c>fjac[i + j·m]</c>), as MINPACK keeps it. Exact when given
    /// (one Jacobian evaluation), else forward differences from <paramref name="fx"/> = F(x) with MINPACK's step
    /// hⱼ = √max(epsfcn, ε)·|xⱼ| (or √… when xⱼ = 0), grouping columns when a band (ml, mu) is given (fdjac1).
    /// </summary>
    public void ColumnMajorJacobian(ReadOnlySpan<double> x, ReadOnlySpan<double> fx, Span<double> fjac, double epsfcn, int ml = -1, int mu = -1)
    {
        int n = N, m = M;
        if (jacobianFunction is not null || jacobian is not null)
        {
            Njev++;
            if (jacobianFunction is not null)
            {
                jacobianFunction.EvaluateWithJacobian(x, scratchF, scratchJ);
            }
            else
            {
                jacobian!(x, scratchJ);
            }

            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    fjac[i + j * m] = scratchJ[i * n + j];
                }
            }

            return;
        }

        Njev++;
        double eps = Math.Sqrt(Math.Max(epsfcn, NumericalDifferentiation.MachineEpsilon));
        x.CopyTo(scratchX);
        if (columnGroups is not null)
        {
            GroupedDifferences(x, fx, fjac, eps);
            return;
        }

        int msum = ml >= 0 && mu >= 0 ? ml + mu + 1 : n;
        if (msum >= n || m != n)
        {
            for (int j = 0; j < n; j++)
            {
                double temp = scratchX[j];
                double h = eps * Math.Abs(temp);
                if (h == 0)
                {
                    h = eps;
                }

                scratchX[j] = temp + h;
                Evaluate(scratchX, scratchF);
                scratchX[j] = temp;
                for (int i = 0; i < m; i++)
                {
                    fjac[i + j * m] = (scratchF[i] - fx[i]) / h;
                }
            }

            return;
        }

        // Banded: perturb the columns k, k + msum, k + 2·msum, … together; their nonzeros do not overlap.
        for (int k = 0; k < msum; k++)
        {
            for (int j = k; j < n; j += msum)
            {
                double h = eps * Math.Abs(x[j]);
                if (h == 0)
                {
                    h = eps;
                }

                scratchX[j] = x[j] + h;
            }

            Evaluate(scratchX, scratchF);
            for (int j = k; j < n; j += msum)
            {
                scratchX[j] = x[j];
                double h = eps * Math.Abs(x[j]);
                if (h == 0)
                {
                    h = eps;
                }

                for (int i = 0; i < m; i++)
                {
                    fjac[i + j * m] = i >= j - mu && i <= j + ml ? (scratchF[i] - fx[i]) / h : 0;
                }
            }
        }
    }

    /// <summary>
    /// Forward differences over the column groups of the sparsity pattern: each group's columns are perturbed together (each by
    /// MINPACK's own step), and each difference quotient is assigned to the column of its row in the group; entries outside the
    /// pattern are zero.
    /// </summary>
    private void GroupedDifferences(ReadOnlySpan<double> x, ReadOnlySpan<double> fx, Span<double> fjac, double eps)
    {
        int m = M;
        fjac.Clear();
        foreach (int[] group in columnGroups!)
        {
            foreach (int j in group)
            {
                double h = eps * Math.Abs(x[j]);
                scratchX[j] = x[j] + (h == 0 ? eps : h);
            }

            Evaluate(scratchX, scratchF);
            foreach (int j in group)
            {
                double h = scratchX[j] - x[j];
                scratchX[j] = x[j];
                foreach (int i in columnRows![j])
                {
                    fjac[i + j * m] = (scratchF[i] - fx[i]) / h;
                }
            }
        }
    }

    /// <summary>J(x)·v exactly (counts one Jacobian evaluation); only when <see cref="HasJacobianVectorProduct"/>.</summary>
    public void ExactJacobianVectorProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> product)
    {
        Njev++;
        jvpFunction!.JacobianVectorProduct(x, v, scratchF, product);
    }
}
