"""Ledger forms: an award record, a yearly rating, a discipline entry, and the XLSX import."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from app.forms.campaigns import VnDateField
from app.forms.common import select_choices
from app.models import DisciplineMeasure, PerformanceRating

YEAR = [InputRequired("Vui lòng nhập năm."), NumberRange(min=1945, max=2100, message="Năm phải trong khoảng 1945–2100.")]


class AwardRecordForm(FlaskForm):
    award_type_id = SelectField("Danh hiệu, hình thức", coerce=int, validators=[DataRequired("Vui lòng chọn danh hiệu.")])
    year = IntegerField("Năm", validators=YEAR)
    decision_number = StringField("Số quyết định", validators=[Length(max=100)])
    decision_date = VnDateField("Ngày quyết định", validators=[Optional()])
    issuer = StringField("Cơ quan, người ký", validators=[Length(max=500)])


class RatingForm(FlaskForm):
    year = IntegerField("Năm", validators=YEAR)
    rating = SelectField("Mức độ hoàn thành nhiệm vụ", choices=select_choices(PerformanceRating.choices()))


class DisciplineForm(FlaskForm):
    year = IntegerField("Năm", validators=YEAR)
    measure = SelectField("Hình thức kỷ luật", choices=select_choices(DisciplineMeasure.choices()))
    decided_on = VnDateField("Ngày quyết định", validators=[Optional()])
    note = StringField("Ghi chú", validators=[Length(max=500)])


class ImportForm(FlaskForm):
    file = FileField("Tệp XLSX", validators=[FileRequired("Vui lòng chọn tệp XLSX."),
                                             FileAllowed(["xlsx"], "Chỉ nhận tệp .xlsx (dùng tệp mẫu).")])
