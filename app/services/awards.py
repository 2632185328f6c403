"""The award catalogue: editing award types and their eligibility rules (rule data, never constants)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import (
    AwardType, DisciplineMeasure, EligibilityRule, InfluenceScope, PerformanceRating, RuleKind, User,
)
from app.services.audit import record_audit, snapshot
from app.services.errors import ServiceError, check_version

AWARD_FIELDS = ["code", "name", "category", "subject_scope", "level", "deciding_authority", "issuer_line",
                "certificate_kind", "requires_secret_ballot", "ballot_threshold", "ballot_base", "quorum_ratio",
                "cash_factor", "min_score", "quota_policy", "is_active", "description"]
RULE_FIELDS = ["kind", "params", "description", "legal_basis", "effective_from", "effective_to"]

# Per kind: required params, optional params, and how each is checked.
_SPEC: dict[RuleKind, dict[str, tuple[bool, str]]] = {
    RuleKind.CONSECUTIVE_TITLE: {"award_code": (True, "award"), "years": (True, "posint")},
    RuleKind.INITIATIVE_SCOPE: {"min_scope": (True, "scope"), "count": (False, "posint"),
                                "within_years": (False, "nonneg")},
    RuleKind.PERFORMANCE_RATING: {"min_rating": (True, "rating"), "years": (False, "posint")},
    RuleKind.NO_DISCIPLINE: {"min_measure": (True, "measure"), "within_years": (False, "posint")},
    RuleKind.QUOTA_RATIO: {"base_award_code": (True, "award"), "max_ratio": (True, "ratio")},
    RuleKind.PRIOR_AWARD: {"award_code": (True, "award"), "within_years": (False, "nonneg"),
                           "count": (False, "posint")},
    RuleKind.MEMBER_SHARE: {"award_code": (True, "award"), "min_ratio": (False, "ratio"),
                            "strict": (False, "bool"), "min_count": (False, "nonneg")},
}


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {k: str(v) if isinstance(v, Decimal) else v for k, v in values.items()}


def validate_params(kind: RuleKind, params: dict[str, Any]) -> dict[str, Any]:
    """Check a rule's params against its kind (documented on RuleKind); Vietnamese errors."""
    if not isinstance(params, dict):
        raise ServiceError("Tham số phải là một đối tượng JSON, ví dụ {\"award_code\": \"CSTD_CS\", \"years\": 3}.",
                           "params")
    spec = _SPEC[kind]
    unknown = sorted(set(params) - set(spec))
    if unknown:
        raise ServiceError(f"Tham số không dùng cho loại quy định này: {', '.join(unknown)}. "
                           f"Các tham số hợp lệ: {', '.join(spec)}.", "params")
    codes = set(db.session.scalars(select(AwardType.code)))
    clean: dict[str, Any] = {}
    for name, (required, check) in spec.items():
        if name not in params:
            if required:
                raise ServiceError(f"Thiếu tham số bắt buộc “{name}”.", "params")
            continue
        value = params[name]
        ok = {
            "award": lambda v: isinstance(v, str) and v in codes,
            "posint": lambda v: isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 50,
            "nonneg": lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 50,
            "ratio": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1,
            "bool": lambda v: isinstance(v, bool),
            "scope": lambda v: v in {s.value for s in InfluenceScope},
            "rating": lambda v: v in {r.value for r in PerformanceRating},
            "measure": lambda v: v in {m.value for m in DisciplineMeasure},
        }[check](value)
        if not ok:
            hint = {
                "award": f"một mã danh hiệu có trong danh mục ({', '.join(sorted(codes))})",
                "posint": "một số nguyên từ 1 đến 50", "nonneg": "một số nguyên từ 0 đến 50",
                "ratio": "một tỷ lệ từ 0 đến 1, ví dụ 0.15", "bool": "true hoặc false",
                "scope": "unit, city hoặc national",
                "rating": ", ".join(r.value for r in PerformanceRating),
                "measure": ", ".join(m.value for m in DisciplineMeasure),
            }[check]
            raise ServiceError(f"Tham số “{name}” không hợp lệ: cần {hint}.", "params")
        clean[name] = value
    return clean


