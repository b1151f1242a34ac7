namespace OptimizeGen;

/// <summary>
/// The facade: one static entry point per scipy.optimize function — <c>Minimize</c>, <c>MinimizeScalar</c>,
/// <c>Root</c>, <c>RootScalar</c>, <c>LeastSquares</c>, <c>CurveFit</c>, <c>Linprog</c>, <c>Milp</c>. Each family's
/// overloads live beside its solvers (Minimize/, LeastSquares/, Roots/, Scalar/, Linear/) as parts of this class.
/// </summary>
public static partial class Optimize
{
}
