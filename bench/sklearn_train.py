#!/usr/bin/env python3
"""scikit-learn doing the scorecard's training work on the same binned matrix as `train`.

The matrix, folds and bootstrap resamples come from BinnedMatrixExport (bench/sklearn-train.sh writes them):
the training split of `train`, encoded by the same encoder. This script does what `train` does with them:
6 costs x 5 folds of L2-regularised logistic regression (liblinear, tolerance 0.01, a penalised intercept as
liblinear's bias feature), the cost with the lowest out-of-fold log-loss, Platt calibration on its out-of-fold
logits, the final fit and 30 bootstrap refits, fits run 2 at a time (threads; liblinear releases the GIL).

Usage: python3 bench/sklearn_train.py DIR [--jobs 2]
Needs Debian's python3-sklearn (apt-get install python3-sklearn).
"""
import argparse
import os
import time

import numpy as np
import scipy.sparse as sp
from joblib import Parallel, delayed
from sklearn.linear_model import LogisticRegression


def load(d):
    shape = dict(line.split("=", 1) for line in open(os.path.join(d, "shape.txt")).read().split())
    rows, items, features = int(shape["rows"]), int(shape["items"]), int(shape["features"])
    idx = np.fromfile(os.path.join(d, "features.i32"), dtype="<i4").reshape(rows, items)
    x = sp.csr_matrix((np.ones(rows * items), idx.ravel(), np.arange(0, rows * items + 1, items)),
                      shape=(rows, features))
    y = np.fromfile(os.path.join(d, "labels.u8"), dtype=np.uint8)
    folds = np.fromfile(os.path.join(d, "folds.u8"), dtype=np.uint8)
    raw = np.fromfile(os.path.join(d, "bootstrap.i32"), dtype="<i4")
    resamples, at = [], 0
    while at < len(raw):
        n = raw[at]
        resamples.append(raw[at + 1:at + 1 + n])
        at += 1 + n
    costs = [float(c) for c in shape["costs"].split(",")]
    return x, y, folds, resamples, costs, int(shape["folds"]), float(shape["tolerance"])


def fit(x, y, cost, tol):
    m = LogisticRegression(solver="liblinear", C=cost, tol=tol, max_iter=1000, fit_intercept=True,
                           intercept_scaling=1.0)
    m.fit(x, y)
    return m.coef_.ravel().copy(), float(m.intercept_[0])


def log_loss(z, y):
    s = np.where(y == 1, -z, z)
    return float(np.mean(np.where(s > 0, s + np.log1p(np.exp(-s)), np.log1p(np.exp(s)))))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("dir")
    p.add_argument("--jobs", type=int, default=2)
    a = p.parse_args()
    t0 = time.perf_counter()
    x, y, folds, resamples, costs, k, tol = load(a.dir)
    t1 = time.perf_counter()
    par = Parallel(n_jobs=a.jobs, prefer="threads")
    tasks = [(c, f) for c in costs for f in range(k)]
    fits = par(delayed(fit)(x[folds != f], y[folds != f], c, tol) for c, f in tasks)
    loss = {}
    oof = {}
    for ci, c in enumerate(costs):
        z = np.zeros(len(y))
        for f in range(k):
            w, b = fits[ci * k + f]
            held = folds == f
            z[held] = x[held] @ w + b
        loss[c] = log_loss(z, y)
        oof[c] = z
    best = min(costs, key=lambda c: loss[c])
    t2 = time.perf_counter()
    platt = LogisticRegression(C=1e10, tol=1e-10, max_iter=1000).fit(oof[best].reshape(-1, 1), y)
    t3 = time.perf_counter()
    jobs = [(x, y)] + [(x[r], y[r]) for r in resamples]
    refits = par(delayed(fit)(xx, yy, best, tol) for xx, yy in jobs)
    t4 = time.perf_counter()
    print("rows %d, features %d, nnz per row %d" % (x.shape[0], x.shape[1], x.indptr[1]))
    print("cv log-loss by C: " + "; ".join("C=%g: %.4f" % (c, loss[c]) for c in costs))
    print("chosen C %g; Platt a=%.4f b=%.4f; final bias %.4f" % (best, platt.coef_[0][0], platt.intercept_[0],
                                                                 refits[0][1]))
    print("load %.1f s | cross-validation %.1f s | calibration %.2f s | final fit + %d bootstrap refits %.1f s"
          % (t1 - t0, t2 - t1, t3 - t2, len(resamples), t4 - t3))
    print("work (everything but loading) %.1f s" % (t4 - t1))


if __name__ == "__main__":
    main()
