namespace OptimizeGen;

/// <summary>Finite-difference schemes, named as scipy names them (<c>'2-point'</c>, <c>'3-point'</c>).</summary>
public enum FiniteDifferenceScheme
{
    /// <summary>Forward (or, at an upper bound, backward) differences: one evaluation per variable, error O(h).</summary>
    TwoPoint,

    /// <summary>Central (or, at a bound, one-sided three-point) differences: two evaluations per variable, error O(h²).</summary>
    ThreePoint,
}

/// <summary>
/// Finite-difference gradients and Jacobians with scipy's step rule (<c>scipy.optimize._numdiff.approx_derivative</c>):
/// hᵢ = r · sign(xᵢ) · max(1, |xᵢ|) with r = √ε for 2-point and r = ∛ε for 3-point, rounded so that xᵢ + hᵢ is
/// representable exactly; near a bound the step turns one-sided so that no evaluation leaves the bounds.
/// </summary>
public static class NumericalDifferentiation
{
    /// <summary>The spacing of doubles at 1 (2⁻⁵²), numpy's <c>finfo(float).eps</c>.</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>scipy's default relative step for <paramref name="scheme"/>: √ε (2-point) or ∛ε (3-point).</summary>
    public static double DefaultRelativeStep(FiniteDifferenceScheme scheme) =>
        scheme == FiniteDifferenceScheme.TwoPoint ? Math.Sqrt(MachineEpsilon) : Math.Cbrt(MachineEpsilon);

    /// <summary>
    /// Approximates ∇f(x) into <paramref name="gradient"/>. <paramref name="f0"/> is f(x) when the caller has it
    /// (saves one evaluation). Returns the number of evaluations of <paramref name="f"/> made.
    /// </summary>
    public static int Gradient(
        ObjectiveFunction f,
        ReadOnlySpan<double> x,
        Span<double> gradient,
        FiniteDifferenceScheme scheme = FiniteDifferenceScheme.TwoPoint,
        double? f0 = null,
        Bounds? bounds = null,
        double? relativeStep = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        int n = x.Length;
        Guard.Length(gradient.Length, n, nameof(gradient));
        double rel = relativeStep ?? DefaultRelativeStep(scheme);
        int evaluations = 0;
        double fx = 0;
        if (scheme == FiniteDifferenceScheme.TwoPoint || bounds is not null)
        {
            if (f0 is double given)
            {
                fx = given;
            }
            else
            {
                fx = f(x);
                evaluations++;
            }
        }

        double[] work = x.ToArray();
        for (int i = 0; i < n; i++)
        {
            double xi = x[i];
            double lower = bounds?.Lower(i) ?? double.NegativeInfinity;
            double upper = bounds?.Upper(i) ?? double.PositiveInfinity;
            var (h, kind) = Step(xi, rel, scheme, lower, upper);
            switch (kind)
            {
                case StepKind.OneSided:
                    work[i] = xi + h;
                    double f1 = f(work);
                    evaluations++;
                    gradient[i] = (f1 - fx) / h;
                    break;
                case StepKind.Central:
                    work[i] = xi + h;
                    double fp = f(work);
                    work[i] = xi - h;
                    double fm = f(work);
                    evaluations += 2;
                    gradient[i] = (fp - fm) / (2 * h);
                    break;
                default:
                    work[i] = xi + h;
                    double g1 = f(work);
                    work[i] = xi + 2 * h;
                    double g2 = f(work);
                    evaluations += 2;
                    gradient[i] = (-3 * fx + 4 * g1 - g2) / (2 * h);
                    break;
            }

            work[i] = xi;
        }

        return evaluations;
    }

    /// <summary>
    /// Approximates the m×n Jacobian of <paramref name="f"/> at x into <paramref name="jacobian"/> (row-major,
    /// <c>jacobian[i * n + j] = ∂Fᵢ/∂xⱼ</c>). <paramref name="f0"/> is F(x), length m. Returns the number of
    /// evaluations of <paramref name="f"/> made.
    /// </summary>
    public static int Jacobian(
        VectorFunction f,
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> f0,
        Span<double> jacobian,
        FiniteDifferenceScheme scheme = FiniteDifferenceScheme.TwoPoint,
        Bounds? bounds = null,
        double? relativeStep = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        int n = x.Length;
        int m = f0.Length;
        Guard.Length(jacobian.Length, m * n, nameof(jacobian));
        double rel = relativeStep ?? DefaultRelativeStep(scheme);
        double[] work = x.ToArray();
        double[] fa = new double[m];
        double[] fb = new double[m];
        int evaluations = 0;
        for (int j = 0; j < n; j++)
        {
            double xj = x[j];
            double lower = bounds?.Lower(j) ?? double.NegativeInfinity;
            double upper = bounds?.Upper(j) ?? double.PositiveInfinity;
            var (h, kind) = Step(xj, rel, scheme, lower, upper);
            switch (kind)
            {
                case StepKind.OneSided:
                    work[j] = xj + h;
                    f(work, fa);
                    evaluations++;
                    for (int i = 0; i < m; i++)
                    {
                        jacobian[i * n + j] = (fa[i] - f0[i]) / h;
                    }

                    break;
                case StepKind.Central:
                    work[j] = xj + h;
                    f(work, fa);
                    work[j] = xj - h;
                    f(work, fb);
                    evaluations += 2;
                    for (int i = 0; i < m; i++)
                    {
                        jacobian[i * n + j] = (fa[i] - fb[i]) / (2 * h);
                    }

                    break;
                default:
                    work[j] = xj + h;
                    f(work, fa);
                    work[j] = xj + 2 * h;
                    f(work, fb);
                    evaluations += 2;
                    for (int i = 0; i < m; i++)
                    {
                        jacobian[i * n + j] = (-3 * f0[i] + 4 * fa[i] - fb[i]) / (2 * h);
                    }

                    break;
            }

            work[j] = xj;
        }

        return evaluations;
    }

    private enum StepKind
    {
        OneSided,
        Central,
        OneSidedThreePoint,
    }

    /// <summary>scipy's <c>_compute_absolute_step</c> and <c>_adjust_scheme_to_bounds</c> for one variable.</summary>
    private static (double H, StepKind Kind) Step(double xi, double rel, FiniteDifferenceScheme scheme, double lower, double upper)
    {
        double sign = xi >= 0 ? 1.0 : -1.0;
        double h = rel * sign * Math.Max(1.0, Math.Abs(xi));
        h = (xi + h) - xi; // the step actually taken in floating point
        if (h == 0)
        {
            h = rel * sign;
        }

        if (scheme == FiniteDifferenceScheme.TwoPoint)
        {
            double forward = xi + h;
            if (forward < lower || forward > upper)
            {
                double backward = xi - h;
                if (backward >= lower && backward <= upper)
                {
                    h = -h;
                }
            }

            return (h, StepKind.OneSided);
        }

        double ah = Math.Abs(h);
        if (xi - ah >= lower && xi + ah <= upper)
        {
            return (ah, StepKind.Central);
        }

        // One-sided three-point: toward the side with room for two steps.
        if (xi + 2 * ah <= upper)
        {
            return (ah, StepKind.OneSidedThreePoint);
        }

        if (xi - 2 * ah >= lower)
        {
            return (-ah, StepKind.OneSidedThreePoint);
        }

        // The box is narrower than two steps: the largest central step that fits.
        double room = Math.Min(upper - xi, xi - lower);
        return (room > 0 ? room : ah, StepKind.Central);
    }
}
