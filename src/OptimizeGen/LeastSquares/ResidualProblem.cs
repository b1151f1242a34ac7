namespace OptimizeGen.LeastSquaresInternals;

/// <summary>
/// A least-squares problem as the solvers see it: residuals f: ℝⁿ → ℝᵐ and their Jacobian, stored column-major
/// (<c>jac[i + j·m] = ∂fᵢ/∂xⱼ</c>, the layout MINPACK's QR works on). Subclasses give the residuals and, when they
/// have it, the exact Jacobian; otherwise the Jacobian comes from scipy's finite-difference rule
/// (<c>approx_derivative</c>: hⱼ = r·sign(xⱼ)·max(1, |xⱼ|), r = √ε for 2-point and ∛ε for 3-point, one-sided at a
/// bound so that no evaluation leaves the box). Workspaces are allocated once per problem.
/// </summary>
internal abstract class ResidualProblem
{
    private double[]? _work;
    private double[]? _fa;
    private double[]? _fb;

    protected ResidualProblem(int m, int n)
    {
        M = m;
        N = n;
    }

    /// <summary>The number of residuals.</summary>
    public int M { get; }

    /// <summary>The number of variables.</summary>
    public int N { get; }

    /// <summary>True when <see cref="ExactJacobian"/> is implemented.</summary>
    public abstract bool HasExactJacobian { get; }

    /// <summary>Calls of <see cref="Residuals"/> made for finite differences.</summary>
    public int FiniteDifferenceEvaluations { get; private set; }

    /// <summary>The finite-difference scheme when there is no exact Jacobian.</summary>
    public FiniteDifferenceScheme Scheme { get; set; } = FiniteDifferenceScheme.TwoPoint;

    /// <summary>The relative finite-difference step, or null for the scheme's default.</summary>
    public double? RelativeStep { get; set; }

    /// <summary>
    /// MINPACK's fdjac2 step rule, hⱼ = r·|xⱼ| (r when xⱼ = 0), as scipy's method='lm' (lmdif) uses it, instead of
    /// approx_derivative's r·max(1, |xⱼ|). Relative steps keep tiny parameters (NIST's Hahn1 has b7 ≈ 1e-9) accurate.
    /// </summary>
    public bool MinpackSteps { get; set; }

    /// <summary>Bounds the finite-difference steps must respect (null: none).</summary>
    public double[]? Lower { get; set; }

    /// <summary>Bounds the finite-difference steps must respect (null: none).</summary>
    public double[]? Upper { get; set; }

    /// <summary>Writes f(x).</summary>
    public abstract void Residuals(ReadOnlySpan<double> x, Span<double> f);

    /// <summary>Writes the exact Jacobian column-major (f(x) is given when the caller has it).</summary>
    protected virtual void ExactJacobian(ReadOnlySpan<double> x, ReadOnlySpan<double> f, Span<double> jac) =>
        throw new InvalidOperationException("This problem has no exact Jacobian.");

    /// <summary>Writes the Jacobian at x, column-major m×n; <paramref name="f"/> is f(x).</summary>
    public void Jacobian(ReadOnlySpan<double> x, ReadOnlySpan<double> f, Span<double> jac)
    {
        if (HasExactJacobian)
        {
            ExactJacobian(x, f, jac);
        }
        else
        {
            FiniteDifferenceJacobian(x, f, jac);
        }
    }

