namespace OptimizeGen;

// Optimize.RootScalar: scipy.optimize.root_scalar for C#. Dispatches to the method's file (Brentq.cs, Brenth.cs, Ridder.cs,
// Bisect.cs, Toms748.cs, Newton.cs for newton and halley, Secant.cs).
public static partial class Optimize
{
    /// <summary>
    /// Finds a root of f in a bracket [a, b] where f changes sign (scipy's <c>root_scalar(f, bracket=[a, b], method=…)</c>).
    /// </summary>
    /// <param name="f">The function.</param>
    /// <param name="bracket">(a, b) with f(a) and f(b) of opposite signs (or one of them zero); either order.</param>
    /// <param name="method">A bracketing method: brentq (scipy's default), brenth, ridder, bisect or toms748.</param>
    /// <param name="options">Tolerances and iteration limit under scipy's names; null for scipy's defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentException">The bracket has no sign change, is empty, or is not finite (named <c>bracket</c>); the method
    /// is not a bracketing method (named <c>method</c>).</exception>
    public static RootScalarResult RootScalar(Func<double, double> f, (double A, double B) bracket, RootScalarMethod method = RootScalarMethod.Brentq, RootScalarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (method is not (RootScalarMethod.Brentq or RootScalarMethod.Brenth or RootScalarMethod.Ridder or RootScalarMethod.Bisect or RootScalarMethod.Toms748))
        {
            throw new ArgumentException($"{method} is not a bracketing method; give x0 (and derivatives) instead of a bracket.", nameof(method));
        }

        options ??= new RootScalarOptions();
        double xtol = options.Xtol ?? 2e-12;
        double rtol = options.Rtol ?? 4 * NumericalDifferentiation.MachineEpsilon;
        int maxiter = options.MaxIter ?? 100;
        if (!(xtol > 0) || double.IsInfinity(xtol))
        {
            throw new ArgumentOutOfRangeException(nameof(RootScalarOptions.Xtol), xtol, "Xtol must be positive and finite for the bracketing methods.");
        }

        if (!(rtol >= 4 * NumericalDifferentiation.MachineEpsilon) || double.IsInfinity(rtol))
        {
            throw new ArgumentOutOfRangeException(nameof(RootScalarOptions.Rtol), rtol, "Rtol must be at least 4ε ≈ 8.88e-16 for the bracketing methods.");
        }

        Guard.Positive(maxiter, nameof(RootScalarOptions.MaxIter));
        (double a, double b) = bracket.A <= bracket.B ? (bracket.A, bracket.B) : (bracket.B, bracket.A);
        if (!double.IsFinite(a) || !double.IsFinite(b))
        {
            throw new ArgumentException($"The bracket [{a:R}, {b:R}] must be finite.", nameof(bracket));
        }

        if (a == b)
        {
            throw new ArgumentException($"The bracket [{a:R}, {b:R}] is empty.", nameof(bracket));
        }

        var fun = new RootScalarFunction(f);
        double fa = fun.Evaluate(a);
        double fb = fun.Evaluate(b);
        if (double.IsNaN(fa) || double.IsNaN(fb))
        {
            throw new ArgumentException($"f is NaN at an end of the bracket: f({a:R}) = {fa}, f({b:R}) = {fb}.", nameof(bracket));
        }

        if (fa == 0 || fb == 0)
        {
            return RootScalarOutcome.Converged(method, fa == 0 ? a : b, 0, fun, "f is zero at an end of the bracket.");
        }

        if (double.IsNegative(fa) == double.IsNegative(fb))
        {
            throw new ArgumentException(
                $"f({a:R}) = {fa:G6} and f({b:R}) = {fb:G6} have the same sign: the bracket must contain a sign change.", nameof(bracket));
        }

        return method switch
        {
            RootScalarMethod.Brentq => Brentq.Solve(fun, a, b, fa, fb, xtol, rtol, maxiter),
            RootScalarMethod.Brenth => Brenth.Solve(fun, a, b, fa, fb, xtol, rtol, maxiter),
            RootScalarMethod.Ridder => Ridder.Solve(fun, a, b, fa, fb, xtol, rtol, maxiter),
            RootScalarMethod.Bisect => Bisect.Solve(fun, a, b, fa, xtol, rtol, maxiter),
            _ => Toms748.Solve(fun, a, b, fa, fb, xtol, rtol, maxiter),
        };
    }

