#!/usr/bin/python3
"""scipy.optimize.root on the 55 runs of MINPACK-1's hybrj test driver, for side-by-side comparison with
OptimizeGen's RootBenchmarks (never a test dependency).

    /usr/bin/python3 tests/OptimizeGen.Benchmarks/scipy/root_minpack.py [methods...] [--fd] [--unit] [--xtol X]

Prints one line per run: method, label, nfev, njev, status, success, final ||F||_2, mean time per solve (ms).
The systems and Jacobians mirror tests/OptimizeGen.TestProblems/Minpack (MinpackSystems.cs, MinpackJacobians.cs).
"""
import sys
import time
import numpy as np
from scipy.optimize import root


def rosenbrock(x):
    return np.array([1 - x[0], 10 * (x[1] - x[0] ** 2)])


def rosenbrock_j(x):
    return np.array([[-1.0, 0.0], [-20 * x[0], 10.0]])


def powell_singular(x):
    a, b = x[1] - 2 * x[2], x[0] - x[3]
    return np.array([x[0] + 10 * x[1], np.sqrt(5) * (x[2] - x[3]), a * a, np.sqrt(10) * b * b])


def powell_singular_j(x):
    a, b = x[1] - 2 * x[2], x[0] - x[3]
    j = np.zeros((4, 4))
    j[0, 0], j[0, 1] = 1, 10
    j[1, 2], j[1, 3] = np.sqrt(5), -np.sqrt(5)
    j[2, 1], j[2, 2] = 2 * a, -4 * a
    j[3, 0], j[3, 3] = 2 * np.sqrt(10) * b, -2 * np.sqrt(10) * b
    return j


def powell_badly_scaled(x):
    return np.array([1e4 * x[0] * x[1] - 1, np.exp(-x[0]) + np.exp(-x[1]) - 1.0001])


def powell_badly_scaled_j(x):
    return np.array([[1e4 * x[1], 1e4 * x[0]], [-np.exp(-x[0]), -np.exp(-x[1])]])


def wood(x):
    t1, t2 = x[1] - x[0] ** 2, x[3] - x[2] ** 2
    return np.array([-200 * x[0] * t1 - (1 - x[0]), 200 * t1 + 20.2 * (x[1] - 1) + 19.8 * (x[3] - 1),
                     -180 * x[2] * t2 - (1 - x[2]), 180 * t2 + 20.2 * (x[3] - 1) + 19.8 * (x[1] - 1)])


def wood_j(x):
    j = np.zeros((4, 4))
    j[0, 0], j[0, 1] = -200 * (x[1] - 3 * x[0] ** 2) + 1, -200 * x[0]
    j[1, 0], j[1, 1], j[1, 3] = -400 * x[0], 220.2, 19.8
    j[2, 2], j[2, 3] = -180 * (x[3] - 3 * x[2] ** 2) + 1, -180 * x[2]
    j[3, 1], j[3, 2], j[3, 3] = 19.8, -360 * x[2], 200.2
    return j


def helical(x):
    tpi = 8 * np.arctan(1)
    if x[0] > 0:
        t = np.arctan(x[1] / x[0]) / tpi
    elif x[0] < 0:
        t = np.arctan(x[1] / x[0]) / tpi + 0.5
    else:
        t = 0.25 if x[1] >= 0 else -0.25
    return np.array([10 * (x[2] - 10 * t), 10 * (np.sqrt(x[0] ** 2 + x[1] ** 2) - 1), x[2]])


def helical_j(x):
    tpi = 8 * np.arctan(1)
    r2 = x[0] ** 2 + x[1] ** 2
    r = np.sqrt(r2)
    return np.array([[100 * x[1] / (tpi * r2), -100 * x[0] / (tpi * r2), 10],
                     [10 * x[0] / r, 10 * x[1] / r, 0], [0, 0, 1.0]])


def watson(x):
    n = len(x)
    f = np.zeros(n)
    for i in range(1, 30):
        ti = i / 29
        s1 = sum(j * ti ** (j - 1) * x[j] for j in range(1, n))
        s2 = sum(ti ** j * x[j] for j in range(n))
        t1 = s1 - s2 * s2 - 1
        t2 = 2 * ti * s2
        for k in range(n):
            f[k] += ti ** (k - 1) * (k - t2) * t1
    t = x[1] - x[0] ** 2 - 1
    f[0] += x[0] * (1 - 2 * t)
    f[1] += t
    return f


