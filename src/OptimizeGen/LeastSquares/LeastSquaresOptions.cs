namespace OptimizeGen;

/// <summary>The algorithm of <c>Optimize.LeastSquares</c>, named as scipy names them (<c>method=</c>).</summary>
public enum LeastSquaresMethod
{
    /// <summary><c>'trf'</c>: Trust Region Reflective (Branch, Coleman &amp; Li 1999); handles bounds and robust losses.</summary>
    Trf,

    /// <summary><c>'dogbox'</c>: a dogleg in a rectangular trust region (Voglis &amp; Lagaris 2004); handles bounds and robust losses.</summary>
    Dogbox,

    /// <summary><c>'lm'</c>: MINPACK's Levenberg–Marquardt (Moré 1978). No bounds, linear loss only, m ≥ n.</summary>
    Lm,
}

/// <summary>The loss ρ(z) applied to z = (fᵢ / f_scale)², scipy's <c>loss=</c>.</summary>
public enum LossFunction
{
    /// <summary><c>'linear'</c>: ρ(z) = z, ordinary least squares.</summary>
    Linear,

    /// <summary><c>'soft_l1'</c>: ρ(z) = 2(√(1 + z) − 1), a smooth approximation of the l1 loss.</summary>
    SoftL1,

    /// <summary><c>'huber'</c>: ρ(z) = z for z ≤ 1, 2√z − 1 otherwise.</summary>
    Huber,

    /// <summary><c>'cauchy'</c>: ρ(z) = ln(1 + z).</summary>
    Cauchy,

    /// <summary><c>'arctan'</c>: ρ(z) = arctan(z); limits the loss of any single residual.</summary>
    Arctan,
}

/// <summary>
/// scipy's <c>x_scale</c>: the characteristic scale of each variable. The trust region is a ball in the scaled
/// variables xᵢ / x_scaleᵢ. <see cref="Jac"/> takes the scale from the inverse norms of the Jacobian's columns and
/// updates it as the iteration goes (Moré 1978, §6).
/// </summary>
public sealed class XScale
{
    private XScale(double[]? values) => Values = values;

    /// <summary><c>x_scale='jac'</c>: scale from the Jacobian's column norms, never decreasing.</summary>
    public static XScale Jac { get; } = new(null);

    /// <summary>The same scale for every variable (scipy's default is 1).</summary>
    public static XScale Uniform(double value) => Of([value]);

    /// <summary>One positive scale per variable (or one value for all).</summary>
    public static XScale Of(params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException("x_scale is empty.", nameof(values));
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (!(values[i] > 0) || double.IsInfinity(values[i]))
            {
                throw new ArgumentException($"x_scale[{i}] = {values[i]}; every entry must be positive and finite.", nameof(values));
            }
        }

        return new((double[])values.Clone());
    }

    /// <summary>True for <c>'jac'</c>.</summary>
    public bool IsJac => Values is null;

    /// <summary>The scales given (length 1 means the same for all), or null for <c>'jac'</c>.</summary>
    public double[]? Values { get; }

    internal double[] Resolve(int n)
    {
        var s = new double[n];
        if (Values is null)
        {
            Array.Fill(s, 1.0);
        }
        else if (Values.Length == 1)
        {
            Array.Fill(s, Values[0]);
        }
        else if (Values.Length == n)
        {
            Values.CopyTo(s, 0);
        }
        else
        {
            throw new ArgumentException($"x_scale has {Values.Length} entries but the problem has {n} variables.", "XScale");
        }

        return s;
    }
}

/// <summary>
/// Options of <c>Optimize.LeastSquares</c> under scipy's names and with scipy's defaults. Validated when the solve
/// starts; a bad value throws <see cref="ArgumentException"/> naming the option.
/// </summary>
public record LeastSquaresOptions
{
    /// <summary><c>method</c>: null means <see cref="LeastSquaresMethod.Trf"/> (scipy's default).</summary>
    public LeastSquaresMethod? Method { get; init; }

    /// <summary>
    /// <c>ftol</c> (default 1e-8): stop when the actual reduction of the cost F = ½Σρ(fᵢ²) in a step satisfies
    /// dF &lt; ftol · F and the step was a good one (ratio of actual to predicted reduction &gt; ¼). For
    /// <see cref="LeastSquaresMethod.Lm"/> MINPACK's test: |actred| ≤ ftol and prered ≤ ftol, both relative to ‖f‖².
    /// </summary>
    public double Ftol { get; init; } = 1e-8;

