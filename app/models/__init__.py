"""Typed models, one module per aggregate; re-exported here for convenience."""
from app.models.audit import AuditEntry
from app.models.award import (
    AwardCategory, AwardLevel, AwardType, BallotBase, CertificateKind, EligibilityRule, QuotaPolicy,
    RuleKind, SubjectScope, SubjectType,
)
from app.models.base import Base
from app.models.campaign import AggregationMethod, Campaign, CampaignKind, CampaignPhase, CampaignStage
from app.models.ballot import Ballot, BallotChoice, BallotParticipation, BallotRound, BallotRoundItem, RoundStatus
from app.models.council import (
    AssignmentMode, Assignment, ConflictDeclaration, Council, CouncilMember, CouncilRole, CouncilStatus, Override,
)
from app.models.criteria import CriteriaSheet, Criterion, CriterionKind
from app.models.decision import AmendmentKind, Certificate, Decision, DecisionItem, DecisionStatus, VerificationLog
from app.models.evidence import EvidenceFile
from app.models.history import (
    AwardRecord, DisciplineMeasure, DisciplineRecord, PerformanceRating, RatingRecord, RecordSource,
)
from app.models.initiative import (
    InfluenceScope, Initiative, InitiativeAuthor, InitiativeKind, InitiativeMetric, InitiativeRecognition,
    InitiativeStatus,
)
from app.models.initiative_review import (
    InitiativeReview, InitiativeReviewScore, InitiativeScoringCriterion, InitiativeScoringSheet,
)
from app.models.nomination import EligibilityOverride, Nomination, NominationEvent, NominationStatus
from app.models.org import BlockMembership, EmulationBlock, OrgUnit, OrgUnitKind, UnitSuccession
from app.models.person import Gender, Person
from app.models.scoring import Score, ScoreSheet, SheetStatus
from app.models.quota import CampaignQuota
from app.models.print_job import PrintJob, PrintJobStatus, PrintKind
from app.models.user import Role, User, UserRole

__all__ = [name for name in dir() if not name.startswith("_")]
