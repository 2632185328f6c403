"""Campaign quota form: one cap per campaign × award type × unit."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional


class QuotaForm(FlaskForm):
    """Ids are checked by the view and service (Vietnamese messages), not by WTForms' choice check."""

    award_type_id = SelectField("Danh hiệu, hình thức", coerce=int, validate_choice=False,
                                validators=[InputRequired("Chọn danh hiệu, hình thức.")])
    unit_id = SelectField("Cơ quan, đơn vị", coerce=int, validate_choice=False, validators=[InputRequired("Chọn cơ quan, đơn vị.")])
    max_count = IntegerField("Số đề nghị tối đa", validators=[
        InputRequired("Nhập số đề nghị tối đa (số nguyên, từ 0)."),
        NumberRange(0, 10_000, "Số đề nghị tối đa phải từ 0 đến 10.000.")])
    note = TextAreaField("Ghi chú, căn cứ", validators=[Optional(), Length(max=500, message="Tối đa 500 ký tự.")])
    version_id = HiddenField()
