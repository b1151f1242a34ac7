namespace OptimizeGen;

// Newton–Krylov for F(x) = 0 (scipy root 'krylov'): D. A. Knoll and D. E. Keyes, "Jacobian-free Newton–Krylov methods: a survey
// of approaches and applications", J. Comput. Phys. 193 (2004). Each Newton step solves J·dx = −F inexactly, to the relative
// residual η of the driver's Eisenstat–Walker forcing term, by one cycle of LGMRES — A. H. Baker, E. R. Jessup, T. Manteuffel,
// "A technique for accelerating the convergence of restarted GMRES", SIAM J. Matrix Anal. Appl. 26 (2005) — as scipy does:
// flexible GMRES whose search space starts with the normalized corrections of the last outer_k Newton steps (the augmentation
// vectors, carried from step to step) followed by the Krylov vectors of the residual, at most inner_maxiter of them, with
// Givens rotations on the Hessenberg matrix. Products J·v come exactly from an IJacobianVectorProductFunction (the generated
// one) when given, else from one forward difference each with scipy's step ω = rdiff·max(1, ‖x‖∞)/max(1, ‖F‖∞) scaled by 1/‖v‖.
// Departures: no preconditioner (inner_M); the products of the augmentation vectors are recomputed each step (scipy's
// store_outer_Av = False); an augmentation vector whose product lies in the span already built is skipped (scipy stops the
// cycle there, before any Krylov vector, which stalls Newton when successive corrections are parallel — seen with exact
// products); the small least-squares problem is solved by back substitution, a pivot below ε·k·max|hᵢᵢ| dropping its
// direction, rather than by lstsq.
internal sealed class KrylovJacobian(RootJacobianOptions options) : JacobianApproximation
{
    private RootSystem system = null!;
    private double[] x0 = [];
    private double[] f0 = [];
    private double omega;
    private double rdiff;
    private int inner;
    private int outerK;
    private double[][] v = [];          // the Arnoldi basis, at most inner + outerK + 1 vectors
    private double[][] z = [];          // the search directions (flexible GMRES), references into v or the augmentation vectors
    private double[][] outerPool = [];  // storage for the augmentation vectors, used round-robin
    private readonly List<double[]> outer = [];
    private double[,] h = new double[0, 0];
    private double[] cs = [];
    private double[] sn = [];
    private double[] g = [];
    private double[] y = [];
    private double[] w = [];
    private double[] xt = [];
    private double[] ft = [];
    private int nextPool;

