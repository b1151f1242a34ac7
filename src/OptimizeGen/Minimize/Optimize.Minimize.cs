namespace OptimizeGen;

public static partial class Optimize
{
    /// <summary>
    /// Minimizes f(x) from <paramref name="x0"/> (scipy's <c>minimize</c> without constraints). The gradient and
    /// Hessian-vector products come from the objective when it implements <see cref="IGradientObjective"/> /
    /// <see cref="IHessianVectorObjective"/> (as generated objects do), otherwise from finite differences.
    /// </summary>
    /// <param name="objective">f; its <see cref="IObjective.Dimension"/> must match x0 unless it is −1.</param>
    /// <param name="x0">The starting point; finite, not empty.</param>
    /// <param name="method">The method; null chooses as scipy does: L-BFGS-B with bounds, BFGS otherwise. SLSQP,
    /// trust-constr and COBYLA run here with no constraints (the constrained overload takes constraints).</param>
    /// <param name="bounds">Bounds on x, for the methods that take them (Nelder-Mead, Powell, L-BFGS-B, TNC, SLSQP,
    /// trust-constr, COBYLA).</param>
    /// <param name="options">Options under scipy's names; a method-specific record (e.g. <see cref="LBfgsBOptions"/>)
    /// for the method's own options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="objective"/> is null.</exception>
    /// <exception cref="ArgumentException">x0 empty, not finite, of the wrong length; bounds of the wrong length or
    /// given to a method that cannot take them; options of another method.</exception>
    public static OptimizeResult Minimize(
        IObjective objective,
        ReadOnlySpan<double> x0,
        MinimizeMethod? method = null,
        Bounds? bounds = null,
        MinimizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Guard.NotEmpty(x0, nameof(x0));
        Guard.Finite(x0, nameof(x0));
        if (objective.Dimension >= 0 && objective.Dimension != x0.Length)
        {
            throw new ArgumentException($"x0 has length {x0.Length} but the objective has {objective.Dimension} variables.", nameof(x0));
        }

        MinimizeMethod chosen = method ?? (bounds is not null ? MinimizeMethod.LBfgsB : MinimizeMethod.Bfgs);
        RefuseRouteNames(chosen);
        options ??= new MinimizeOptions();
        CheckOptionsType(chosen, options);
        options.Validate();
        double[] start = x0.ToArray();
        if (bounds is not null)
        {
            bounds.Resolve(start.Length, nameof(bounds));
            if (!TakesBounds(chosen))
            {
                throw new ArgumentException(
                    $"Method {chosen} cannot handle bounds (scipy warns and ignores them; we refuse rather than return a point outside them). Use L-BFGS-B, TNC, Nelder-Mead or Powell.",
                    nameof(bounds));
            }

            // As scipy does for L-BFGS-B and TNC: a start outside the bounds is moved onto them.
            bounds.Project(start);
        }

        var context = new MinimizeContext(objective, start.Length, chosen, options, bounds);
        return Dispatch(context, start);
    }

    /// <summary>
    /// Minimizes a plain delegate f, with its gradient when given and scipy's finite differences otherwise
    /// (<see cref="MinimizeOptions.FiniteDifference"/>).
    /// </summary>
    public static OptimizeResult Minimize(
        ObjectiveFunction objective,
        ReadOnlySpan<double> x0,
        GradientFunction? gradient = null,
        MinimizeMethod? method = null,
        Bounds? bounds = null,
        MinimizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        IObjective wrapped = gradient is null
            ? new DelegateObjective(objective, x0.Length)
            : new DelegateGradientObjective(objective, gradient, x0.Length);
        return Minimize(wrapped, x0, method, bounds, options);
    }

    /// <summary>Minimizes f given on arrays (a convenience for code written against <c>double[]</c>).</summary>
    public static OptimizeResult Minimize(
        Func<double[], double> objective,
        double[] x0,
        Func<double[], double[]>? gradient = null,
        MinimizeMethod? method = null,
        Bounds? bounds = null,
        MinimizeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(x0);
        ObjectiveFunction f = x => objective(x.ToArray());
        GradientFunction? g = gradient is null
            ? null
            : (x, grad) =>
            {
                double[] result = gradient(x.ToArray());
                if (result.Length != grad.Length)
                {
                    throw new ArgumentException($"The gradient returned {result.Length} entries; expected {grad.Length}.", nameof(gradient));
                }

                result.CopyTo(grad);
            };
        return Minimize(f, x0, g, method, bounds, options);
    }

