"""Anchor for bench/tune-gbdt.ts: Optuna's TPESampler (defaults) over scikit-learn's
HistGradientBoostingClassifier on the very rows PipePilot's gbdt trials use (its validation
split of the training rows, preprocessed), the same space and iterations, no early stopping.

Args: setup.json (train/valid matrices, space, trials, iterations, seeds). Prints one JSON line.
"""
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import log_loss

from tune_anchor_common import load_setup, run_studies

setup, (xt, yt, xv, yv) = load_setup()


def objective(trial):
    model = HistGradientBoostingClassifier(
        learning_rate=trial.suggest_float("learning_rate", *setup["learning_rate"], log=True),
        max_leaf_nodes=trial.suggest_int("max_leaf_nodes", *setup["max_leaf_nodes"], log=True),
        min_samples_leaf=trial.suggest_int("min_samples_leaf", *setup["min_samples_leaf"]),
        l2_regularization=trial.suggest_float("l2", *setup["l2"]),
        max_bins=trial.suggest_int("max_bins", *setup["max_bins"]),
        max_iter=setup["iterations"], early_stopping=False, random_state=setup["model_seed"])
    model.fit(xt, yt)
    return log_loss(yv, model.predict_proba(xv)[:, 1], labels=[0, 1])


run_studies(setup, objective)
