"""Initiative council: the scoring sheet in force, reviewers' scores, the summary and recognition."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import (
    InfluenceScope, Initiative, InitiativeRecognition, InitiativeReview, InitiativeReviewScore,
    InitiativeScoringCriterion, InitiativeScoringSheet, InitiativeStatus, User,
)
from app.models.base import utcnow
from app.models.text import nfc
from app.services.audit import record_audit
from app.services.errors import ServiceError

# Defaults only: stored as rule data on the sheet, editable per period, never read from code later.
DEFAULT_SHEET = {
    "name": "Phiếu chấm điểm sáng kiến (mặc định)",
    "legal_basis": "Thang điểm tham khảo thông dụng của hội đồng sáng kiến; điều chỉnh theo quy chế của đơn vị.",
    "unit_threshold": Decimal(50),
    "city_threshold": Decimal(70),
    "criteria": [
        ("novelty", "Tính mới, sáng tạo", Decimal(30), "Giải pháp chưa được áp dụng tại đơn vị, địa phương."),
        ("applicability", "Khả năng áp dụng, nhân rộng", Decimal(30), "Có thể áp dụng ở đơn vị khác."),
        ("effectiveness", "Hiệu quả mang lại", Decimal(40), "Kết quả đo được: thời gian, chi phí, sự hài lòng."),
    ],
}
TWO_PLACES = Decimal("0.01")


def _plain(value: Decimal) -> str:
    """30.00 → "30", 7.50 → "7,5" (never scientific notation)."""
    return format(value.normalize(), "f").replace(".", ",")


@dataclass(frozen=True)
class CriterionSummary:
    title: str
    max_points: Decimal
    mean: Decimal | None


@dataclass(frozen=True)
class ReviewSummary:
    sheet_name: str
    review_count: int
    criteria: list[CriterionSummary]
    mean_total: Decimal | None
    max_total: Decimal
    unit_threshold: Decimal
    city_threshold: Decimal
    suggested_scope: InfluenceScope | None
    suggestion: str


def sheet_in_force(on: date | None = None) -> InitiativeScoringSheet:
    """The default sheet effective on the day; creates the 30/30/40 sheet on first use."""
    day = on or date.today()
    sheet = db.session.scalars(
        select(InitiativeScoringSheet)
        .where(InitiativeScoringSheet.is_default.is_(True), InitiativeScoringSheet.effective_from <= day,
               or_(InitiativeScoringSheet.effective_to.is_(None), InitiativeScoringSheet.effective_to >= day))
        .options(selectinload(InitiativeScoringSheet.criteria))
        .order_by(InitiativeScoringSheet.effective_from.desc())
    ).first()
    return sheet or create_default_sheet()


def create_default_sheet() -> InitiativeScoringSheet:
    spec = DEFAULT_SHEET
    sheet = InitiativeScoringSheet(
        name=spec["name"], legal_basis=spec["legal_basis"], unit_threshold=spec["unit_threshold"],
        city_threshold=spec["city_threshold"], effective_from=date(2000, 1, 1), is_default=True,
        criteria=[InitiativeScoringCriterion(position=i, code=code, title=title, max_points=points, guidance=guide)
                  for i, (code, title, points, guide) in enumerate(spec["criteria"])],
    )
    db.session.add(sheet)
    db.session.flush()
    return sheet


def review_of(initiative: Initiative, reviewer: User) -> InitiativeReview | None:
    return db.session.scalars(
        select(InitiativeReview).where(InitiativeReview.initiative_id == initiative.id,
                                       InitiativeReview.reviewer_id == reviewer.id)
        .options(selectinload(InitiativeReview.scores))
    ).first()


def record_review(initiative: Initiative, *, reviewer: User, points: dict[int, Decimal],
                  comment: str = "") -> InitiativeReview:
    """Save (or replace) a council member's scores: every criterion, 0 ≤ points ≤ max."""
    if not initiative.can_review(reviewer):
        raise ServiceError("Chỉ chấm điểm được sáng kiến đã gửi công nhận.")
    review = review_of(initiative, reviewer)
    sheet = review.sheet if review else sheet_in_force()
    for criterion in sheet.criteria:
        value = points.get(criterion.id)
        if value is None:
            raise ServiceError(f"Vui lòng chấm điểm “{criterion.title}”.", f"c_{criterion.id}")
        if not Decimal(0) <= value <= criterion.max_points:
            raise ServiceError(f"Điểm “{criterion.title}” phải từ 0 đến {_plain(criterion.max_points)}.",
                               f"c_{criterion.id}")
    if review is None:
        review = InitiativeReview(initiative_id=initiative.id, sheet=sheet, reviewer_id=reviewer.id)
        db.session.add(review)
    else:
        review.updated_at = utcnow()
    by_criterion = {s.criterion_id: s for s in review.scores}
    for criterion in sheet.criteria:
        score = by_criterion.get(criterion.id)
        if score is None:
            review.scores.append(InitiativeReviewScore(criterion=criterion, points=points[criterion.id]))
        else:
            score.points = points[criterion.id]
    review.comment = nfc(comment) or ""
    db.session.flush()
    record_audit("initiative.review", by=reviewer, obj=initiative,
                 summary=f"Chấm điểm: {_plain(review.total)}",
                 after={str(k): str(v) for k, v in points.items()})
    return review


