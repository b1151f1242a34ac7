namespace OptimizeGen;

/// <summary>The methods of <c>Optimize.Minimize</c>, named after scipy's <c>method=</c> strings.</summary>
public enum MinimizeMethod
{
    /// <summary><c>'Nelder-Mead'</c>: the downhill simplex, derivative-free; takes bounds.</summary>
    NelderMead,

    /// <summary><c>'Powell'</c>: conjugate directions, derivative-free; takes bounds.</summary>
    Powell,

    /// <summary><c>'CG'</c>: nonlinear conjugate gradients (Polak–Ribière+).</summary>
    CG,

    /// <summary><c>'BFGS'</c>: quasi-Newton with a strong-Wolfe line search.</summary>
    Bfgs,

    /// <summary><c>'L-BFGS-B'</c>: limited-memory BFGS with bounds (Byrd, Lu, Nocedal, Zhu 1995).</summary>
    LBfgsB,

    /// <summary><c>'Newton-CG'</c>: truncated Newton on Hessian-vector products.</summary>
    NewtonCG,

    /// <summary><c>'trust-ncg'</c>: Newton conjugate-gradient trust region (Steihaug).</summary>
    TrustNcg,

    /// <summary><c>'trust-krylov'</c>: nearly exact trust-region subproblems on a Krylov subspace (GLTR).</summary>
    TrustKrylov,

    /// <summary><c>'trust-exact'</c>: nearly exact trust-region subproblems on the dense Hessian (Moré–Sorensen).</summary>
    TrustExact,

    /// <summary><c>'dogleg'</c>: dog-leg trust region; needs a positive definite Hessian.</summary>
    Dogleg,

    /// <summary><c>'TNC'</c>: truncated Newton with bounds.</summary>
    Tnc,

    /// <summary><c>'SLSQP'</c>: sequential least squares quadratic programming (Kraft 1988); bounds and constraints.</summary>
    Slsqp,

    /// <summary><c>'trust-constr'</c>: equality-constrained SQP and a barrier interior point; bounds and constraints.</summary>
    TrustConstr,

    /// <summary><c>'COBYLA'</c>: constrained optimization by linear approximation, derivative-free.</summary>
    Cobyla,

    /// <summary>
    /// Not a scipy method: the problem was solved as a linear program by <c>Optimize.Linprog</c>, because the generator
    /// proved its objective and constraints affine (the generated <c>MinimizeF</c> routes such problems when no method
    /// is given). Passing it to <c>Optimize.Minimize</c> is an error.
    /// </summary>
    Linprog,

    /// <summary>
    /// Not a scipy method: the problem was solved as the convex quadratic program it is — one solve of the equality- and
    /// inequality-constrained QP by Kraft's LSQ (the subproblem solver of SLSQP) on the exact constant Hessian — because
    /// the generator proved the objective quadratic and every constraint affine. Passing it to <c>Optimize.Minimize</c>
    /// is an error.
    /// </summary>
    QuadraticProgram,
}
