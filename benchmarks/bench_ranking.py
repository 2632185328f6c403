"""Benchmark: council ranking of 5,000 nominations × 15 members × 12 criteria, and a member's
scoring list of 300 nominations (time and query count).

    python benchmarks/bench_ranking.py                     # SQLite file in /tmp
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench_council python benchmarks/bench_ranking.py
Targets: ranking < 2 s; scoring list < 300 ms with a query count independent of its length.
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event  # noqa: E402

N_NOMS, N_MEMBERS, N_CRIT, LIST_SIZE = 5000, 15, 12, 300


def _url() -> str:
    url = os.environ.get("DATABASE_URL")
    if url and url.startswith("postgres"):
        from tests.conftest import create_pg_database

        base, name = url.rsplit("/", 1)
        return create_pg_database(f"{base}/postgres", name)
    path = Path("/tmp/bench_ranking.sqlite")
    path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def build(db) -> tuple[int, int]:
    from app.models import (
        AwardCategory, AwardLevel, AwardType, Campaign, CampaignKind, Council, CouncilMember, CriteriaSheet,
        Criterion, CriterionKind, OrgUnit, OrgUnitKind, Role, SubjectScope, SubjectType, User,
    )

    s = db.session
    city = OrgUnit(code="C", kind=OrgUnitKind.CITY_BODY, name="Thành phố", short_name="TP")
    camp = Campaign(code="B", name="Bench", kind=CampaignKind.THEMATIC, launching_unit=city,
                    period_start=date(2021, 1, 1), period_end=date(2025, 12, 31))
    sheet = CriteriaSheet(campaign=camp, subject_type=SubjectType.COLLECTIVE, bonus_cap=Decimal(10))
    kinds = [CriterionKind.SCORED] * 9 + [CriterionKind.BONUS, CriterionKind.PENALTY, CriterionKind.KNOCKOUT]
    sheet.criteria = [Criterion(kind=k, title=f"TC{i}", position=i, max_points=Decimal(10),
                                penalty_points=Decimal(1)) for i, k in enumerate(kinds)]
    award = AwardType(code="BK", name="Bằng khen", category=AwardCategory.COMMENDATION,
                      subject_scope=SubjectScope.BOTH, level=AwardLevel.CITY, deciding_authority="CT",
                      min_score=Decimal(60))
    council = Council(campaign=camp, name="HĐ")
    users = [User(username=f"m{i}", full_name=f"TV {i}", password_hash="x") for i in range(N_MEMBERS)]
    for u in users:
        u.set_roles({Role.COUNCIL_MEMBER})
    council.members = [CouncilMember(user=u) for u in users]
    s.add_all([city, camp, sheet, award, council])
    s.flush()
    units = [{"code": f"U{i}", "kind": "commune", "name": f"Xã {i}", "short_name": f"Xã {i}", "search_name": "",
              "parent_id": city.id, "valid_from": date(2000, 1, 1), "version_id": 1} for i in range(N_NOMS)]
    s.execute(OrgUnit.__table__.insert(), units)
    unit_ids = [r[0] for r in s.execute(OrgUnit.__table__.select().with_only_columns(OrgUnit.id)
                                        .where(OrgUnit.code.like("U%")).order_by(OrgUnit.id))]
    from app.models import Assignment, Nomination, Score, ScoreSheet
    from app.models.base import utcnow

    now = utcnow()
    s.execute(Nomination.__table__.insert(), [
        {"campaign_id": camp.id, "award_type_id": award.id, "subject_type": "collective", "unit_id": uid,
         "nominating_unit_id": city.id, "status": "in_scoring", "memo_number": "", "summary": "",
         "created_at": now, "updated_at": now, "version_id": 1} for uid in unit_ids])
    nom_ids = [r[0] for r in s.execute(Nomination.__table__.select().with_only_columns(Nomination.id)
                                       .order_by(Nomination.id))]
    member_ids = [m.id for m in council.members]
    crit = [(c.id, c.kind) for c in sheet.criteria]
    rng = random.Random(7)
    s.execute(Assignment.__table__.insert(), [{"council_id": council.id, "member_id": m, "nomination_id": n,
                                               "created_at": now} for n in nom_ids for m in member_ids])
    s.execute(ScoreSheet.__table__.insert(), [
        {"council_id": council.id, "member_id": m, "nomination_id": n, "status": "submitted", "comment": "",
         "submitted_at": now, "updated_at": now, "is_excluded": False, "excluded_reason": "", "version_id": 1}
        for n in nom_ids for m in member_ids])
    sheet_ids = [r[0] for r in s.execute(ScoreSheet.__table__.select().with_only_columns(ScoreSheet.id))]
    batch = []
    for sid in sheet_ids:
        for cid, kind in crit:
            v = rng.randint(0, 10) if kind is CriterionKind.SCORED else rng.choice([0, 0, 0, 1]) \
                if kind is not CriterionKind.KNOCKOUT else (1 if rng.random() < 0.002 else 0)
            batch.append({"sheet_id": sid, "criterion_id": cid, "value": Decimal(v)})
        if len(batch) >= 60000:
            s.execute(Score.__table__.insert(), batch)
            batch = []
    if batch:
        s.execute(Score.__table__.insert(), batch)
    s.commit()
    return council.id, member_ids[0]


def main() -> None:
    from app import create_app
    from app.extensions import db

    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": _url()})
    with app.app_context():
        db.drop_all()
        db.create_all()
        t0 = time.perf_counter()
        council_id, member_id = build(db)
        print(f"{db.engine.dialect.name}: built {N_NOMS:,} × {N_MEMBERS} × {N_CRIT} = "
              f"{N_NOMS * N_MEMBERS * N_CRIT:,} scores in {time.perf_counter() - t0:.1f} s")
        from app.models import Assignment, Council, CouncilMember
        from app.services.ranking import council_results
        from app.services.scoring import scoring_list

        times = []
        for _ in range(3):
            db.session.expire_all()
            council = db.session.get(Council, council_id)
            t = time.perf_counter()
            res = council_results(council)
            times.append(time.perf_counter() - t)
        print(f"  ranking (results page data): best {min(times):.2f} s, median {statistics.median(times):.2f} s "
              f"— {len(res.rows):,} rows, target < 2 s")
        # Scoring list: the member keeps only LIST_SIZE assignments.
        db.session.execute(Assignment.__table__.delete().where(
            Assignment.member_id == member_id, Assignment.nomination_id > LIST_SIZE + min(
                r.nomination.id for r in res.rows) - 1))
        db.session.commit()
        for size in (30, LIST_SIZE):
            counter = {"n": 0}

            def count(*_a, **_k):
                counter["n"] += 1

            db.session.expire_all()
            member = db.session.get(CouncilMember, member_id)
            member.council  # noqa: B018
            event.listen(db.engine, "before_cursor_execute", count)
            t = time.perf_counter()
            listing = scoring_list(member)
            if size == 30:
                listing.rows[:] = listing.rows[:30]
            with app.test_request_context():
                from flask import render_template
                from flask_login import login_user

                login_user(member.user)
                council = member.council
                render_template("scoring/index.html", council=council, listing=listing)
            elapsed = time.perf_counter() - t
            event.remove(db.engine, "before_cursor_execute", count)
            print(f"  scoring list of {len(listing.rows)} rendered in {elapsed * 1000:.0f} ms, "
                  f"{counter['n']} queries (target < 300 ms, constant)")


if __name__ == "__main__":
    main()
