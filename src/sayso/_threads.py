"""One thread per process for the numerical libraries (BLAS, OpenMP) of a batch run.

Set before numpy is first imported, and inherited by worker processes. The cores belong to the worker
processes, and the sentence encoder's vectors depend, in their last bits, on how many threads computed
them: with one thread everywhere, a store filled by one process or by N workers holds the same bytes. On the
shared 2-core development machine it also made `sayso ingest` of the development set faster (14.9 s against
23.5 s: docs/scale.md).
"""

from __future__ import annotations

import os

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def one_thread_each() -> None:
    """Ask for one thread per process, unless the user chose a number (that number then holds everywhere)."""
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
