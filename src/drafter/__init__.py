"""drafter: grounded Japanese news-commentary drafts from a news item and a reader thread."""

import os as _os

# The sentence encoder's matrices are small: BLAS threads gain nothing there, and on a busy
# machine (a batch, the desk, other jobs on 2 cores) their spin-waiting made one check take
# 25 s instead of 2 s. One thread unless the user says otherwise; set before numpy is imported.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_name, "1")

__version__ = "0.1.0"
