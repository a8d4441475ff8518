"""`rasa test nlu --cross-validation` with fixed folds (used by bench.nlu_cv).

Rasa's generate_folds uses StratifiedKFold(shuffle=True) with no seed; this
runs the same command with the folds seeded, so both configurations are
evaluated on exactly the same five splits. Arguments are rasa's.
"""

import functools
import sys

import sklearn.model_selection

sklearn.model_selection.StratifiedKFold = functools.partial(
    sklearn.model_selection.StratifiedKFold, random_state=42
)

if __name__ == "__main__":
    from rasa.__main__ import main

    sys.argv = ["rasa", *sys.argv[1:]]
    main()
