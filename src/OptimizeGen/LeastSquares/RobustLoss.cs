// Robust loss functions for nonlinear least squares, as scipy.optimize.least_squares defines them (loss=, f_scale=):
// ρ applied to z = (f/C)², cost ½ C² Σ ρ(zᵢ). The Jacobian and residuals are rescaled so that the Gauss–Newton
// model matches the loss's second-order expansion, following B. Triggs, P. McLauchlan, R. Hartley, A. Fitzgibbon,
// "Bundle Adjustment — A Modern Synthesis", Vision Algorithms: Theory and Practice, LNCS 1883 (2000), §4.3
// (scipy's scale_for_robust_loss_function: row factor √(ρ′ + 2ρ″f²), floored at ε; f scaled by ρ′ / that factor).
namespace OptimizeGen.LeastSquaresInternals;

internal sealed class RobustLoss
{
    private readonly LossFunction _kind;
    private readonly double _c2;

    public RobustLoss(LossFunction kind, double fScale)
    {
        _kind = kind;
        _c2 = fScale * fScale;
    }

    /// <summary>ρ(z), ρ′(z), ρ″(z) for one z.</summary>
    public static (double Rho0, double Rho1, double Rho2) Evaluate(LossFunction kind, double z)
    {
        switch (kind)
        {
            case LossFunction.SoftL1:
                {
                    double t = 1 + z;
                    double st = Math.Sqrt(t);
                    return (2 * (st - 1), 1 / st, -0.5 / (t * st));
                }

            case LossFunction.Huber:
                if (z <= 1)
                {
                    return (z, 1, 0);
                }
                else
                {
                    double sz = Math.Sqrt(z);
                    return (2 * sz - 1, 1 / sz, -0.5 / (z * sz));
                }

            case LossFunction.Cauchy:
                {
                    double t = 1 + z;
                    return (double.LogP1(z), 1 / t, -1 / (t * t));
                }

            case LossFunction.Arctan:
                {
                    double t = 1 + z * z;
                    return (Math.Atan(z), 1 / t, -2 * z / (t * t));
                }

            default:
                return (z, 1, 0);
        }
    }

    /// <summary>The cost ½ C² Σ ρ((fᵢ/C)²).</summary>
    public double Cost(ReadOnlySpan<double> f)
    {
        double s = 0;
        for (int i = 0; i < f.Length; i++)
        {
            s += Evaluate(_kind, f[i] * f[i] / _c2).Rho0;
        }

        return 0.5 * _c2 * s;
    }

    /// <summary>
    /// Returns the cost at f and rescales, in place, the rows of the column-major Jacobian and the residuals so that
    /// the least-squares model of the scaled problem is the loss's quadratic model (scipy's scale_for_robust_loss_function).
    /// </summary>
    public double CostAndScale(Span<double> f, Span<double> jac, int m, int n, Span<double> rowScale)
    {
        const double eps = NumericalDifferentiation.MachineEpsilon;
        double s = 0;
        for (int i = 0; i < m; i++)
        {
            double z = f[i] * f[i] / _c2;
            var (r0, r1, r2) = Evaluate(_kind, z);
            s += r0;
            r2 /= _c2; // ρ″ in the units of f²
            double js = r1 + 2 * r2 * f[i] * f[i];
            if (js < eps)
            {
                js = eps;
            }

            js = Math.Sqrt(js);
            f[i] *= r1 / js;
            rowScale[i] = js;
        }

        for (int j = 0; j < n; j++)
        {
            Span<double> col = jac.Slice(j * m, m);
            for (int i = 0; i < m; i++)
            {
                col[i] *= rowScale[i];
            }
        }

        return 0.5 * _c2 * s;
    }
}
