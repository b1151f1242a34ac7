// SLSQP: sequential least squares quadratic programming, after Kraft, D. (1988) "A software package for sequential
// quadratic programming", DFVLR-FB 88-28, and Kraft (1994) "Algorithm 733: TOMP", ACM TOMS 20(3) 262–281, as scipy's
// _minimize_slsqp runs it (ftol = acc = 1e-6, maxiter = 100). Each iteration solves the QP
//     minimize ½ dᵀB d + ∇fᵀd  subject to  ∇c_E d + c_E = 0,  ∇c_I d + c_I ≥ 0,  l − x ≤ d ≤ u − x
// by LSQ → LDP → NNLS (LeastSquaresQp.cs); when the linearization is incompatible, the augmented problem of Kraft
// (one more variable s ∈ [0, 1] relaxing the violated rows to ∇c d + (1 − s) c, with weight ρ = 100 on s²) gives the
// step. The step length comes from an Armijo search on the L1 merit function φ(x) = f + Σ rⱼ |cⱼ|₋ with Kraft's
// penalty update rⱼ = max(|λⱼ|, (rⱼ + |λⱼ|)/2), the interpolation α = max(h₃/(2(h₃ − Δφ)), 0.1) and at most 10 trials;
// B is the BFGS approximation of the Lagrangian's Hessian with Powell's damping (yᵀs ≥ 0.2 sᵀBs).
// Departures: B is kept as a dense matrix and factored in the QP (Kraft updates LDLᵀ factors in place, same matrix in
// exact arithmetic); a non-finite f in the line search counts as a failed trial; the returned gradient is evaluated
// at the final point.

namespace OptimizeGen;

internal static class Slsqp
{
    private const double Rho = 100;
    private const double AlphaMin = 0.1;

