"""Builders for initiatives, evidence files and initiative reviews."""
from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.demo.sample_files import as_upload, tiny_pdf
from app.models import (
    EvidenceFile, InfluenceScope, Initiative, InitiativeAuthor, InitiativeKind, InitiativeMetric,
    InitiativeRecognition, InitiativeStatus, OrgUnit, Person, User,
)

_seq = itertools.count(1)


@pytest.fixture()
def make_evidence(db):
    """A real stored PDF (on disk under UPLOAD_FOLDER) unless other bytes/name are given."""
    from app.services.evidence import store_evidence

    def _make(name: str = "minh-chung.pdf", data: bytes | None = None, *, by: User | None = None,
              description: str = "") -> EvidenceFile:
        return store_evidence(as_upload(name, data if data is not None else tiny_pdf([name])), by=by,
                              description=description)

    return _make


@pytest.fixture()
def make_initiative(db, make_unit):
    def _make(title: str | None = None, *, unit: OrgUnit | None = None,
              kind: InitiativeKind = InitiativeKind.MODEL, status: InitiativeStatus = InitiativeStatus.DRAFT,
              scope: InfluenceScope | None = None, start_date: date | None = date(2022, 9, 1),
              summary: str = "Tóm tắt sáng kiến thử nghiệm.", authors: list[Person] = (),
              metrics: list[tuple[str, Any, str]] = (), evidence: list[EvidenceFile] = (),
              recognised: list[tuple[InfluenceScope, str, date]] = (), **extra: Any) -> Initiative:
        initiative = Initiative(
            kind=kind, title=title or f"Sáng kiến thử nghiệm số {next(_seq)}",
            owner_unit=unit or make_unit("Ủy ban nhân dân huyện Thử"), status=status, scope=scope,
            start_date=start_date, summary=summary, **extra,
        )
        initiative.author_links = [InitiativeAuthor(person=p, position=i) for i, p in enumerate(authors)]
        initiative.metrics = [InitiativeMetric(position=i, label=label, value=Decimal(str(value)), unit=unit_)
                              for i, (label, value, unit_) in enumerate(metrics)]
        initiative.evidence = list(evidence)
        for scope_, number, day in recognised:
            initiative.recognitions.append(InitiativeRecognition(
                recognised_by="Hội đồng sáng kiến", decision_number=number, decision_date=day, scope=scope_))
            if initiative.scope is None or scope_.rank > initiative.scope.rank:
                initiative.scope = scope_
            initiative.status = InitiativeStatus.RECOGNISED
        initiative.refresh_search_text()
        db.session.add(initiative)
        db.session.flush()
        return initiative

    return _make
