"""decisions blueprint: the secretariat drafts, issues and prints; viewers read."""
from __future__ import annotations

import itertools
import secrets
from datetime import date

from app.models import (AwardType, AwardCategory, AwardLevel, Campaign, CampaignKind, Certificate, Decision,
                        DecisionItem, Nomination, NominationStatus, PrintJob, PrintJobStatus, PrintKind,
                        SubjectScope, SubjectType)
from tests.access import only

_seq = itertools.count(1)
READERS = ("viewer", "secretariat", "admin")
WRITERS = ("secretariat", "admin")


def decision(f, *, issued: bool = False, items: int = 1) -> Decision:  # noqa: ANN001
    """A decision of the factory's city with `items` approved nominations."""
    n = next(_seq)
    award = f.cache("award", lambda: _add(f, AwardType(
        code="ACC_BK", name="Bằng khen thử", category=AwardCategory.COMMENDATION,
        subject_scope=SubjectScope.BOTH, level=AwardLevel.CITY, deciding_authority="Chủ tịch UBND TP")))
    campaign = f.cache("campaign", lambda: _add(f, Campaign(
        code="ACC_PT", name="Phong trào thử", kind=CampaignKind.THEMATIC, launching_unit=f.city,
        period_start=date(2021, 1, 1), period_end=date(2025, 12, 31))))
    d = _add(f, Decision(issuer_unit=f.city, campaign=campaign, authority="CHỦ TỊCH UBND", signer_name="Hà Minh Hải",
                         signer_capacity=["CHỦ TỊCH"], issuer_lines=["ỦY BAN NHÂN DÂN", "THÀNH PHỐ"],
                         decided_on=date(2025, 12, 15), subject="Về việc tặng Bằng khen",
                         number=n if issued else None, year=2025 if issued else None,
                         status="issued" if issued else "draft"))
    for i in range(items):
        person = f.person(full_name=f"Nguyễn Văn Thử {n}-{i}")
        nomination = _add(f, Nomination(campaign=campaign, award_type=award, subject_type=SubjectType.INDIVIDUAL,
                                        person=person, nominating_unit=f.home_unit,
                                        status=NominationStatus.AWARDED if issued else NominationStatus.APPROVED))
        item = _add(f, DecisionItem(decision=d, nomination=nomination, award_type=award, position=i + 1,
                                    subject_type=SubjectType.INDIVIDUAL, printed_name=person.full_name,
                                    group_label=f.home_unit.name, honorific="Ông"))
        if issued:
            _add(f, Certificate(item=item, issuer_unit_id=f.city.id, year=2025, golden_book_number=n * 10 + i,
                                token=secrets.token_urlsafe(24)))
    return d


def job(f, status: PrintJobStatus) -> PrintJob:  # noqa: ANN001
    d = decision(f, issued=True)
    return _add(f, PrintJob(kind=PrintKind.CERTIFICATES, decision=d, content_key="0" * 64, status=status, total=1))


def _add(f, obj):  # noqa: ANN001, ANN202
    f.db.session.add(obj)
    f.db.session.flush()
    return obj


ROUTES = {
    "decisions.index": {"expect": only(*READERS)},
    "decisions.create": {"expect": only(*WRITERS)},
    "decisions.edit": {"url_args": lambda f: {"decision_id": decision(f).id}, "expect": only(*WRITERS)},
    "decisions.detail": [
        {"url_args": lambda f: {"decision_id": decision(f).id}, "expect": only(*READERS)},
        {"url_args": lambda f: {"decision_id": decision(f, issued=True).id}, "expect": only(*READERS)},
    ],
    "decisions.add_items": {"url_args": lambda f: {"decision_id": decision(f).id},
                            "expect": only(*WRITERS, ok=302)},
    "decisions.remove_item": {"url_args": lambda f: {"decision_id": (d := decision(f)).id, "item_id": d.items[0].id},
                              "expect": only(*WRITERS, ok=302)},
    "decisions.issue": {"url_args": lambda f: {"decision_id": decision(f, items=0).id},
                        "expect": only(*WRITERS, ok=302)},
    "decisions.print_pdf": {"url_args": lambda f: {"decision_id": decision(f).id, "kind": "list"},
                            "expect": only(*WRITERS, ok=302)},
    "decisions.job": {"url_args": lambda f: {"job_id": job(f, PrintJobStatus.RUNNING).id}, "expect": only(*WRITERS)},
    "decisions.progress": {"url_args": lambda f: {"job_id": job(f, PrintJobStatus.RUNNING).id},
                           "expect": only(*WRITERS)},
    "decisions.download": {"url_args": lambda f: {"job_id": job(f, PrintJobStatus.QUEUED).id},
                           "expect": only(*WRITERS, ok=302)},
    "decisions.retry": {"url_args": lambda f: {"job_id": job(f, PrintJobStatus.DONE).id},
                        "expect": only(*WRITERS, ok=302)},
    "decisions.export": [
        {"url_args": lambda f: {"decision_id": decision(f).id, "fmt": "csv"}, "expect": only(*READERS)},
        {"url_args": lambda f: {"decision_id": decision(f).id, "fmt": "xlsx"}, "expect": only(*READERS)},
    ],
    "decisions.correct": [
        {"url_args": lambda f: {"decision_id": decision(f, issued=True).id}, "expect": only(*WRITERS)},
        {"url_args": lambda f: {"decision_id": decision(f).id}, "expect": only(*WRITERS, ok=409)},
    ],
    "decisions.item_wording": [
        {"url_args": lambda f: {"decision_id": (d := decision(f)).id, "item_id": d.items[0].id},
         "expect": only(*WRITERS, ok=302)},
        {"url_args": lambda f: {"decision_id": (d := decision(f, issued=True)).id, "item_id": d.items[0].id},
         "expect": only(*WRITERS, ok=409)},
    ],
    "decisions.revoke": {"url_args": lambda f: {"certificate_id": decision(f, issued=True).items[0].certificate.id},
                         "expect": only(*WRITERS, ok=302)},
}