def watson_j(x):
    n = len(x)
    jac = np.zeros((n, n))
    for i in range(1, 30):
        ti = i / 29
        s1 = sum(j * ti ** (j - 1) * x[j] for j in range(1, n))
        s2 = sum(ti ** j * x[j] for j in range(n))
        r = s1 - s2 * s2 - 1
        big = 2 * ti * s2
        for k in range(n):
            for j in range(n):
                jac[k, j] += ti ** (k - 1) * ti ** (j - 1) * ((k - big) * (j - big) - 2 * ti * ti * r)
    jac[0, 0] += 6 * x[0] ** 2 - 2 * x[1] + 3
    jac[0, 1] -= 2 * x[0]
    jac[1, 0] -= 2 * x[0]
    jac[1, 1] += 1
    return jac


def chebyquad(x):
    n = len(x)
    f = np.zeros(n)
    for j in range(n):
        t1, t2 = 1.0, 2 * x[j] - 1
        t = 2 * t2
        for i in range(n):
            f[i] += t2
            ti = t * t2 - t1
            t1, t2 = t2, ti
    f /= n
    for k in range(1, n, 2):
        f[k] += 1 / ((k + 1) ** 2 - 1)
    return f


def chebyquad_j(x):
    n = len(x)
    jac = np.zeros((n, n))
    for j in range(n):
        y = 2 * x[j] - 1
        tp, t, dp, d = 1.0, y, 0.0, 1.0
        for i in range(n):
            jac[i, j] = 2 * d / n
            tp, t, dp, d = t, 2 * y * t - tp, d, 2 * t + 2 * y * d - dp
    return jac


def brown(x):
    n = len(x)
    f = x + x.sum() - (n + 1)
    f[-1] = np.prod(x) - 1
    return f


def brown_j(x):
    n = len(x)
    jac = np.ones((n, n)) + np.eye(n)
    for j in range(n):
        jac[-1, j] = np.prod(np.delete(x, j))
    return jac


def dbv(x):
    n = len(x)
    h = 1 / (n + 1)
    t = np.arange(1, n + 1) * h
    xm = np.concatenate([[0], x[:-1]])
    xp = np.concatenate([x[1:], [0]])
    return 2 * x - xm - xp + (x + t + 1) ** 3 * h * h / 2


def dbv_j(x):
    n = len(x)
    h = 1 / (n + 1)
    t = np.arange(1, n + 1) * h
    return np.diag(2 + 1.5 * h * h * (x + t + 1) ** 2) - np.eye(n, k=1) - np.eye(n, k=-1)


def die(x):
    n = len(x)
    h = 1 / (n + 1)
    t = np.arange(1, n + 1) * h
    s3 = (x + t + 1) ** 3
    f = np.empty(n)
    for k in range(n):
        f[k] = x[k] + h * ((1 - t[k]) * np.sum(t[:k + 1] * s3[:k + 1]) + t[k] * np.sum((1 - t[k + 1:]) * s3[k + 1:])) / 2
    return f


def die_j(x):
    n = len(x)
    h = 1 / (n + 1)
    t = np.arange(1, n + 1) * h
    jac = np.empty((n, n))
    for k in range(n):
        for j in range(n):
            w = t[j] * (1 - t[k]) if j <= k else t[k] * (1 - t[j])
            jac[k, j] = 1.5 * h * (x[j] + t[j] + 1) ** 2 * w + (1 if j == k else 0)
    return jac


def trig(x):
    n = len(x)
    k = np.arange(1, n + 1)
    return (n + k) - np.sin(x) - np.cos(x).sum() - k * np.cos(x)


def trig_j(x):
    n = len(x)
    k = np.arange(1, n + 1)
    return np.tile(np.sin(x), (n, 1)) + np.diag(k * np.sin(x) - np.cos(x))


def vardim(x):
    n = len(x)
    k = np.arange(1, n + 1)
    s = np.sum(k * (x - 1))
    return x - 1 + k * s * (1 + 2 * s * s)


def vardim_j(x):
    n = len(x)
    k = np.arange(1, n + 1)
    s = np.sum(k * (x - 1))
    return np.eye(n) + np.outer(k, k) * (1 + 6 * s * s)


def btri(x):
    xm = np.concatenate([[0], x[:-1]])
    xp = np.concatenate([x[1:], [0]])
    return (3 - 2 * x) * x - xm - 2 * xp + 1


def btri_j(x):
    n = len(x)
    return np.diag(3 - 4 * x) - np.eye(n, k=-1) - 2 * np.eye(n, k=1)


def bband(x):
    n = len(x)
    f = np.empty(n)
    for k in range(n):
        s = sum(x[j] * (1 + x[j]) for j in range(max(0, k - 5), min(k + 1, n - 1) + 1) if j != k)
        f[k] = x[k] * (2 + 5 * x[k] ** 2) + 1 - s
    return f


