"""Criteria-sheet forms: points typed as Vietnamese decimals, validated here; caps in the service."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from app.forms.common import select_choices
from app.models import CriterionKind, SubjectType


class PointsField(StringField):
    """Points such as 12, 0,5 or 2.5; refuses text, negatives and more than 2 decimals."""

    def process_formdata(self, valuelist):  # noqa: ANN001
        self.data = None
        raw = (valuelist[0] if valuelist else "").strip().replace(" ", "")
        if not raw:
            return
        if not re.fullmatch(r"-?\d+([.,]\d+)?", raw):
            raise ValueError(f"“{raw}” không phải là số điểm; nhập một số, ví dụ 12 hoặc 0,5.")
        try:
            value = Decimal(raw.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern already refuses
            raise ValueError("Điểm phải là một số.") from None
        if value < 0:
            raise ValueError("Điểm không được âm.")
        if value.as_tuple().exponent < -2:
            raise ValueError("Điểm có tối đa 2 chữ số thập phân.")
        if value >= 10000:
            raise ValueError("Điểm quá lớn.")
        self.data = value

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return f"{self.data.normalize():f}".replace(".", ",") if isinstance(self.data, Decimal) else ""


class CriterionForm(FlaskForm):
    kind = SelectField("Loại", choices=select_choices(CriterionKind.choices()), default=CriterionKind.SCORED.value)
    parent_id = HiddenField()
    code = StringField("Số hiệu", validators=[Length(max=20, message="Số hiệu tối đa 20 ký tự.")])
    title = StringField("Tiêu chí", validators=[DataRequired("Vui lòng nhập tên tiêu chí."),
                                               Length(max=500, message="Tên tối đa 500 ký tự.")])
    max_points = PointsField("Điểm tối đa", validators=[Optional()])
    penalty_points = PointsField("Điểm trừ mỗi lần", validators=[Optional()])
    guidance = TextAreaField("Hướng dẫn chấm", validators=[Length(max=5000, message="Tối đa 5.000 ký tự.")])

    # A parent's maximum is computed from its children, so the view sets this for parents.
    is_parent = False

    def validate_max_points(self, field) -> None:  # noqa: ANN001
        if self.kind.data in (CriterionKind.SCORED.value, CriterionKind.BONUS.value) and field.data is None \
                and not self.is_parent:
            raise ValidationError("Vui lòng nhập điểm tối đa.")


class SheetForm(FlaskForm):
    subject_type = SelectField("Đối tượng", choices=select_choices(SubjectType.choices()))
    bonus_cap = PointsField("Điểm thưởng tối đa", validators=[InputRequired("Vui lòng nhập điểm thưởng tối đa.")])


class BonusCapForm(FlaskForm):
    bonus_cap = PointsField("Điểm thưởng tối đa (trần)", validators=[InputRequired("Vui lòng nhập mức trần.")])


class ActionForm(FlaskForm):
    """A bare CSRF-protected button (remove, move, new version)."""
