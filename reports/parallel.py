"""A persistent pool of forked worker processes rendering contiguous chunks.

WeasyPrint is single-threaded (GIL-bound), so on the 2-core target machine two
processes are the only lever that roughly halves wall time for long jobs; each
chunk is one document, which also bounds a worker's memory to one chunk's
layout (research/pdf-performance.md, F4–F5). The pool is created on first
use and kept: forked workers inherit the imported WeasyPrint and warm their
fonts and stylesheets once in the initializer.
"""
from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.pool import Pool
from typing import Any

ProgressCallback = Callable[[int, int], None]

#: Default parallelism: the machine's cores, capped at 2 (the measured sweet spot).
DEFAULT_WORKERS = max(1, min(2, os.cpu_count() or 1))
#: Recycle workers after this many chunks, so memory WeasyPrint never returns stays bounded.
MAX_TASKS_PER_CHILD = 10

_pool: Pool | None = None
_pool_key: tuple[int, int] | None = None  # (owner pid, size)


def _init_worker() -> None:
    from . import render  # imported in the child: avoids a cycle at module load

    # An exception here would make Pool respawn workers forever; warm-up is optional.
    try:
        render.warm_up()
    except Exception:
        logging.getLogger(__name__).exception("PDF worker warm-up failed")


def _call(task: tuple[Callable[..., bytes], tuple]) -> bytes:
    func, args = task
    return func(*args)


def get_pool(workers: int) -> Pool:
    """The process pool of ``workers`` forked processes, created once per parent pid."""
    global _pool, _pool_key
    key = (os.getpid(), workers)
    if _pool is None or _pool_key != key:
        if _pool is not None and _pool_key and _pool_key[0] == os.getpid():
            _pool.terminate()
        _pool = multiprocessing.get_context("fork").Pool(
            workers, initializer=_init_worker, maxtasksperchild=MAX_TASKS_PER_CHILD)
        _pool_key = key
    return _pool


def shutdown_pool() -> None:
    """Stop the worker processes (also registered at interpreter exit)."""
    global _pool, _pool_key
    if _pool is not None and _pool_key and _pool_key[0] == os.getpid():
        _pool.terminate()
        _pool.join()
    _pool = None
    _pool_key = None


atexit.register(shutdown_pool)


def resolve_workers(workers: int | None) -> int:
    return DEFAULT_WORKERS if workers is None else max(1, int(workers))


def render_chunks(func: Callable[..., bytes], chunks: Sequence[tuple], *,
                  workers: int, weights: Sequence[int],
                  on_progress: ProgressCallback | None = None) -> Iterator[bytes]:
    """Yield ``func(*chunk)`` for each chunk, in order.

    With one worker or one chunk the work runs lazily in this process as the
    iterator is consumed; otherwise it starts in the pool at once, so the
    caller can do other work (e.g. lay out the decision) before iterating.
    ``on_progress(done, total)`` is called in this process after each chunk,
    counting ``weights`` (rows or certificates).
    """
    total = sum(weights)
    if workers <= 1 or len(chunks) <= 1:
        results: Iterator[Any] = (func(*args) for args in chunks)
    else:
        results = get_pool(workers).imap(_call, [(func, args) for args in chunks])
    return _with_progress(results, weights, total, on_progress)


def _with_progress(results: Iterator[bytes], weights: Sequence[int], total: int,
                   on_progress: ProgressCallback | None) -> Iterator[bytes]:
    done = 0
    for weight, pdf in zip(weights, results):
        done += weight
        if on_progress is not None:
            on_progress(done, total)
        yield pdf
