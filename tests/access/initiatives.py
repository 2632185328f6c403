"""initiatives blueprint: units work on their own subtree; the city-wide roles read everything."""
from __future__ import annotations

from datetime import date

from app.demo.sample_files import as_upload, tiny_pdf
from app.models import Initiative, InitiativeKind, InitiativeStatus
from tests.access import only, signed_in

READERS = ("viewer", "council_member", "unit_officer", "secretariat", "admin")


def _initiative(f, *, outside: bool = False, status: InitiativeStatus = InitiativeStatus.DRAFT,
                with_file: bool = False) -> Initiative:  # noqa: ANN001
    initiative = Initiative(kind=InitiativeKind.MODEL, title="Mô hình thử", status=status,
                            owner_unit=f.other_unit if outside else f.home_unit, start_date=date(2023, 1, 1),
                            summary="Tóm tắt")
    initiative.refresh_search_text()
    if with_file:
        from app.services.evidence import store_evidence

        initiative.evidence = [store_evidence(as_upload("minh-chung.pdf", tiny_pdf(["x"])), by=None)]
    f.db.session.add(initiative)
    f.db.session.flush()
    return initiative


def _args(status: InitiativeStatus = InitiativeStatus.DRAFT, *, outside: bool = False):
    return lambda f: {"initiative_id": _initiative(f, outside=outside, status=status).id}


def _file_args(*, outside: bool = False):
    def build(f):  # noqa: ANN001
        initiative = _initiative(f, outside=outside, with_file=True)
        return {"initiative_id": initiative.id, "evidence_id": initiative.evidence[0].id}

    return build


# POSTs without data: allowed roles get the form back with errors (422) or a redirect (302).
ROUTES = {
    "initiatives.index": {"expect": signed_in(200)},
    "initiatives.export_xlsx": {"expect": signed_in(200)},
    "initiatives.export_csv": {"expect": signed_in(200)},
    "initiatives.create": {"expect": only("unit_officer", "secretariat", "admin")},
    "initiatives.detail": [
        {"url_args": _args(), "expect": signed_in(200)},
        {"url_args": _args(outside=True), "expect": only("viewer", "council_member", "secretariat", "admin")},
        {"url_args": {"initiative_id": 987654}, "expect": signed_in(404)},
    ],
    "initiatives.edit": [
        {"url_args": _args(), "expect": only("unit_officer", "secretariat", "admin")},
        {"url_args": _args(outside=True), "expect": only("secretariat", "admin")},
        {"url_args": _args(InitiativeStatus.RECOGNISED), "expect": only("secretariat", "admin")},
    ],
    "initiatives.submit": [
        {"url_args": _args(), "expect": only("unit_officer", "secretariat", "admin", ok=302)},
        {"url_args": _args(outside=True), "expect": only("secretariat", "admin", ok=302)},
    ],
    "initiatives.download_evidence": [
        {"url_args": _file_args(), "expect": signed_in(200)},
        {"url_args": _file_args(outside=True), "expect": only("viewer", "council_member", "secretariat", "admin")},
    ],
    "initiatives.remove_evidence_file": [
        {"url_args": _file_args(), "expect": only("unit_officer", "secretariat", "admin", ok=302)},
        {"url_args": _file_args(outside=True), "expect": only("secretariat", "admin", ok=302)},
    ],
    "initiatives.review": [
        {"url_args": _args(InitiativeStatus.SUBMITTED), "expect": only("council_member", "secretariat", "admin")},
        {"url_args": _args(), "expect": only()},
    ],
    "initiatives.recognise": {"method": "POST", "url_args": _args(InitiativeStatus.SUBMITTED),
                              "expect": only("secretariat", "admin", ok=422)},
    "initiatives.refuse": {"method": "POST", "url_args": _args(InitiativeStatus.SUBMITTED),
                           "expect": only("secretariat", "admin", ok=422)},
}
