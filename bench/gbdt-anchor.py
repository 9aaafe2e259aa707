"""Anchor for bench/gbdt.ts: XGBoost (tree_method hist, 2 threads) and scikit-learn's
HistGradientBoosting on the same rows with the same settings.

Args: a JSON file {train_x, train_y, test_x, rows_train, rows_test, cols, task, classes,
categorical (column indices), trees, leaves, learning_rate, min_samples_leaf, l2, max_bins}
naming float32/float64 .bin files. Prints one JSON line: per library fit seconds (wall and CPU, every thread), the 1-minute load
average after the fit, and test outputs
(probabilities of class 1, rows x k probabilities, or values) written to <name>.out.bin.
"""
import json
import os
import sys
import time

import numpy as np

cfg = json.load(open(sys.argv[1]))
cols = cfg['cols']
xtr = np.fromfile(cfg['train_x'], dtype=np.float32).reshape(cfg['rows_train'], cols)
ytr = np.fromfile(cfg['train_y'], dtype=np.float64)
xte = np.fromfile(cfg['test_x'], dtype=np.float32).reshape(cfg['rows_test'], cols)
task, k = cfg['task'], cfg['classes']
out = {}


def save(name, p):
    path = cfg['out_prefix'] + name + '.bin'
    np.asarray(p, dtype=np.float64).ravel().tofile(path)
    return path


try:
    import xgboost as xgb
    params = dict(tree_method='hist', n_estimators=cfg['trees'], max_leaves=cfg['leaves'], max_depth=0,
                  grow_policy='lossguide', learning_rate=cfg['learning_rate'], reg_lambda=cfg['l2'],
                  min_child_weight=1e-3, max_bin=cfg['max_bins'], n_jobs=2, random_state=0)
    if task == 'regression':
        model = xgb.XGBRegressor(**params)
    else:
        model = xgb.XGBClassifier(**params)
    start, cpu = time.perf_counter(), time.process_time()
    model.fit(xtr, ytr.astype(np.int64) if task != 'regression' else ytr)
    fit, cpu = time.perf_counter() - start, time.process_time() - cpu
    p = model.predict(xte) if task == 'regression' else model.predict_proba(xte)
    if task == 'binary_classification':
        p = p[:, 1]
    out['xgboost'] = {'fit_s': fit, 'cpu_s': cpu, 'load': os.getloadavg()[0], 'out': save('xgboost', p), 'version': xgb.__version__}
except Exception as err:  # an anchor that cannot run is reported, not fatal
    out['xgboost_error'] = repr(err)

try:
    import sklearn
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
    mask = [i in cfg['categorical'] for i in range(cols)]
    params = dict(max_iter=cfg['trees'], max_leaf_nodes=cfg['leaves'], learning_rate=cfg['learning_rate'],
                  min_samples_leaf=cfg['min_samples_leaf'], l2_regularization=cfg['l2'], max_bins=cfg['max_bins'],
                  early_stopping=False, categorical_features=mask if any(mask) else None, random_state=0)
    model = HistGradientBoostingRegressor(**params) if task == 'regression' else HistGradientBoostingClassifier(**params)
    start, cpu = time.perf_counter(), time.process_time()
    model.fit(xtr, ytr)
    fit, cpu = time.perf_counter() - start, time.process_time() - cpu
    p = model.predict(xte) if task == 'regression' else model.predict_proba(xte)
    if task == 'binary_classification':
        p = p[:, 1]
    out['sklearn'] = {'fit_s': fit, 'cpu_s': cpu, 'load': os.getloadavg()[0], 'out': save('sklearn', p), 'version': sklearn.__version__}
except Exception as err:
    out['sklearn_error'] = repr(err)

print(json.dumps(out))