    /// <summary>
    /// <c>xtol</c> (default 1e-8): stop when the step satisfies ‖dx‖ &lt; xtol · (xtol + ‖x‖). For
    /// <see cref="LeastSquaresMethod.Lm"/> MINPACK's test on the scaled trust radius: Δ ≤ xtol · ‖D x‖.
    /// </summary>
    public double Xtol { get; init; } = 1e-8;

    /// <summary>
    /// <c>gtol</c> (default 1e-8): stop when ‖g_scaled‖∞ &lt; gtol, where for Trf g_scaled = v ∘ g is the gradient
    /// JᵀF scaled by Coleman–Li's vector v; for Dogbox the ∞-norm of the gradient with the components of active
    /// bounds removed; for Lm the largest cosine between f and a column of J: maxⱼ |Jⱼᵀf| / (‖Jⱼ‖ ‖f‖).
    /// </summary>
    public double Gtol { get; init; } = 1e-8;

    /// <summary>
    /// <c>max_nfev</c>: the limit on function evaluations; null gives scipy's default, 100·n for Trf and Dogbox
    /// (which do not count the evaluations that finite differences make) and for Lm with an exact Jacobian, and
    /// 100·n·(n+1) for Lm with finite differences (which counts them).
    /// </summary>
    public int? MaxNfev { get; init; }

    /// <summary><c>bounds</c> on the variables (Trf and Dogbox only). Null means none.</summary>
    public Bounds? Bounds { get; init; }

    /// <summary><c>loss</c> (default <see cref="LossFunction.Linear"/>); robust losses need Trf or Dogbox.</summary>
    public LossFunction Loss { get; init; } = LossFunction.Linear;

    /// <summary><c>f_scale</c> (default 1): the soft margin between inlier and outlier residuals, ρ applied to (f/f_scale)².</summary>
    public double FScale { get; init; } = 1.0;

    /// <summary><c>x_scale</c>: null means scipy's default, 1 for every variable; <see cref="XScale.Jac"/> scales by the Jacobian's columns.</summary>
    public XScale? XScale { get; init; }

    /// <summary>
    /// The finite-difference scheme when no Jacobian is given: scipy's <c>jac='2-point'</c> (default) or <c>'3-point'</c>.
    /// </summary>
    public FiniteDifferenceScheme JacScheme { get; init; } = FiniteDifferenceScheme.TwoPoint;

    /// <summary>
    /// <c>diff_step</c>: the relative finite-difference step. As in scipy, a given value r makes the step r·|xⱼ|
    /// (relative to the variable itself); null means r·max(1, |xⱼ|) with r = √ε for 2-point and ∛ε for 3-point
    /// (Trf, Dogbox) and MINPACK's √ε·|xⱼ| for Lm.
    /// </summary>
    public double? DiffStep { get; init; }

    /// <summary>Stops the solve; the result holds the best point so far with <see cref="LeastSquaresStatus.Cancelled"/>.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// Not in scipy (default false, scipy's behaviour): after the method's convergence test has passed, for the
    /// linear loss without bounds, polish x with up to <see cref="MaxRefinementSteps"/> Gauss–Newton steps
    /// p = −J⁺f, each kept only when the cost does not grow beyond rounding (‖f(x + p)‖² ≤ (1 + √ε)‖f(x)‖²) and the
    /// next step is at least 10% shorter in the ∞-norm scaled by the Jacobian's column norms (confirmed
    /// contraction); the first step must satisfy ‖D p‖∞ ≤ 1e-4·‖D x‖∞. The cost-based ftol/xtol tests stop resolving
    /// x at about √ε in units of its standard errors; the refinement takes it to the rounding of f and J (NIST StRD:
    /// the mean LRE rises from about 9.3 to about 10.7). Costs one residual and one Jacobian evaluation per step.
    /// </summary>
    public bool Refine { get; init; }

    /// <summary>The most Gauss–Newton steps <see cref="Refine"/> takes (default 50).</summary>
    public int MaxRefinementSteps { get; init; } = 50;
}