    /// <summary>The one place where a method name becomes an algorithm.</summary>
    private static OptimizeResult Dispatch(MinimizeContext context, double[] x0) => context.Method switch
    {
        MinimizeMethod.NelderMead => NelderMead.Minimize(context, x0),
        MinimizeMethod.Powell => Powell.Minimize(context, x0),
        MinimizeMethod.Bfgs => Bfgs.Minimize(context, x0),
        MinimizeMethod.LBfgsB => LBfgsB.Minimize(context, x0),
        MinimizeMethod.CG => ConjugateGradient.Minimize(context, x0),
        MinimizeMethod.Tnc => Tnc.Minimize(context, x0),
        MinimizeMethod.NewtonCG => NewtonCG.Minimize(context, x0),
        MinimizeMethod.TrustNcg => TrustRegion.Minimize(context, x0, new TrustNcg(context, x0.Length)),
        MinimizeMethod.TrustKrylov => TrustRegion.Minimize(context, x0, new TrustKrylov(context, x0.Length)),
        MinimizeMethod.TrustExact => TrustRegion.Minimize(context, x0, new TrustExact(context, x0.Length)),
        MinimizeMethod.Dogleg => TrustRegion.Minimize(context, x0, new Dogleg(context, x0.Length)),
        // The constrained methods without constraints (bounds only, or none), as scipy allows.
        MinimizeMethod.Slsqp or MinimizeMethod.TrustConstr or MinimizeMethod.Cobyla => DispatchConstrained(context, x0, []),
        _ => throw new ArgumentOutOfRangeException("method", context.Method, "Unknown method."),
    };

    private static bool TakesBounds(MinimizeMethod method) => method is MinimizeMethod.LBfgsB or MinimizeMethod.Tnc
        or MinimizeMethod.NelderMead or MinimizeMethod.Powell or MinimizeMethod.Slsqp or MinimizeMethod.TrustConstr
        or MinimizeMethod.Cobyla;

    private static void CheckOptionsType(MinimizeMethod method, MinimizeOptions options)
    {
        Type? expected = method switch
        {
            MinimizeMethod.Bfgs => typeof(BfgsOptions),
            MinimizeMethod.NelderMead => typeof(NelderMeadOptions),
            MinimizeMethod.Powell => typeof(PowellOptions),
            MinimizeMethod.Tnc => typeof(TncOptions),
            MinimizeMethod.LBfgsB => typeof(LBfgsBOptions),
            MinimizeMethod.CG => typeof(CGOptions),
            MinimizeMethod.NewtonCG => typeof(NewtonCGOptions),
            MinimizeMethod.TrustNcg or MinimizeMethod.TrustKrylov or MinimizeMethod.TrustExact or MinimizeMethod.Dogleg => typeof(TrustRegionOptions),
            MinimizeMethod.Slsqp => typeof(SlsqpOptions),
            MinimizeMethod.TrustConstr => typeof(TrustConstrOptions),
            MinimizeMethod.Cobyla => typeof(CobylaOptions),
            _ => null,
        };
        Type actual = options.GetType();
        if (actual != typeof(MinimizeOptions) && actual != expected)
        {
            throw new ArgumentException(
                $"options is a {actual.Name}, which method {method} does not read{(expected is null ? "" : $"; use {expected.Name} or MinimizeOptions")}.",
                nameof(options));
        }
    }

    private sealed class DelegateObjective(ObjectiveFunction f, int n) : IObjective
    {
        public int Dimension => n;

        public double Value(ReadOnlySpan<double> x) => f(x);
    }

    private sealed class DelegateGradientObjective(ObjectiveFunction f, GradientFunction g, int n) : IGradientObjective
    {
        public int Dimension => n;

        public double Value(ReadOnlySpan<double> x) => f(x);

        public double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
        {
            g(x, gradient);
            return f(x);
        }
    }

    /// <summary><see cref="MinimizeMethod.Linprog"/> and <see cref="MinimizeMethod.QuadraticProgram"/> name routes, not methods.</summary>
    private static void RefuseRouteNames(MinimizeMethod method)
    {
        if (method is MinimizeMethod.Linprog or MinimizeMethod.QuadraticProgram)
        {
            throw new ArgumentException(
                $"{method} is not a method of Optimize.Minimize: it names how a generated MinimizeF solved a problem it proved {(method == MinimizeMethod.Linprog ? "linear (Optimize.MinimizeAffine)" : "quadratic (Optimize.MinimizeQuadratic)")}. Call that entry point, or leave the method null in MinimizeF.",
                nameof(method));
        }
    }
}
