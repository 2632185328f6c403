"""ledger blueprint: the secretariat everywhere, unit officers within their unit, viewers read."""
import itertools

from tests.access import only

_seq = itertools.count(1)

EDITORS = ("secretariat", "admin", "unit_officer")


def _person(f, outside=False):
    return f.cache(f"person{outside}", lambda: f.person(outside=outside))


def _subject(kind, outside=False):
    def args(f):
        return {"kind": kind, "subject_id": _person(f, outside).id if kind == "people"
                else (f.other_unit if outside else f.home_unit).id}
    return args


ROUTES = {
    "ledger.index": {"expect": only("secretariat", "admin", "unit_officer", "viewer")},
    "ledger.person": [
        {"url_args": lambda f: {"person_id": _person(f).id}, "expect": only(*EDITORS, "viewer")},
        {"url_args": lambda f: {"person_id": _person(f, True).id}, "expect": only("secretariat", "admin", "viewer")},
    ],
    "ledger.unit": {"url_args": lambda f: {"unit_id": f.home_unit.id}, "expect": only(*EDITORS, "viewer")},
    "ledger.add_award": [
        {"url_args": _subject("people"), "expect": only(*EDITORS, ok=422)},
        {"url_args": _subject("units", True), "expect": only("secretariat", "admin", ok=422)},
    ],
    "ledger.set_rating": {"url_args": _subject("people"), "expect": only(*EDITORS, ok=422)},
    "ledger.add_discipline": [
        {"url_args": lambda f: {"subject_id": _person(f).id}, "expect": only(*EDITORS, ok=422)},
        {"url_args": lambda f: {"subject_id": _person(f, True).id}, "expect": only("secretariat", "admin", ok=422)},
    ],
    "ledger.remove_award": {"url_args": lambda f: {"record_id": _record(f).id},
                            "expect": only(*EDITORS, ok=302)},
    "ledger.import_xlsx": {"expect": only("secretariat", "admin")},
    "ledger.import_template": {"expect": only("secretariat", "admin")},
    "ledger.prospects": {"expect": only("secretariat", "admin", "unit_officer")},
}


def _record(f):
    from app.models import AwardCategory, AwardLevel, AwardRecord, AwardType, SubjectScope

    award = AwardType(code=f"ACC_LDTT{next(_seq)}", name="Lao động tiên tiến", category=AwardCategory.EMULATION_TITLE,
                      subject_scope=SubjectScope.INDIVIDUAL, level=AwardLevel.BASE, deciding_authority="Thủ trưởng")
    record = AwardRecord(award_type=award, person=_person(f), year=2024)
    f.db.session.add(record)
    f.db.session.flush()
    return record
