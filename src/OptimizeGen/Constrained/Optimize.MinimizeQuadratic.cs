namespace OptimizeGen;

public static partial class Optimize
{
    /// <summary>
    /// Minimizes f(x) = f₀ + cᵀx + ½xᵀHx subject to affine constraints and bounds — a problem the generator proved
    /// quadratic with affine constraints, whose <c>MinimizeF</c> calls this when no method is given — as the quadratic
    /// program it is. H is read exactly from n Hessian-vector products at x = 0, c and the constraint rows from the
    /// gradients there. When H is positive definite on the null space of the equalities (a strictly convex QP), one
    /// solve of Kraft's LSQ (SLSQP's subproblem: null-space elimination of the equalities, Cholesky of the reduced
    /// Hessian, the least-distance problem by NNLS; Kraft 1988, Lawson &amp; Hanson 1974 ch. 23) gives the global
    /// minimizer and its multipliers — no line search, no quasi-Newton iterations; inconsistent constraints are reported
    /// <see cref="OptimizeStatus.Infeasible"/>. Otherwise (an indefinite or only semidefinite H, dependent equalities)
    /// the problem is handed to SLSQP from <paramref name="x0"/> (to <c>Minimize</c>'s default method when there are no
    /// constraints) and the result's message says why — as it is when n exceeds <see cref="MaxDenseQuadraticDimension"/>,
    /// past which forming H densely would cost more than the general methods.
    /// Nothing checks the quadratic form here: a function that is not quadratic gives the QP of its second-order model
    /// at 0, which is why the generator routes a problem only after proving it.
    /// </summary>
    /// <param name="objective">f, quadratic in x, with its exact Hessian-vector product.</param>
    /// <param name="x0">The initial guess: it fixes n and starts SLSQP when the QP is not strictly convex.</param>
    /// <param name="constraints">The constraints lb ≤ g(x) ≤ ub, each affine.</param>
    /// <param name="bounds">Bounds on x; none means free variables.</param>
    /// <returns>The result with <see cref="OptimizeResult.Method"/> = <see cref="MinimizeMethod.QuadraticProgram"/>,
    /// the constraint violation and one multiplier per constraint row (∇f = Σ μᵣ ∇gᵣ at the solution, bounds left out).</returns>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    /// <exception cref="ArgumentException"><paramref name="x0"/> is empty or not finite, or a constraint or the bounds do not fit its length.</exception>
    public static OptimizeResult MinimizeQuadratic(
        IHessianVectorObjective objective, ReadOnlySpan<double> x0, IReadOnlyList<ConstraintBase> constraints, Bounds? bounds = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(constraints);
        Guard.NotEmpty(x0, nameof(x0));
        Guard.Finite(x0, nameof(x0));
        int n = x0.Length;
        if (objective.Dimension >= 0 && objective.Dimension != n)
        {
            throw new ArgumentException($"x0 has length {n} but the objective has {objective.Dimension} variables.", nameof(x0));
        }

        for (int k = 0; k < constraints.Count; k++)
        {
            if (constraints[k] is null)
            {
                throw new ArgumentNullException(nameof(constraints), $"constraints[{k}] is null.");
            }

            constraints[k].CheckDimension(n, nameof(constraints));
        }

        double[]? lower = null, upper = null;
        if (bounds is not null)
        {
            (lower, upper) = bounds.Resolve(n, nameof(bounds));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (n > MaxDenseQuadraticDimension)
        {
            // The QP route forms H densely (n Hessian-vector products, n² numbers): past this size the general methods,
            // which never form it, are the better choice.
            return Handed(
                constraints.Count == 0 ? Minimize(objective, x0, method: null, bounds) : Minimize(objective, x0, constraints, MinimizeMethod.Slsqp, bounds),
                $"it has {n} variables, more than the {MaxDenseQuadraticDimension} for which its Hessian is formed densely",
                hessianProducts: 0,
                clock);
        }

        // The model: f₀, c = ∇f(0), H column by column from H·eⱼ (symmetrized against rounding).
        var origin = new double[n];
        var c = new double[n];
        var h = new double[n * n];
        var unit = new double[n];
        var column = new double[n];
        var scratch = new double[n];
        double f0 = objective.ValueAndGradient(origin, c);
        for (int j = 0; j < n; j++)
        {
            unit[j] = 1;
            objective.HessianVectorProduct(origin, unit, scratch, column);
            unit[j] = 0;
            for (int i = 0; i < n; i++)
            {
                h[i * n + j] = column[i];
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double s = 0.5 * (h[i * n + j] + h[j * n + i]);
                h[i * n + j] = s;
                h[j * n + i] = s;
            }
        }

        // The constraints in normal form at 0: c_E(0) + A_E x = 0 and c_I(0) + A_I x ≥ 0 (bounds last among c_I).
        var set = new ConstraintSet(constraints, n, lower, upper, new MinimizeOptions());
        int meq = set.Equalities, mi = set.Inequalities;
        var ce = new double[meq];
        var ci = new double[mi];
        var ae = new double[meq * n];
        var ai = new double[mi * n];
        set.EvaluateWithJacobian(origin, ce, ci, ae, ai);
        for (int e = 0; e < meq; e++)
        {
            ce[e] = -ce[e];
        }

        for (int i = 0; i < mi; i++)
        {
            ci[i] = -ci[i];
        }

        var x = new double[n];
        var lambdaE = new double[meq];
        var lambdaI = new double[mi];
        QpOutcome outcome = new LeastSquaresQp(n, meq, mi).Solve(n, h, c, meq, ae, ce, mi, ai, ci, x, lambdaE, lambdaI);
        int hessianProducts = n;
        if (outcome == QpOutcome.Incompatible)
        {
            return new OptimizeResult
            {
                X = x0.ToArray(),
                Fun = double.NaN,
                Status = OptimizeStatus.Infeasible,
                Message = "Solved as a quadratic program (the objective is quadratic and every constraint affine): the constraints are inconsistent (LSQ found no point satisfying them all).",
                Method = MinimizeMethod.QuadraticProgram,
                Nit = 1,
                Nfev = 1,
                Njev = 1 + constraints.Count,
                Nhev = hessianProducts,
                ConstraintViolation = double.NaN,
                Elapsed = clock.Elapsed,
            };
        }

        if (outcome != QpOutcome.Solved)
        {
            string why = outcome switch
            {
                QpOutcome.NotPositiveDefinite => "its Hessian is not positive definite on the null space of the equalities (the QP is not strictly convex)",
                QpOutcome.TooManyEqualities => "it has more equalities than variables",
                QpOutcome.SingularEqualities => "its equalities are linearly dependent",
                _ => "the least-distance solve reached its iteration limit",
            };
            OptimizeResult fallback = constraints.Count == 0
                ? Minimize(objective, x0, method: null, bounds)
                : Minimize(objective, x0, constraints, MinimizeMethod.Slsqp, bounds);
            return Handed(fallback, why, hessianProducts, clock, extraEvaluations: 1);
        }

        var gradient = new double[n];
        double f = objective.ValueAndGradient(x, gradient);
        set.Evaluate(x, ce, ci);
        double violation = ConstraintSet.Violation(ce, ci);
        return new OptimizeResult
        {
            X = x,
            Fun = f,
            Jac = gradient,
            Status = OptimizeStatus.Converged,
            Message = $"Solved as a strictly convex quadratic program (the objective is quadratic and every constraint affine) by one LSQ solve; largest constraint violation {violation:G3}.",
            Method = MinimizeMethod.QuadraticProgram,
            Nit = 1,
            Nfev = 2,
            Njev = 2 + constraints.Count,
            Nhev = hessianProducts,
            ConstraintViolation = violation,
            Multipliers = set.RowMultipliers(lambdaE, lambdaI),
            Elapsed = clock.Elapsed,
        };
    }

    /// <summary>The largest n for which <see cref="MinimizeQuadratic"/> forms the Hessian densely.</summary>
    public const int MaxDenseQuadraticDimension = 2000;

    private static OptimizeResult Handed(OptimizeResult fallback, string why, int hessianProducts, System.Diagnostics.Stopwatch clock, int extraEvaluations = 0) => new()
    {
        X = fallback.X,
        Fun = fallback.Fun,
        Jac = fallback.Jac,
        Status = fallback.Status,
        Message = $"The objective is quadratic and every constraint affine, but {why}; solved by {fallback.Method} from x0: {fallback.Message}",
        Method = fallback.Method,
        Nit = fallback.Nit,
        Nfev = fallback.Nfev + extraEvaluations,
        Njev = fallback.Njev + extraEvaluations,
        Nhev = fallback.Nhev + hessianProducts,
        ConstraintViolation = fallback.ConstraintViolation,
        Multipliers = fallback.Multipliers,
        Elapsed = clock.Elapsed,
    };
}
