"""Initiative scoring sheets (rule data): list them and edit one, for the secretariat and admins."""
from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.forms.common import put_error
from app.forms.initiative_sheets import MAX_ROWS, SheetForm
from app.models import InitiativeScoringSheet, Role
from app.services.errors import ServiceError
from app.services.initiative_sheets import (
    CriterionRow, SheetData, ensure_default_sheet, list_sheets, rows_total, save_sheet, sheet_used,
)
from app.views.access import roles_required

bp = Blueprint("initiative_sheets", __name__, url_prefix="/initiatives/sheets")


@bp.route("/")
@roles_required(Role.SECRETARIAT)
def index():
    return render_template("initiative_sheets/index.html", listing=list_sheets(), today=date.today())


@bp.route("/default", methods=["POST"])
@roles_required(Role.SECRETARIAT)
def create_default():
    try:
        sheet = ensure_default_sheet(by=current_user)
        db.session.commit()
    except ServiceError as error:
        db.session.rollback()
        flash(error.message, "warning")
        return redirect(url_for(".index"))
    flash("Đã tạo phiếu chấm mặc định 30/30/40.", "success")
    return redirect(url_for(".edit", sheet_id=sheet.id))


def _fill(form: SheetForm, sheet: InitiativeScoringSheet, *, used: bool) -> None:
    """Put the sheet into the form; a used sheet proposes today as the new sheet's start."""
    form.name.data, form.legal_basis.data = sheet.name, sheet.legal_basis
    form.version_id.data = str(sheet.version_id)
    form.unit_threshold.data, form.city_threshold.data = sheet.unit_threshold, sheet.city_threshold
    form.effective_from.data = max(date.today(), sheet.effective_from) if used else sheet.effective_from
    form.effective_to.data = None if used else sheet.effective_to
    while form.criteria.entries:
        form.criteria.pop_entry()
    for criterion in sheet.criteria:
        form.criteria.append_entry({"criterion_id": str(criterion.id), "title": criterion.title,
                                    "max_points": criterion.max_points})


def _data(form: SheetForm) -> SheetData:
    rows = [CriterionRow(row.title.data or "", row.max_points.data, row.criterion_pk()) for row in form.kept_rows()]
    return SheetData(
        name=form.name.data or "", legal_basis=form.legal_basis.data or "",
        unit_threshold=form.unit_threshold.data, city_threshold=form.city_threshold.data,
        effective_from=form.effective_from.data, effective_to=form.effective_to.data, criteria=rows,
    )


def _typed_total(form: SheetForm):  # noqa: ANN202
    rows = [CriterionRow("", row.max_points.data) for row in form.kept_rows() if row.max_points.data is not None]
    return rows_total(rows)


@bp.route("/<int:sheet_id>/edit", methods=["GET", "POST"])
@roles_required(Role.SECRETARIAT)
def edit(sheet_id: int):
    sheet = db.session.get(InitiativeScoringSheet, sheet_id,
                           options=[selectinload(InitiativeScoringSheet.criteria)])
    if sheet is None:
        abort(404)
    used = sheet_used(sheet)
    form = SheetForm()
    status = 200
    if request.method == "GET":
        _fill(form, sheet, used=used)
    elif form.add_row.data:
        # Adding a row only redraws the form: nothing is validated or saved yet.
        for entry in [e for e in form.criteria.entries if e.form.remove.data]:
            form.criteria.entries.remove(entry)
        if len(form.criteria.entries) < MAX_ROWS:
            form.criteria.append_entry()
        else:
            form.form_errors.append(f"Phiếu chấm có tối đa {MAX_ROWS} tiêu chí.")
    elif form.validate_on_submit():
        try:
            raw = str(form.version_id.data or "")
            saved = save_sheet(sheet, data=_data(form), by=current_user,
                               version_id=int(raw) if raw.isdigit() else None)
            db.session.commit()
        except ServiceError as error:
            db.session.rollback()
            put_error(form, error.field, error.message)
            status = 422
        else:
            if saved.id != sheet_id:
                flash("Phiếu cũ đã có phiếu chấm nên được giữ nguyên; đã lập phiếu mới theo nội dung sửa "
                      f"(hiệu lực từ {saved.effective_from:%d/%m/%Y}).", "success")
            else:
                flash("Đã lưu phiếu chấm.", "success")
            return redirect(url_for(".index"))
    else:
        status = 422
    empty = "Phiếu chấm phải có ít nhất một tiêu chí."
    if status == 422 and not form.kept_rows() and empty not in form.form_errors:
        form.form_errors.append(empty)
    return render_template("initiative_sheets/edit.html", form=form, sheet=sheet, used=used,
                           total=_typed_total(form)), status
