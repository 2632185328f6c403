"""Benchmark: council ranking of 5,000 nominations × 15 members × 12 criteria, and a member's
scoring list (30 and 300 nominations) served by the real view through the test client.

    python benchmarks/bench_ranking.py                     # SQLite file in /tmp
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench_ranking python benchmarks/bench_ranking.py
    python benchmarks/bench_ranking.py --runs 5            # timed runs per figure (default 3)
    python benchmarks/bench_ranking.py --reuse             # time again the data a previous run built

Targets (issue 5): ranking < 2 s; scoring list of 300 < 300 ms with a query count that does
not grow with the list. Prints the machine (CPU, nproc, load average) and the database,
then each figure as best / median of the runs (wall clock, and the CPU time of this
process, which a busy machine inflates less), split for the ranking into database
(queries and loading rows), aggregation (mean, median, spread, z-score) and ranking.
Scores are bulk-inserted, then every sheet's totals are stored with
app/services/sheet_totals.refresh_totals (as the scoring service does on each submit), and
the tables are analysed, as autovacuum would.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, select, text  # noqa: E402

N_NOMS, N_MEMBERS, N_CRIT = 5000, 15, 12
LIST_SIZES = (30, 300)
RANKING_TARGET, LIST_TARGET = 2.0, 0.300


def _url(*, reuse: bool) -> str:
    url = os.environ.get("DATABASE_URL")
    if url and url.startswith("postgres"):
        from sqlalchemy import make_url

        from tests.conftest import create_pg_database

        if reuse:
            return make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
        base, name = url.rsplit("/", 1)
        return create_pg_database(f"{base}/postgres", name)
    path = Path("/tmp/bench_ranking.sqlite")
    if not reuse:
        path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{cpu}, nproc {len(os.sched_getaffinity(0))}, load average {load} (1/5/15 min), "
            f"Python {platform.python_version()}")


def build(db) -> tuple[int, list[int]]:
    from app.models import (
        Assignment, AwardCategory, AwardLevel, AwardType, Campaign, CampaignKind, Council, CouncilMember,
        CriteriaSheet, Criterion, CriterionKind, Nomination, OrgUnit, OrgUnitKind, Role, Score, ScoreSheet,
        SubjectScope, SubjectType, User,
    )
    from app.models.base import utcnow

    s = db.session
    city = OrgUnit(code="C", kind=OrgUnitKind.CITY_BODY, name="Thành phố", short_name="TP")
    # Members sit in a department beside the communes: conflicts are checked, none is found.
    dept = OrgUnit(code="SNV", kind=OrgUnitKind.DEPARTMENT, name="Sở Nội vụ", short_name="SNV", parent=city)
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
    users = [User(username=f"m{i}", full_name=f"TV {i}", password_hash="x", unit=dept) for i in range(N_MEMBERS)]
    for u in users:
        u.set_roles({Role.COUNCIL_MEMBER})
    council.members = [CouncilMember(user=u) for u in users]
    s.add_all([city, dept, camp, sheet, award, council])
    s.flush()
    s.execute(OrgUnit.__table__.insert(), [
        {"code": f"U{i}", "kind": "commune", "name": f"Xã {i}", "short_name": f"Xã {i}", "search_name": "",
         "parent_id": city.id, "valid_from": date(2000, 1, 1), "version_id": 1} for i in range(N_NOMS)])
    unit_ids = [r[0] for r in s.execute(OrgUnit.__table__.select().with_only_columns(OrgUnit.id)
                                        .where(OrgUnit.code.like("U%")).order_by(OrgUnit.id))]
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
    # Every member scores every nominee, except the first ones, who keep 30 and 300 (their lists).
    keep = {member_ids[i]: size for i, size in enumerate(LIST_SIZES)}
    s.execute(Assignment.__table__.insert(), [
        {"council_id": council.id, "member_id": m, "nomination_id": n, "created_at": now}
        for m in member_ids for n in nom_ids[:keep.get(m, N_NOMS)]])
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
    return council.id, member_ids[:len(LIST_SIZES)]


def store_totals(db) -> float:
    from sqlalchemy import select

    from app.models import ScoreSheet
    from app.services.sheet_totals import refresh_totals

    t = time.perf_counter()
    refresh_totals(select(ScoreSheet.id))
    db.session.commit()
    return time.perf_counter() - t


def analyse(db) -> None:
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with db.engine.begin() as conn:
            conn.execute(text("ANALYZE"))


@contextmanager
def split_timer(spent: dict[str, float]):
    """Time the aggregation and ranking functions council_results calls (outermost calls only);
    the rest of its time is the database: queries and loading rows."""
    from app.services import aggregation, ranking

    targets = {"aggregation": (aggregation, ("mean", "median", "spread", "aggregate", "zscore_adjusted")),
               "ranking": (ranking, ("_rank", "_decide"))}
    saved, active = [], [False]

    def wrap(fn, key):
        def timed(*a, **k):
            if active[0]:
                return fn(*a, **k)
            active[0] = True
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[key] += time.perf_counter() - t
                active[0] = False
        return timed

    for key, (module, names) in targets.items():
        for name in names:
            saved.append((module, name, getattr(module, name)))
            setattr(module, name, wrap(getattr(module, name), key))
    try:
        yield
    finally:
        for module, name, fn in saved:
            setattr(module, name, fn)


def time_ranking(db, council_id: int, method, runs: int) -> list[dict[str, float]]:
    from app.models import Council
    from app.services.ranking import council_results

    council = db.session.get(Council, council_id)
    council.campaign.aggregation = method
    db.session.commit()
    out = []
    for _ in range(runs):
        db.session.expire_all()
        council = db.session.get(Council, council_id)
        spent = {"aggregation": 0.0, "ranking": 0.0}
        with split_timer(spent):
            t, cpu = time.perf_counter(), time.process_time()
            res = council_results(council)
            total, cpu = time.perf_counter() - t, time.process_time() - cpu
        assert len(res.rows) == N_NOMS
        out.append({"total": total, "cpu": cpu, "database": total - spent["aggregation"] - spent["ranking"], **spent})
        db.session.rollback()
    return out


def time_listing(app, engine, url: str, user_id: int, size: int, runs: int) -> list[tuple[float, float, int]]:
    """GET a member's scoring list through the test client: (seconds, CPU seconds, queries) per run. Called
    outside any app context, so that each request has its own, as in production."""
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(user_id)
        session["_fresh"] = True
    out = []
    for _ in range(runs + 1):  # the first request warms the templates
        count = [0]

        def counter(*_a, **_k):
            count[0] += 1

        event.listen(engine, "before_cursor_execute", counter)
        t, cpu = time.perf_counter(), time.process_time()
        resp = client.get(url)
        elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
        event.remove(engine, "before_cursor_execute", counter)
        assert resp.status_code == 200, resp.status_code
        assert resp.get_data(as_text=True).count(f"{url}/") == size, "not the member's list"
        out.append((elapsed, cpu, count[0]))
    return out[1:]


def _fig(values: list[float], unit: str = "s", scale: float = 1.0) -> str:
    fmt = "{:.0f}" if unit == "ms" else "{:.2f}"
    return (f"best {fmt.format(min(values) * scale)} {unit}, "
            f"median {fmt.format(statistics.median(values) * scale)} {unit}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="time the database a previous run built")
    args = parser.parse_args()
    runs = args.runs
    from app import create_app
    from app.extensions import db
    from app.models import AggregationMethod, Council, CouncilMember

    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": _url(reuse=args.reuse)})
    with app.app_context():
        dialect = db.engine.dialect.name
        version = db.session.execute(text("select sqlite_version()" if dialect == "sqlite" else "show server_version"))
        print(f"Machine: {machine()}")
        print(f"Database: {dialect} {version.scalar()}")
        if args.reuse:
            council = db.session.scalars(select(Council)).one()
            council_id, list_members = council.id, [m.id for m in council.members[:len(LIST_SIZES)]]
            print("Reusing the database of a previous run")
        else:
            db.drop_all()
            db.create_all()
            t0 = time.perf_counter()
            council_id, list_members = build(db)
            print(f"Built {N_NOMS:,} nominations × {N_MEMBERS} members × {N_CRIT} criteria = "
                  f"{N_NOMS * N_MEMBERS * N_CRIT:,} scores in {time.perf_counter() - t0:.1f} s; "
                  f"stored the totals of {N_NOMS * N_MEMBERS:,} sheets in {store_totals(db):.1f} s")
            analyse(db)
        ok = True
        print(f"Ranking (council_results, {runs} runs each; target < {RANKING_TARGET:.0f} s):")
        for method in (AggregationMethod.MEAN, AggregationMethod.MEDIAN, AggregationMethod.TRIMMED_MEAN,
                       AggregationMethod.ZSCORE):
            got = time_ranking(db, council_id, method, runs)
            best = min(got, key=lambda g: g["total"])
            met = best["total"] < RANKING_TARGET
            ok &= met
            print(f"  {method.value:<13} {_fig([g['total'] for g in got])} (CPU of this process: best "
                  f"{min(g['cpu'] for g in got):.2f} s) — best run: database {best['database']:.2f} s, "
                  f"aggregation {best['aggregation']:.2f} s, ranking {best['ranking']:.2f} s  "
                  f"{'OK' if met else 'MISSED'}")
        engine = db.engine
        users = [db.session.get(CouncilMember, m).user_id for m in list_members]
        db.session.remove()
    print(f"Scoring list (GET /councils/<id>/scoring via the test client, {runs} runs each; "
          f"target < {LIST_TARGET * 1000:.0f} ms, constant queries):")
    counts = []
    for user_id, size in zip(users, LIST_SIZES):
        got = time_listing(app, engine, f"/councils/{council_id}/scoring", user_id, size, runs)
        counts.append({q for _, _, q in got})
        met = min(t for t, _, _ in got) < LIST_TARGET
        ok &= met
        print(f"  {size:>3} rows: {_fig([t for t, _, _ in got], 'ms', 1000)} (CPU: best "
              f"{min(c for _, c, _ in got) * 1000:.0f} ms), queries "
              f"{'/'.join(str(q) for q in sorted(counts[-1]))}  {'OK' if met else 'MISSED'}")
    constant = len(set().union(*counts)) == 1
    ok &= constant
    print(f"  query count {'does not grow' if constant else 'GROWS'} with the list  "
          f"{'OK' if constant else 'MISSED'}")
    print(f"Load average at the end: {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("All targets met." if ok else "Some targets missed.")


if __name__ == "__main__":
    main()