    public override void Setup(double[] x, double[] f, RootSystem sys)
    {
        system = sys;
        int n = x.Length;
        x0 = (double[])x.Clone();
        f0 = (double[])f.Clone();
        rdiff = options.Rdiff ?? Math.Sqrt(NumericalDifferentiation.MachineEpsilon);
        inner = Math.Max(1, options.InnerMaxiter);
        outerK = Math.Max(0, options.OuterK);
        int m = inner + outerK;
        v = new double[m + 1][];
        for (int i = 0; i <= m; i++)
        {
            v[i] = new double[n];
        }

        z = new double[m][];
        outerPool = new double[outerK + 1][];
        for (int i = 0; i <= outerK; i++)
        {
            outerPool[i] = new double[n];
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

    /// <summary>One LGMRES cycle for J·x = b from x = 0, to ‖b − J·x‖ ≤ tol·‖b‖ (or the end of the cycle).</summary>
    public override void Solve(double[] b, double[] x, double tol)
    {
        int n = b.Length;
        Array.Clear(x);
        double beta = MinpackKernels.Enorm(b);
        if (beta == 0)
        {
            return;
        }

        for (int i = 0; i < n; i++)
        {
            v[0][i] = b[i] / beta;
        }

        int nOuter = outer.Count;
        int m = inner + nOuter;
        Array.Clear(g);
        g[0] = 1; // the residual relative to ‖b‖
        double eps = NumericalDifferentiation.MachineEpsilon;
        int k = 0;          // columns accepted so far
        int krylov = 0;     // Krylov directions tried (v₀, then the newest basis vector)
        int candidate = 0;  // augmentation vectors tried
        while (k < m && krylov < inner)
        {
            // The search direction: the augmentation vectors first, then v₀, then the newest Arnoldi vector.
            bool augmentation = candidate < nOuter;
            double[] zk = augmentation ? outer[candidate++] : v[krylov++ == 0 ? 0 : k];
            MatVec(zk, w);
            double wNorm = MinpackKernels.Enorm(w);
            for (int i = 0; i <= k; i++)
            {
                double hik = LowRankMatrix.Dot(w, v[i]);
                h[i, k] = hik;
                double[] vi = v[i];
                for (int l = 0; l < n; l++)
                {
                    w[l] -= hik * vi[l];
                }
            }

            double hnext = MinpackKernels.Enorm(w);
            bool breakdown = !(hnext > eps * wNorm);
            if (breakdown && augmentation)
            {
                // J·z lies in the span already built (an old correction parallel to a newer one): skip it — scipy would stop
                // here and solve a rank-deficient least-squares problem without ever reaching the Krylov vectors.
                continue;
            }

            z[k] = zk;
            h[k + 1, k] = hnext;
            if (!breakdown)
            {
                double[] vNext = v[k + 1];
                for (int l = 0; l < n; l++)
                {
                    vNext[l] = w[l] / hnext;
                }
            }

            // Apply the previous rotations to the new column, then eliminate h[k+1, k].
            for (int i = 0; i < k; i++)
            {
                double t = cs[i] * h[i, k] + sn[i] * h[i + 1, k];
                h[i + 1, k] = -sn[i] * h[i, k] + cs[i] * h[i + 1, k];
                h[i, k] = t;
            }

            double denom = Math.Sqrt(h[k, k] * h[k, k] + hnext * hnext);
            if (denom == 0 || !double.IsFinite(denom))
            {
                cs[k] = 1;
                sn[k] = 0;
            }
            else
            {
                cs[k] = h[k, k] / denom;
                sn[k] = hnext / denom;
            }

            h[k, k] = cs[k] * h[k, k] + sn[k] * hnext;
            h[k + 1, k] = 0;
            g[k + 1] = -sn[k] * g[k];
            g[k] = cs[k] * g[k];
            k++;
            if (Math.Abs(g[k]) < tol || breakdown)
            {
                break;
            }
        }

        // y from the triangular system (a pivot negligible against the largest drops its direction); dx = β·Σ zⱼ·yⱼ.
        double hmax = 0;
        for (int i = 0; i < k; i++)
        {
            hmax = Math.Max(hmax, Math.Abs(h[i, i]));
        }

        for (int i = k - 1; i >= 0; i--)
        {
            double s = g[i];
            for (int l = i + 1; l < k; l++)
            {
                s -= h[i, l] * y[l];
            }

            y[i] = Math.Abs(h[i, i]) > eps * k * hmax && double.IsFinite(h[i, i]) ? s / h[i, i] : 0;
        }

        for (int i = 0; i < k; i++)
        {
            double coefficient = beta * y[i];
            double[] zi = z[i];
            for (int l = 0; l < n; l++)
            {
                x[l] += coefficient * zi[l];
            }
        }

        // Keep dx/‖dx‖ as an augmentation vector for the next Newton steps (at most outer_k, oldest dropped).
        double nx = MinpackKernels.Enorm(x);
        if (outerK > 0 && nx > 0 && double.IsFinite(nx))
        {
            double[] slot = outerPool[nextPool];
            nextPool = (nextPool + 1) % outerPool.Length;
            if (outer.Count == outerK)
            {
                outer.RemoveAt(0);
            }

            for (int l = 0; l < n; l++)
            {
                slot[l] = x[l] / nx;
            }

            outer.Add(slot);
        }
    }
}
