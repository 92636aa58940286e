#!/usr/bin/env python3
"""Makes a real series look like a live sensor's: timestamps with jitter, readings dropped without a word.

    scripts/perturb-series.py IN.csv OUT.csv [--jitter-ms 30000] [--drop 0.01] [--seed 7]

Reads and writes CSV with header series,ts,value (ts ISO-8601 UTC). Every point gets a uniform
jitter of +-jitter-ms; each after a series' first two is dropped with probability --drop. Deterministic for a given seed.
"""
import argparse
import csv
import datetime as dt
import random


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--jitter-ms", type=int, default=30000, help="largest timestamp jitter, ms (default 30000)")
    p.add_argument("--drop", type=float, default=0.01, help="share of points dropped (default 0.01)")
    p.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    a = p.parse_args()
    rnd = random.Random(a.seed)
    seen = {}
    with open(a.input, newline="") as f, open(a.output, "w", newline="") as g:
        rows = csv.reader(f)
        out = csv.writer(g)
        out.writerow(next(rows))
        for series, ts, value in rows:
            n = seen.get(series, 0)
            seen[series] = n + 1
            if n >= 2 and rnd.random() < a.drop:
                continue
            t = dt.datetime.fromisoformat(ts.replace("Z", "+00:00"))
            t += dt.timedelta(milliseconds=rnd.randint(-a.jitter_ms, a.jitter_ms))
            ts = t.isoformat(timespec="milliseconds").replace("+00:00", "Z")
            out.writerow([series, ts, value])


if __name__ == "__main__":
    main()
