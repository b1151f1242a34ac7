using OptimizeGen;

// 1. The discretized boundary value problem u″ = ½(u + t + 1)³, u(0) = u(1) = 0 (Moré, Garbow, Hillstrom 1981, problem 28) on
//    20 interior points, written once as [Equations]: the generator writes its exact Jacobian (BoundaryValueJacobian), the
//    Jacobian-vector product krylov uses, the system object BoundaryValueSystem and the wrapper SolveBoundaryValue.
const int n = 20;
var u0 = new double[n];
for (int i = 0; i < n; i++)
{
    double t = (i + 1.0) / (n + 1);
    u0[i] = t * (t - 1);
}

Console.WriteLine($"Discrete boundary value problem, n = {n}, from u₀(t) = t(t − 1):");
foreach (var method in new[] { RootMethod.Hybr, RootMethod.Lm, RootMethod.Krylov, RootMethod.Broyden1, RootMethod.Anderson, RootMethod.DfSane })
{
    RootResult r = Equations.SolveBoundaryValue(u0, method);
    Console.WriteLine($"  {method,-9} {r.Status,-20} ‖F‖ = {r.FunNorm:E2}  nfev = {r.Nfev,4}  njev = {r.Njev,3}  u(0.476) = {r.X[n / 2 - 1]:F8}");
}

// The same system as a plain delegate: forward differences, as scipy's jac=None.
RootResult fd = Optimize.Root(Equations.BoundaryValue, u0);
Console.WriteLine($"  Hybr, forward differences: {fd.Status}, nfev = {fd.Nfev} (the generated Jacobian saves {fd.Nfev - Equations.SolveBoundaryValue(u0).Nfev} evaluations)");

// 2. A system that does not solve: the result says so instead of throwing.
RootResult none = Equations.SolveNoRoot([1.0, 1.0], RootMethod.Lm);
Console.WriteLine($"x² + y² + 1 = 0, x = y with lm: {none.Status} — {none.Message}");

// 3. Kepler's equation E − e·sin E = M (e = 0.9, M = 0.3) with Optimize.RootScalar.
const double e = 0.9, m = 0.3;
Func<double, double> kepler = E => E - e * Math.Sin(E) - m;
foreach (var method in new[] { RootScalarMethod.Brentq, RootScalarMethod.Toms748, RootScalarMethod.Ridder, RootScalarMethod.Bisect })
{
    RootScalarResult r = Optimize.RootScalar(kepler, (0.0, Math.PI), method);
    Console.WriteLine($"Kepler, {method,-8}: E = {r.Root:R}  ({r.FunctionCalls} evaluations)");
}

RootScalarResult halley = Optimize.RootScalar(kepler, m, E => 1 - e * Math.Cos(E), E => e * Math.Sin(E));
Console.WriteLine($"Kepler, {halley.Method,-8}: E = {halley.Root:R}  ({halley.Iterations} iterations)");

try
{
    Optimize.RootScalar(kepler, (2.0, 3.0));
}
catch (ArgumentException ex)
{
    Console.WriteLine($"A bracket without a sign change is misuse ({ex.ParamName}): {ex.Message}");
}

internal static partial class Equations
{
    [Equations]
    public static void BoundaryValue(ReadOnlySpan<double> u, Span<double> f)
    {
        int n = u.Length;
        double h = 1.0 / (n + 1);
        for (int k = 0; k < n; k++)
        {
            double left = k > 0 ? u[k - 1] : 0.0;
            double right = k < n - 1 ? u[k + 1] : 0.0;
            double s = u[k] + (k + 1) * h + 1;
            f[k] = 2 * u[k] - left - right + h * h * s * s * s / 2;
        }
    }

    [Equations]
    public static void NoRoot(ReadOnlySpan<double> p, Span<double> f)
    {
        f[0] = p[0] * p[0] + p[1] * p[1] + 1;
        f[1] = p[0] - p[1];
    }
}
