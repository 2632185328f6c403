"""Plain, frozen input records for the PDF renderers.

Services build these from the database; the renderers never see ORM objects.
Every field is a primitive, a ``datetime.date``, a tuple or another frozen
dataclass, so a record can be pickled to a worker process and hashed for caching.
Text is printed as given (after NFC normalisation): the service decides wording.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

__all__ = [
    "Signer",
    "ListRow",
    "ListGroup",
    "CommendationListData",
    "DecisionData",
    "CertificateData",
    "CertificateOptions",
    "ScoreRow",
    "ScoreSummaryData",
    "TallyRow",
    "TallyMinutesData",
    "YearResult",
    "InitiativeRecord",
    "EligibilityCheck",
    "NominationDossierData",
    "EligibilityOutcome",
    "HANOI_PEOPLES_COMMITTEE",
    "HANOI_CHAIR_CAPACITY",
]

HANOI_PEOPLES_COMMITTEE = ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI")
HANOI_CHAIR_CAPACITY = "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"


@dataclass(frozen=True)
class Signer:
    """Who signs: capacity lines ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and full name."""

    capacity: tuple[str, ...]
    name: str


# --- Danh sách kèm theo quyết định -------------------------------------------------

@dataclass(frozen=True)
class ListRow:
    """One commended collective or individual; ``detail`` is "Chức vụ, đơn vị"."""

    name: str
    detail: str = ""
    note: str = ""


@dataclass(frozen=True)
class ListGroup:
    """Rows proposed by one unit; ``unit`` is printed as a group header row."""

    unit: str
    rows: tuple[ListRow, ...]


@dataclass(frozen=True)
class CommendationListData:
    """The annex "DANH SÁCH …": section I (collectives) then II (individuals)."""

    title: str
    decision_number: str
    decision_date: date
    collectives: tuple[ListGroup, ...] = ()
    individuals: tuple[ListGroup, ...] = ()
    subtitle: str = ""
    decided_by: str = "Chủ tịch UBND thành phố Hà Nội"


# --- Quyết định ---------------------------------------------------------------------

@dataclass(frozen=True)
class DecisionData:
    """A Quyết định in the NĐ 30/2020 layout, optionally followed by its annex."""

    number: str
    issued_on: date
    subject: str
    legal_bases: tuple[str, ...]
    articles: tuple[str, ...]
    signer: Signer
    recipients: tuple[str, ...]
    issuer: tuple[str, ...] = HANOI_PEOPLES_COMMITTEE
    authority: str = HANOI_CHAIR_CAPACITY
    place: str = "Hà Nội"
    annex: CommendationListData | None = None


# --- Bằng khen / Giấy khen --------------------------------------------------------

@dataclass(frozen=True)
class CertificateData:
    """One certificate; ``honorific`` is "Ông"/"Bà", empty for a collective."""

    title: str
    recipient_name: str
    detail: str
    achievement: str
    decision_number: str
    decision_date: date
    golden_book_number: str
    signed_on: date
    signer: Signer
    verification_url: str
    honorific: str = ""
    issuer: tuple[str, ...] = (HANOI_CHAIR_CAPACITY,)
    place: str = "Hà Nội"


@dataclass(frozen=True)
class CertificateOptions:
    """Paper and placement; offsets shift everything to fit pre-printed frames."""

    paper: Literal["A4", "A3"] = "A4"
    offset_x_mm: float = 0.0
    offset_y_mm: float = 0.0
    draw_border: bool = True
    uppercase_name: bool = True


# --- Hội đồng: bảng tổng hợp điểm, biên bản kiểm phiếu -----------------------------

@dataclass(frozen=True)
class ScoreRow:
    """One nominee's scores; ``member_totals`` aligns with ``ScoreSummaryData.members``."""

    nominee: str
    unit: str
    member_totals: tuple[float | None, ...]
    aggregate: float
    spread: float
    rank: int
    result: str


@dataclass(frozen=True)
class ScoreSummaryData:
    """Council score summary; numbers come ready-computed from the service."""

    council: str
    title: str
    held_on: date
    aggregation: str
    members: tuple[str, ...]
    rows: tuple[ScoreRow, ...]
    signers: tuple[Signer, ...] = ()
    tie_break: str = ""
    issuer: tuple[str, ...] = ("UBND THÀNH PHỐ HÀ NỘI", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG")
    place: str = "Hà Nội"


@dataclass(frozen=True)
class TallyRow:
    """Ballot count for one nominee; ``ratio_percent`` is computed on ``TallyMinutesData.base``."""

    nominee: str
    unit: str
    agree: int
    disagree: int
    ratio_percent: float
    passed: bool


@dataclass(frozen=True)
class TallyMinutesData:
    """Biên bản kiểm phiếu of a secret ballot."""

    council: str
    subject: str
    held_on: date
    venue: str
    members_total: int
    members_present: int
    members_absent: int
    absent_with_written_opinion: int
    ballots_issued: int
    ballots_received: int
    ballots_valid: int
    ballots_invalid: int
    threshold_percent: float
    base: str
    rows: tuple[TallyRow, ...]
    committee: tuple[Signer, ...]
    conclusion: str = ""
    number: str = ""
    issuer: tuple[str, ...] = ("UBND THÀNH PHỐ HÀ NỘI", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG")
    place: str = "Hà Nội"


# --- Hồ sơ đề nghị khen thưởng ------------------------------------------------------

@dataclass(frozen=True)
class YearResult:
    """Performance and awards of one year (rating label as printed, e.g. "HTXSNV")."""

    year: int
    rating: str
    title: str = ""
    commendation: str = ""


@dataclass(frozen=True)
class InitiativeRecord:
    """An initiative or model with its recognised scope."""

    name: str
    scope: str
    recognised_by: str = ""
    year: int | None = None


EligibilityOutcome = Literal["pass", "fail", "needs_evidence"]


@dataclass(frozen=True)
class EligibilityCheck:
    """One rule evaluated by the service, with its legal basis."""

    rule: str
    outcome: EligibilityOutcome
    explanation: str
    legal_basis: str


@dataclass(frozen=True)
class NominationDossierData:
    """Printable nomination dossier for one nominee and one proposed award."""

    nominee: str
    is_collective: bool
    detail: str
    unit: str
    award: str
    campaign: str
    memo_number: str
    memo_date: date
    achievements: tuple[str, ...]
    years: tuple[YearResult, ...] = ()
    initiatives: tuple[InitiativeRecord, ...] = ()
    discipline: tuple[str, ...] = ()
    eligibility: tuple[EligibilityCheck, ...] = ()
    honorific: str = ""
    printed_on: date | None = None
    notes: tuple[str, ...] = field(default=())
