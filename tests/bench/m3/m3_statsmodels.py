#!/usr/bin/env python3
"""Holt-Winters reference for the M3 monthly speed comparison: statsmodels' ExponentialSmoothing
(additive damped trend, multiplicative season when the series is positive, else additive; fitted by
its default optimiser) on the same series, horizon and point-forecast scoring as bench_forecast_m3.
Usage: m3_statsmodels.py DATA_DIR [LIMIT]   (LIMIT 0 or absent: every series)
Prints one line: sMAPE, MASE and the mean wall and CPU milliseconds per series (fit + forecast)."""
import csv
import os
import sys
import time
import warnings

import numpy as np
import statsmodels
from statsmodels.tsa.holtwinters import ExponentialSmoothing


def load(data_dir, limit):
    with open(os.path.join(data_dir, "index.csv"), newline="") as f:
        index = list(csv.DictReader(f))
    if limit > 0:
        index = index[:limit]
    values = {}
    with open(os.path.join(data_dir, "series.csv"), newline="") as f:
        for row in csv.DictReader(f):
            values.setdefault(row["series"], {"train": [], "test": []})[row["part"]].append(float(row["value"]))
    return [(r["series"], int(r["h"]), int(r["season"]), values[r["series"]]) for r in index]


def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/m3-monthly"
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    warnings.simplefilter("ignore")  # convergence warnings on short series
    smapes, mases, wall, cpu = [], [], 0.0, 0.0
    series = load(data_dir, limit)
    for _name, h, m, v in series:
        x, y = np.array(v["train"]), np.array(v["test"])
        w0, c0 = time.perf_counter(), time.process_time()
        seasonal = "mul" if (x > 0).all() else "add"
        fit = ExponentialSmoothing(x, trend="add", damped_trend=True, seasonal=seasonal, seasonal_periods=m).fit()
        f = fit.forecast(h)
        cpu += time.process_time() - c0
        wall += time.perf_counter() - w0
        smapes.append(np.mean(200 * np.abs(y - f) / (np.abs(y) + np.abs(f))))
        scale = np.mean(np.abs(x[m:] - x[:-m]))
        mases.append(np.mean(np.abs(y - f)) / scale if scale > 0 else 0.0)
    n = len(series)
    print("M3 monthly, %d series, horizon 18 (statsmodels %s)" % (n, statsmodels.__version__))
    print("%-14s sMAPE %7.3f  MASE %6.3f  ms/series %8.2f  cpu ms/series %8.2f"
          % ("SM-HoltWinters", np.mean(smapes), np.mean(mases), 1e3 * wall / n, 1e3 * cpu / n))


if __name__ == "__main__":
    main()
