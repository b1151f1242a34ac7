namespace OptimizeGen;

public static partial class Optimize
{
    /// <summary>
    /// Minimizes an objective that is affine in x subject to constraints that are all affine — proved so by the generator,
    /// whose <c>MinimizeF</c> calls this when no method is given — as the linear program it is. The coefficients are the
    /// gradients at x = 0 and the offsets the values there (exact for affine functions); <see cref="Linprog(LinearProgram, LinprogMethod?, LinprogOptions?)"/>
    /// solves it (HiGHS when present, else the managed simplex). The result says so in <see cref="OptimizeResult.Message"/>
    /// and <see cref="OptimizeResult.Method"/> (<see cref="MinimizeMethod.Linprog"/>); an infeasible or unbounded problem is
    /// reported as such, never as converged. Nothing checks affinity here: a nonlinear function gives the LP of its
    /// linearization at 0, which is why the generator routes a problem only after proving it.
    /// </summary>
    /// <param name="objective">f, affine in x.</param>
    /// <param name="x0">The initial guess: it fixes the number of variables and is returned as X when the LP yields no point.</param>
    /// <param name="constraints">The constraints lb ≤ g(x) ≤ ub, each affine.</param>
    /// <param name="bounds">Bounds on x; none means free variables (as in <c>Optimize.Minimize</c>, unlike linprog's default x ≥ 0).</param>
    /// <param name="method">The linprog method; default HiGHS when present, else Simplex.</param>
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    /// <exception cref="ArgumentException"><paramref name="x0"/> is empty or not finite, or a constraint does not fit its length.</exception>
    public static OptimizeResult MinimizeAffine(
        IGradientObjective objective, ReadOnlySpan<double> x0, IReadOnlyList<ConstraintBase> constraints, Bounds? bounds = null, LinprogMethod? method = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(constraints);
        int n = x0.Length;
        if (n == 0)
        {
            throw new ArgumentException("x0 must not be empty.", nameof(x0));
        }

        foreach (double v in x0)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("x0 must be finite.", nameof(x0));
            }
        }

        if (objective.Dimension >= 0 && objective.Dimension != n)
        {
            throw new ArgumentException($"The objective has {objective.Dimension} variables but x0 has {n}.", nameof(x0));
        }

        var origin = new double[n];
        var c = new double[n];
        double f0 = objective.ValueAndGradient(origin, c);

        var upperRows = new List<(double[] A, double B)>();
        var equalityRows = new List<(double[] A, double B)>();
        int evaluations = 1;
        foreach (ConstraintBase constraint in constraints)
        {
            ArgumentNullException.ThrowIfNull(constraint, nameof(constraints));
            constraint.CheckDimension(n, nameof(constraints));
            int m = constraint.Count;
            var g0 = new double[m];
            var jacobian = new double[m * n];
            evaluations += 1 + constraint.EvaluateWithJacobian(origin, g0, jacobian, FiniteDifferenceScheme.ThreePoint, null);
            for (int i = 0; i < m; i++)
            {
                double[] a = jacobian.AsSpan(i * n, n).ToArray();
                double lower = constraint.Lower[i] - g0[i], upper = constraint.Upper[i] - g0[i];
                if (lower == upper)
                {
                    equalityRows.Add((a, lower));
                    continue;
                }

                if (!double.IsPositiveInfinity(upper))
                {
                    upperRows.Add((a, upper));
                }

                if (!double.IsNegativeInfinity(lower))
                {
                    upperRows.Add((Negated(a), -lower));
                }
            }
        }

        double[,]? aUb = ToMatrix(upperRows, n, out double[]? bUb);
        double[,]? aEq = ToMatrix(equalityRows, n, out double[]? bEq);
        LinprogResult lp = Linprog(c, aUb, bUb, aEq, bEq, bounds ?? Bounds.All(double.NegativeInfinity, double.PositiveInfinity), method);
        OptimizeStatus status = lp.Status switch
        {
            LinprogStatus.Optimal => OptimizeStatus.Converged,
            LinprogStatus.IterationLimit => OptimizeStatus.MaxIterationsReached,
            LinprogStatus.Infeasible => OptimizeStatus.Infeasible,
            LinprogStatus.Unbounded => OptimizeStatus.Unbounded,
            _ => OptimizeStatus.NumericalTrouble,
        };
        bool hasPoint = lp.X.Length == n;
        double violation = 0;
        if (hasPoint)
        {
            foreach (ConstraintBase constraint in constraints)
            {
                var g = new double[constraint.Count];
                constraint.Evaluate(lp.X, g);
                evaluations++;
                for (int i = 0; i < g.Length; i++)
                {
                    violation = Math.Max(violation, Math.Max(constraint.Lower[i] - g[i], g[i] - constraint.Upper[i]));
                }
            }
        }

        return new OptimizeResult
        {
            X = hasPoint ? lp.X : x0.ToArray(),
            Fun = hasPoint ? lp.Fun + f0 : double.NaN,
            Jac = c,
            Status = status,
            Message = $"Solved as a linear program (the objective and every constraint are affine) by linprog {lp.Method}: {lp.Message}",
            Method = MinimizeMethod.Linprog,
            ConstraintViolation = violation,
            Nit = lp.Nit,
            Nfev = evaluations,
            Njev = 1 + constraints.Count,
            Elapsed = lp.Elapsed,
        };
    }

    private static double[,]? ToMatrix(List<(double[] A, double B)> rows, int n, out double[]? b)
    {
        if (rows.Count == 0)
        {
            b = null;
            return null;
        }

        var a = new double[rows.Count, n];
        b = new double[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[i, j] = rows[i].A[j];
            }

            b[i] = rows[i].B;
        }

        return a;
    }
}
