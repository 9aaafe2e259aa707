"""What bench/tune-anchor.py and bench/tune-gbdt-anchor.py share: the rows PipePilot's trials use
(from setup.json; null is a missing value) and Optuna's TPE study per seed, printed as one JSON line."""
import json
import sys
import time

import numpy as np
import optuna
import sklearn

optuna.logging.set_verbosity(optuna.logging.WARNING)


def load_setup():
    setup = json.load(open(sys.argv[1]))
    matrix = lambda v, rows: np.array([np.nan if x is None else x for x in v], dtype=np.float32).reshape(rows, setup["cols"])
    rows = (matrix(setup["train_x"], setup["train_rows"]), np.array(setup["train_y"]),
            matrix(setup["valid_x"], setup["valid_rows"]), np.array(setup["valid_y"]))
    return setup, rows


def run_studies(setup, objective):
    out = {"optuna": optuna.__version__, "sklearn": sklearn.__version__, "seeds": {}}
    for seed in setup["seeds"]:
        study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=seed))
        start = time.perf_counter()
        study.optimize(objective, n_trials=setup["trials"])
        s = time.perf_counter() - start
        out["seeds"][str(seed)] = {"best": study.best_value, "trials_per_s": setup["trials"] / s}
    print(json.dumps(out))
