namespace OptimizeGen;

// Newton–Krylov for F(x) = 0 (scipy root 'krylov'): D. A. Knoll and D. E. Keyes, "Jacobian-free Newton–Krylov methods: a survey
// of approaches and applications", J. Comput. Phys. 193 (2004). Each Newton step solves J·dx = −F inexactly, to the relative
// residual η of the driver's Eisenstat–Walker forcing term, by restarted GMRES (Saad and Schultz, SIAM J. Sci. Stat. Comput. 7,
// 1986: Arnoldi with modified Gram–Schmidt, Givens rotations on the Hessenberg matrix). Products J·v come exactly from an
// IJacobianVectorProductFunction (the generated one) when given, else from one forward difference each with scipy's step
// ω = rdiff·max(1, ‖x‖∞)/max(1, ‖F‖∞) scaled by 1/‖v‖.
// Departure: scipy's default inner solver is LGMRES (GMRES augmented with outer_k error approximations); this one is GMRES
// restarted every inner_maxiter iterations; no preconditioner (inner_M).
internal sealed class KrylovJacobian(RootJacobianOptions options) : JacobianApproximation
{
    private RootSystem system = null!;
    private double[] x0 = [];
    private double[] f0 = [];
    private double omega;
    private double rdiff;
    private int m;
    private double[][] v = [];
    private double[,] h = new double[0, 0];
    private double[] cs = [];
    private double[] sn = [];
    private double[] g = [];
    private double[] w = [];
    private double[] xt = [];
    private double[] ft = [];
    private double[] y = [];

    public override void Setup(double[] x, double[] f, RootSystem sys)
    {
        system = sys;
        int n = x.Length;
        x0 = (double[])x.Clone();
        f0 = (double[])f.Clone();
        rdiff = options.Rdiff ?? Math.Sqrt(NumericalDifferentiation.MachineEpsilon);
        m = Math.Max(1, Math.Min(options.InnerMaxiter, n));
        v = new double[m + 1][];
        for (int i = 0; i <= m; i++)
        {
            v[i] = new double[n];
        }

        h = new double[m + 1, m];
        cs = new double[m];
        sn = new double[m];
        g = new double[m + 1];
        y = new double[m];
        w = new double[n];
        xt = new double[n];
        ft = new double[n];
        UpdateDiffStep();
    }

    public override void Update(double[] x, double[] f)
    {
        x.AsSpan().CopyTo(x0);
        f.AsSpan().CopyTo(f0);
        UpdateDiffStep();
    }

    private void UpdateDiffStep() =>
        omega = rdiff * Math.Max(1, NonlinSolve.MaxNorm(x0)) / Math.Max(1, NonlinSolve.MaxNorm(f0));

    /// <summary>product = J(x₀)·vec.</summary>
    private void MatVec(double[] vec, double[] product)
    {
        if (system.HasJacobianVectorProduct)
        {
            system.ExactJacobianVectorProduct(x0, vec, product);
            return;
        }

        double nv = MinpackKernels.Enorm(vec);
        if (nv == 0)
        {
            Array.Clear(product);
            return;
        }

        double sc = omega / nv;
        for (int i = 0; i < x0.Length; i++)
        {
            xt[i] = x0[i] + sc * vec[i];
        }

        system.Evaluate(xt, ft);
        for (int i = 0; i < x0.Length; i++)
        {
            product[i] = (ft[i] - f0[i]) / sc;
        }
    }

    public override void Solve(double[] b, double[] x, double tol)
    {
        int n = b.Length;
        Array.Clear(x);
        double bnorm = MinpackKernels.Enorm(b);
        if (bnorm == 0)
        {
            return;
        }

        double target = tol * bnorm;
        for (int restart = 0; restart < Math.Max(1, options.InnerRestarts); restart++)
        {
            // r = b − J·x into v[0].
            double[] r = v[0];
            if (restart == 0)
            {
                b.AsSpan().CopyTo(r);
            }
            else
            {
                MatVec(x, w);
                for (int i = 0; i < n; i++)
                {
                    r[i] = b[i] - w[i];
                }
            }

            double beta = MinpackKernels.Enorm(r);
            if (beta <= target)
            {
                return;
            }

            for (int i = 0; i < n; i++)
            {
                r[i] /= beta;
            }

            Array.Clear(g);
            g[0] = beta;
            int k = 0;
            for (int j = 0; j < m; j++)
            {
                MatVec(v[j], w);
                for (int i = 0; i <= j; i++)
                {
                    double hij = LowRankMatrix.Dot(w, v[i]);
                    h[i, j] = hij;
                    for (int l = 0; l < n; l++)
                    {
                        w[l] -= hij * v[i][l];
                    }
                }

                double hnext = MinpackKernels.Enorm(w);
                h[j + 1, j] = hnext;
                for (int i = 0; i < j; i++)
                {
                    double t = cs[i] * h[i, j] + sn[i] * h[i + 1, j];
                    h[i + 1, j] = -sn[i] * h[i, j] + cs[i] * h[i + 1, j];
                    h[i, j] = t;
                }

                double denom = Math.Sqrt(h[j, j] * h[j, j] + hnext * hnext);
                if (denom == 0)
                {
                    cs[j] = 1;
                    sn[j] = 0;
                }
                else
                {
                    cs[j] = h[j, j] / denom;
                    sn[j] = hnext / denom;
                }

                h[j, j] = cs[j] * h[j, j] + sn[j] * hnext;
                h[j + 1, j] = 0;
                g[j + 1] = -sn[j] * g[j];
                g[j] = cs[j] * g[j];
                k = j + 1;
                if (Math.Abs(g[j + 1]) <= target || hnext == 0 || !double.IsFinite(hnext))
                {
                    break;
                }

                if (j + 1 < m + 1)
                {
                    for (int l = 0; l < n; l++)
                    {
                        v[j + 1][l] = w[l] / hnext;
                    }
                }
            }

            // Back substitution H[0..k)·y = g and x += V·y.
            for (int i = k - 1; i >= 0; i--)
            {
                double s = g[i];
                for (int l = i + 1; l < k; l++)
                {
                    s -= h[i, l] * y[l];
                }

                y[i] = h[i, i] != 0 ? s / h[i, i] : 0;
            }

            for (int i = 0; i < k; i++)
            {
                for (int l = 0; l < n; l++)
                {
                    x[l] += y[i] * v[i][l];
                }
            }

            if (Math.Abs(g[k]) <= target)
            {
                return;
            }
        }
    }
}
