"""The award catalogue: emulation titles and commendation forms, with eligibility rules as data."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Integer, Numeric, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, LabelledEnum, enum_column, intpk, str_50, str_200, str_500


class SubjectType(LabelledEnum):
    INDIVIDUAL = "individual", "Cá nhân"
    COLLECTIVE = "collective", "Tập thể"


class SubjectScope(LabelledEnum):
    """Who an award type may be given to."""

    INDIVIDUAL = "individual", "Cá nhân"
    COLLECTIVE = "collective", "Tập thể"
    BOTH = "both", "Cá nhân và tập thể"

    def admits(self, subject: SubjectType) -> bool:
        return self is SubjectScope.BOTH or self.value == subject.value


class AwardCategory(LabelledEnum):
    EMULATION_TITLE = "emulation_title", "Danh hiệu thi đua"
    COMMENDATION = "commendation", "Hình thức khen thưởng"


class AwardLevel(LabelledEnum):
    BASE = "base", "Cơ sở"
    CITY = "city", "Thành phố"
    NATIONAL = "national", "Nhà nước"


class CertificateKind(LabelledEnum):
    BANG_KHEN = "bang_khen", "Bằng khen"
    GIAY_KHEN = "giay_khen", "Giấy khen"
    CHIEN_SI_THI_DUA = "chien_si_thi_dua", "Bằng Chiến sĩ thi đua"
    CO_THI_DUA = "co_thi_dua", "Cờ thi đua"
    GIAY_CHUNG_NHAN = "giay_chung_nhan", "Giấy chứng nhận danh hiệu"


class BallotBase(LabelledEnum):
    """What the approval ratio of a secret ballot is measured against."""

    ALL_MEMBERS = "all_members", "Tổng số thành viên Hội đồng"
    PRESENT = "present", "Số thành viên có mặt"
    VALID_BALLOTS = "valid_ballots", "Số phiếu hợp lệ"


class QuotaPolicy(LabelledEnum):
    BLOCK = "block", "Không cho vượt"
    JUSTIFY = "justify", "Cho vượt khi có giải trình"


class AwardType(Base):
    """A title or form that can be awarded; every threshold here is editable data."""

    __tablename__ = "award_types"
    __table_args__ = (
        CheckConstraint("ballot_threshold IS NULL OR (ballot_threshold > 0 AND ballot_threshold <= 1)",
                        name="ballot_threshold"),
        CheckConstraint("quorum_ratio IS NULL OR (quorum_ratio > 0 AND quorum_ratio <= 1)", name="quorum"),
        CheckConstraint("cash_factor >= 0", name="cash_factor"),
    )

    id: Mapped[intpk]
    code: Mapped[str_50] = mapped_column(unique=True)
    name: Mapped[str_200]
    category: Mapped[AwardCategory] = mapped_column(enum_column(AwardCategory))
    subject_scope: Mapped[SubjectScope] = mapped_column(enum_column(SubjectScope))
    level: Mapped[AwardLevel] = mapped_column(enum_column(AwardLevel))
    deciding_authority: Mapped[str_200]
    issuer_line: Mapped[str_500] = mapped_column(default="")
    certificate_kind: Mapped[CertificateKind | None] = mapped_column(enum_column(CertificateKind))
    requires_secret_ballot: Mapped[bool] = mapped_column(default=False)
    ballot_threshold: Mapped[Decimal | None] = mapped_column(Numeric(5, 4))
    ballot_base: Mapped[BallotBase | None] = mapped_column(enum_column(BallotBase))
    quorum_ratio: Mapped[Decimal | None] = mapped_column(Numeric(5, 4))
    cash_factor: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("0"))
    min_score: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    quota_policy: Mapped[QuotaPolicy] = mapped_column(enum_column(QuotaPolicy), default=QuotaPolicy.JUSTIFY)
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(default=True)
    description: Mapped[str] = mapped_column(Text, default="")
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    rules: Mapped[list[EligibilityRule]] = relationship(
        back_populates="award_type", cascade="all, delete-orphan", order_by="EligibilityRule.position"
    )

    __mapper_args__ = {"version_id_col": version_id}

    @property
    def ballot_threshold_percent(self) -> Decimal | None:
        return self.ballot_threshold * 100 if self.ballot_threshold is not None else None

    @property
    def quorum_percent(self) -> Decimal | None:
        return self.quorum_ratio * 100 if self.quorum_ratio is not None else None

    def __repr__(self) -> str:
        return f"<AwardType {self.code}>"


class RuleKind(LabelledEnum):
    """Kinds of eligibility rule evaluated by app/services/eligibility.py. `year` is the year
    the award is considered for; windows end at that year. Params per kind:

    CONSECUTIVE_TITLE {"award_code": str, "years": int}
        the subject holds award_code in each of the `years` years ending at `year`, no gap.
    INITIATIVE_SCOPE {"min_scope": "unit"|"city"|"national", "count": int = 1, "within_years": int = 0}
        at least `count` recognised initiatives of that scope or wider (a person's: those they
        author; a collective's: those its unit owns), recognised in the last `within_years`
        years (0: any time).
    PERFORMANCE_RATING {"min_rating": "htxsnv"|"httnv"|"htnv", "years": int = 1}
        rated at least `min_rating` in each of the `years` years ending at `year`.
    NO_DISCIPLINE {"min_measure": "khien_trach"|"canh_cao"|…, "within_years": int = 1}
        no discipline at or above `min_measure` in the window (a collective: none of its members).
    QUOTA_RATIO {"base_award_code": str, "max_ratio": float}
        in the subject's unit and year, holders of this award ≤ floor(max_ratio × holders of
        base_award_code); over it fails (quota_policy BLOCK) or needs a justification (JUSTIFY).
    PRIOR_AWARD {"award_code": str, "within_years": int = 0, "count": int = 1}
        received award_code at least `count` times in the last `within_years` years before
        `year` (0: any earlier year).
    MEMBER_SHARE {"award_code": str, "min_ratio": float = 0, "strict": bool = false, "min_count": int = 0}
        (collectives) members of the unit holding award_code in `year`: share ≥ min_ratio
        (> when strict) and count ≥ min_count.
    """

    CONSECUTIVE_TITLE = "consecutive_title", "Đạt danh hiệu liên tục"
    INITIATIVE_SCOPE = "initiative_scope", "Có sáng kiến đạt phạm vi ảnh hưởng"
    PERFORMANCE_RATING = "performance_rating", "Mức độ hoàn thành nhiệm vụ"
    NO_DISCIPLINE = "no_discipline", "Không bị kỷ luật"
    QUOTA_RATIO = "quota_ratio", "Tỷ lệ so với danh hiệu khác trong đơn vị"
    PRIOR_AWARD = "prior_award", "Đã được khen thưởng hình thức khác"
    MEMBER_SHARE = "member_share", "Tỷ lệ thành viên đạt danh hiệu"


class EligibilityRule(Base):
    """One condition of an award type, with its legal basis and period of effect."""

    __tablename__ = "eligibility_rules"
    __table_args__ = (
        CheckConstraint("effective_to IS NULL OR effective_to >= effective_from", name="effective"),
    )

    id: Mapped[intpk]
    award_type_id: Mapped[int] = mapped_column(ForeignKey("award_types.id", ondelete="CASCADE"), index=True)
    kind: Mapped[RuleKind] = mapped_column(enum_column(RuleKind))
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    description: Mapped[str_500]
    legal_basis: Mapped[str_500]
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    award_type: Mapped[AwardType] = relationship(back_populates="rules")

    __mapper_args__ = {"version_id_col": version_id}

    def is_effective_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)
