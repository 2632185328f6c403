"""A persistent pool of forked worker processes rendering contiguous chunks to files.

WeasyPrint is single-threaded (GIL-bound), so on the 2-core target machine two
processes are the only lever that roughly halves wall time for long jobs; each
chunk is one document, which also bounds a worker's memory to one chunk's
layout (research/pdf-performance.md, F4–F5). The pool is created on first
use and kept: forked workers inherit the imported WeasyPrint and warm their
fonts and stylesheets once in the initializer.

Workers write each chunk to a temporary file and send back only its path and
page count, so the parent never holds more than the chunk it is merging
(``reports.pdfstream``). A worker that dies (OOM killer, segfault) loses its
chunk without ``multiprocessing.Pool`` ever noticing; the wait loop below
watches the workers' exit codes and a per-chunk deadline instead of hanging.
"""
from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from multiprocessing.pool import AsyncResult, Pool

from pypdf import PdfReader

ProgressCallback = Callable[[int, int], None]
#: A rendered chunk: (path of its PDF, number of pages).
ChunkFile = tuple[str, int]

#: Default parallelism: the machine's cores, capped at 2 (the measured sweet spot).
DEFAULT_WORKERS = max(1, min(2, os.cpu_count() or 1))
#: Recycle workers after this many chunks, so memory WeasyPrint never returns stays bounded.
MAX_TASKS_PER_CHILD = 10
#: Seconds a chunk may take after the previous one arrived before the job is abandoned.
CHUNK_TIMEOUT = 600.0
_POLL = 0.25  # seconds between checks for dead workers

_pool: Pool | None = None
_pool_key: tuple[int, int] | None = None  # (owner pid, size)
_warm_new_workers = True  # False once the first workers exist: replacements skip warm-up


class RenderWorkerError(RuntimeError):
    """A worker process died or a chunk exceeded its time limit; the pool was restarted."""


def _init_worker() -> None:
    if not _warm_new_workers:
        return  # a recycled worker: the job it joins pays the fonts on its first chunk
    from . import render  # imported in the child: avoids a cycle at module load

    # An exception here would make Pool respawn workers forever; warm-up is optional.
    try:
        render.warm_up()
    except Exception:
        logging.getLogger(__name__).exception("PDF worker warm-up failed")


def render_to_file(func: Callable[..., bytes], args: tuple, directory: str) -> ChunkFile:
    """Run ``func(*args)`` and store the PDF in ``directory`` (in a worker or in-process)."""
    pdf = func(*args)
    fd, path = tempfile.mkstemp(suffix=".pdf", dir=directory)
    with os.fdopen(fd, "wb") as f:
        f.write(pdf)
    # Counted here, so the parent knows "y" of "Trang x/y" before it reads a chunk.
    return path, len(PdfReader(path).pages)


def get_pool(workers: int) -> Pool:
    """The process pool of ``workers`` forked processes, created once per parent pid."""
    global _pool, _pool_key, _warm_new_workers
    key = (os.getpid(), workers)
    if _pool is None or _pool_key != key:
        if _pool is not None and _pool_key and _pool_key[0] == os.getpid():
            _pool.terminate()
        _warm_new_workers = True
        _pool = multiprocessing.get_context("fork").Pool(
            workers, initializer=_init_worker, maxtasksperchild=MAX_TASKS_PER_CHILD)
        _warm_new_workers = False  # the first workers are forked; later ones inherit False
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


def render_chunks(func: Callable[..., bytes], chunks: Sequence[tuple], *, directory: str,
                  workers: int, weights: Sequence[int],
                  on_progress: ProgressCallback | None = None,
                  timeout: float = CHUNK_TIMEOUT) -> ChunkStream:
    """The chunks rendered by ``render_to_file(func, chunk, directory)``, in order.

    With one worker or one chunk the work runs lazily in this process as the
    stream is consumed; otherwise every chunk is queued in the pool at once, so
    the caller can do other work (e.g. lay out the decision) before iterating.
    ``on_progress(done, total)`` is called in this process after each chunk,
    counting ``weights`` (rows or certificates). Close the stream (``with
    closing(...)``) before deleting ``directory``.
    """
    return ChunkStream(func, chunks, directory, workers, weights, on_progress, timeout)


class ChunkStream:
    """Iterator over rendered chunks; ``close()`` cancels the chunks not yet taken."""

    def __init__(self, func: Callable[..., bytes], chunks: Sequence[tuple], directory: str,
                 workers: int, weights: Sequence[int],
                 on_progress: ProgressCallback | None, timeout: float) -> None:
        self._func, self._chunks, self._directory = func, chunks, directory
        self._weights, self._total, self._done = list(weights), sum(weights), 0
        self._on_progress, self._timeout = on_progress, timeout
        self._index = 0
        self._pool: Pool | None = None
        self._pending: list[AsyncResult] = []
        self._watched: set = set()
        if workers > 1 and len(chunks) > 1:
            self._pool = get_pool(workers)
            self._pending = [self._pool.apply_async(render_to_file, (func, args, directory))
                             for args in chunks]

    def __iter__(self) -> ChunkStream:
        return self

    def __next__(self) -> ChunkFile:
        if self._index >= len(self._chunks):
            raise StopIteration
        if self._pool is None:
            chunk = render_to_file(self._func, self._chunks[self._index], self._directory)
        else:
            chunk = self._wait(self._pending[self._index])
        self._done += self._weights[self._index]
        self._index += 1
        if self._on_progress is not None:
            self._on_progress(self._done, self._total)
        return chunk

    def close(self) -> None:
        if self._pool is not None and self._index < len(self._chunks):
            # Abandoned (error, crash, caller stopped): queued chunks would still run and
            # write into a directory about to be deleted. Fresh workers are cheaper.
            self._index = len(self._chunks)
            shutdown_pool()

    def _wait(self, result: AsyncResult) -> ChunkFile:
        deadline = time.monotonic() + self._timeout
        while not result.ready():
            # Pool replaces exited workers and forgets them; keep our own references to
            # see how each one ended. Exit code 0 is a normal maxtasksperchild retirement.
            self._watched.update(getattr(self._pool, "_pool", ()))
            dead = [p for p in self._watched if p.exitcode not in (None, 0)]
            if dead:
                self.close()
                raise RenderWorkerError(
                    f"Tiến trình in PDF (pid {dead[0].pid}) đã dừng đột ngột "
                    f"(mã {dead[0].exitcode}); bản in bị hủy, hãy thử lại.")
            if time.monotonic() > deadline:
                self.close()
                raise RenderWorkerError(
                    f"Một phần bản in PDF chạy quá {self._timeout:g} giây; bản in bị hủy.")
            result.wait(_POLL)
        return result.get()
