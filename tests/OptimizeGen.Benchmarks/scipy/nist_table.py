#!/usr/bin/env python3
"""Joins BenchmarkDotNet's CSV of CurveFitBenchmarks with the CSV of nist_curve_fit.py into the markdown table of
docs/least-squares.md (times per fit, speed-up against scipy, medians).

    /usr/bin/python3 tests/OptimizeGen.Benchmarks/scipy/nist_table.py \
        BenchmarkDotNet.Artifacts/results/OptimizeGen.Benchmarks.CurveFitBenchmarks-report.csv scipy-nist.csv
"""
import csv
import statistics
import sys

UNITS = {"ns": 1e-6, "us": 1e-3, "μs": 1e-3, "ms": 1.0, "s": 1e3}


def ms(cell):
    value, unit = cell.replace(",", "").split()
    return float(value) * UNITS[unit]


def main():
    bdn_path, scipy_path = sys.argv[1], sys.argv[2]
    ours = {}
    with open(bdn_path, newline="") as fh:
        for row in csv.DictReader(fh):
            ours.setdefault(row["Case"], {})[row["Method"]] = ms(row["Mean"])
    scipy = {}
    with open(scipy_path) as fh:
        lines = [line for line in fh if not line.startswith("#")]
    for row in csv.DictReader(lines):
        scipy[f"{row['name']}/{row['start']}"] = (float(row["median_ms"]), row["success"] == "True", float(row["min_lre"]))

    print("| Case | scipy 1.10 curve_fit (ms) | scipy min LRE | Exact (ms) | × | Finite differences (ms) | × | Certification (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    r_exact, r_fd, t_scipy, t_exact, t_fd, t_cert = [], [], [], [], [], []
    for case, (s_ms, ok, lre) in scipy.items():
        o = ours.get(case)
        if o is None:
            continue
        e, f, c = o["Exact"], o["FiniteDifferences"], o["Certify"]
        r_exact.append(s_ms / e)
        r_fd.append(s_ms / f)
        t_scipy.append(s_ms)
        t_exact.append(e)
        t_fd.append(f)
        t_cert.append(c)
        status = f"{lre:.1f}" if ok else "fails"
        print(f"| {case} | {s_ms:.3f} | {status} | {e:.4f} | {s_ms / e:.0f} | {f:.4f} | {s_ms / f:.0f} | {c:.4f} |")
    med = statistics.median
    print(f"| **median** | **{med(t_scipy):.3f}** | | **{med(t_exact):.4f}** | **{med(r_exact):.0f}** | **{med(t_fd):.4f}** | **{med(r_fd):.0f}** | **{med(t_cert):.4f}** |")
    print()
    print(f"{len(r_exact)} cases; median speed-up (per case scipy / ours): exact {med(r_exact):.1f}×, finite differences {med(r_fd):.1f}×; "
          f"ratio of medians: exact {med(t_scipy) / med(t_exact):.1f}×, finite differences {med(t_scipy) / med(t_fd):.1f}×.")


if __name__ == "__main__":
    main()
