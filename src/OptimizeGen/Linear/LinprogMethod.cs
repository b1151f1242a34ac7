namespace OptimizeGen;

/// <summary>The methods of <c>Optimize.Linprog</c>, named after scipy's <c>method=</c> strings.</summary>
public enum LinprogMethod
{
    /// <summary><c>'highs'</c>: HiGHS chooses between its dual simplex and interior point (needs the OptimizeGen.Highs package).</summary>
    Highs,

    /// <summary><c>'highs-ds'</c>: HiGHS's dual revised simplex (needs the OptimizeGen.Highs package).</summary>
    HighsDs,

    /// <summary><c>'highs-ipm'</c>: HiGHS's interior point with crossover to a basic solution (needs the OptimizeGen.Highs package).</summary>
    HighsIpm,

    /// <summary>
    /// The managed bounded revised dual simplex in this package (DualSimplex.cs): no native code. scipy's old
    /// <c>'simplex'</c> was a dense tableau method; this one is a sparse revised dual simplex with steepest-edge pricing.
    /// </summary>
    Simplex,
}

/// <summary>scipy's <c>status</c> codes of <c>linprog</c> and <c>milp</c>; <see cref="Optimal"/> is the only status with <c>Success = true</c>.</summary>
public enum LinprogStatus
{
    /// <summary>0: an optimal solution was found and verified.</summary>
    Optimal = 0,

    /// <summary>1: the iteration limit (or, for milp, the node limit) was reached.</summary>
    IterationLimit = 1,

    /// <summary>2: the problem is infeasible.</summary>
    Infeasible = 2,

    /// <summary>3: the problem is unbounded (or, where the method cannot tell, unbounded or infeasible — see the message).</summary>
    Unbounded = 3,

    /// <summary>4: numerical difficulties: the method could not reach a verified solution.</summary>
    NumericalTrouble = 4,

    /// <summary>The wall-time limit was reached (scipy folds this into status 1).</summary>
    TimeLimit = 5,

    /// <summary>The cancellation token was cancelled.</summary>
    Cancelled = 6,
}
