"""Anchor for bench/bootstrap.ts: the percentile bootstrap a data scientist writes with numpy and
scikit-learn (resample the rows, score the five metrics), on the same rows, the same count.

Args: y.bin (float64 0/1), p.bin (float32 scores), rows, resamples. Prints one JSON line.
"""
import json
import sys
import time

import numpy as np
from sklearn.metrics import accuracy_score, average_precision_score, f1_score, log_loss, roc_auc_score

y = np.fromfile(sys.argv[1], dtype=np.float64)
p = np.fromfile(sys.argv[2], dtype=np.float32).astype(np.float64)
rows, resamples = int(sys.argv[3]), int(sys.argv[4])
rng = np.random.default_rng(42)
start = time.perf_counter()
cpu = time.process_time()
scores = []
for _ in range(resamples):
    i = rng.integers(0, rows, rows)
    yy, pp = y[i], p[i]
    scores.append([accuracy_score(yy, pp >= 0.5), roc_auc_score(yy, pp), f1_score(yy, pp >= 0.5),
                   average_precision_score(yy, pp), log_loss(yy, pp, labels=[0, 1])])
low, high = np.percentile(np.array(scores), [2.5, 97.5], axis=0)
print(json.dumps({'wall_s': time.perf_counter() - start, 'cpu_s': time.process_time() - cpu,
                  'roc_auc': [float(low[1]), float(high[1])]}))
