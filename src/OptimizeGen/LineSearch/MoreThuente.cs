// Moré–Thuente line search: finds a step satisfying the strong Wolfe conditions
//     φ(α) ≤ φ(0) + ftol·α·φ'(0)   and   |φ'(α)| ≤ gtol·|φ'(0)|
// by safeguarded cubic/quadratic interpolation on an interval of uncertainty.
// J. J. Moré and D. J. Thuente, "Line search algorithms with guaranteed sufficient decrease", ACM TOMS 20(3), 1994,
// 286–307; the structure follows their MINPACK-2 routines dcsrch/dcstep (the ones scipy's line_search_wolfe1 wraps).
// Departure: a trial step where φ or φ' is NaN/±∞ is not fed to the interpolation; the search backs off halfway toward
// the best step so far (and never again goes beyond the failed step), up to 60 times, then reports NotFinite.

namespace OptimizeGen.LineSearch;

/// <summary>φ(α) = f(x + α d) and φ'(α) = ∇f(x + α d)·d along one search direction.</summary>
internal interface ILineFunction
{
    /// <summary>Returns φ(α) and writes φ'(α).</summary>
    double Evaluate(double alpha, out double derivative);
}

/// <summary>How a line search ended.</summary>
internal enum LineSearchStatus
{
    /// <summary>The strong Wolfe conditions hold at the step.</summary>
    Converged,

    /// <summary>MINPACK-2's warnings: rounding errors, xtol, stpmax or stpmin reached. The step may still decrease f.</summary>
    Warning,

    /// <summary>The iteration limit of the search was reached.</summary>
    MaxIterations,

    /// <summary>φ or φ' stayed non-finite however far the search backed off.</summary>
    NotFinite,
}

/// <summary>The outcome of a line search: the last step evaluated, φ and φ' there.</summary>
internal readonly record struct LineSearchResult(double Alpha, double Phi, double Derivative, LineSearchStatus Status, int Evaluations);

/// <summary>The Moré–Thuente strong-Wolfe line search (MINPACK-2 dcsrch/dcstep).</summary>
internal static class MoreThuente
{
    private const double XTrapLower = 1.1;
    private const double XTrapUpper = 4.0;

