"""The initiative scoring sheet form: header fields and one row per criterion."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, FieldList, Form, FormField, HiddenField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional, ValidationError

from app.forms.common import DayField
from app.forms.common import VnDecimalField

MAX_ROWS = 20


class CriterionRowForm(Form):
    """One criterion; a row ticked for removal is not validated."""

    criterion_id = HiddenField()
    title = StringField("Tiêu chí", validators=[Length(max=200, message="Tối đa 200 ký tự.")])
    max_points = VnDecimalField("Điểm tối đa", places=2)
    remove = BooleanField("Xoá")

    def validate(self, extra_validators=None) -> bool:  # noqa: ANN001
        if self.remove.data:
            return True
        ok = super().validate(extra_validators)
        if not (self.title.data or "").strip():
            self.title.errors = [*self.title.errors, "Vui lòng nhập tên tiêu chí."]
            ok = False
        if self.max_points.data is None and not self.max_points.errors:
            self.max_points.errors = [*self.max_points.errors, "Vui lòng nhập điểm tối đa."]
            ok = False
        elif self.max_points.data is not None and not 0 < self.max_points.data <= 1000:
            self.max_points.errors = [*self.max_points.errors, "Điểm tối đa phải lớn hơn 0 và không quá 1.000."]
            ok = False
        return ok

    def criterion_pk(self) -> int | None:
        try:
            return int(self.criterion_id.data) if self.criterion_id.data else None
        except ValueError:
            return -1  # never a criterion of this sheet: the service refuses it


class SheetForm(FlaskForm):
    name = StringField("Tên phiếu chấm", validators=[
        InputRequired("Vui lòng nhập tên phiếu chấm."), Length(max=200, message="Tối đa 200 ký tự.")])
    legal_basis = TextAreaField("Căn cứ pháp lý", validators=[Length(max=500, message="Tối đa 500 ký tự.")],
                                render_kw={"rows": 2})
    unit_threshold = VnDecimalField("Ngưỡng công nhận cấp cơ sở (điểm)", places=2, validators=[
        InputRequired("Vui lòng nhập ngưỡng cấp cơ sở."), NumberRange(min=0, message="Ngưỡng không được âm.")])
    city_threshold = VnDecimalField("Ngưỡng xét cấp thành phố (điểm)", places=2, validators=[
        InputRequired("Vui lòng nhập ngưỡng cấp thành phố."), NumberRange(min=0, message="Ngưỡng không được âm.")])
    effective_from = DayField("Có hiệu lực từ ngày", validators=[InputRequired("Vui lòng nhập ngày có hiệu lực.")])
    effective_to = DayField("Hết hiệu lực sau ngày", validators=[Optional()])
    criteria = FieldList(FormField(CriterionRowForm), min_entries=1, max_entries=MAX_ROWS)
    version_id = HiddenField()
    add_row = SubmitField("+ Thêm tiêu chí")
    save = SubmitField("Lưu phiếu chấm")

    def validate_city_threshold(self, field) -> None:  # noqa: ANN001
        unit = self.unit_threshold.data
        if field.data is not None and unit is not None and field.data < unit:
            raise ValidationError("Ngưỡng cấp thành phố phải lớn hơn hoặc bằng ngưỡng cấp cơ sở.")

    def validate_effective_to(self, field) -> None:  # noqa: ANN001
        if field.data and self.effective_from.data and field.data < self.effective_from.data:
            raise ValidationError("Ngày hết hiệu lực phải từ ngày có hiệu lực trở đi.")

    def kept_rows(self) -> list[CriterionRowForm]:
        return [entry.form for entry in self.criteria if not entry.form.remove.data]
