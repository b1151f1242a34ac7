#!/usr/bin/env python3
"""scipy's curve_fit on the 54 NIST StRD cases (27 sets x 2 starts), for the side-by-side table of docs/least-squares.md.

Runs curve_fit(f, x, y, p0) with scipy's defaults (method 'lm' = MINPACK lmdif, finite-difference Jacobian,
ftol = xtol = 1.49e-8) from each NIST start; reports per case the median wall time of one fit (timeit, 7 repeats of a
loop sized to ~50 ms), whether it succeeded, and the minimum LRE of the parameters against the certified values.
A side-by-side comparison only, never a test dependency.

    /usr/bin/python3 tests/OptimizeGen.Benchmarks/scipy/nist_curve_fit.py /work/shared/data/nist > scipy-nist.csv
"""
import math
import os
import re
import sys
import timeit
import warnings

import numpy as np
import scipy
from scipy.optimize import OptimizeWarning, curve_fit

NAMES = ["Misra1a", "Chwirut2", "Chwirut1", "Lanczos3", "Gauss1", "Gauss2", "DanWood", "Misra1b",
         "Kirby2", "Hahn1", "Nelson", "MGH17", "Lanczos1", "Lanczos2", "Gauss3", "Misra1c", "Misra1d", "Roszman1",
         "ENSO", "MGH09", "Thurber", "BoxBOD", "Rat42", "MGH10", "Eckerle4", "Rat43", "Bennett5"]

exp, pi, cos, sin, arctan = np.exp, np.pi, np.cos, np.sin, np.arctan
MODELS = {
    "Misra1a": lambda x, b1, b2: b1 * (1 - exp(-b2 * x)),
    "Chwirut2": lambda x, b1, b2, b3: exp(-b1 * x) / (b2 + b3 * x),
    "Chwirut1": lambda x, b1, b2, b3: exp(-b1 * x) / (b2 + b3 * x),
    "Lanczos3": lambda x, b1, b2, b3, b4, b5, b6: b1 * exp(-b2 * x) + b3 * exp(-b4 * x) + b5 * exp(-b6 * x),
    "Gauss1": lambda x, b1, b2, b3, b4, b5, b6, b7, b8: b1 * exp(-b2 * x) + b3 * exp(-(x - b4) ** 2 / b5 ** 2) + b6 * exp(-(x - b7) ** 2 / b8 ** 2),
    "DanWood": lambda x, b1, b2: b1 * x ** b2,
    "Misra1b": lambda x, b1, b2: b1 * (1 - (1 + b2 * x / 2) ** (-2)),
    "Kirby2": lambda x, b1, b2, b3, b4, b5: (b1 + b2 * x + b3 * x ** 2) / (1 + b4 * x + b5 * x ** 2),
    "Hahn1": lambda x, b1, b2, b3, b4, b5, b6, b7: (b1 + b2 * x + b3 * x ** 2 + b4 * x ** 3) / (1 + b5 * x + b6 * x ** 2 + b7 * x ** 3),
    "Nelson": lambda x, b1, b2, b3: b1 - b2 * x[0] * exp(-b3 * x[1]),
    "MGH17": lambda x, b1, b2, b3, b4, b5: b1 + b2 * exp(-x * b4) + b3 * exp(-x * b5),
    "Misra1c": lambda x, b1, b2: b1 * (1 - (1 + 2 * b2 * x) ** (-0.5)),
    "Misra1d": lambda x, b1, b2: b1 * b2 * x * ((1 + b2 * x) ** (-1)),
    "Roszman1": lambda x, b1, b2, b3, b4: b1 - b2 * x - arctan(b3 / (x - b4)) / pi,
    "ENSO": lambda x, b1, b2, b3, b4, b5, b6, b7, b8, b9: (b1 + b2 * cos(2 * pi * x / 12) + b3 * sin(2 * pi * x / 12)
                                                          + b5 * cos(2 * pi * x / b4) + b6 * sin(2 * pi * x / b4)
                                                          + b8 * cos(2 * pi * x / b7) + b9 * sin(2 * pi * x / b7)),
    "MGH09": lambda x, b1, b2, b3, b4: b1 * (x ** 2 + x * b2) / (x ** 2 + x * b3 + b4),
    "BoxBOD": lambda x, b1, b2: b1 * (1 - exp(-b2 * x)),
    "Rat42": lambda x, b1, b2, b3: b1 / (1 + exp(b2 - b3 * x)),
    "MGH10": lambda x, b1, b2, b3: b1 * exp(b2 / (x + b3)),
    "Eckerle4": lambda x, b1, b2, b3: (b1 / b2) * exp(-0.5 * ((x - b3) / b2) ** 2),
    "Rat43": lambda x, b1, b2, b3, b4: b1 / ((1 + exp(b2 - b3 * x)) ** (1 / b4)),
    "Bennett5": lambda x, b1, b2, b3: b1 * (b2 + x) ** (-1 / b3),
}
MODELS["Gauss2"] = MODELS["Gauss3"] = MODELS["Gauss1"]
MODELS["Lanczos1"] = MODELS["Lanczos2"] = MODELS["Lanczos3"]
MODELS["Thurber"] = MODELS["Hahn1"]

PARAM = re.compile(r"^\s*b(\d+)\s*=\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$")


def load(folder, name):
    starts, certified = ([], []), []
    rows = None
    with open(os.path.join(folder, name + ".dat")) as fh:
        for line in fh:
            if rows is not None:
                parts = line.split()
                if parts:
                    rows.append([float(p) for p in parts])
                continue
            m = PARAM.match(line)
            if m:
                starts[0].append(float(m.group(2)))
                starts[1].append(float(m.group(3)))
                certified.append(float(m.group(4)))
            elif re.match(r"^Data:\s+y\s+x", line):
                rows = []
    data = np.array(rows)
    y = data[:, 0]
    x = data[:, 1] if data.shape[1] == 2 else data[:, 1:].T
    if name == "Nelson":
        y = np.log(y)
    return x, y, starts, certified


def lre(q, c):
    if not math.isfinite(q):
        return 0.0
    err = abs(q - c) / abs(c) if c != 0 else abs(q)
    return 11.0 if err == 0 else min(11.0, max(0.0, -math.log10(err)))


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/nist"
    warnings.simplefilter("ignore", OptimizeWarning)
    warnings.simplefilter("ignore", RuntimeWarning)
    print(f"# scipy {scipy.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}")
    print("name,start,median_ms,success,min_lre")
    for name in NAMES:
        x, y, starts, certified = load(folder, name)
        f = MODELS[name]
        for s in (0, 1):
            p0 = np.array(starts[s])

            def fit():
                try:
                    return curve_fit(f, x, y, p0=p0)[0]
                except RuntimeError:
                    return None

            popt = fit()
            ok = popt is not None
            min_lre = min(lre(q, c) for q, c in zip(popt, certified)) if ok else 0.0
            timer = timeit.Timer(fit)
            number, _ = timer.autorange()
            number = max(1, number // 4)  # ~50 ms per repeat
            times = timer.repeat(repeat=7, number=number)
            median = sorted(times)[len(times) // 2] / number
            print(f"{name},{s + 1},{median * 1e3:.4f},{ok},{min_lre:.2f}", flush=True)


if __name__ == "__main__":
    main()
