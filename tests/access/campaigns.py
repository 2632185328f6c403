"""campaigns blueprint: everyone signed in reads what is open to them; the secretariat edits."""
from datetime import date

from app.models import Campaign, CampaignKind, CriteriaSheet, Criterion, CriterionKind, SubjectType
from tests.access import only, signed_in

import itertools

SECRETARIAT = ("secretariat", "admin")
_seq = itertools.count(1)


def _campaign(f, *, outside: bool = False):
    def build():
        c = Campaign(code=f"ACC_C{'O' if outside else 'H'}", name="Phong trào thử", kind=CampaignKind.THEMATIC,
                     launching_unit=f.city, period_start=date(2021, 1, 1), period_end=date(2025, 12, 31),
                     participating_units=[f.other_unit] if outside else [])
        f.db.session.add(c)
        f.db.session.flush()
        return c
    return f.cache(f"campaign{outside}", build)


def _sheet(f, fresh: bool = False):
    def build():
        s = CriteriaSheet(campaign=_campaign(f), subject_type=SubjectType.COLLECTIVE, bonus_cap=10,
                          version=next(_seq))
        s.criteria.append(Criterion(kind=CriterionKind.SCORED, title="Tiêu chí", max_points=10))
        f.db.session.add(s)
        f.db.session.flush()
        return s
    return build() if fresh else f.cache("sheet", build)


ROUTES = {
    "campaigns.index": {"expect": signed_in(200)},
    "campaigns.new": {"expect": only(*SECRETARIAT)},
    "campaigns.detail": [
        {"url_args": lambda f: {"campaign_id": _campaign(f).id}, "expect": signed_in(200)},
        {"url_args": lambda f: {"campaign_id": _campaign(f, outside=True).id},
         "expect": {**signed_in(200), "unit_officer": 403, "council_member": 403}},
    ],
    "campaigns.edit": {"url_args": lambda f: {"campaign_id": _campaign(f).id}, "expect": only(*SECRETARIAT)},
    "campaigns.advance": {"url_args": lambda f: {"campaign_id": _campaign(f).id}, "expect": only(*SECRETARIAT, ok=302)},
    "campaigns.create_sheet": {"url_args": lambda f: {"campaign_id": _campaign(f).id},
                               "expect": only(*SECRETARIAT, ok=302)},
    "campaigns.sheet": {"url_args": lambda f: {"sheet_id": _sheet(f).id}, "expect": signed_in(200)},
    "campaigns.add_criterion": {"url_args": lambda f: {"sheet_id": _sheet(f).id}, "expect": only(*SECRETARIAT, ok=422)},
    "campaigns.update_criterion": {"url_args": lambda f: {"criterion_id": _sheet(f).criteria[0].id},
                                   "expect": only(*SECRETARIAT, ok=422)},
    "campaigns.remove_criterion": {"url_args": lambda f: {"criterion_id": _sheet(f, fresh=True).criteria[0].id},
                                   "expect": only(*SECRETARIAT, ok={302, 422})},
    "campaigns.move_criterion": {"url_args": lambda f: {"criterion_id": _sheet(f).criteria[0].id},
                                 "expect": only(*SECRETARIAT, ok={302, 422})},
    "campaigns.bonus_cap": {"url_args": lambda f: {"sheet_id": _sheet(f).id}, "expect": only(*SECRETARIAT, ok=422)},
    "campaigns.new_version": {"url_args": lambda f: {"sheet_id": _sheet(f).id}, "expect": only(*SECRETARIAT, ok={302, 400})},
}
