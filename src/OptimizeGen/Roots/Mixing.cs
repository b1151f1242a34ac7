namespace OptimizeGen;

// Conventions as scipy's: the Jacobian approximations start from −(1/α)·I, the Jacobian of a fixed-point residual G(x) − x.
// The diagonal "mixing" schemes of scipy root: 'linearmixing' (J⁻¹ ≈ −α·I), 'excitingmixing' (a per-component α that grows by
// α while Fᵢ keeps its sign and resets to α when it flips, clipped to [0, alphamax], as in the EXCITING code's mixing), and
// 'diagbroyden' (Broyden's update restricted to the diagonal: d ← d − (Δf + d∘Δx)∘Δx/‖Δx‖²). They suit mildly nonlinear,
// diagonally dominant systems (fixed-point problems); they are not meant for hard ones.
internal sealed class LinearMixingJacobian(RootJacobianOptions options) : JacobianApproximation
{
    private double alpha;

    public override void Setup(double[] x, double[] f, RootSystem system) => alpha = options.Alpha ?? DefaultAlpha(x, f);

    public override void Solve(double[] f, double[] result, double tol)
    {
        for (int i = 0; i < f.Length; i++)
        {
            result[i] = -alpha * f[i];
        }
    }

    public override void Update(double[] x, double[] f)
    {
    }
}

internal sealed class ExcitingMixingJacobian(RootJacobianOptions options) : JacobianApproximation
{
    private double alpha;
    private double[] beta = [];
    private double[] lastF = [];

    public override void Setup(double[] x, double[] f, RootSystem system)
    {
        alpha = options.Alpha ?? DefaultAlpha(x, f);
        beta = new double[x.Length];
        Array.Fill(beta, alpha);
        lastF = (double[])f.Clone();
    }

    public override void Solve(double[] f, double[] result, double tol)
    {
        for (int i = 0; i < f.Length; i++)
        {
            result[i] = -beta[i] * f[i];
        }
    }

    public override void Update(double[] x, double[] f)
    {
        for (int i = 0; i < f.Length; i++)
        {
            beta[i] = f[i] * lastF[i] > 0 ? beta[i] + alpha : alpha;
            beta[i] = Math.Clamp(beta[i], 0, options.Alphamax);
        }

        f.AsSpan().CopyTo(lastF);
    }
}

internal sealed class DiagBroydenJacobian(RootJacobianOptions options) : GenericBroyden
{
    private double[] d = [];

    public override void Setup(double[] x, double[] f, RootSystem system)
    {
        base.Setup(x, f, system);
        double alpha = options.Alpha ?? DefaultAlpha(x, f);
        d = new double[x.Length];
        Array.Fill(d, 1 / alpha);
    }

    public override void Solve(double[] f, double[] result, double tol)
    {
        // J ≈ −diag(d), so J⁻¹·f = −f/d.
        for (int i = 0; i < f.Length; i++)
        {
            result[i] = -f[i] / d[i];
        }
    }

    protected override void UpdateDifferences(double[] x, double[] f, double[] dx, double[] df, double dxNorm, double dfNorm)
    {
        double s = dxNorm * dxNorm;
        for (int i = 0; i < d.Length; i++)
        {
            d[i] -= (df[i] + d[i] * dx[i]) * dx[i] / s;
        }
    }
}
