namespace OptimizeGen;

public static partial class Optimize
{
    /// <summary>
    /// Minimizes a function of one variable (scipy's <c>minimize_scalar</c>). Without a method: <c>Bounded</c> when
    /// <paramref name="bounds"/> are given, <c>Brent</c> otherwise.
    /// </summary>
    /// <param name="function">f.</param>
    /// <param name="method">Brent, Golden or Bounded.</param>
    /// <param name="bracket">For Brent and Golden: (a, b) to start the downhill bracket search from, or (a, b, c) with
    /// a &lt; b &lt; c and f(b) &lt; f(a), f(c). Default (0, 1).</param>
    /// <param name="bounds">For Bounded (required there): the finite interval [lower, upper].</param>
    /// <param name="options">Tolerances and limits.</param>
    public static MinimizeScalarResult MinimizeScalar(
        Func<double, double> function,
        MinimizeScalarMethod? method = null,
        double[]? bracket = null,
        (double Lower, double Upper)? bounds = null,
        MinimizeScalarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        var chosen = method ?? (bounds is null ? MinimizeScalarMethod.Brent : MinimizeScalarMethod.Bounded);
        options ??= new MinimizeScalarOptions();
        if (options.MaxIter is int maxIter)
        {
            Guard.Positive(maxIter, nameof(options.MaxIter));
        }

        if (options.Xtol is double xtol)
        {
            Guard.NonNegative(xtol, nameof(options.Xtol));
        }

        if (options.Xatol is double xatol)
        {
            Guard.NonNegative(xatol, nameof(options.Xatol));
        }

        ScalarOutcome outcome;
        if (chosen == MinimizeScalarMethod.Bounded)
        {
            if (bounds is not (double lower, double upper))
            {
                throw new ArgumentException("The bounded method needs bounds.", nameof(bounds));
            }

            if (!double.IsFinite(lower) || !double.IsFinite(upper) || !(lower < upper))
            {
                throw new ArgumentException($"bounds must be finite with lower < upper; got ({lower}, {upper}).", nameof(bounds));
            }

            outcome = BrentBounded.Minimize(function, lower, upper, options.Xatol ?? 1e-5, options.MaxIter ?? 500);
        }
        else
        {
            if (bounds is not null)
            {
                throw new ArgumentException($"Method {chosen} does not take bounds; use Bounded.", nameof(bounds));
            }

            double[] br = bracket ?? [0.0, 1.0];
            if (br.Length is not (2 or 3))
            {
                throw new ArgumentException($"bracket must have 2 or 3 entries; it has {br.Length}.", nameof(bracket));
            }

            Guard.Finite(br, nameof(bracket));
            int nfev = 0;
            double a, b, c, fb;
            if (br.Length == 3)
            {
                (a, b, c) = (br[0], br[1], br[2]);
                if (a > c)
                {
                    (a, c) = (c, a);
                }

                double fa = function(a);
                fb = function(b);
                double fc = function(c);
                nfev = 3;
                if (!(a < b && b < c && fb < fa && fb < fc))
                {
                    throw new ArgumentException("The bracket (a, b, c) must satisfy a < b < c and f(b) < f(a), f(c).", nameof(bracket));
                }
            }
            else if (!BrentMinimize.Bracket(function, br[0], br[1], out a, out b, out c, out _, out fb, out _, ref nfev))
            {
                return new MinimizeScalarResult
                {
                    X = b,
                    Fun = function(b),
                    Status = double.IsFinite(fb) ? OptimizeStatus.Unbounded : OptimizeStatus.NotFinite,
                    Message = double.IsFinite(fb)
                        ? $"No bracket found: f kept decreasing downhill to x = {b:G6} (the function may be unbounded below)."
                        : "No bracket found: the objective returned NaN or ±∞ during the bracket search.",
                    Method = chosen,
                    Nfev = nfev + 1,
                };
            }

            outcome = chosen == MinimizeScalarMethod.Brent
                ? BrentMinimize.Minimize(function, a, b, c, fb, nfev, options.Xtol ?? 1.48e-8, options.MaxIter ?? 500)
                : GoldenSection.Minimize(function, a, b, c, nfev, options.Xtol ?? 1.4901161193847656e-08, options.MaxIter ?? 5000);
        }

        return new MinimizeScalarResult
        {
            X = outcome.X,
            Fun = outcome.F,
            Status = outcome.Status,
            Message = outcome.Message,
            Method = chosen,
            Nit = outcome.Nit,
            Nfev = outcome.Nfev,
        };
    }
}