def review_summary(initiative: Initiative) -> ReviewSummary:
    """Mean per criterion and in total across reviewers, and the scope the thresholds suggest."""
    reviews = list(db.session.scalars(
        select(InitiativeReview).where(InitiativeReview.initiative_id == initiative.id)
        .options(selectinload(InitiativeReview.scores))
    ))
    sheet = reviews[0].sheet if reviews else sheet_in_force()
    criteria = []
    for criterion in sheet.criteria:
        values = [s.points for r in reviews for s in r.scores if s.criterion_id == criterion.id]
        mean = (sum(values, Decimal(0)) / len(values)).quantize(TWO_PLACES, ROUND_HALF_UP) if values else None
        criteria.append(CriterionSummary(criterion.title, criterion.max_points, mean))
    mean_total = None
    if reviews:
        mean_total = (sum((r.total for r in reviews), Decimal(0)) / len(reviews)).quantize(TWO_PLACES, ROUND_HALF_UP)
    scope, suggestion = None, "Chưa có phiếu chấm."
    if mean_total is not None:
        if mean_total >= sheet.city_threshold:
            scope, suggestion = InfluenceScope.CITY, "Đủ điểm công nhận cấp cơ sở và đề xuất xét cấp thành phố."
        elif mean_total >= sheet.unit_threshold:
            scope, suggestion = InfluenceScope.UNIT, "Đủ điểm công nhận cấp cơ sở."
        else:
            suggestion = "Chưa đủ điểm công nhận."
    return ReviewSummary(sheet.name, len(reviews), criteria, mean_total, sheet.max_total,
                         sheet.unit_threshold, sheet.city_threshold, scope, suggestion)


def record_recognition(initiative: Initiative, *, by: User, recognised_by: str, decision_number: str,
                       decision_date: date, scope: InfluenceScope,
                       total_score: Decimal | None = None) -> InitiativeRecognition:
    """Record a recognition decision; the initiative's scope becomes the widest recognised."""
    if not initiative.can_recognise(by):
        raise ServiceError("Chỉ cơ quan thường trực ghi nhận công nhận cho sáng kiến đã gửi.")
    if not (nfc(recognised_by) and nfc(decision_number)):
        raise ServiceError("Vui lòng nhập cơ quan công nhận và số quyết định.", "decision_number")
    if initiative.start_date and decision_date < initiative.start_date:
        raise ServiceError("Ngày quyết định không được trước ngày bắt đầu áp dụng.", "decision_date")
    if total_score is None:
        total_score = review_summary(initiative).mean_total
    recognition = InitiativeRecognition(
        recognised_by=nfc(recognised_by), decision_number=nfc(decision_number), decision_date=decision_date,
        scope=scope, total_score=total_score,
    )
    initiative.recognitions.append(recognition)
    if initiative.scope is None or scope.rank > initiative.scope.rank:
        initiative.scope = scope
    initiative.status = InitiativeStatus.RECOGNISED
    initiative.updated_at = utcnow()
    db.session.flush()
    record_audit("initiative.recognise", by=by, obj=initiative,
                 summary=f"{scope.label} — QĐ {recognition.decision_number}",
                 after={"scope": scope, "decision_number": recognition.decision_number,
                        "decision_date": decision_date, "total_score": str(total_score or "")})
    return recognition


def refuse_recognition(initiative: Initiative, *, by: User, reason: str) -> Initiative:
    """The council does not recognise a submitted initiative; the unit may improve and resubmit."""
    if initiative.status is not InitiativeStatus.SUBMITTED or not initiative.can_recognise(by):
        raise ServiceError("Chỉ ghi nhận không công nhận đối với sáng kiến đang chờ công nhận.")
    if not nfc(reason):
        raise ServiceError("Vui lòng nêu lý do.", "reason")
    initiative.status = InitiativeStatus.NOT_RECOGNISED
    initiative.updated_at = utcnow()
    db.session.flush()
    record_audit("initiative.refuse", by=by, obj=initiative, summary=nfc(reason) or "")
    return initiative
