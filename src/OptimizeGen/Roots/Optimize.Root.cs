namespace OptimizeGen;

// Optimize.Root: scipy.optimize.root for C#. Dispatches to the method's file (Hybr.cs, LevenbergMarquardtRoot.cs,
// NonlinSolve.cs with Broyden.cs / Anderson.cs / Mixing.cs / NewtonKrylov.cs, DfSane.cs).
public static partial class Optimize
{
    /// <summary>
    /// Finds x with F(x) = 0 for a system given as an object: a generated <c>SSystem</c> (an <see cref="IJacobianFunction"/> and
    /// <see cref="IJacobianVectorProductFunction"/>) gives exact Jacobians to hybr and lm and exact Jacobian-vector products to
    /// krylov; a plain <see cref="IVectorFunction"/> gets forward differences, as scipy does with <c>jac=None</c>.
    /// </summary>
    /// <param name="fun">The system; its output length must equal its input length (lm also accepts more equations than unknowns).</param>
    /// <param name="x0">The starting point (copied).</param>
    /// <param name="method">The method; scipy's default is hybr.</param>
    /// <param name="options">Options under scipy's names; null for scipy's defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fun"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x0"/> is empty or not finite, or its length disagrees with <paramref name="fun"/>.</exception>
    public static RootResult Root(IVectorFunction fun, ReadOnlySpan<double> x0, RootMethod method = RootMethod.Hybr, RootOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fun);
        int n = x0.Length;
        if (fun.InputDimension >= 0)
        {
            Guard.Length(n, fun.InputDimension, nameof(x0));
        }