    public static OptimizeResult Minimize(MinimizeContext context, double[] x0, IReadOnlyList<ConstraintBase> constraints)
    {
        int n = x0.Length;
        var options = context.Options;
        double acc = (options as SlsqpOptions)?.Ftol ?? options.Tol ?? 1e-6;
        int maxIter = options.MaxIter ?? 100;
        double[] xl;
        double[] xu;
        if (context.Bounds is { } bounds)
        {
            (xl, xu) = bounds.Resolve(n);
        }
        else
        {
            xl = new double[n];
            xu = new double[n];
            Array.Fill(xl, double.NegativeInfinity);
            Array.Fill(xu, double.PositiveInfinity);
        }

        var cs = new ConstraintSet(constraints, n, null, null, options);
        int meq = cs.Equalities;
        int mi = cs.Inequalities;
        int nb = 0;
        for (int j = 0; j < n; j++)
        {
            nb += (double.IsFinite(xl[j]) ? 1 : 0) + (double.IsFinite(xu[j]) ? 1 : 0);
        }

        int n1 = n + 1;
        int mg = mi + nb + 2;
        var qp = new LeastSquaresQp(n1, meq, mg);
        double[] x = (double[])x0.Clone();
        double[] xOld = new double[n];
        double[] g = new double[n];
        double[] ce = new double[meq];
        double[] ci = new double[mi];
        double[] ae = new double[meq * n];
        double[] ai = new double[mi * n];
        double[] b = new double[n * n];
        double[] bq = new double[n1 * n1];
        double[] gq = new double[n1];
        double[] cq = new double[meq * n1];
        double[] eq = new double[meq];
        double[] gmq = new double[mg * n1];
        double[] hq = new double[mg];
        double[] d = new double[n1];
        double[] lamE = new double[meq];
        double[] lamI = new double[mg];
        double[] penalty = new double[meq + mi];
        double[] gl0 = new double[n];
        double[] gl = new double[n];
        double[] s = new double[n];
        double[] u = new double[n];
        double[] v = new double[n];

        for (int j = 0; j < n; j++)
        {
            x[j] = Math.Clamp(x[j], xl[j], xu[j]);
        }

        double f = context.ValueAndGradient(x, g);
        cs.EvaluateWithJacobian(x, ce, ci, ae, ai);
        if (!double.IsFinite(f) || !MinimizeContext.AllFinite(g) || !MinimizeContext.AllFinite(ce) || !MinimizeContext.AllFinite(ci)
            || !MinimizeContext.AllFinite(ae) || !MinimizeContext.AllFinite(ai))
        {
            return Finish(OptimizeStatus.NotFinite, $"The objective, a constraint or a gradient is not finite at x0 (f = {f}).", 0);
        }

        SetIdentity(b, n);
        int ireset = 0;
        int iter = 0;
        while (true)
        {
            iter++;
            if (iter > maxIter)
            {
                return Finish(OptimizeStatus.MaxIterationsReached, $"Iteration limit reached (maxiter = {maxIter}).", maxIter);
            }

            // The QP of this iteration on n variables.
            QpOutcome outcome = SolveQp(n, augmented: false);
            double h4 = 1;
            if (outcome is QpOutcome.Incompatible or QpOutcome.SingularEqualities)
            {
                outcome = SolveQp(n1, augmented: true);
                if (outcome == QpOutcome.Solved)
                {
                    h4 = 1 - d[n];
                    if (!(h4 > 1e-10))
                    {
                        return Finish(OptimizeStatus.Infeasible, "Inequality constraints incompatible: the linearized constraints cannot be satisfied and no step reduces their violation.", iter);
                    }
                }
            }

            switch (outcome)
            {
                case QpOutcome.Solved:
                    break;
                case QpOutcome.TooManyEqualities:
                    return Finish(OptimizeStatus.NumericalTrouble, $"More equality constraints ({meq}) than independent variables ({n}).", iter);
                case QpOutcome.Incompatible:
                    return Finish(OptimizeStatus.Infeasible, "Inequality constraints incompatible.", iter);
                case QpOutcome.SingularEqualities:
                    return Finish(OptimizeStatus.NumericalTrouble, "Singular matrix C in LSQ subproblem (the equality constraints' gradients are dependent).", iter);
                case QpOutcome.NotPositiveDefinite:
                    return Finish(OptimizeStatus.NumericalTrouble, "Singular matrix E in LSQ subproblem.", iter);
                default:
                    return Finish(OptimizeStatus.NumericalTrouble, "More than 3·m iterations in the NNLS of the LSQ subproblem.", iter);
            }

            // Kraft's tests and the penalty update.
            double h1 = Math.Abs(Dot(g, d.AsSpan(0, n)));
            double h2 = 0;
            for (int j = 0; j < meq; j++)
            {
                h2 += Math.Abs(ce[j]);
                double r = Math.Abs(lamE[j]);
                penalty[j] = Math.Max(r, (penalty[j] + r) / 2);
                h1 += r * Math.Abs(ce[j]);
            }

            for (int j = 0; j < mi; j++)
            {
                h2 += Math.Max(-ci[j], 0);
                double r = Math.Abs(lamI[j]);
                penalty[meq + j] = Math.Max(r, (penalty[meq + j] + r) / 2);
                h1 += r * Math.Abs(ci[j]);
            }

            if (h1 < acc && h2 < acc)
            {
                return Finish(OptimizeStatus.Converged, $"Optimization terminated successfully: |∇fᵀd| + Σ|λc| = {h1:G3} and Σ violation = {h2:G3} are below ftol = {acc:G3}.", iter);
            }

            double t0 = f + Merit();
            double h3 = Dot(g, d.AsSpan(0, n)) - Merit() * h4;
            if (h3 >= 0)
            {
                if (++ireset > 5)
                {
                    return Finish(OptimizeStatus.PrecisionLoss, "Positive directional derivative for linesearch (the BFGS matrix was reset five times).", iter);
                }

                SetIdentity(b, n);
                continue;
            }

            // The Lagrangian's gradient at the old point, with this QP's multipliers.
            LagrangianGradient(gl0);
            Array.Copy(x, xOld, n);
            double fOld = f;
            for (int j = 0; j < n; j++)
            {
                s[j] = d[j];
            }

            double alpha = 1;
            int line = 0;
            bool sawNonFinite = false;
            while (true)
            {
                line++;
                h3 *= alpha;
                for (int j = 0; j < n; j++)
                {
                    s[j] *= alpha;
                    x[j] = Math.Clamp(xOld[j] + s[j], xl[j], xu[j]);
                }

                f = context.Value(x);
                cs.Evaluate(x, ce, ci);
                bool finite = double.IsFinite(f) && MinimizeContext.AllFinite(ce) && MinimizeContext.AllFinite(ci);
                if (finite)
                {
                    double dphi = f + Merit() - t0;
                    if (dphi <= h3 / 10 || line > 10)
                    {
                        break;
                    }

                    alpha = Math.Max(h3 / (2 * (h3 - dphi)), AlphaMin);
                }
                else
                {
                    if (line > 10)
                    {
                        Array.Copy(xOld, x, n);
                        f = fOld;
                        return Finish(OptimizeStatus.NotFinite, "The objective or a constraint is not finite along the search direction.", iter, reevaluate: true);
                    }

                    sawNonFinite = true;
                    alpha = AlphaMin;
                }
            }

            double violation = 0;
            for (int j = 0; j < meq; j++)
            {
                violation += Math.Abs(ce[j]);
            }

            for (int j = 0; j < mi; j++)
            {
                violation += Math.Max(-ci[j], 0);
            }

            double snorm = Math.Sqrt(Dot(s, s));
            if (sawNonFinite && snorm < acc)
            {
                return Finish(OptimizeStatus.NotFinite, $"The objective or a constraint is not finite within ‖s‖ = {snorm:G3} of x along the search direction; the step cannot go on.", iter, reevaluate: true);
            }

            // Kraft's test, unless the step was cut short by non-finite values (then f hardly changes for that reason).
            if (!sawNonFinite && (Math.Abs(f - fOld) < acc || snorm < acc) && violation < acc)
            {
                return Finish(OptimizeStatus.Converged, $"Optimization terminated successfully: |Δf| = {Math.Abs(f - fOld):G3} or ‖s‖ = {snorm:G3} and Σ violation = {violation:G3} below ftol = {acc:G3}.", iter, reevaluate: true);
            }

            f = context.ValueAndGradient(x, g);
            cs.EvaluateWithJacobian(x, ce, ci, ae, ai);
            if (!double.IsFinite(f) || !MinimizeContext.AllFinite(g) || !MinimizeContext.AllFinite(ae) || !MinimizeContext.AllFinite(ai))
            {
                return Finish(OptimizeStatus.NotFinite, $"The gradient or a constraint's Jacobian is not finite at iteration {iter}.", iter);
            }

            // Damped BFGS update of B with s and the change of the Lagrangian's gradient (Powell 1978).
            LagrangianGradient(gl);
            for (int i = 0; i < n; i++)
            {
                u[i] = gl[i] - gl0[i];
                double sum = 0;
                for (int k = 0; k < n; k++)
                {
                    sum += b[i * n + k] * s[k];
                }

                v[i] = sum;
            }

            double su = Dot(s, u);
            double sv = Dot(s, v);
            double lim = 0.2 * sv;
            if (su < lim)
            {
                double theta = (sv - lim) / (sv - su);
                su = lim;
                for (int i = 0; i < n; i++)
                {
                    u[i] = theta * u[i] + (1 - theta) * v[i];
                }
            }

            if (su > 0 && sv > 0)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int k = 0; k < n; k++)
                    {
                        b[i * n + k] += u[i] * u[k] / su - v[i] * v[k] / sv;
                    }
                }
            }

            if (context.AfterIteration(iter, x, f) is OptimizeStatus stop)
            {
                return Finish(stop, context.InterruptMessage(stop, iter), iter);
            }
        }

        double Merit()
        {
            double sum = 0;
            for (int j = 0; j < meq; j++)
            {
                sum += penalty[j] * Math.Abs(ce[j]);
            }

            for (int j = 0; j < mi; j++)
            {
                sum += penalty[meq + j] * Math.Max(-ci[j], 0);
            }

            return sum;
        }

        void LagrangianGradient(double[] target)
        {
            for (int i = 0; i < n; i++)
            {
                double sum = g[i];
                for (int j = 0; j < meq; j++)
                {
                    sum -= lamE[j] * ae[j * n + i];
                }

                for (int j = 0; j < mi; j++)
                {
                    sum -= lamI[j] * ai[j * n + i];
                }

                target[i] = sum;
            }
        }

        QpOutcome SolveQp(int nv, bool augmented)
        {
            // B (with ρ on the extra variable), ∇f, the equality rows, then inequality rows, bound rows and s ∈ [0, 1].
            Array.Clear(bq, 0, nv * nv);
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < n; k++)
                {
                    bq[i * nv + k] = b[i * n + k];
                }

                gq[i] = g[i];
            }

            if (augmented)
            {
                bq[n * nv + n] = Rho;
                gq[n] = 0;
            }

            for (int j = 0; j < meq; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    cq[j * nv + k] = ae[j * n + k];
                }

                if (augmented)
                {
                    cq[j * nv + n] = -ce[j];
                }

                eq[j] = -ce[j];
            }

            int row = 0;
            for (int j = 0; j < mi; j++, row++)
            {
                for (int k = 0; k < n; k++)
                {
                    gmq[row * nv + k] = ai[j * n + k];
                }

                if (augmented)
                {
                    gmq[row * nv + n] = ci[j] < 0 ? -ci[j] : 0;
                }

                hq[row] = -ci[j];
            }

            for (int k = 0; k < n; k++)
            {
                if (double.IsFinite(xl[k]))
                {
                    gmq.AsSpan(row * nv, nv).Clear();
                    gmq[row * nv + k] = 1;
                    hq[row++] = xl[k] - x[k];
                }

                if (double.IsFinite(xu[k]))
                {
                    gmq.AsSpan(row * nv, nv).Clear();
                    gmq[row * nv + k] = -1;
                    hq[row++] = x[k] - xu[k];
                }
            }

            if (augmented)
            {
                gmq.AsSpan(row * nv, nv).Clear();
                gmq[row * nv + n] = 1;
                hq[row++] = 0;
                gmq.AsSpan(row * nv, nv).Clear();
                gmq[row * nv + n] = -1;
                hq[row++] = -1;
            }

            Array.Clear(lamI);
            Array.Clear(lamE);
            return qp.Solve(nv, bq, gq, meq, cq, eq, row, gmq, hq, d, lamE, lamI);
        }

        OptimizeResult Finish(OptimizeStatus status, string message, int nit, bool reevaluate = false)
        {
            if (reevaluate)
            {
                f = context.ValueAndGradient(x, g);
                cs.EvaluateWithJacobian(x, ce, ci, ae, ai);
            }

            return ConstrainedResult.Create(
                context,
                x,
                f,
                status,
                message,
                nit,
                (double[])g.Clone(),
                ConstraintSet.Violation(ce, ci),
                cs.RowMultipliers(lamE, lamI.AsSpan(0, mi)));
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static void SetIdentity(double[] b, int n)
    {
        Array.Clear(b);
        for (int i = 0; i < n; i++)
        {
            b[i * n + i] = 1;
        }
    }
}