    private void FiniteDifferenceJacobian(ReadOnlySpan<double> x, ReadOnlySpan<double> f0, Span<double> jac)
    {
        int m = M;
        int n = N;
        _work ??= new double[n];
        _fa ??= new double[m];
        _fb ??= new double[m];
        double[] work = _work;
        double[] fa = _fa;
        double[] fb = _fb;
        x.CopyTo(work);
        bool three = Scheme == FiniteDifferenceScheme.ThreePoint;
        double rel = RelativeStep ?? NumericalDifferentiation.DefaultRelativeStep(Scheme);
        for (int j = 0; j < n; j++)
        {
            double xj = x[j];
            double lower = Lower?[j] ?? double.NegativeInfinity;
            double upper = Upper?[j] ?? double.PositiveInfinity;
            double sign = xj >= 0 ? 1.0 : -1.0;
            double h = MinpackSteps ? rel * Math.Abs(xj) : rel * sign * Math.Max(1.0, Math.Abs(xj));
            if (h == 0)
            {
                h = rel;
            }

            double taken = (xj + h) - xj;
            h = taken == 0 ? rel * sign : taken;
            Span<double> column = jac.Slice(j * m, m);
            if (!three)
            {
                double forward = xj + h;
                if ((forward < lower || forward > upper) && xj - h >= lower && xj - h <= upper)
                {
                    h = -h;
                }

                work[j] = xj + h;
                Residuals(work, fa);
                FiniteDifferenceEvaluations++;
                double inv = 1.0 / h;
                for (int i = 0; i < m; i++)
                {
                    column[i] = (fa[i] - f0[i]) * inv;
                }
            }
            else
            {
                double ah = Math.Abs(h);
                int kind; // 0 central, 1 one-sided three-point
                if (xj - ah >= lower && xj + ah <= upper)
                {
                    kind = 0;
                }
                else if (xj + 2 * ah <= upper)
                {
                    kind = 1;
                }
                else if (xj - 2 * ah >= lower)
                {
                    kind = 1;
                    ah = -ah;
                }
                else
                {
                    double room = Math.Min(upper - xj, xj - lower);
                    ah = room > 0 ? room : ah;
                    kind = 0;
                }

                if (kind == 0)
                {
                    work[j] = xj + ah;
                    Residuals(work, fa);
                    work[j] = xj - ah;
                    Residuals(work, fb);
                    double inv = 0.5 / ah;
                    for (int i = 0; i < m; i++)
                    {
                        column[i] = (fa[i] - fb[i]) * inv;
                    }
                }
                else
                {
                    work[j] = xj + ah;
                    Residuals(work, fa);
                    work[j] = xj + 2 * ah;
                    Residuals(work, fb);
                    double inv = 0.5 / ah;
                    for (int i = 0; i < m; i++)
                    {
                        column[i] = (-3 * f0[i] + 4 * fa[i] - fb[i]) * inv;
                    }
                }

                FiniteDifferenceEvaluations += 2;
            }

            work[j] = xj;
        }
    }
}

/// <summary>Residuals from an <see cref="IVectorFunction"/> (exact Jacobian when it is an <see cref="IJacobianFunction"/>).</summary>
internal sealed class VectorFunctionProblem : ResidualProblem
{
    private readonly IVectorFunction _function;
    private readonly IJacobianFunction? _jacobian;
    private readonly double[]? _rowMajor;
    private readonly double[]? _scratch;

    public VectorFunctionProblem(IVectorFunction function, int m, int n, bool useExactJacobian)
        : base(m, n)
    {
        _function = function;
        _jacobian = useExactJacobian ? function as IJacobianFunction : null;
        if (_jacobian is not null)
        {
            _rowMajor = new double[m * n];
            _scratch = new double[m];
        }
    }

    public override bool HasExactJacobian => _jacobian is not null;

    public override void Residuals(ReadOnlySpan<double> x, Span<double> f) => _function.Evaluate(x, f);

    protected override void ExactJacobian(ReadOnlySpan<double> x, ReadOnlySpan<double> f, Span<double> jac)
    {
        _jacobian!.EvaluateWithJacobian(x, _scratch, _rowMajor);
        LsqKernels.TransposeRowMajor(_rowMajor!, M, N, jac);
    }
}

/// <summary>Residuals from delegates, with an optional Jacobian delegate (row-major, as scipy's <c>jac</c> returns it).</summary>
internal sealed class DelegateProblem : ResidualProblem
{
    private readonly VectorFunction _function;
    private readonly JacobianFunction? _jacobian;
    private readonly double[]? _rowMajor;

    public DelegateProblem(VectorFunction function, JacobianFunction? jacobian, int m, int n)
        : base(m, n)
    {
        _function = function;
        _jacobian = jacobian;
        if (jacobian is not null)
        {
            _rowMajor = new double[m * n];
        }
    }

    public override bool HasExactJacobian => _jacobian is not null;

    public override void Residuals(ReadOnlySpan<double> x, Span<double> f) => _function(x, f);

    protected override void ExactJacobian(ReadOnlySpan<double> x, ReadOnlySpan<double> f, Span<double> jac)
    {
        _jacobian!(x, _rowMajor);
        LsqKernels.TransposeRowMajor(_rowMajor!, M, N, jac);
    }
}
