"""Anchor for bench/tune.ts: Optuna's TPESampler (defaults) over scikit-learn's MLPClassifier on
the very rows PipePilot's trials use (its validation split of the training rows, preprocessed).

Args: setup.json (train/valid matrices, space, trials, epochs, seeds). Prints one JSON line.
"""
import json
import sys
import time
import warnings

import numpy as np
import optuna
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import roc_auc_score
from sklearn.neural_network import MLPClassifier

warnings.filterwarnings("ignore", category=ConvergenceWarning)
optuna.logging.set_verbosity(optuna.logging.WARNING)
setup = json.load(open(sys.argv[1]))
xt = np.array(setup["train_x"], dtype=np.float32).reshape(setup["train_rows"], setup["cols"])
yt = np.array(setup["train_y"])
xv = np.array(setup["valid_x"], dtype=np.float32).reshape(setup["valid_rows"], setup["cols"])
yv = np.array(setup["valid_y"])
layers = [tuple(h) for h in setup["hidden_units"]]


def objective(trial):
    lr = trial.suggest_float("learning_rate", *setup["learning_rate"], log=True)
    alpha = trial.suggest_float("l2", *setup["l2"], log=True)
    hidden = layers[trial.suggest_categorical("hidden_units", list(range(len(layers))))]
    # The same model as PipePilot's: Adam, batch 32, early stopping on 10 % with patience 10.
    model = MLPClassifier(hidden_layer_sizes=hidden, learning_rate_init=lr, alpha=alpha, batch_size=32,
                          max_iter=setup["epochs"], early_stopping=True, validation_fraction=0.1,
                          n_iter_no_change=10, random_state=setup["model_seed"])
    model.fit(xt, yt)
    return roc_auc_score(yv, model.predict_proba(xv)[:, 1])


out = {"optuna": optuna.__version__, "sklearn": sklearn.__version__, "seeds": {}}
for seed in setup["seeds"]:
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    start = time.perf_counter()
    study.optimize(objective, n_trials=setup["trials"])
    s = time.perf_counter() - start
    out["seeds"][str(seed)] = {"best": study.best_value, "trials_per_s": setup["trials"] / s}
print(json.dumps(out))