def bband_j(x):
    n = len(x)
    jac = np.zeros((n, n))
    for k in range(n):
        for j in range(max(0, k - 5), min(k + 1, n - 1) + 1):
            if j != k:
                jac[k, j] = -(1 + 2 * x[j])
        jac[k, k] = 2 + 15 * x[k] ** 2
    return jac


PROBLEMS = {
    1: ("Rosenbrock", rosenbrock, rosenbrock_j), 2: ("PowellSingular", powell_singular, powell_singular_j),
    3: ("PowellBadlyScaled", powell_badly_scaled, powell_badly_scaled_j), 4: ("Wood", wood, wood_j),
    5: ("HelicalValley", helical, helical_j), 6: ("Watson", watson, watson_j), 7: ("Chebyquad", chebyquad, chebyquad_j),
    8: ("BrownAlmostLinear", brown, brown_j), 9: ("DiscreteBoundaryValue", dbv, dbv_j),
    10: ("DiscreteIntegralEquation", die, die_j), 11: ("Trigonometric", trig, trig_j),
    12: ("VariablyDimensioned", vardim, vardim_j), 13: ("BroydenTridiagonal", btri, btri_j), 14: ("BroydenBanded", bband, bband_j),
}

# (problem, n, number of starts) in the hybrj driver's order: 55 runs.
RUNS = [(1, 2, 3), (2, 4, 3), (3, 2, 2), (4, 4, 3), (5, 3, 3), (6, 6, 2), (6, 9, 2), (7, 5, 3), (7, 6, 3), (7, 7, 3),
        (7, 8, 1), (7, 9, 1), (8, 10, 3), (8, 30, 1), (8, 40, 1), (9, 10, 3), (10, 1, 3), (10, 10, 3), (11, 10, 3),
        (12, 10, 3), (13, 10, 3), (14, 10, 3)]


def start(p, n, factor):
    h = 1 / (n + 1)
    t = np.arange(1, n + 1) * h
    x = {1: lambda: np.array([-1.2, 1.0]), 2: lambda: np.array([3.0, -1, 0, 1]), 3: lambda: np.array([0.0, 1]),
         4: lambda: np.array([-3.0, -1, -3, -1]), 5: lambda: np.array([-1.0, 0, 0]), 6: lambda: np.zeros(n),
         7: lambda: t.copy(), 8: lambda: np.full(n, 0.5), 9: lambda: t * (t - 1), 10: lambda: t * (t - 1),
         11: lambda: np.full(n, 1 / n), 12: lambda: 1 - np.arange(1, n + 1) / n, 13: lambda: -np.ones(n),
         14: lambda: -np.ones(n)}[p]()
    if factor != 1:
        x = np.full(n, float(factor)) if p == 6 else factor * x
    return x


def main():
    args = sys.argv[1:]
    fd = "--fd" in args
    unit = "--unit" in args
    xtol = None
    if "--xtol" in args:
        xtol = float(args[args.index("--xtol") + 1])
    methods = [a for a in args if not a.startswith("--") and not a[0].isdigit()] or ["hybr"]
    for method in methods:
        for p, n, tries in RUNS:
            name, f, j = PROBLEMS[p]
            factor = 1
            for _ in range(tries):
                x0 = start(p, n, factor)
                options = {}
                if method in ("hybr", "lm"):
                    if unit:
                        options["diag"] = np.ones(n)
                    if xtol is not None:
                        options["xtol"] = xtol
                jac = None if fd or method not in ("hybr", "lm") else j
                try:
                    # Mean over repeated solves (at least 3, at least 50 ms), like the C# side's iterations.
                    reps, t0 = 0, time.perf_counter()
                    while reps < 3 or time.perf_counter() - t0 < 0.05:
                        r = root(f, x0, jac=jac, method=method, options=options)
                        reps += 1
                    ms = (time.perf_counter() - t0) * 1e3 / reps
                    nfev = getattr(r, "nfev", -1)
                    njev = getattr(r, "njev", 0)
                    fn = np.linalg.norm(f(r.x))
                    status = getattr(r, "status", -1)  # df-sane gives none
                    print(f"{method} {p} {name} n={n} x{factor} nfev={nfev} njev={njev} status={status} success={r.success} "
                          f"norm={fn:.3e} ms={ms:.2f}")
                except Exception as e:  # scipy's nonlinear solvers raise on some failures
                    print(f"{method} {p} {name} n={n} x{factor} error={type(e).__name__}: {e}")
                factor *= 10


if __name__ == "__main__":
    main()