def catalogue() -> list[AwardType]:
    return list(db.session.scalars(select(AwardType).options(selectinload(AwardType.rules))
                                   .order_by(AwardType.position, AwardType.code)))


def _check_award(award: AwardType, values: dict[str, Any]) -> None:
    clash = db.session.scalar(select(AwardType.id).where(AwardType.code == values["code"]))
    if clash is not None and clash != award.id:
        raise ServiceError("Mã danh hiệu đã có trong danh mục.", "code")
    if values.get("requires_secret_ballot") and not values.get("ballot_threshold"):
        raise ServiceError("Danh hiệu bỏ phiếu kín cần tỷ lệ phiếu đồng ý.", "ballot_threshold")
    if values.get("requires_secret_ballot") and not values.get("ballot_base"):
        raise ServiceError("Danh hiệu bỏ phiếu kín cần căn cứ tính tỷ lệ.", "ballot_base")


def save_award_type(award: AwardType | None, values: dict[str, Any], *, by: User,
                    version_id: int | None = None) -> AwardType:
    """Create (award None) or update an award type from validated form values."""
    if award is not None:
        check_version(award, version_id, "Danh hiệu vừa được người khác sửa; hãy tải lại trang.")
    target = award or AwardType()
    _check_award(target, values)
    before = _plain(snapshot(award, AWARD_FIELDS)) if award else None
    for key, value in values.items():
        setattr(target, key, value)
    if award is None:
        db.session.add(target)
    db.session.flush()
    record_audit("award_type.saved", by=by, obj=target, before=before,
                 after=_plain(snapshot(target, AWARD_FIELDS)), summary=target.name)
    return target


def _check_rule(award: AwardType, rule: EligibilityRule | None, kind: RuleKind,
                effective_from: date, effective_to: date | None) -> None:
    if effective_to is not None and effective_to < effective_from:
        raise ServiceError("Ngày hết hiệu lực phải sau ngày có hiệu lực.", "effective_to")
    for other in award.rules:
        if other is rule or other.kind is not kind:
            continue
        if kind in (RuleKind.QUOTA_RATIO,) and other.effective_from <= (effective_to or date.max) \
                and effective_from <= (other.effective_to or date.max):
            raise ServiceError("Đã có một quy định tỷ lệ có hiệu lực trùng thời gian; hãy đặt ngày hết hiệu lực "
                               "cho quy định cũ trước.", "effective_from")


def save_rule(award: AwardType, rule: EligibilityRule | None, *, by: User, kind: RuleKind, params: dict[str, Any],
              description: str, legal_basis: str, effective_from: date, effective_to: date | None) -> EligibilityRule:
    clean = validate_params(kind, params)
    if not legal_basis.strip():
        raise ServiceError("Mỗi quy định cần căn cứ pháp lý (văn bản, điều khoản).", "legal_basis")
    _check_rule(award, rule, kind, effective_from, effective_to)
    before = _plain(snapshot(rule, RULE_FIELDS)) if rule else None
    target = rule or EligibilityRule(position=len(award.rules))
    target.kind, target.params, target.description = kind, clean, description.strip()
    target.legal_basis, target.effective_from, target.effective_to = legal_basis.strip(), effective_from, effective_to
    if rule is None:
        award.rules.append(target)
    db.session.flush()
    record_audit("eligibility_rule.saved", by=by, obj=target, before=before,
                 after=_plain(snapshot(target, RULE_FIELDS)), summary=f"{award.code}: {target.description}")
    return target


def remove_rule(rule: EligibilityRule, *, by: User) -> None:
    record_audit("eligibility_rule.removed", by=by, obj=rule, before=_plain(snapshot(rule, RULE_FIELDS)),
                 summary=f"{rule.award_type.code}: {rule.description}")
    rule.award_type.rules.remove(rule)
    db.session.delete(rule)
    db.session.flush()
