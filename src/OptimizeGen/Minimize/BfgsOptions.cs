namespace OptimizeGen;

/// <summary>Options of <see cref="MinimizeMethod.Bfgs"/> (scipy's <c>_minimize_bfgs</c>), with scipy's defaults.</summary>
public sealed record BfgsOptions : MinimizeOptions
{
    /// <summary>
    /// <c>norm</c>: the order p of the norm in the convergence test ‖∇f(x)‖ₚ ≤ gtol (default ∞: max |∂f/∂xᵢ| ≤ gtol;
    /// gtol defaults to 1e-5). <c>maxiter</c> defaults to 200·n.
    /// </summary>
    public double Norm { get; init; } = double.PositiveInfinity;

    /// <summary>
    /// <c>xrtol</c>: also stop (successfully) when the step is tiny relative to x, ‖αₖ pₖ‖₂ ≤ xrtol·(xrtol + ‖xₖ‖₂).
    /// Default 0 (off).
    /// </summary>
    public double Xrtol { get; init; }

    /// <summary><c>c1</c>: the sufficient-decrease constant of the strong Wolfe line search, f(x+αp) ≤ f(x) + c1·α·∇fᵀp. Default 1e-4.</summary>
    public double C1 { get; init; } = 1e-4;

    /// <summary><c>c2</c>: the curvature constant, |∇f(x+αp)ᵀp| ≤ c2·|∇fᵀp|. Default 0.9.</summary>
    public double C2 { get; init; } = 0.9;

    /// <summary><c>hess_inv0</c>: the initial inverse-Hessian approximation (n×n, symmetric positive definite); default I.</summary>
    public double[,]? HessInv0 { get; init; }

    internal override void Validate()
    {
        base.Validate();
        if (!(Norm > 0) && !double.IsNegativeInfinity(Norm))
        {
            throw new ArgumentOutOfRangeException(nameof(Norm), Norm, "norm must be > 0, ∞ or −∞.");
        }

        Guard.NonNegative(Xrtol, nameof(Xrtol));
        if (!(0 < C1 && C1 < C2 && C2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(C1), C1, $"The Wolfe constants must satisfy 0 < c1 < c2 < 1 (c1 = {C1}, c2 = {C2}).");
        }
    }
}
