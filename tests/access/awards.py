"""awards blueprint: the catalogue is readable by everyone signed in; the secretariat edits it."""
from datetime import date

from app.models import AwardCategory, AwardLevel, AwardType, EligibilityRule, RuleKind, SubjectScope
from tests.access import only, signed_in

SECRETARIAT = ("secretariat", "admin")


import itertools

_seq = itertools.count(1)


def _award(f, fresh: bool = False):
    def build():
        a = AwardType(code=f"ACC_CSTD{next(_seq)}", name="Chiến sĩ thi đua thử", category=AwardCategory.EMULATION_TITLE,
                      subject_scope=SubjectScope.INDIVIDUAL, level=AwardLevel.BASE, deciding_authority="Thủ trưởng")
        a.rules.append(EligibilityRule(kind=RuleKind.PERFORMANCE_RATING, params={"min_rating": "htxsnv"},
                                       description="Hoàn thành xuất sắc", legal_basis="Điều thử",
                                       effective_from=date(2024, 1, 1)))
        f.db.session.add(a)
        f.db.session.flush()
        return a
    return build() if fresh else f.cache("award", build)


ROUTES = {
    "awards.index": {"expect": signed_in(200)},
    "awards.detail": {"url_args": lambda f: {"award_id": _award(f).id}, "expect": signed_in(200)},
    "awards.new": {"expect": only(*SECRETARIAT)},
    "awards.edit": {"url_args": lambda f: {"award_id": _award(f).id}, "expect": only(*SECRETARIAT)},
    "awards.new_rule": {"url_args": lambda f: {"award_id": _award(f).id}, "expect": only(*SECRETARIAT)},
    "awards.edit_rule": {"url_args": lambda f: {"rule_id": _award(f).rules[0].id}, "expect": only(*SECRETARIAT)},
    "awards.remove_rule": {"url_args": lambda f: {"rule_id": _award(f, fresh=True).rules[0].id},
                           "expect": only(*SECRETARIAT, ok=302)},
}
