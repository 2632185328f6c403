"""Filling nomination forms (choices by scope) and reading them back into NominationData."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.forms.common import select_choices
from app.models import (
    AwardType, Campaign, DisciplineMeasure, Gender, Initiative, Nomination, OrgUnit, Person, SubjectType, User,
)
from app.services.errors import ServiceError
from app.services.ledger_facts import subtree_unit_ids
from app.services.nominations import NewPerson, NominationData

from app.forms.nominations import NominationForm, parse_results


def scope_unit_ids(user: User) -> list[int] | None:
    """None: every unit."""
    if user.sees_all_units:
        return None
    return subtree_unit_ids(user.unit_id) if user.unit_id else []


def units_for(user: User) -> list[OrgUnit]:
    ids = scope_unit_ids(user)
    query = select(OrgUnit).where(OrgUnit.valid_to.is_(None)).order_by(OrgUnit.short_name)
    if ids is not None:
        query = query.where(OrgUnit.id.in_(ids))
    return list(db.session.scalars(query))


def campaign_choices() -> list[tuple[int, str]]:
    return [(c.id, c.name) for c in db.session.scalars(select(Campaign).order_by(Campaign.period_end.desc()))]


def award_choices() -> list[tuple[int, str]]:
    return [(a.id, a.name) for a in db.session.scalars(
        select(AwardType).where(AwardType.is_active.is_(True)).order_by(AwardType.position, AwardType.code))]


def rating_years(form: NominationForm, campaign: Campaign | None) -> list[int]:
    last = form.year.data or (campaign.period_end.year if campaign else 2025)
    return [last - 2, last - 1, last]


def _initiative_label(item: Initiative) -> str:
    """Title with year and recognised scope: several units run models with the same name."""
    details = [str(item.year)] if item.year else []
    details.append(item.scope.label if item.scope else "chưa công nhận")
    return f"{item.title} ({', '.join(details)})"


def fill_choices(form: NominationForm, user: User, nomination: Nomination | None = None) -> None:
    units = units_for(user)
    unit_choices = [(u.id, u.short_name) for u in units]
    form.campaign_id.choices = select_choices(campaign_choices())
    form.award_type_id.choices = select_choices(award_choices())
    form.nominating_unit_id.choices = select_choices(unit_choices)
    form.new_person_unit_id.choices = select_choices([(0, "— cùng đơn vị đề nghị —")] + unit_choices)
    form.unit_id.choices = select_choices([(0, "— chọn tập thể —")] + unit_choices)
    ids = [u.id for u in units]
    people = db.session.scalars(select(Person).where(Person.unit_id.in_(ids)).options(selectinload(Person.unit))
                                .order_by(Person.full_name))
    form.person_id.choices = select_choices([(0, "— chọn cá nhân —")] + [
        (p.id, f"{p.full_name}" + (f" ({p.birth_year})" if p.birth_year else "") + f" — {p.unit.short_name}")
        for p in people])
    inits = db.session.scalars(select(Initiative).where(Initiative.owner_unit_id.in_(ids)).order_by(Initiative.title))
    chosen = nomination.initiatives if nomination else []
    pool = {**{i.id: i for i in inits}, **{i.id: i for i in chosen}}
    form.initiative_ids.choices = select_choices([(i.id, _initiative_label(i)) for i in pool.values()])
    campaign = db.session.get(Campaign, form.campaign_id.data) if form.campaign_id.data else (
        nomination.campaign if nomination else None)
    for field, year in zip((form.rating_0, form.rating_1, form.rating_2), rating_years(form, campaign)):
        field.label.text = f"Xếp loại năm {year}"


def load_form(form: NominationForm, nomination: Nomination) -> None:
    """Put a stored dossier into the form (GET of the edit page)."""
    form.version_id.data = str(nomination.version_id)
    form.campaign_id.data = nomination.campaign_id
    form.award_type_id.data = nomination.award_type_id
    form.nominating_unit_id.data = nomination.nominating_unit_id
    form.subject_type.data = nomination.subject_type.value
    form.person_id.data = nomination.person_id or 0
    form.unit_id.data = nomination.unit_id or 0
    form.year.data = nomination.year
    form.memo_number.data = nomination.memo_number
    form.memo_date.data = nomination.memo_date
    form.summary.data = nomination.summary
    form.results.data = "\n".join(f"{r['year']}: {r['text']}" for r in nomination.results_by_year or [])
    years = rating_years(form, nomination.campaign)
    for field, year in zip((form.rating_0, form.rating_1, form.rating_2), years):
        field.data = (nomination.declared_ratings or {}).get(str(year), "")
    form.discipline_measure.data = nomination.discipline_measure.value if nomination.discipline_measure else ""
    form.discipline_year.data = nomination.discipline_year
    form.initiative_ids.data = [i.id for i in nomination.initiatives]
    form.quota_justification.data = nomination.quota_justification


def _get(model, ident: int | None, message: str, field: str):  # noqa: ANN001, ANN202
    obj = db.session.get(model, ident) if ident else None
    if obj is None:
        raise ServiceError(message, field)
    return obj


def read_form(form: NominationForm, nomination: Nomination | None = None) -> NominationData:
    """NominationData from a validated form; unknown ids become field errors."""
    campaign = _get(Campaign, form.campaign_id.data, "Phong trào không tồn tại.", "campaign_id")
    if nomination is not None:
        campaign = nomination.campaign  # a dossier never moves to another campaign
    award = _get(AwardType, form.award_type_id.data, "Hình thức không tồn tại.", "award_type_id")
    nominating = _get(OrgUnit, form.nominating_unit_id.data, "Đơn vị không tồn tại.", "nominating_unit_id")
    data = NominationData(campaign=campaign, award_type=award, nominating_unit=nominating)
    if form.subject_type.data == SubjectType.COLLECTIVE.value:
        data.unit = _get(OrgUnit, form.unit_id.data, "Chọn tập thể được đề nghị.", "unit_id")
    elif form.person_id.data:
        data.person = _get(Person, form.person_id.data, "Cá nhân không tồn tại.", "person_id")
    else:
        unit = db.session.get(OrgUnit, form.new_person_unit_id.data) if form.new_person_unit_id.data else nominating
        data.new_person = NewPerson(full_name=form.new_person_name.data or "", gender=Gender(form.new_person_gender.data),
                                    unit=unit or nominating, birth_year=form.new_person_birth_year.data,
                                    position=form.new_person_position.data or "")
    data.year = form.year.data
    data.memo_number = form.memo_number.data or ""
    data.memo_date = form.memo_date.data
    data.summary = form.summary.data or ""
    data.results_by_year = parse_results(form.results.data or "")
    years = rating_years(form, campaign)
    data.declared_ratings = {str(y): f.data for y, f in zip(years, (form.rating_0, form.rating_1, form.rating_2))
                             if f.data}
    data.discipline_measure = DisciplineMeasure(form.discipline_measure.data) if form.discipline_measure.data else None
    data.discipline_year = form.discipline_year.data
    data.quota_justification = form.quota_justification.data or ""
    ids = form.initiative_ids.data or []
    data.initiatives = list(db.session.scalars(select(Initiative).where(Initiative.id.in_(ids)))) if ids else []
    return data
