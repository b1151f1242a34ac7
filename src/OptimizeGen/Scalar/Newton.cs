namespace OptimizeGen;

// Newton–Raphson and Halley's method for f(x) = 0 (scipy root_scalar 'newton' and 'halley', scipy.optimize.newton with fprime,
// and with fprime2). Newton: xₖ₊₁ = xₖ − f/f′. Halley: the Newton step s = f/f′ is corrected to s/(1 − s·f″/(2f′)) when
// |s·f″/(2f′)| < 1 (cubic convergence at simple roots), else the Newton step is kept — scipy's safeguard.
// Stops when f(xₖ) = 0 or |xₖ₊₁ − xₖ| ≤ xtol + rtol·|xₖ₊₁| (numpy's isclose, as scipy). f′ = 0 ends the solve with ZeroDerivative.
// Counts an evaluation of f, f′ and f″ each as a function call, as scipy does.
internal static class Newton
{
    public static RootScalarResult Solve(RootScalarFunction f, Func<double, double> fprime, Func<double, double>? fprime2, double x0, double xtol, double rtol, int maxiter)
    {
        var method = fprime2 is null ? RootScalarMethod.Newton : RootScalarMethod.Halley;
        var df = new RootScalarFunction(fprime);
        var d2f = fprime2 is null ? null : new RootScalarFunction(fprime2);
        double p0 = x0;
        for (int i = 1; i <= maxiter; i++)
        {
            double fval = f.Evaluate(p0);
            if (fval == 0)
            {
                return Done(RootScalarOutcome.Converged(method, p0, i, f, "f(x) = 0 exactly."));
            }

            double fder = df.Evaluate(p0);
            if (!double.IsFinite(fval) || !double.IsFinite(fder))
            {
                return Done(RootScalarOutcome.NotFinite(method, p0, i, f));
            }

            if (fder == 0)
            {
                return Done(RootScalarOutcome.Failed(method, RootScalarStatus.ZeroDerivative, p0, i, f, $"The derivative is zero at x = {p0:R}; f(x) = {fval:G6}."));
            }

            double step = fval / fder;
            if (d2f is not null)
            {
                double fder2 = d2f.Evaluate(p0);
                double adj = step * fder2 / fder / 2;
                if (Math.Abs(adj) < 1)
                {
                    step /= 1 - adj;
                }
            }

            double p = p0 - step;
            if (Math.Abs(p - p0) <= xtol + rtol * Math.Abs(p))
            {
                return Done(RootScalarOutcome.Converged(method, p, i, f, $"Converged: the last step {Math.Abs(p - p0):G3} ≤ xtol + rtol·|x|."));
            }

            p0 = p;
        }

        return Done(RootScalarOutcome.MaxIterations(method, p0, maxiter, f));

        // scipy's function_calls counts f, f′ and f″.
        RootScalarResult Done(RootScalarResult r) => new()
        {
            Root = r.Root,
            Status = r.Status,
            Message = r.Message,
            Method = r.Method,
            Iterations = r.Iterations,
            FunctionCalls = f.Calls + df.Calls + (d2f?.Calls ?? 0),
        };
    }
}