    /// <summary>
    /// Finds a root of f from a starting point (scipy's <c>root_scalar(f, x0=…, fprime=…, fprime2=…, x1=…, method=…)</c>): newton
    /// with <paramref name="fprime"/>, halley with both derivatives, secant from x0 and x1. With no method given, scipy's choice:
    /// halley when both derivatives are given, newton when f′ is, secant otherwise.
    /// </summary>
    /// <param name="f">The function.</param>
    /// <param name="x0">The starting point.</param>
    /// <param name="fprime">f′, required by newton and halley.</param>
    /// <param name="fprime2">f″, required by halley.</param>
    /// <param name="x1">The second starting point of secant; default x0·(1 + 10⁻⁴) ± 10⁻⁴.</param>
    /// <param name="method">newton, secant or halley; null for scipy's choice.</param>
    /// <param name="options">Tolerances and iteration limit under scipy's names; null for scipy's defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentException">x0 or x1 is not finite; a derivative the method needs is missing (named after it); the
    /// method needs a bracket.</exception>
    public static RootScalarResult RootScalar(
        Func<double, double> f,
        double x0,
        Func<double, double>? fprime = null,
        Func<double, double>? fprime2 = null,
        double? x1 = null,
        RootScalarMethod? method = null,
        RootScalarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        var chosen = method ?? (fprime is not null ? (fprime2 is not null ? RootScalarMethod.Halley : RootScalarMethod.Newton) : RootScalarMethod.Secant);
        if (chosen is not (RootScalarMethod.Newton or RootScalarMethod.Secant or RootScalarMethod.Halley))
        {
            throw new ArgumentException($"{chosen} is a bracketing method; give a bracket (a, b) instead of x0.", nameof(method));
        }

        if (!double.IsFinite(x0))
        {
            throw new ArgumentException($"x0 is {x0}; it must be finite.", nameof(x0));
        }

        if (x1 is double second && !double.IsFinite(second))
        {
            throw new ArgumentException($"x1 is {second}; it must be finite.", nameof(x1));
        }

        if (chosen is RootScalarMethod.Newton or RootScalarMethod.Halley && fprime is null)
        {
            throw new ArgumentException($"Method {chosen} needs the derivative fprime.", nameof(fprime));
        }

        if (chosen == RootScalarMethod.Halley && fprime2 is null)
        {
            throw new ArgumentException("Method Halley needs the second derivative fprime2.", nameof(fprime2));
        }

        options ??= new RootScalarOptions();
        double xtol = options.Xtol ?? 1.48e-8;
        double rtol = options.Rtol ?? 0.0;
        int maxiter = options.MaxIter ?? 50;
        Guard.NonNegative(xtol, nameof(RootScalarOptions.Xtol));
        Guard.NonNegative(rtol, nameof(RootScalarOptions.Rtol));
        Guard.Positive(maxiter, nameof(RootScalarOptions.MaxIter));
        var fun = new RootScalarFunction(f);
        return chosen switch
        {
            RootScalarMethod.Secant => Secant.Solve(fun, x0, x1, xtol, rtol, maxiter),
            RootScalarMethod.Newton => Newton.Solve(fun, fprime!, null, x0, xtol, rtol, maxiter),
            _ => Newton.Solve(fun, fprime!, fprime2, x0, xtol, rtol, maxiter),
        };
    }

