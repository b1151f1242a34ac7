// Golden-section search for the minimum of a function of one variable inside a bracket. J. Kiefer, "Sequential
// minimax search for a maximum", Proc. AMS 4, 1953; the loop and its defaults (tol = √ε ≈ 1.49e-8 relative,
// maxiter = 5000) follow scipy.optimize.golden.

namespace OptimizeGen;

internal static class GoldenSection
{
    private const double R = 0.61803399;
    private const double C = 1.0 - R;

    public static ScalarOutcome Minimize(Func<double, double> f, double xa, double xb, double xc, int nfev, double tol = 1.4901161193847656e-08, int maxIter = 5000)
    {
        double x0 = xa, x3 = xc, x1, x2;
        if (Math.Abs(xc - xb) > Math.Abs(xb - xa))
        {
            x1 = xb;
            x2 = xb + C * (xc - xb);
        }
        else
        {
            x2 = xb;
            x1 = xb - C * (xb - xa);
        }

        double f1 = f(x1);
        double f2 = f(x2);
        nfev += 2;
        int nit = 0;
        for (int i = 0; i < maxIter; i++)
        {
            if (Math.Abs(x3 - x0) <= tol * (Math.Abs(x1) + Math.Abs(x2)))
            {
                break;
            }

            if (f2 < f1)
            {
                x0 = x1;
                x1 = x2;
                x2 = R * x1 + C * x3;
                f1 = f2;
                f2 = f(x2);
            }
            else
            {
                x3 = x2;
                x2 = x1;
                x1 = R * x2 + C * x0;
                f2 = f1;
                f1 = f(x1);
            }

            nfev++;
            nit++;
        }

        (double x, double fx) = f1 < f2 ? (x1, f1) : (x2, f2);
        return nit < maxIter
            ? new ScalarOutcome(x, fx, nit, nfev, OptimizeStatus.Converged, $"Optimization terminated successfully: |x₃ − x₀| ≤ tol·(|x₁| + |x₂|) (tol = {tol:G3}).")
            : new ScalarOutcome(x, fx, nit, nfev, OptimizeStatus.MaxIterationsReached, $"Maximum number of iterations exceeded (maxiter = {maxIter}).");
    }
}
