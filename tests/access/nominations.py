"""nominations blueprint."""
from app.models import NominationStatus, SubjectType
from tests.access import only

WORK = ("admin", "secretariat", "unit_officer")
LISTS = ("admin", "secretariat", "unit_officer", "council_member", "viewer")


def _campaign_award(f):
    from datetime import date

    from app.models import AwardCategory, AwardLevel, AwardType, Campaign, CampaignKind, SubjectScope

    def build():
        award = AwardType(code="ACC_BK", name="Bằng khen thử", category=AwardCategory.COMMENDATION,
                          subject_scope=SubjectScope.BOTH, level=AwardLevel.CITY, deciding_authority="Chủ tịch")
        campaign = Campaign(code="ACC_PT", name="Phong trào thử", kind=CampaignKind.THEMATIC, launching_unit=f.city,
                            period_start=date(2021, 1, 1), period_end=date(2025, 12, 31))
        f.db.session.add_all([award, campaign])
        f.db.session.flush()
        return campaign, award

    return f.cache("campaign_award", build)


def nomination(f, *, outside: bool = False, status: NominationStatus = NominationStatus.DRAFT):
    from app.models import Nomination

    campaign, award = _campaign_award(f)
    unit = f.other_unit if outside else f.home_unit
    n = Nomination(campaign=campaign, award_type=award, subject_type=SubjectType.INDIVIDUAL,
                   person=f.person(unit=unit), nominating_unit=unit, status=status, summary="Thành tích",
                   memo_number="1/TTr", memo_date=campaign.period_end)
    f.db.session.add(n)
    f.db.session.flush()
    return n


def _evidence(f):
    from app.models import EvidenceFile

    n = nomination(f)
    file = EvidenceFile(stored_name=f"{n.id:032x}.pdf", original_name="a.pdf", mime_type="application/pdf",
                        size_bytes=1, sha256="0" * 64)
    n.evidence.append(file)
    f.db.session.flush()
    return {"nomination_id": n.id, "evidence_id": file.id}


ROUTES = {
    "nominations.index": {"expect": only(*LISTS)},
    "nominations.export": {"expect": only(*LISTS)},
    "nominations.new": {"expect": only(*WORK)},
    "nominations.import_xlsx": {"expect": only(*WORK)},
    "nominations.import_template_file": {"expect": only(*WORK)},
    "nominations.quota": {"expect": only(*WORK)},
    "nominations.detail": [
        {"url_args": lambda f: {"nomination_id": nomination(f).id}, "expect": only("admin", "secretariat", "viewer", "unit_officer")},
        {"url_args": lambda f: {"nomination_id": nomination(f, outside=True).id},
         "expect": only("admin", "secretariat", "viewer")},
    ],
    "nominations.edit": [
        {"url_args": lambda f: {"nomination_id": nomination(f).id}, "expect": only(*WORK)},
        {"url_args": lambda f: {"nomination_id": nomination(f, outside=True).id}, "expect": only("admin", "secretariat")},
    ],
    # POST without a form: CSRF is off in tests, so a missing target is a 400 for those who may see it.
    "nominations.transition": {"url_args": lambda f: {"nomination_id": nomination(f, outside=True).id},
                               "expect": only("admin", "secretariat", "viewer", ok=400)},
    "nominations.override": {"url_args": lambda f: {"nomination_id": nomination(f).id},
                             "expect": only("admin", "secretariat", ok=302)},
    "nominations.upload_evidence": {"url_args": lambda f: {"nomination_id": nomination(f).id},
                                    "expect": only(*WORK, ok=302)},
    "nominations.eligible_next_year": [
        {"url_args": lambda f: {"unit_id": f.home_unit.id}, "expect": only(*WORK)},
        {"url_args": lambda f: {"unit_id": f.other_unit.id}, "expect": only("admin", "secretariat")},
    ],
    "nominations.export_eligible_next_year": [
        {"url_args": lambda f: {"unit_id": f.home_unit.id}, "expect": only(*WORK)},
        # No unit chosen: the unit officer's own unit; the secretariat has none to export.
        {"expect": only("unit_officer", denied=403) | {"admin": 404, "secretariat": 404}},
    ],
    "nominations.evidence": {"url_args": _evidence, "expect": only("admin", "secretariat", "viewer", "unit_officer", ok=404)},
}
