"""Forms for the register of initiatives: the record with inline metrics, filters, review, recognition."""
from __future__ import annotations

import re
from datetime import date

from flask_wtf import FlaskForm
from wtforms import (
    DateField, FieldList, Form, FormField, HiddenField, IntegerField, SelectField,
    SelectMultipleField, StringField, TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from app.forms.common import VnDecimalField, select_choices
from app.forms.evidence import EvidenceFilesField
from app.models import InfluenceScope, InitiativeKind, InitiativeStatus

_MONTH = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{4})\s*$")


class MonthField(StringField):
    """A month typed as mm/yyyy; data is the first day of that month."""

    def process_formdata(self, valuelist):  # noqa: ANN001
        self.data = None
        self.raw = (valuelist[0] if valuelist else "").strip()
        if not self.raw:
            return
        match = _MONTH.match(self.raw)
        if not match or not 1 <= int(match.group(1)) <= 12:
            raise ValueError("Tháng không hợp lệ; nhập theo dạng mm/yyyy, ví dụ 09/2022.")
        self.data = date(int(match.group(2)), int(match.group(1)), 1)

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return self.data.strftime("%m/%Y") if isinstance(self.data, date) else ""


class MetricForm(Form):
    """One measured result; a row with no label and no value is ignored."""

    label = StringField("Chỉ số", validators=[Optional(), Length(max=500, message="Tối đa 500 ký tự.")])
    value = VnDecimalField("Giá trị", validators=[Optional(), NumberRange(min=0, message="Giá trị không được âm.")])
    unit = StringField("Đơn vị tính", validators=[Optional(), Length(max=50, message="Tối đa 50 ký tự.")])
    period_start = MonthField("Từ tháng", render_kw={"placeholder": "mm/yyyy"})
    period_end = MonthField("Đến tháng", render_kw={"placeholder": "mm/yyyy"})

    def validate(self, extra_validators=None) -> bool:  # noqa: ANN001
        ok = super().validate(extra_validators)
        has_label = bool((self.label.data or "").strip())
        if has_label and self.value.data is None and not self.value.errors:
            self.value.errors = list(self.value.errors) + ["Vui lòng nhập giá trị."]
            ok = False
        if not has_label and self.value.data is not None:
            self.label.errors = list(self.label.errors) + ["Vui lòng nhập tên chỉ số."]
            ok = False
        return ok

    def validate_period_end(self, field) -> None:  # noqa: ANN001
        if field.data and self.period_start.data and field.data < self.period_start.data:
            raise ValidationError("Tháng kết thúc phải sau tháng bắt đầu.")


class InitiativeForm(FlaskForm):
    kind = SelectField("Loại", choices=select_choices(InitiativeKind.choices()), validators=[DataRequired("Vui lòng chọn loại.")])
    title = StringField("Tên sáng kiến, mô hình", validators=[
        DataRequired("Vui lòng nhập tên."), Length(max=500, message="Tên tối đa 500 ký tự.")])
    owner_unit_id = SelectField("Đơn vị chủ trì", coerce=int,
                                validators=[DataRequired("Vui lòng chọn đơn vị.")])
    author_ids = SelectMultipleField("Tác giả", coerce=int, validators=[Optional()])
    campaign_ids = SelectMultipleField("Phong trào thi đua liên quan", coerce=int, validators=[Optional()])
    start_date = DateField("Ngày bắt đầu áp dụng", validators=[Optional()],
                           render_kw={"type": "date"})
    summary = TextAreaField("Tóm tắt", validators=[Length(max=5000, message="Tối đa 5.000 ký tự.")],
                            render_kw={"rows": 4})
    novelty = TextAreaField("Điểm mới, sáng tạo", validators=[Length(max=5000, message="Tối đa 5.000 ký tự.")],
                            render_kw={"rows": 3})
    application = TextAreaField("Cách thức áp dụng", validators=[Length(max=5000, message="Tối đa 5.000 ký tự.")],
                                render_kw={"rows": 3})
    metrics = FieldList(FormField(MetricForm), min_entries=1, max_entries=30)
    evidence = EvidenceFilesField("Tệp minh chứng (PDF, ảnh, DOCX, XLSX)")
    version_id = HiddenField()


class FilterForm(FlaskForm):
    """GET filters for the list; every field optional."""

    class Meta:
        csrf = False

    q = StringField("Tìm theo tên, tóm tắt", validators=[Optional(), Length(max=200)])
    unit_id = SelectField("Đơn vị", coerce=lambda v: int(v) if v else None, validators=[Optional()])
    kind = SelectField("Loại", choices=select_choices([("", "Tất cả loại")] + InitiativeKind.choices()), validators=[Optional()])
    scope = SelectField("Phạm vi ảnh hưởng", choices=select_choices([("", "Mọi phạm vi")] + InfluenceScope.choices()),
                        validators=[Optional()])
    year = IntegerField("Năm", validators=[Optional(), NumberRange(min=1950, max=2100, message="Năm không hợp lệ.")])
    status = SelectField("Trạng thái", choices=select_choices([("", "Mọi trạng thái")] + InitiativeStatus.choices()),
                         validators=[Optional()])


class RecognitionForm(FlaskForm):
    recognised_by = StringField("Cơ quan công nhận", validators=[
        DataRequired("Vui lòng nhập cơ quan, hội đồng công nhận."), Length(max=200)])
    decision_number = StringField("Số quyết định", validators=[
        DataRequired("Vui lòng nhập số quyết định."), Length(max=100)])
    decision_date = DateField("Ngày quyết định", validators=[InputRequired("Vui lòng nhập ngày quyết định.")],
                              render_kw={"type": "date"})
    scope = SelectField("Phạm vi ảnh hưởng", choices=select_choices(InfluenceScope.choices()),
                        validators=[DataRequired("Vui lòng chọn phạm vi.")])


class RefusalForm(FlaskForm):
    reason = TextAreaField("Lý do không công nhận", validators=[
        DataRequired("Vui lòng nêu lý do."), Length(max=2000)], render_kw={"rows": 2})


def make_review_form(sheet, formdata=None, **kwargs):  # noqa: ANN001
    """A scoring form generated from the sheet's criteria (one 0..max field each)."""

    class ReviewForm(FlaskForm):
        comment = TextAreaField("Nhận xét", validators=[Length(max=5000)], render_kw={"rows": 3})

    for criterion in sheet.criteria:
        field = VnDecimalField(
            f"{criterion.title} (tối đa {format(criterion.max_points.normalize(), 'f').replace('.', ',')} điểm)",
            validators=[InputRequired("Vui lòng chấm điểm tiêu chí này."),
                        NumberRange(min=0, max=criterion.max_points,
                                    message=f"Điểm phải từ 0 đến {format(criterion.max_points.normalize(), 'f').replace('.', ',')}.")],
            description=criterion.guidance,
        )
        setattr(ReviewForm, f"c_{criterion.id}", field)
    return ReviewForm(formdata=formdata, **kwargs)
