"""The scipy side of MinimizeBenchmarks: the same Rosenbrock cases, methods and sizes, with scipy's exact
rosen_der / rosen_hess_prod / rosen_hess (chained) or their hand-written equivalents for MGH problem 21 (extended),
and scipy's default options. Prints a Markdown table: method, n, nit, nfev, time (best of `repeats`), f, success.

    /usr/bin/python3 tests/OptimizeGen.Benchmarks/scipy_minimize.py [--function chained|extended] [--repeats 3]

Needs scipy (Debian: apt-get install python3-scipy). Never run by the tests.
"""
import argparse
import time
import warnings

import numpy as np
import scipy
from scipy.optimize import minimize, rosen, rosen_der, rosen_hess, rosen_hess_prod

DENSE = {"Nelder-Mead": 100, "Powell": 100, "trust-exact": 100, "dogleg": 100, "BFGS": 1000}
METHODS = ["Nelder-Mead", "Powell", "CG", "BFGS", "L-BFGS-B", "TNC", "Newton-CG", "trust-ncg", "trust-krylov",
           "trust-exact", "dogleg"]
SIZES = [2, 10, 100, 1000, 10000]


def ext(x):
    a = 10 * (x[1::2] - x[::2] ** 2)
    b = 1 - x[::2]
    return float(np.sum(a * a + b * b))


def ext_der(x):
    g = np.empty_like(x)
    a = 10 * (x[1::2] - x[::2] ** 2)
    g[::2] = -40 * x[::2] * a - 2 * (1 - x[::2])
    g[1::2] = 20 * a
    return g


def ext_hess_prod(x, v):
    h11 = 1200 * x[::2] ** 2 - 400 * x[1::2] + 2
    h12 = -400 * x[::2]
    p = np.empty_like(x)
    p[::2] = h11 * v[::2] + h12 * v[1::2]
    p[1::2] = h12 * v[::2] + 200 * v[1::2]
    return p


def ext_hess(x):
    n = x.size
    h = np.zeros((n, n))
    i = np.arange(0, n, 2)
    h[i, i] = 1200 * x[i] ** 2 - 400 * x[i + 1] + 2
    h[i, i + 1] = h[i + 1, i] = -400 * x[i]
    h[i + 1, i + 1] = 200
    return h


def run(method, n, function):
    f, g, hp, h = (rosen, rosen_der, rosen_hess_prod, rosen_hess) if function == "chained" else (ext, ext_der, ext_hess_prod, ext_hess)
    x0 = np.tile([-1.2, 1.0], n // 2)
    kw = {}
    if method not in ("Nelder-Mead", "Powell"):
        kw["jac"] = g
    if method in ("Newton-CG", "trust-ncg", "trust-krylov"):
        kw["hessp"] = hp
    if method in ("trust-exact", "dogleg"):
        kw["hess"] = h
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = time.perf_counter()
        try:
            r = minimize(f, x0, method=method, **kw)
        except Exception as e:  # dogleg raises on an indefinite Hessian
            return None, time.perf_counter() - t, str(e)
        return r, time.perf_counter() - t, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--function", default="chained", choices=["chained", "extended"])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--methods", default=",".join(METHODS))
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    a = ap.parse_args()
    print(f"scipy {scipy.__version__}, numpy {np.__version__}, {a.function} Rosenbrock from (-1.2, 1, ...)")
    print("| method | n | nit | nfev | njev | nhev | time (ms) | f | success | message |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for method in a.methods.split(","):
        for n in map(int, a.sizes.split(",")):
            if n > DENSE.get(method, 10000):
                continue
            best = None
            for k in range(a.repeats):
                r, t, err = run(method, n, a.function)
                best = t if best is None else min(best, t)
                if t > 5:  # long solves: one run is enough
                    break
            if r is None:
                print(f"| {method} | {n} | | | | | {best * 1000:.1f} | | raised | {err} |", flush=True)
                continue
            print(f"| {method} | {n} | {getattr(r, 'nit', '')} | {r.nfev} | {getattr(r, 'njev', '')} | {getattr(r, 'nhev', '')} | "
                  f"{best * 1000:.1f} | {r.fun:.4g} | {r.success} | {str(r.message).strip()} |", flush=True)


if __name__ == "__main__":
    main()
