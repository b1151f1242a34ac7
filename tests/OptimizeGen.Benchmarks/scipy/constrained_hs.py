#!/usr/bin/python3
"""scipy's side of ConstrainedBenchmarks: the same Hock–Schittkowski problems (Hock & Schittkowski 1981, as in
tests/OptimizeGen.TestProblems/HockSchittkowski/Problems.cs) solved by scipy's SLSQP, trust-constr and COBYLA.

Gradients are exact to rounding (complex-step differentiation of the same formulas), so SLSQP and trust-constr see
what the C# side sees (hand-written exact gradients; trust-constr with BFGS Hessians); COBYLA gets values only, with
equalities as two inequalities and bounds as inequalities (scipy 1.10 COBYLA takes neither), tol = 1e-4 as default.
Prints one JSON object per line: problem, method, nfev, nit, time_ms (median of repeats), fun, success.

    /usr/bin/python3 tests/OptimizeGen.Benchmarks/scipy/constrained_hs.py [repeats]
"""
import json
import sys
import time
import warnings

import numpy as np
import scipy
from scipy.optimize import BFGS, Bounds, NonlinearConstraint, minimize

warnings.filterwarnings("ignore")
S2 = np.sqrt(2.0)
INF = np.inf

# name: (x0, f, equalities, inequalities (≥ 0), lower, upper)
P = {
    "HS6": ([-1.2, 1], lambda x: (1 - x[0]) ** 2, [lambda x: 10 * (x[1] - x[0] ** 2)], [], None, None),
    "HS7": ([2, 2], lambda x: np.log(1 + x[0] ** 2) - x[1], [lambda x: (1 + x[0] ** 2) ** 2 + x[1] ** 2 - 4], [], None, None),
    "HS9": ([0, 0], lambda x: np.sin(np.pi * x[0] / 12) * np.cos(np.pi * x[1] / 16), [lambda x: 4 * x[0] - 3 * x[1]], [], None, None),
    "HS14": ([2, 2], lambda x: (x[0] - 2) ** 2 + (x[1] - 1) ** 2, [lambda x: x[0] - 2 * x[1] + 1],
             [lambda x: -x[0] ** 2 / 4 - x[1] ** 2 + 1], None, None),
    "HS21": ([-1, -1], lambda x: 0.01 * x[0] ** 2 + x[1] ** 2 - 100, [], [lambda x: 10 * x[0] - x[1] - 10], [2, -50], [50, 50]),
    "HS26": ([-2.6, 2, 2], lambda x: (x[0] - x[1]) ** 2 + (x[1] - x[2]) ** 4, [lambda x: (1 + x[1] ** 2) * x[0] + x[2] ** 4 - 3], [], None, None),
    "HS28": ([-4, 1, 1], lambda x: (x[0] + x[1]) ** 2 + (x[1] + x[2]) ** 2, [lambda x: x[0] + 2 * x[1] + 3 * x[2] - 1], [], None, None),
    "HS35": ([0.5, 0.5, 0.5], lambda x: 9 - 8 * x[0] - 6 * x[1] - 4 * x[2] + 2 * x[0] ** 2 + 2 * x[1] ** 2 + x[2] ** 2 + 2 * x[0] * x[1] + 2 * x[0] * x[2],
             [], [lambda x: 3 - x[0] - x[1] - 2 * x[2]], [0, 0, 0], [INF, INF, INF]),
    "HS39": ([2, 2, 2, 2], lambda x: -x[0], [lambda x: x[1] - x[0] ** 3 - x[2] ** 2, lambda x: x[0] ** 2 - x[1] - x[3] ** 2], [], None, None),
    "HS40": ([0.8] * 4, lambda x: -x[0] * x[1] * x[2] * x[3],
             [lambda x: x[0] ** 3 + x[1] ** 2 - 1, lambda x: x[0] ** 2 * x[3] - x[2], lambda x: x[3] ** 2 - x[1]], [], None, None),
    "HS42": ([1] * 4, lambda x: (x[0] - 1) ** 2 + (x[1] - 2) ** 2 + (x[2] - 3) ** 2 + (x[3] - 4) ** 2,
             [lambda x: x[0] - 2, lambda x: x[2] ** 2 + x[3] ** 2 - 2], [], None, None),
    "HS43": ([0] * 4, lambda x: x[0] ** 2 + x[1] ** 2 + 2 * x[2] ** 2 + x[3] ** 2 - 5 * x[0] - 5 * x[1] - 21 * x[2] + 7 * x[3], [],
             [lambda x: 8 - x[0] ** 2 - x[1] ** 2 - x[2] ** 2 - x[3] ** 2 - x[0] + x[1] - x[2] + x[3],
              lambda x: 10 - x[0] ** 2 - 2 * x[1] ** 2 - x[2] ** 2 - 2 * x[3] ** 2 + x[0] + x[3],
              lambda x: 5 - 2 * x[0] ** 2 - x[1] ** 2 - x[2] ** 2 - 2 * x[0] + x[1] + x[3]], None, None),
    "HS44": ([0] * 4, lambda x: x[0] - x[1] - x[2] - x[0] * x[2] + x[0] * x[3] + x[1] * x[2] - x[1] * x[3], [],
             [lambda x: 8 - x[0] - 2 * x[1], lambda x: 12 - 4 * x[0] - x[1], lambda x: 12 - 3 * x[0] - 4 * x[1],
              lambda x: 8 - 2 * x[2] - x[3], lambda x: 8 - x[2] - 2 * x[3], lambda x: 5 - x[2] - x[3]], [0] * 4, [INF] * 4),
    "HS48": ([3, 5, -3, 2, -2], lambda x: (x[0] - 1) ** 2 + (x[1] - x[2]) ** 2 + (x[3] - x[4]) ** 2,
             [lambda x: x[0] + x[1] + x[2] + x[3] + x[4] - 5, lambda x: x[2] - 2 * (x[3] + x[4]) + 3], [], None, None),
    "HS51": ([2.5, 0.5, 2, -1, 0.5], lambda x: (x[0] - x[1]) ** 2 + (x[1] + x[2] - 2) ** 2 + (x[3] - 1) ** 2 + (x[4] - 1) ** 2,
             [lambda x: x[0] + 3 * x[1] - 4, lambda x: x[2] + x[3] - 2 * x[4], lambda x: x[1] - x[4]], [], None, None),
    "HS65": ([-5, 5, 0], lambda x: (x[0] - x[1]) ** 2 + (x[0] + x[1] - 10) ** 2 / 9 + (x[2] - 5) ** 2, [],
             [lambda x: 48 - x[0] ** 2 - x[1] ** 2 - x[2] ** 2], [-4.5, -4.5, -5], [4.5, 4.5, 5]),
    "HS71": ([1, 5, 5, 1], lambda x: x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2], [lambda x: x[0] ** 2 + x[1] ** 2 + x[2] ** 2 + x[3] ** 2 - 40],
             [lambda x: x[0] * x[1] * x[2] * x[3] - 25], [1] * 4, [5] * 4),
    "HS76": ([0.5] * 4, lambda x: x[0] ** 2 + 0.5 * x[1] ** 2 + x[2] ** 2 + 0.5 * x[3] ** 2 - x[0] * x[2] + x[2] * x[3] - x[0] - 3 * x[1] + x[2] - x[3], [],
             [lambda x: 5 - x[0] - 2 * x[1] - x[2] - x[3], lambda x: 4 - 3 * x[0] - x[1] - 2 * x[2] + x[3], lambda x: x[1] + 4 * x[2] - 1.5],
             [0] * 4, [INF] * 4),
    "HS77": ([2] * 5, lambda x: (x[0] - 1) ** 2 + (x[0] - x[1]) ** 2 + (x[2] - 1) ** 2 + (x[3] - 1) ** 4 + (x[4] - 1) ** 6,
             [lambda x: x[0] ** 2 * x[3] + np.sin(x[3] - x[4]) - 2 * S2, lambda x: x[1] + x[2] ** 4 * x[3] ** 2 - 8 - S2], [], None, None),
    "HS79": ([2] * 5, lambda x: (x[0] - 1) ** 2 + (x[0] - x[1]) ** 2 + (x[1] - x[2]) ** 2 + (x[2] - x[3]) ** 4 + (x[3] - x[4]) ** 4,
             [lambda x: x[0] + x[1] ** 2 + x[2] ** 3 - 2 - 3 * S2, lambda x: x[1] - x[2] ** 2 + x[3] + 2 - 2 * S2, lambda x: x[0] * x[4] - 2],
             [], None, None),
    "HS100": ([1, 2, 0, 4, 0, 1, 1], lambda x: (x[0] - 10) ** 2 + 5 * (x[1] - 12) ** 2 + x[2] ** 4 + 3 * (x[3] - 11) ** 2 + 10 * x[4] ** 6
              + 7 * x[5] ** 2 + x[6] ** 4 - 4 * x[5] * x[6] - 10 * x[5] - 8 * x[6], [],
              [lambda x: 127 - 2 * x[0] ** 2 - 3 * x[1] ** 4 - x[2] - 4 * x[3] ** 2 - 5 * x[4],
               lambda x: 282 - 7 * x[0] - 3 * x[1] - 10 * x[2] ** 2 - x[3] + x[4],
               lambda x: 196 - 23 * x[0] - x[1] ** 2 - 6 * x[5] ** 2 + 8 * x[6],
               lambda x: -4 * x[0] ** 2 - x[1] ** 2 + 3 * x[0] * x[1] - 2 * x[2] ** 2 - 5 * x[5] + 11 * x[6]], None, None),
}


