"""Run the redactor over every text of an export, on all cores when the export is large.

Detection is the slow part of an export and each text is independent, so large exports fan out
to worker processes (spawned, never forked: the TUI runs this from a thread). Texts travel through
pipes in memory, never through files. Labels are given afterwards, in item order, in the calling
process, so the result is identical to a serial run.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from peerjournal.export.redaction import carry_through, detect
from peerjournal.export.review import ReviewSpan

PARALLEL_MIN_CHARS = 1_000_000  # below this, starting workers costs more than it saves
CHUNK_TEXTS = 100
Progress = Callable[[int, int], None]

_worker_redactor: Any = None


def _init_worker(pickled: bytes) -> None:
    global _worker_redactor
    _worker_redactor = pickle.loads(pickled)


def _detect_chunk(texts: list[str]) -> list[list[ReviewSpan]]:
    return [detect(_worker_redactor, t) for t in texts]


def worker_count(texts: Sequence[str], workers: int | None) -> int:
    """How many processes to use: 1 for small exports, else one per core (at most 8)."""
    if workers is not None:
        return max(1, workers)
    if sum(len(t) for t in texts) < PARALLEL_MIN_CHARS:
        return 1
    return max(
        1,
        min(
            8,
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else os.cpu_count() or 1,
        ),
    )


def _picklable(redactor: Any) -> bytes | None:
    try:
        return pickle.dumps(redactor)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


def detect_all(
    redactor: Any,
    texts: Sequence[str],
    workers: int | None = None,
    progress: Progress | None = None,
) -> list[list[ReviewSpan]]:
    """The redactor's spans for each text, in order; `progress(done, total)` counts texts.

    What is found in one text is then carried to every other (`redaction.carry_through`): the
    texts are one participant's export.
    """
    return carry_through(texts, _detect_each(redactor, texts, workers, progress))


def _detect_each(
    redactor: Any, texts: Sequence[str], workers: int | None, progress: Progress | None
) -> list[list[ReviewSpan]]:
    total = len(texts)
    count = worker_count(texts, workers)
    pickled = _picklable(redactor) if count > 1 else None
    if pickled is not None:
        try:
            return _detect_in_processes(pickled, texts, count, progress)
        except (BrokenProcessPool, OSError):
            pass  # no worker processes here (limits, odd main module): do it in this one
    found = []
    for t in texts:
        found.append(detect(redactor, t))
        if progress and (len(found) % CHUNK_TEXTS == 0 or len(found) == total):
            progress(len(found), total)
    return found


def _detect_in_processes(
    pickled: bytes, texts: Sequence[str], count: int, progress: Progress | None
) -> list[list[ReviewSpan]]:
    total = len(texts)
    chunks = [list(texts[i : i + CHUNK_TEXTS]) for i in range(0, total, CHUNK_TEXTS)]
    found: list[list[ReviewSpan]] = []
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        count, mp_context=context, initializer=_init_worker, initargs=(pickled,)
    ) as pool:
        for spans in pool.map(_detect_chunk, chunks):
            found.extend(spans)
            if progress:
                progress(len(found), total)
    return found
