"""Evidence service: type sniffing, size limit, safe storage, cleanup on rollback, download."""
from __future__ import annotations

import hashlib
import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.demo.sample_files import as_upload, tiny_docx, tiny_pdf, tiny_png, tiny_xlsx
from app.models import EvidenceFile, Role
from app.services.errors import ServiceError
from app.services.evidence import (
    evidence_path, remove_orphan_files, send_evidence, store_evidence, store_evidence_files, upload_root,
    verify_evidence,
)

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


@pytest.fixture()
def officer(make_user, make_unit):
    return make_user(roles={Role.UNIT_OFFICER}, unit=make_unit())


def _count(db) -> int:
    return db.session.scalar(select(func.count(EvidenceFile.id)))


def _files() -> set[Path]:
    root = upload_root()
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.mark.parametrize("name,data,mime", [
    ("Báo cáo kết quả.pdf", tiny_pdf(["Bao cao"]), "application/pdf"),
    ("anh.PNG", tiny_png(), "image/png"),
    ("thuyet-minh.docx", tiny_docx(["Thuyết minh sáng kiến"]),
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("so-lieu.xlsx", tiny_xlsx([["Chỉ số", 1]]),
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
])
def test_stores_real_files_outside_static_with_hash(app, db, officer, name, data, mime):
    evidence = store_evidence(as_upload(name, data), by=officer, description="Minh chứng")
    path = evidence_path(evidence)
    assert path.read_bytes() == data
    assert evidence.sha256 == hashlib.sha256(data).hexdigest()
    assert evidence.size_bytes == len(data)
    assert evidence.mime_type == mime
    assert evidence.original_name == name
    assert name not in str(path) and "static" not in path.parts
    assert Path(app.config["UPLOAD_FOLDER"]) in path.parents
    db.session.commit()
    assert path.exists() and verify_evidence(evidence)


def test_executable_renamed_pdf_is_refused_and_nothing_kept(db, officer):
    before = _files()
    with pytest.raises(ServiceError) as error:
        store_evidence(as_upload("quyet-dinh.pdf", EXE), by=officer)
    assert error.value.message == "Tệp “quyet-dinh.pdf” không phải là PDF thật (nội dung là tệp thực thi)."
    assert error.value.field == "evidence"
    assert _files() == before and _count(db) == 0


def test_png_renamed_docx_and_plain_zip_are_refused(db, officer):
    with pytest.raises(ServiceError, match="không phải là DOCX thật \\(nội dung là tệp PNG\\)"):
        store_evidence(as_upload("a.docx", tiny_png()), by=officer)
    with pytest.raises(ServiceError, match="không phải là XLSX thật \\(nội dung là tệp DOCX\\)"):
        store_evidence(as_upload("b.xlsx", tiny_docx(["x"])), by=officer)
    with pytest.raises(ServiceError, match="không nhận dạng được"):
        store_evidence(as_upload("c.pdf", b"just text"), by=officer)


def test_unsupported_extension_and_empty_file(db, officer):
    with pytest.raises(ServiceError, match="định dạng không được chấp nhận"):
        store_evidence(as_upload("virus.exe", EXE), by=officer)
    with pytest.raises(ServiceError, match="rỗng"):
        store_evidence(as_upload("rong.pdf", b""), by=officer)


def test_size_limit_is_counted_not_trusted(app, db, officer, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_UPLOAD_MB", 1)
    data = tiny_pdf(["x"]) + b"%" * (1024 * 1024)
    before = _files()
    with pytest.raises(ServiceError) as error:
        store_evidence(as_upload("lon.pdf", data), by=officer)
    assert error.value.message == "Tệp “lon.pdf” vượt quá giới hạn 1 MB."
    assert _files() == before and _count(db) == 0


def test_rollback_removes_the_stored_file(db, officer):
    evidence = store_evidence(as_upload("a.pdf", tiny_pdf(["a"])), by=officer)
    path = evidence_path(evidence)
    assert path.exists()
    db.session.rollback()
    assert not path.exists()


def test_commit_keeps_the_file(db, officer):
    evidence = store_evidence(as_upload("a.pdf", tiny_pdf(["a"])), by=officer)
    db.session.commit()
    db.session.rollback()  # a later rollback must not touch committed files
    assert evidence_path(evidence).exists()


def test_many_reports_every_bad_file(db, officer):
    uploads = [as_upload("ok.pdf", tiny_pdf(["ok"])), as_upload("x.pdf", EXE), as_upload("y.png", b"nope")]
    with pytest.raises(ServiceError) as error:
        store_evidence_files(uploads, by=officer)
    assert "“x.pdf”" in error.value.message and "“y.png”" in error.value.message
    db.session.rollback()
    assert _count(db) == 0


def test_path_names_cannot_escape_the_folder(db, officer):
    evidence = store_evidence(as_upload("../../etc/passwd.pdf", tiny_pdf(["a"])), by=officer)
    assert evidence.original_name == "passwd.pdf"
    evidence.stored_name = "../../x.pdf"
    with pytest.raises(ValueError):
        evidence_path(evidence)
    db.session.rollback()


def test_remove_orphan_files_keeps_known_and_young(db, officer):
    kept = store_evidence(as_upload("a.pdf", tiny_pdf(["a"])), by=officer)
    db.session.commit()
    orphan = evidence_path(kept).parent / ("0" * 32 + ".pdf")
    orphan.write_bytes(b"%PDF-orphan")
    young = evidence_path(kept).parent / ("1" * 32 + ".pdf")
    young.write_bytes(b"%PDF-young")
    old = time.time() - 7200
    os.utime(orphan, (old, old))
    os.utime(evidence_path(kept), (old, old))
    assert remove_orphan_files(older_than=timedelta(hours=1)) == 1
    assert not orphan.exists() and young.exists() and evidence_path(kept).exists()
    young.unlink()


def test_send_evidence_uses_rfc5987_name_and_safe_headers(app, db, officer):
    evidence = store_evidence(as_upload("Quyết định công nhận.pdf", tiny_pdf(["qd"])), by=officer)
    db.session.commit()
    with app.test_request_context():
        response = send_evidence(evidence)
        response.direct_passthrough = False
        assert response.get_data() == evidence_path(evidence).read_bytes()
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh" in disposition
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.mimetype == "application/pdf"
    response.close()