    /// <summary>
    /// Finds a root of a one-variable objective object from x0 — the form a generated <c>[Objective]</c> wrapper takes: an
    /// <see cref="IGradientObjective"/> supplies f′ to newton (the default then), an <see cref="IHessianVectorObjective"/> also f″
    /// to halley; a plain <see cref="IObjective"/> gets secant.
    /// </summary>
    /// <param name="f">A one-variable objective (Dimension 1 or −1).</param>
    /// <param name="x0">The starting point.</param>
    /// <param name="method">newton, secant or halley; null for the best the object supports.</param>
    /// <param name="x1">The second starting point of secant.</param>
    /// <param name="options">Tolerances and iteration limit under scipy's names.</param>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="f"/> has more than one variable, or lacks a derivative the method needs.</exception>
    public static RootScalarResult RootScalar(IObjective f, double x0, RootScalarMethod? method = null, double? x1 = null, RootScalarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.Dimension is not (1 or -1))
        {
            throw new ArgumentException($"RootScalar needs a function of one variable; this objective has {f.Dimension}.", nameof(f));
        }

        var x = new double[1];
        var g = new double[1];
        var v = new double[] { 1.0 };
        var hv = new double[1];
        Func<double, double> value = t =>
        {
            x[0] = t;
            return f.Value(x);
        };
        Func<double, double>? first = f is IGradientObjective go ? t =>
        {
            x[0] = t;
            go.ValueAndGradient(x, g);
            return g[0];
        } : null;
        Func<double, double>? second = f is IHessianVectorObjective ho ? t =>
        {
            x[0] = t;
            ho.HessianVectorProduct(x, v, g, hv);
            return hv[0];
        } : null;
        var chosen = method ?? (first is not null ? RootScalarMethod.Newton : RootScalarMethod.Secant);
        if (chosen is RootScalarMethod.Newton or RootScalarMethod.Halley && first is null)
        {
            throw new ArgumentException($"Method {chosen} needs f′: pass an IGradientObjective.", nameof(f));
        }

        if (chosen == RootScalarMethod.Halley && second is null)
        {
            throw new ArgumentException("Method Halley needs f″: pass an IHessianVectorObjective.", nameof(f));
        }

        return RootScalar(value, x0, chosen == RootScalarMethod.Secant ? null : first, chosen == RootScalarMethod.Halley ? second : null, x1, chosen, options);
    }

    /// <summary>
    /// Finds a root of a one-equation system object from x0 — the form a generated <c>[Equations]</c> system of one unknown
    /// (<c>C.SSystem</c>) takes: an <see cref="IJacobianFunction"/> supplies f′ to newton (the default then); a plain
    /// <see cref="IVectorFunction"/> gets secant.
    /// </summary>
    /// <param name="f">A system with one unknown and one equation.</param>
    /// <param name="x0">The starting point.</param>
    /// <param name="method">newton or secant; null for the best the object supports.</param>
    /// <param name="x1">The second starting point of secant.</param>
    /// <param name="options">Tolerances and iteration limit under scipy's names.</param>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="f"/> is not 1×1, or the method needs a derivative it lacks (halley
    /// always does: a Jacobian carries no second derivative).</exception>
    public static RootScalarResult RootScalar(IVectorFunction f, double x0, RootScalarMethod? method = null, double? x1 = null, RootScalarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.InputDimension is not (1 or -1) || f.OutputDimension is not (1 or -1))
        {
            throw new ArgumentException($"RootScalar needs one equation in one unknown; this system is {f.OutputDimension}×{f.InputDimension}.", nameof(f));
        }

        var x = new double[1];
        var fx = new double[1];
        var jac = new double[1];
        Func<double, double> value = t =>
        {
            x[0] = t;
            f.Evaluate(x, fx);
            return fx[0];
        };
        Func<double, double>? first = f is IJacobianFunction jf ? t =>
        {
            x[0] = t;
            jf.EvaluateWithJacobian(x, fx, jac);
            return jac[0];
        } : null;
        var chosen = method ?? (first is not null ? RootScalarMethod.Newton : RootScalarMethod.Secant);
        if (chosen == RootScalarMethod.Halley)
        {
            throw new ArgumentException("Method Halley needs f″, which a system's Jacobian does not give: pass an IHessianVectorObjective instead.", nameof(method));
        }

        if (chosen == RootScalarMethod.Newton && first is null)
        {
            throw new ArgumentException("Method Newton needs f′: pass an IJacobianFunction.", nameof(f));
        }

        return RootScalar(value, x0, chosen == RootScalarMethod.Newton ? first : null, null, x1, chosen, options);
    }
}
