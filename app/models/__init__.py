"""Typed models, one module per aggregate; re-exported here for convenience."""
from app.models.audit import AuditEntry
from app.models.base import Base
from app.models.org import BlockMembership, EmulationBlock, OrgUnit, OrgUnitKind, UnitSuccession
from app.models.person import Gender, Person
from app.models.user import Role, User, UserRole

__all__ = [
    "AuditEntry",
    "Base",
    "BlockMembership",
    "EmulationBlock",
    "Gender",
    "OrgUnit",
    "OrgUnitKind",
    "Person",
    "Role",
    "UnitSuccession",
    "User",
    "UserRole",
]
