"""Anchor for bench/tune.ts: Optuna's TPESampler (defaults) over scikit-learn's MLPClassifier on
the very rows PipePilot's trials use (its validation split of the training rows, preprocessed).

Args: setup.json (train/valid matrices, space, trials, epochs, seeds). Prints one JSON line.
"""
import warnings

from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import log_loss
from sklearn.neural_network import MLPClassifier

from tune_anchor_common import load_setup, run_studies

warnings.filterwarnings("ignore", category=ConvergenceWarning)
setup, (xt, yt, xv, yv) = load_setup()
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
    return log_loss(yv, model.predict_proba(xv)[:, 1], labels=[0, 1])


run_studies(setup, objective)