def cs_grad(f):
    """The gradient of f by complex steps: exact to rounding for these analytic formulas."""
    def g(x):
        x = np.asarray(x, dtype=float)
        out = np.empty(x.size)
        for i in range(x.size):
            z = x.astype(complex)
            z[i] += 1e-30j
            out[i] = np.imag(f(z)) / 1e-30
        return out
    return g


def solve(name, method):
    x0, f, eqs, ineqs, lo, hi = P[name]
    x0 = np.array(x0, dtype=float)
    bounds = Bounds(np.array(lo, float), np.array(hi, float)) if lo is not None else None
    if method == "SLSQP":
        cons = [{"type": "eq", "fun": c, "jac": cs_grad(c)} for c in eqs] + [{"type": "ineq", "fun": c, "jac": cs_grad(c)} for c in ineqs]
        return minimize(f, x0, jac=cs_grad(f), method="SLSQP", bounds=bounds, constraints=cons)
    if method == "trust-constr":
        cons = [NonlinearConstraint(c, 0, 0, jac=lambda x, c=c: cs_grad(c)(x)[None, :], hess=BFGS()) for c in eqs]
        cons += [NonlinearConstraint(c, 0, INF, jac=lambda x, c=c: cs_grad(c)(x)[None, :], hess=BFGS()) for c in ineqs]
        return minimize(f, x0, jac=cs_grad(f), hess=BFGS(), method="trust-constr", bounds=bounds, constraints=cons)
    cons = [{"type": "ineq", "fun": c} for c in eqs] + [{"type": "ineq", "fun": (lambda x, c=c: -c(x))} for c in eqs]
    cons += [{"type": "ineq", "fun": c} for c in ineqs]
    if lo is not None:
        for j in range(len(lo)):
            if np.isfinite(lo[j]):
                cons.append({"type": "ineq", "fun": (lambda x, j=j: x[j] - lo[j])})
            if np.isfinite(hi[j]):
                cons.append({"type": "ineq", "fun": (lambda x, j=j: hi[j] - x[j])})
    return minimize(f, x0, method="COBYLA", constraints=cons, options={"maxiter": 1000})


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    for name in P:
        for method in ("SLSQP", "trust-constr", "COBYLA"):
            times = []
            for _ in range(repeats):
                t = time.perf_counter()
                r = solve(name, method)
                times.append(time.perf_counter() - t)
            print(json.dumps({"problem": name, "method": method, "nfev": int(r.nfev), "nit": int(getattr(r, "nit", 0) or 0),
                              "time_ms": 1000 * float(np.median(times)), "fun": float(r.fun), "success": bool(r.success),
                              "scipy": scipy.__version__}))


if __name__ == "__main__":
    main()