    /// <summary>
    /// Searches from α = <paramref name="alpha0"/> given φ(0) = <paramref name="phi0"/> and φ'(0) =
    /// <paramref name="derivative0"/> &lt; 0. <paramref name="ftol"/> is c₁ of the sufficient-decrease test,
    /// <paramref name="gtol"/> c₂ of the curvature test, <paramref name="xtol"/> the relative width of the interval of
    /// uncertainty below which the search stops.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static LineSearchResult Search(
        ILineFunction line,
        double phi0,
        double derivative0,
        double alpha0,
        double ftol = 1e-4,
        double gtol = 0.9,
        double xtol = 1e-14,
        double stpmin = 0,
        double stpmax = 1e100,
        int maxIterations = 100)
    {
        double stp = Math.Clamp(alpha0, stpmin, stpmax);
        double finit = phi0;
        double ginit = derivative0;
        double gtest = ftol * ginit;
        double width = stpmax - stpmin;
        double width1 = 2 * width;
        double stx = 0, fx = finit, gx = ginit;
        double sty = 0, fy = finit, gy = ginit;
        double stmin = 0;
        double stmax = stp + XTrapUpper * stp;
        bool brackt = false;
        int stage = 1;
        int evaluations = 0;
        int backoffs = 0;
        double f = finit, g = ginit;
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            f = line.Evaluate(stp, out g);
            evaluations++;
            if (!double.IsFinite(f) || !double.IsFinite(g))
            {
                if (++backoffs > 60 || stp <= stpmin)
                {
                    return new LineSearchResult(stp, f, g, LineSearchStatus.NotFinite, evaluations);
                }

                stpmax = stp;
                stp = stx + 0.5 * (stp - stx);
                if (stp <= stx)
                {
                    return new LineSearchResult(stp, f, g, LineSearchStatus.NotFinite, evaluations);
                }

                stmax = Math.Min(stmax, stpmax);
                iteration--; // a back-off is not an interpolation step
                continue;
            }

            double ftest = finit + stp * gtest;
            if (stage == 1 && f <= ftest && g >= 0)
            {
                stage = 2;
            }

            if (f <= ftest && Math.Abs(g) <= gtol * -ginit)
            {
                return new LineSearchResult(stp, f, g, LineSearchStatus.Converged, evaluations);
            }

            if ((brackt && (stp <= stmin || stp >= stmax))
                || (brackt && stmax - stmin <= xtol * stmax)
                || (stp == stpmax && f <= ftest && g <= gtest)
                || (stp == stpmin && (f > ftest || g >= gtest)))
            {
                return new LineSearchResult(stp, f, g, LineSearchStatus.Warning, evaluations);
            }

            if (stage == 1 && f <= fx && f > ftest)
            {
                // The modified function ψ(α) = φ(α) − φ(0) − ftol·α·φ'(0) until a step with ψ ≤ 0 and φ' ≥ 0 is found.
                double fm = f - stp * gtest;
                double fxm = fx - stx * gtest;
                double fym = fy - sty * gtest;
                double gm = g - gtest;
                double gxm = gx - gtest;
                double gym = gy - gtest;
                Step(ref stx, ref fxm, ref gxm, ref sty, ref fym, ref gym, ref stp, fm, gm, ref brackt, stmin, stmax);
                fx = fxm + stx * gtest;
                fy = fym + sty * gtest;
                gx = gxm + gtest;
                gy = gym + gtest;
            }
            else
            {
                Step(ref stx, ref fx, ref gx, ref sty, ref fy, ref gy, ref stp, f, g, ref brackt, stmin, stmax);
            }

            if (brackt)
            {
                if (Math.Abs(sty - stx) >= 0.66 * width1)
                {
                    stp = stx + 0.5 * (sty - stx);
                }

                width1 = width;
                width = Math.Abs(sty - stx);
                stmin = Math.Min(stx, sty);
                stmax = Math.Max(stx, sty);
            }
            else
            {
                stmin = stp + XTrapLower * (stp - stx);
                stmax = stp + XTrapUpper * (stp - stx);
            }

            stp = Math.Clamp(stp, stpmin, stpmax);
            if ((brackt && (stp <= stmin || stp >= stmax)) || (brackt && stmax - stmin <= xtol * stmax))
            {
                stp = stx;
            }
        }

        return new LineSearchResult(stp, f, g, LineSearchStatus.MaxIterations, evaluations);
    }

    /// <summary>
    /// dcstep: a safeguarded step for the interval [stx, sty] with the trial stp; updates the interval and returns the
    /// new trial in <paramref name="stp"/>. <paramref name="stpmin"/>/<paramref name="stpmax"/> bound the new step.
    /// </summary>
    private static void Step(
        ref double stx, ref double fx, ref double dx,
        ref double sty, ref double fy, ref double dy,
        ref double stp, double fp, double dp,
        ref bool brackt, double stpmin, double stpmax)
    {
        double sgnd = dp * Math.Sign(dx);
        double stpf;
        if (fp > fx)
        {
            // Case 1: a higher function value; the minimum is bracketed.
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = Math.Max(Math.Abs(theta), Math.Max(Math.Abs(dx), Math.Abs(dp)));
            double gamma = s * Math.Sqrt(Math.Max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
            if (stp < stx)
            {
                gamma = -gamma;
            }

            double p = (gamma - dx) + theta;
            double q = ((gamma - dx) + gamma) + dp;
            double r = p / q;
            double stpc = stx + r * (stp - stx);
            double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2) * (stp - stx);
            stpf = Math.Abs(stpc - stx) < Math.Abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
            brackt = true;
        }
        else if (sgnd < 0)
        {
            // Case 2: lower value, derivatives of opposite sign; the minimum is bracketed.
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = Math.Max(Math.Abs(theta), Math.Max(Math.Abs(dx), Math.Abs(dp)));
            double gamma = s * Math.Sqrt(Math.Max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
            if (stp > stx)
            {
                gamma = -gamma;
            }

            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + dx;
            double r = p / q;
            double stpc = stp + r * (stx - stp);
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            stpf = Math.Abs(stpc - stp) > Math.Abs(stpq - stp) ? stpc : stpq;
            brackt = true;
        }
        else if (Math.Abs(dp) < Math.Abs(dx))
        {
            // Case 3: lower value, same sign, the derivative decreases in magnitude.
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = Math.Max(Math.Abs(theta), Math.Max(Math.Abs(dx), Math.Abs(dp)));
            double gamma = s * Math.Sqrt(Math.Max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
            if (stp > stx)
            {
                gamma = -gamma;
            }

            double p = (gamma - dp) + theta;
            double q = (gamma + (dx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0 && gamma != 0)
            {
                stpc = stp + r * (stx - stp);
            }
            else if (stp > stx)
            {
                stpc = stpmax;
            }
            else
            {
                stpc = stpmin;
            }

            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            if (brackt)
            {
                stpf = Math.Abs(stpc - stp) < Math.Abs(stpq - stp) ? stpc : stpq;
                stpf = stp > stx ? Math.Min(stp + 0.66 * (sty - stp), stpf) : Math.Max(stp + 0.66 * (sty - stp), stpf);
            }
            else
            {
                stpf = Math.Abs(stpc - stp) > Math.Abs(stpq - stp) ? stpc : stpq;
                stpf = Math.Clamp(stpf, stpmin, stpmax);
            }
        }
        else
        {
            // Case 4: lower value, same sign, the derivative does not decrease in magnitude.
            if (brackt)
            {
                double theta = 3 * (fp - fy) / (sty - stp) + dy + dp;
                double s = Math.Max(Math.Abs(theta), Math.Max(Math.Abs(dy), Math.Abs(dp)));
                double gamma = s * Math.Sqrt(Math.Max(0, (theta / s) * (theta / s) - (dy / s) * (dp / s)));
                if (stp > sty)
                {
                    gamma = -gamma;
                }

                double p = (gamma - dp) + theta;
                double q = ((gamma - dp) + gamma) + dy;
                double r = p / q;
                stpf = stp + r * (sty - stp);
            }
            else
            {
                stpf = stp > stx ? stpmax : stpmin;
            }
        }

        if (fp > fx)
        {
            sty = stp;
            fy = fp;
            dy = dp;
        }
        else
        {
            if (sgnd < 0)
            {
                sty = stx;
                fy = fx;
                dy = dx;
            }

            stx = stp;
            fx = fp;
            dx = dp;
        }

        stp = stpf;
    }
}

/// <summary>
/// The line φ(α) = f(x + α d) for gradient methods: evaluates value and gradient together and keeps the last trial
/// point and gradient, so the method takes them without evaluating again. Buffers are allocated once per solve.
/// </summary>
internal sealed class GradientLine : ILineFunction
{
    private readonly MinimizeContext _context;
    private double[] _x = [];
    private ReadOnlyMemory<double> _d;

    public GradientLine(MinimizeContext context, int n)
    {
        _context = context;
        XTrial = new double[n];
        GTrial = new double[n];
    }

    /// <summary>x + α d at the last evaluation.</summary>
    public double[] XTrial { get; private set; }

    /// <summary>∇f at <see cref="XTrial"/>.</summary>
    public double[] GTrial { get; private set; }

    /// <summary>
    /// Swaps the caller's x and g with <see cref="XTrial"/> and <see cref="GTrial"/> (same lengths): the accepted trial
    /// point becomes the caller's iterate without a copy, and the old iterate's arrays become the next trial buffers.
    /// </summary>
    public void Exchange(ref double[] x, ref double[] g)
    {
        (x, XTrial) = (XTrial, x);
        (g, GTrial) = (GTrial, g);
    }

    /// <summary>The step of the last evaluation.</summary>
    public double LastAlpha { get; private set; } = double.NaN;

    /// <summary>Bounds the trial points are clamped into (against rounding at the largest feasible step), or null.</summary>
    public double[]? Lower { get; set; }

    /// <summary>Upper bounds matching <see cref="Lower"/>.</summary>
    public double[]? Upper { get; set; }

    /// <summary>Sets the base point and direction (kept by reference, not copied).</summary>
    public void Reset(double[] x, ReadOnlyMemory<double> d)
    {
        _x = x;
        _d = d;
        LastAlpha = double.NaN;
    }

    /// <inheritdoc />
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public double Evaluate(double alpha, out double derivative)
    {
        LastAlpha = alpha;
        ReadOnlySpan<double> d = _d.Span;
        SpanKernels.AddScaled(_x, alpha, d, XTrial);

        if (Lower is not null && Upper is not null)
        {
            for (int i = 0; i < _x.Length; i++)
            {
                XTrial[i] = Math.Clamp(XTrial[i], Lower[i], Upper[i]);
            }
        }

        double f = _context.ValueAndGradient(XTrial, GTrial);
        derivative = SpanKernels.Dot(GTrial, d);
        return f;
    }
}
