"""End-to-end anchor for bench/_train-e2e.ts: what a data scientist's script does with the same CSV.

Args: csv path, 'logreg' | 'mlp', epochs, batch size, learning rate, hidden units (e.g. 64,32).
Reads with pandas, splits 80/20 stratified (seed 42), imputes numeric medians, scales, one-hot
encodes the categorical columns, fits (scikit-learn LogisticRegression(lbfgs), or a torch MLP with
Adam, no early stopping), scores the test rows (accuracy, ROC AUC, F1, average precision, log
loss) and writes the model with joblib / torch.save. No bootstrap intervals: the anchor does less
than `pipepilot run`, which is the stricter comparison. The caller times the whole process (Python
start-up and imports included, as node's are for pipepilot); this prints one JSON line with
the stage times it saw inside.
"""
import json
import sys
import tempfile
import time

t_start = time.perf_counter()
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.compose import ColumnTransformer  # noqa: E402
from sklearn.impute import SimpleImputer  # noqa: E402
from sklearn.metrics import accuracy_score, average_precision_score, f1_score, log_loss, roc_auc_score  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import OneHotEncoder, StandardScaler  # noqa: E402

csv, kind = sys.argv[1], sys.argv[2]
epochs, batch, lr = int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
hidden = [int(h) for h in sys.argv[6].split(',')]
stages = {'imports': time.perf_counter() - t_start}


def stage(name, t0):
    stages[name] = time.perf_counter() - t0
    return time.perf_counter()


t = time.perf_counter()
df = pd.read_csv(csv)
t = stage('read', t)
y = (df.pop('churned') == 'yes').astype(np.int64).to_numpy()
categorical = [c for c in df.columns if df[c].dtype == object]
numeric = [c for c in df.columns if c not in categorical]
x_train, x_test, y_train, y_test = train_test_split(df, y, test_size=0.2, random_state=42, stratify=y)
t = stage('split', t)
pre = ColumnTransformer([
    ('num', make_pipeline(SimpleImputer(strategy='median'), StandardScaler()), numeric),
    ('cat', OneHotEncoder(handle_unknown='ignore', sparse_output=False), categorical),
])
a_train = pre.fit_transform(x_train).astype(np.float32)
a_test = pre.transform(x_test).astype(np.float32)
t = stage('preprocess', t)

if kind == 'logreg':
    import joblib
    from sklearn.linear_model import LogisticRegression
    model = LogisticRegression(solver='lbfgs', max_iter=1000).fit(a_train, y_train)
    t = stage('fit', t)
    p = model.predict_proba(a_test)[:, 1]
    save = lambda path: joblib.dump((pre, model), path)  # noqa: E731
else:
    import torch
    torch.manual_seed(42)
    xt, yt = torch.from_numpy(a_train), torch.from_numpy(y_train.astype(np.float32)).unsqueeze(1)
    layers, width = [], a_train.shape[1]
    for h in hidden:
        layers += [torch.nn.Linear(width, h), torch.nn.ReLU()]
        width = h
    net = torch.nn.Sequential(*layers, torch.nn.Linear(width, 1))
    opt = torch.optim.Adam(net.parameters(), lr=lr, eps=1e-7)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    rows = xt.shape[0]
    for _ in range(epochs):
        perm = torch.randperm(rows)
        for i in range(0, rows, batch):
            idx = perm[i:i + batch]
            opt.zero_grad()
            loss_fn(net(xt[idx]), yt[idx]).backward()
            opt.step()
    t = stage('fit', t)
    with torch.no_grad():
        p = torch.sigmoid(net(torch.from_numpy(a_test))).numpy()[:, 0]
    save = lambda path: torch.save(net.state_dict(), path)  # noqa: E731
    stages['threads'] = torch.get_num_threads()

metrics = {
    'accuracy': accuracy_score(y_test, p >= 0.5), 'roc_auc': roc_auc_score(y_test, p),
    'f1': f1_score(y_test, p >= 0.5), 'pr_auc': average_precision_score(y_test, p), 'log_loss': log_loss(y_test, p),
}
t = stage('evaluate', t)
with tempfile.TemporaryDirectory() as d:
    save(f'{d}/model')
stage('write', t)
print(json.dumps({'stages_s': stages, 'metrics': metrics}))
