"""Anchor for bench/train.ts: the same rows, model and optimizer in torch and scikit-learn.

Args: x.bin (float32 rows x cols), y.bin (float64 0/1), rows, cols, y3.bin (float64 0/1/2).
Prints one JSON line.
"""
import json
import sys
import time

import numpy as np

x_path, y_path, rows, cols = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
x = np.fromfile(x_path, dtype=np.float32).reshape(rows, cols)
y = np.fromfile(y_path, dtype=np.float64)
y3 = np.fromfile(sys.argv[5], dtype=np.float64)
out = {}

try:
    import torch
    torch.manual_seed(0)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y.astype(np.float32)).unsqueeze(1)
    model = torch.nn.Sequential(
        torch.nn.Linear(cols, 64), torch.nn.ReLU(), torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    epochs, batch = 5, 256
    start = time.perf_counter()
    for _ in range(epochs):
        perm = torch.randperm(rows)
        for i in range(0, rows, batch):
            idx = perm[i:i + batch]
            opt.zero_grad()
            loss_fn(model(xt[idx]), yt[idx]).backward()
            opt.step()
    fit = time.perf_counter() - start
    with torch.no_grad():
        acc = float(((model(xt) > 0).float() == yt).float().mean())
    out['torch'] = {'fit_s': fit, 'samples_per_s': rows * epochs / fit, 'accuracy': acc,
                    'threads': torch.get_num_threads(), 'version': torch.__version__}
except ImportError as err:
    out['torch_error'] = str(err)

try:
    import sklearn
    from sklearn.linear_model import LogisticRegression
    start = time.perf_counter()
    clf = LogisticRegression(solver='lbfgs').fit(x, y)
    fit = time.perf_counter() - start
    start = time.perf_counter()
    multi = LogisticRegression(solver='lbfgs').fit(x, y3)  # multinomial: lbfgs's default for > 2 classes
    multi_fit = time.perf_counter() - start
    out['sklearn'] = {'fit_s': fit, 'accuracy': float(clf.score(x, y)), 'version': sklearn.__version__,
                      'multi_fit_s': multi_fit, 'multi_accuracy': float(multi.score(x, y3))}
except ImportError as err:
    out['sklearn_error'] = str(err)

print(json.dumps(out))