        int m = fun.OutputDimension >= 0 ? fun.OutputDimension : n;
        return RootCore(fun.Evaluate, null, fun as IJacobianFunction, fun as IJacobianVectorProductFunction, x0, m, method, options);
    }

    /// <summary>Finds x with F(x) = 0 for a delegate system, with forward-difference Jacobians (scipy's <c>root(fun, x0, method=…)</c>).</summary>
    /// <param name="fun">Writes F(x) (length n) into its second argument.</param>
    /// <param name="x0">The starting point (copied).</param>
    /// <param name="method">The method; scipy's default is hybr.</param>
    /// <param name="options">Options under scipy's names; null for scipy's defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fun"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x0"/> is empty or not finite.</exception>
    public static RootResult Root(VectorFunction fun, ReadOnlySpan<double> x0, RootMethod method = RootMethod.Hybr, RootOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fun);
        return RootCore(fun, null, null, null, x0, x0.Length, method, options);
    }

    /// <summary>Finds x with F(x) = 0 for a delegate system with its Jacobian (scipy's <c>root(fun, x0, jac=jac)</c>).</summary>
    /// <param name="fun">Writes F(x) (length n) into its second argument.</param>
    /// <param name="jac">Writes the row-major n×n Jacobian, <c>jacobian[i * n + j] = ∂Fᵢ/∂xⱼ</c>. Used by hybr and lm; krylov uses
    /// finite-difference products (give an <see cref="IJacobianVectorProductFunction"/> for exact ones); the other methods need none.</param>
    /// <param name="x0">The starting point (copied).</param>
    /// <param name="method">The method; scipy's default is hybr.</param>
    /// <param name="options">Options under scipy's names; null for scipy's defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fun"/> or <paramref name="jac"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x0"/> is empty or not finite.</exception>
    public static RootResult Root(VectorFunction fun, JacobianFunction jac, ReadOnlySpan<double> x0, RootMethod method = RootMethod.Hybr, RootOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fun);
        ArgumentNullException.ThrowIfNull(jac);
        return RootCore(fun, jac, null, null, x0, x0.Length, method, options);
    }

    private static RootResult RootCore(
        VectorFunction fun,
        JacobianFunction? jac,
        IJacobianFunction? jacobianFunction,
        IJacobianVectorProductFunction? jvpFunction,
        ReadOnlySpan<double> x0,
        int m,
        RootMethod method,
        RootOptions? options)
    {
        Guard.NotEmpty(x0, nameof(x0));
        Guard.Finite(x0, nameof(x0));
        options ??= new RootOptions();
        int n = x0.Length;
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown root method.");
        }

        if (m != n && (method != RootMethod.Lm || m < n))
        {
            throw new ArgumentException(
                $"The system has {m} equations in {n} unknowns; method {method} needs a square system (lm accepts m ≥ n).", nameof(x0));
        }

        ValidateOptions(options, n);
        if (options.JacSparsity is { } sparsity && (sparsity.Rows != m || sparsity.Columns != n))
        {
            throw new ArgumentException(
                $"JacSparsity is {sparsity.Rows}×{sparsity.Columns} but the system has {m} equations in {n} unknowns.", nameof(RootOptions.JacSparsity));
        }

        if (options.Tol is double tol)
        {
            // scipy.optimize.root's mapping of tol onto the method's options (only where they are not set).
            options = method switch
            {
                RootMethod.Hybr or RootMethod.Lm => options with { Xtol = options.Xtol ?? tol },
                RootMethod.DfSane => options with { Ftol = options.Ftol ?? tol },
                _ => options with
                {
                    Xtol = options.Xtol ?? tol,
                    Xatol = options.Xatol ?? double.PositiveInfinity,
                    Ftol = options.Ftol ?? double.PositiveInfinity,
                    Fatol = options.Fatol ?? double.PositiveInfinity,
                },
            };
        }

        var system = new RootSystem(n, m, fun, jac, jacobianFunction, jvpFunction, options.JacSparsity);
        double[] x = x0.ToArray();
        var jacOptions = options.JacOptions ?? new RootJacobianOptions();
        return method switch
        {
            RootMethod.Hybr => Hybr.Solve(system, x, options),
            RootMethod.Lm => LevenbergMarquardtRoot.Solve(system, x, options),
            RootMethod.DfSane => DfSane.Solve(system, x, options),
            RootMethod.Broyden1 => NonlinSolve.Solve(system, x, options, method, new BroydenJacobian(false, jacOptions)),
            RootMethod.Broyden2 => NonlinSolve.Solve(system, x, options, method, new BroydenJacobian(true, jacOptions)),
            RootMethod.Anderson => NonlinSolve.Solve(system, x, options, method, new AndersonJacobian(jacOptions)),
            RootMethod.LinearMixing => NonlinSolve.Solve(system, x, options, method, new LinearMixingJacobian(jacOptions)),
            RootMethod.DiagBroyden => NonlinSolve.Solve(system, x, options, method, new DiagBroydenJacobian(jacOptions)),
            RootMethod.ExcitingMixing => NonlinSolve.Solve(system, x, options, method, new ExcitingMixingJacobian(jacOptions)),
            RootMethod.Krylov => NonlinSolve.Solve(system, x, options, method, new KrylovJacobian(jacOptions)),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown root method."),
        };
    }

    private static void ValidateOptions(RootOptions options, int n)
    {
        if (options.Tol is double generic)
        {
            Guard.NonNegative(generic, nameof(RootOptions.Tol));
        }

        if (options.Xtol is double xtol)
        {
            Guard.NonNegative(xtol, nameof(RootOptions.Xtol));
        }

        if (options.Ftol is double ftol)
        {
            Guard.NonNegative(ftol, nameof(RootOptions.Ftol));
        }

        if (options.Fatol is double fatol)
        {
            Guard.NonNegative(fatol, nameof(RootOptions.Fatol));
        }

        if (options.Xatol is double xatol)
        {
            Guard.NonNegative(xatol, nameof(RootOptions.Xatol));
        }

        if (options.Gtol is double gtol)
        {
            Guard.NonNegative(gtol, nameof(RootOptions.Gtol));
        }

        if (options.Maxfev is int maxfev && maxfev < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(RootOptions.Maxfev), maxfev, "Maxfev must be ≥ 0 (0 means the method's default).");
        }

        if (options.MaxIter is int maxiter)
        {
            Guard.Positive(maxiter, nameof(RootOptions.MaxIter));
        }

        if (!(options.Factor > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(RootOptions.Factor), options.Factor, "Factor must be > 0 (MINPACK recommends 0.1 to 100).");
        }

        if (options.Diag is { } diag)
        {
            Guard.Length(diag.Length, n, nameof(RootOptions.Diag));
            foreach (double d in diag)
            {
                if (!(d > 0) || double.IsInfinity(d))
                {
                    throw new ArgumentException("Every entry of Diag must be positive and finite.", nameof(RootOptions.Diag));
                }
            }
        }

        if (options.JacOptions is { } jacOptions)
        {
            if (jacOptions.MaxRank is int maxRank)
            {
                Guard.Positive(maxRank, nameof(RootJacobianOptions.MaxRank));
            }

            if (jacOptions.Alpha is double alpha && !(alpha > 0 && double.IsFinite(alpha)))
            {
                throw new ArgumentOutOfRangeException(nameof(RootJacobianOptions.Alpha), alpha, "Alpha must be positive and finite.");
            }

            if (jacOptions.M < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(RootJacobianOptions.M), jacOptions.M, "M must be ≥ 0.");
            }

            Guard.NonNegative(jacOptions.W0, nameof(RootJacobianOptions.W0));
            Guard.Positive(jacOptions.InnerMaxiter, nameof(RootJacobianOptions.InnerMaxiter));
            if (jacOptions.OuterK < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(RootJacobianOptions.OuterK), jacOptions.OuterK, "OuterK must be ≥ 0.");
            }
        }

        Guard.Positive(options.DfSaneM, nameof(RootOptions.DfSaneM));
        if (options.TimeLimit is TimeSpan limit && limit < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RootOptions.TimeLimit), limit, "The time limit must be ≥ 0.");
        }

        if (!(options.SigmaEps > 0 && options.SigmaEps < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RootOptions.SigmaEps), options.SigmaEps, "SigmaEps must lie in (0, 1).");
        }

        if (options.Band is { } band && (band.Lower < 0 || band.Upper < 0))
        {
            throw new ArgumentException("Band (ml, mu) must be non-negative.", nameof(RootOptions.Band));
        }
    }
}
