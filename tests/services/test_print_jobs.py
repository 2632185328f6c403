"""Documents built from the database, rendered through reports/, cached and run as jobs."""
from __future__ import annotations

import io
import re

import pdfplumber
import pypdfium2
import pytest
from pyzbar.pyzbar import decode

from app.jobs import pdf as pdf_jobs
from app.models import PrintJobStatus, PrintKind
from app.services import print_jobs
from app.services.decision_documents import certificate_items, list_data
from app.services.errors import ServiceError


def _texts(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [page.extract_text() or "" for page in doc.pages]


@pytest.fixture()
def issued(db, make_decision):
    return make_decision(individuals=4, collectives=3, issued=True, number=100)


def test_decision_pdf_has_names_and_number(issued):
    pdf = print_jobs.ensure_pdf(issued, PrintKind.DECISION).read_bytes()
    text = "\n".join(_texts(pdf))
    assert "100/QĐ-UBND" in text and "Nghiêm Thị Phương Chi" in text
    assert "Phòng Tư pháp số 1, Ủy ban nhân dân quận Ba Đình" in text


def test_list_rows_numbered_per_section(issued):
    data = list_data(issued)
    assert [len(g.rows) for g in data.collectives] == [3] and [len(g.rows) for g in data.individuals] == [4]
    text = "\n".join(_texts(print_jobs.ensure_pdf(issued, PrintKind.LIST).read_bytes()))
    collectives, individuals = re.split(r"^II\.? CÁ NHÂN", text, flags=re.M)
    for part, names in ((collectives, [r.name for r in data.collectives[0].rows]),
                        (individuals, [r.name for r in data.individuals[0].rows])):
        for n, name in enumerate(names, start=1):
            assert re.search(rf"^{n} {re.escape(name.split(',')[0])}", part, re.M), (n, name)


def test_one_certificate_per_page_and_qr_decodes(app, issued):
    items = certificate_items(issued)
    pdf = print_jobs.ensure_pdf(issued, PrintKind.CERTIFICATES).read_bytes()
    pages = _texts(pdf)
    assert len(pages) == len(items) == 7
    for page, item in zip(pages, items):
        assert item.recipient_name.split(",")[0].upper() in page.upper()
        assert "100/QĐ-UBND" in page
    doc = pypdfium2.PdfDocument(pdf)
    try:
        image = doc[0].render(scale=200 / 72).to_pil()
    finally:
        doc.close()
    token = issued.items[0].certificate.token
    assert [d.data.decode() for d in decode(image)] == [f"{app.config['PUBLIC_BASE_URL']}/verify/{token}"]


def test_revoked_certificates_are_not_printed(db, issued):
    from app.services.decisions import revoke_certificate

    revoke_certificate(issued.items[0].certificate, by=issued.created_by, reason="Sai", legal_ground="Chương VII")
    assert len(certificate_items(issued)) == 6


def test_draft_has_no_certificates(db, make_decision):
    with pytest.raises(ServiceError):
        print_jobs.plan_print(make_decision(), PrintKind.CERTIFICATES)


def test_cache_serves_unchanged_content_and_follows_changes(db, issued):
    first = print_jobs.ensure_pdf(issued, PrintKind.LIST)
    stamp = first.stat().st_mtime_ns
    assert print_jobs.ensure_pdf(issued, PrintKind.LIST) == first and first.stat().st_mtime_ns == stamp
    issued.items[0].printed_name = "Tên khác"
    assert print_jobs.ensure_pdf(issued, PrintKind.LIST) != first


def test_small_job_done_at_once_big_job_queued(db, issued, monkeypatch):
    job = print_jobs.request_print(issued, PrintKind.LIST, by=issued.created_by)
    assert job.status is PrintJobStatus.DONE and job.percent == 100
    monkeypatch.setattr(print_jobs, "SMALL_CERTIFICATES", 2)
    big = print_jobs.request_print(issued, PrintKind.CERTIFICATES, by=issued.created_by)
    assert big.status is PrintJobStatus.QUEUED and big.total == 7
    db.session.commit()
    pdf_jobs.run_print_job(big.id)
    db.session.refresh(big)
    assert big.status is PrintJobStatus.DONE and big.done == 7 and print_jobs.cache_path(big).exists()


def test_failed_job_leaves_no_file_and_can_be_retried(db, issued, monkeypatch):
    monkeypatch.setattr(print_jobs, "SMALL_CERTIFICATES", 2)
    job = print_jobs.request_print(issued, PrintKind.CERTIFICATES, by=issued.created_by)
    db.session.commit()
    real = print_jobs.render_plan

    def broken(plan, on_progress=None):  # noqa: ANN001
        raise RuntimeError("hết bộ nhớ")

    monkeypatch.setattr(print_jobs, "render_plan", broken)
    pdf_jobs.run_print_job(job.id)
    db.session.refresh(job)
    folder = print_jobs.cache_path(job).parent
    assert job.status is PrintJobStatus.FAILED and "thử lại" in job.error
    assert not print_jobs.cache_path(job).exists() and not list(folder.glob(".*.part"))
    monkeypatch.setattr(print_jobs, "render_plan", real)
    print_jobs.retry_print_job(job, by=issued.created_by)
    db.session.commit()
    pdf_jobs.run_print_job(job.id)
    db.session.refresh(job)
    assert job.status is PrintJobStatus.DONE


def test_atomic_write_cleans_up_on_error(tmp_path):
    with pytest.raises(TypeError):
        print_jobs.write_atomic(tmp_path / "x.pdf", object())  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
