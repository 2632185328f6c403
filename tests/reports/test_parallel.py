"""A worker that dies or hangs must fail the job, not hang the caller, and the pool recovers."""
import io
import os
import signal
import time

import pytest
from pypdf import PdfReader, PdfWriter

from reports import RenderWorkerError, render_certificates, samples, shutdown_pool
from reports.parallel import render_chunks


def _blank() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


BLANK = _blank()


def _die(n):
    if n == 1:
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    return BLANK


def _hang(n):
    if n == 1:
        time.sleep(120)
    return BLANK


@pytest.fixture(autouse=True)
def fresh_pool():
    # Forked from this process, so the workers can unpickle the functions above.
    shutdown_pool()
    yield
    shutdown_pool()


def _run(func, tmp_path, **kwargs):
    chunks = [(n,) for n in range(4)]
    files = render_chunks(func, chunks, directory=str(tmp_path), workers=2,
                          weights=[1] * 4, **kwargs)
    return list(files)


def test_a_killed_worker_raises_instead_of_hanging(tmp_path):
    with pytest.raises(RenderWorkerError, match="dừng đột ngột"):
        _run(_die, tmp_path)


def test_a_chunk_over_its_time_limit_raises(tmp_path):
    with pytest.raises(RenderWorkerError, match="quá 1 giây"):
        _run(_hang, tmp_path, timeout=1)


def test_pool_works_again_after_a_crash(tmp_path):
    with pytest.raises(RenderWorkerError):
        _run(_die, tmp_path)
    items = samples.certificates(14)
    pdf = render_certificates(items, workers=2)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 14
