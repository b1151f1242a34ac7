namespace OptimizeGen;

/// <summary>
/// Why <c>Optimize.LeastSquares</c> stopped. The values 0–4 are scipy's <c>status</c> codes; the rest are failures
/// scipy reports through exceptions or MINPACK's <c>info</c>.
/// </summary>
public enum LeastSquaresStatus
{
    /// <summary>0: the limit on function evaluations (<c>max_nfev</c>) was reached.</summary>
    MaxFunctionEvaluations = 0,

    /// <summary>1: the <c>gtol</c> test passed.</summary>
    Gtol = 1,

    /// <summary>2: the <c>ftol</c> test passed.</summary>
    Ftol = 2,

    /// <summary>3: the <c>xtol</c> test passed.</summary>
    Xtol = 3,

    /// <summary>4: the <c>ftol</c> and <c>xtol</c> tests both passed.</summary>
    FtolAndXtol = 4,

    /// <summary>The tolerances are too small for working precision: no further reduction of the cost or
    /// improvement of x is possible (MINPACK info 6, 7, 8). x is as good as the precision allows, but the
    /// requested test did not pass.</summary>
    TolerancesTooSmall = 5,

    /// <summary>The residuals or the Jacobian are NaN or infinite at the starting point (or became so and could not be avoided).</summary>
    NotFinite = 6,

    /// <summary>The <see cref="CancellationToken"/> was cancelled.</summary>
    Cancelled = 7,
}

/// <summary>
/// The result of <c>Optimize.LeastSquares</c>, with the fields of scipy's <c>least_squares</c> result. It never lies:
/// <see cref="Success"/> is true only when one of the convergence tests (gtol, ftol, xtol) passed.
/// </summary>
public sealed class LeastSquaresResult
{
    /// <summary><c>x</c>: the solution found (or the last accepted iterate).</summary>
    public required double[] X { get; init; }

    /// <summary><c>cost</c>: F(x) = ½ Σ ρ(fᵢ(x)²) (½‖f‖² for the linear loss).</summary>
    public required double Cost { get; init; }

    /// <summary><c>fun</c>: the residuals f(x), length m.</summary>
    public required double[] Fun { get; init; }

    /// <summary><c>jac</c>: the Jacobian at x, m×n; for a robust loss, scaled as scipy scales it (√(ρ′ + 2ρ″f²) per row).</summary>
    public required double[,] Jac { get; init; }

    /// <summary><c>grad</c>: the gradient of the cost at x, Jᵀ(ρ′ ∘ f).</summary>
    public required double[] Grad { get; init; }

    /// <summary><c>optimality</c>: the first-order optimality measure the method's gtol test uses (see <see cref="LeastSquaresOptions.Gtol"/>).</summary>
    public required double Optimality { get; init; }

    /// <summary><c>active_mask</c>: −1 where xᵢ is at its lower bound, +1 at its upper bound, 0 otherwise.</summary>
    public required int[] ActiveMask { get; init; }

    /// <summary><c>nfev</c>: evaluations of the residuals (Lm counts those made for finite differences, Trf and Dogbox do not).</summary>
    public required int Nfev { get; init; }

    /// <summary><c>njev</c>: evaluations of the Jacobian (exact or by finite differences); 0 for Lm with finite differences, as in scipy.</summary>
    public required int Njev { get; init; }

    /// <summary><c>status</c>: why the method stopped.</summary>
    public required LeastSquaresStatus Status { get; init; }

    /// <summary><c>message</c>: a sentence for a person.</summary>
    public required string Message { get; init; }

    /// <summary>The method that ran.</summary>
    public required LeastSquaresMethod Method { get; init; }

    /// <summary><c>success</c>: true when a convergence test passed (status 1–4).</summary>
    public bool Success => Status is LeastSquaresStatus.Gtol or LeastSquaresStatus.Ftol or LeastSquaresStatus.Xtol or LeastSquaresStatus.FtolAndXtol;

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Success ? "success" : "failure")} ({Status}): {Message}; cost = {Cost:G10}, nfev = {Nfev}, njev = {Njev}";

    internal static string Describe(LeastSquaresStatus status, LeastSquaresMethod method) => status switch
    {
        LeastSquaresStatus.MaxFunctionEvaluations => "The maximum number of function evaluations is exceeded.",
        LeastSquaresStatus.Gtol => "`gtol` termination condition is satisfied.",
        LeastSquaresStatus.Ftol => "`ftol` termination condition is satisfied.",
        LeastSquaresStatus.Xtol => "`xtol` termination condition is satisfied.",
        LeastSquaresStatus.FtolAndXtol => "Both `ftol` and `xtol` termination conditions are satisfied.",
        LeastSquaresStatus.TolerancesTooSmall => method == LeastSquaresMethod.Lm
            ? "The tolerances are too small: no further reduction in the sum of squares or improvement of x is possible at working precision."
            : "The tolerances are too small for working precision.",
        LeastSquaresStatus.NotFinite => "The residuals or the Jacobian are not finite at the starting point.",
        LeastSquaresStatus.Cancelled => "The solve was cancelled.",
        _ => status.ToString(),
    };
}
