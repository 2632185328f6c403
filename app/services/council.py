"""Councils: creating one for a campaign and managing its members."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.extensions import db
from app.models import Campaign, Council, CouncilMember, CouncilRole, Role, User
from app.services.audit import record_audit
from app.services.errors import ServiceError


def create_council(*, campaign: Campaign, name: str, by: User | None, quorum_ratio: Decimal = Decimal("0.6667"),
                   held_on: date | None = None, venue: str = "") -> Council:
    name = (name or "").strip()
    if not name:
        raise ServiceError("Cần nhập tên Hội đồng.", "name")
    if not Decimal("0") < quorum_ratio <= Decimal("1"):
        raise ServiceError("Tỷ lệ tối thiểu dự họp phải lớn hơn 0 và không quá 100%.", "quorum_ratio")
    council = Council(campaign=campaign, name=name, quorum_ratio=quorum_ratio, held_on=held_on, venue=venue)
    db.session.add(council)
    record_audit("council.created", by=by, obj=council, summary=f"Thành lập {name}")
    return council


def add_member(council: Council, *, user: User, role: CouncilRole = CouncilRole.MEMBER,
               by: User | None) -> CouncilMember:
    """Members are users with the council-member or secretariat role; one chair, one secretary."""
    if not council.is_open:
        raise ServiceError("Hội đồng đã kết thúc, không thể thay đổi thành viên.")
    if not user.has_role(Role.COUNCIL_MEMBER, Role.SECRETARIAT):
        raise ServiceError("Chỉ tài khoản có vai trò Thành viên Hội đồng hoặc Thư ký mới tham gia được.", "user_id")
    if council.member_for(user) is not None:
        raise ServiceError("Người này đã là thành viên Hội đồng.", "user_id")
    if role in (CouncilRole.CHAIR, CouncilRole.SECRETARY) and any(m.role is role for m in council.members):
        raise ServiceError(f"Hội đồng đã có {role.label}.", "role")
    member = CouncilMember(council=council, user=user, role=role)
    db.session.add(member)
    record_audit("council.member_added", by=by, obj=member, summary=f"{user.full_name}: {role.label}")
    return member


def remove_member(member: CouncilMember, *, by: User | None) -> None:
    """Refused once the member has scored or voted: results must stay explainable."""
    from app.models import BallotParticipation, ScoreSheet

    council = member.council
    if not council.is_open:
        raise ServiceError("Hội đồng đã kết thúc, không thể thay đổi thành viên.")
    if db.session.scalar(select(ScoreSheet.id).where(ScoreSheet.member_id == member.id).limit(1)) or \
            db.session.scalar(select(BallotParticipation.id).where(BallotParticipation.member_id == member.id).limit(1)):
        raise ServiceError("Thành viên đã chấm điểm hoặc tham gia bỏ phiếu, không thể rút khỏi Hội đồng.")
    record_audit("council.member_removed", by=by, obj=member, summary=member.user.full_name)
    council.members.remove(member)
    db.session.flush()


def councils_for(user: User) -> list[Council]:
    """Councils the user may open: all for staff, their own for members."""
    q = select(Council).order_by(Council.id.desc())
    if not user.has_role(Role.ADMIN, Role.SECRETARIAT, Role.VIEWER):
        q = q.join(CouncilMember).where(CouncilMember.user_id == user.id)
    return list(db.session.scalars(q))
