"""Forms for nomination dossiers, workflow actions, overrides, evidence and import."""
from __future__ import annotations

import re

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    HiddenField, IntegerField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from app.forms.campaigns import VnDateField
from app.forms.common import select_choices
from app.forms.evidence import EvidenceFilesField
from app.models import DisciplineMeasure, Gender, PerformanceRating, SubjectType



RATING_CHOICES = select_choices([("", "—")] + PerformanceRating.choices())
_RESULT_LINE = re.compile(r"^\s*(\d{4})\s*[:\-–]\s*(.+)$")


def parse_results(text: str) -> list[dict[str, object]]:
    """"2023: nội dung" per line → [{"year": 2023, "text": "nội dung"}]."""
    rows = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        match = _RESULT_LINE.match(line)
        if match is None:
            raise ValidationError(f"Dòng “{line.strip()[:40]}” cần dạng “năm: kết quả”, ví dụ “2024: …”.")
        rows.append({"year": int(match.group(1)), "text": match.group(2).strip()})
    return rows


def _results_valid(form, field) -> None:  # noqa: ANN001
    parse_results(field.data)


class NominationForm(FlaskForm):
    version_id = HiddenField()
    campaign_id = SelectField("Phong trào thi đua", coerce=int, validators=[InputRequired("Chọn phong trào.")])
    award_type_id = SelectField("Hình thức, danh hiệu đề nghị", coerce=int,
                                validators=[InputRequired("Chọn hình thức khen thưởng.")])
    nominating_unit_id = SelectField("Đơn vị đề nghị", coerce=int, validators=[InputRequired("Chọn đơn vị đề nghị.")])
    subject_type = RadioField("Đối tượng", choices=select_choices(SubjectType.choices()), default=SubjectType.INDIVIDUAL.value)
    person_id = SelectField("Cá nhân", coerce=int, validate_choice=False, default=0)
    new_person_name = StringField("Hoặc thêm người mới: họ và tên", validators=[Optional(), Length(max=200)])
    new_person_gender = SelectField("Giới tính", choices=select_choices(Gender.choices()), default=Gender.MALE.value)
    new_person_birth_year = IntegerField("Năm sinh", validators=[Optional(), NumberRange(1900, 2100, "Năm sinh không hợp lệ.")])
    new_person_position = StringField("Chức vụ", validators=[Optional(), Length(max=500)])
    new_person_unit_id = SelectField("Đơn vị công tác", coerce=int, validate_choice=False, default=0)
    unit_id = SelectField("Tập thể", coerce=int, validate_choice=False, default=0)
    year = IntegerField("Năm xét khen thưởng", validators=[Optional(), NumberRange(2000, 2100, "Năm không hợp lệ.")])
    memo_number = StringField("Số tờ trình", validators=[Optional(), Length(max=100)])
    memo_date = VnDateField("Ngày tờ trình", validators=[Optional()])
    summary = TextAreaField("Tóm tắt thành tích", validators=[Optional(), Length(max=20000)])
    results = TextAreaField("Kết quả theo năm (mỗi dòng “năm: kết quả”)", validators=[Optional(), _results_valid])
    rating_0 = SelectField("Xếp loại", choices=RATING_CHOICES, default="")
    rating_1 = SelectField("Xếp loại", choices=RATING_CHOICES, default="")
    rating_2 = SelectField("Xếp loại", choices=RATING_CHOICES, default="")
    discipline_measure = SelectField("Kỷ luật", choices=select_choices([("", "Không bị kỷ luật")] + DisciplineMeasure.choices()),
                                     default="")
    discipline_year = IntegerField("Năm bị kỷ luật", validators=[Optional(), NumberRange(2000, 2100)])
    initiative_ids = SelectMultipleField("Sáng kiến, mô hình gắn với thành tích", coerce=int, validate_choice=False)
    quota_justification = TextAreaField("Giải trình vượt chỉ tiêu (nếu có)", validators=[Optional(), Length(max=5000)])

    def validate_new_person_name(self, field) -> None:  # noqa: ANN001
        if self.subject_type.data == SubjectType.INDIVIDUAL.value and not self.person_id.data and not field.data:
            raise ValidationError("Chọn một cá nhân hoặc nhập họ tên người mới.")

    def validate_unit_id(self, field) -> None:  # noqa: ANN001
        if self.subject_type.data == SubjectType.COLLECTIVE.value and not field.data:
            raise ValidationError("Chọn tập thể được đề nghị.")


class TransitionForm(FlaskForm):
    to_status = HiddenField(validators=[DataRequired()])
    reason = TextAreaField("Lý do, ý kiến", validators=[Optional(), Length(max=5000)])


class OverrideForm(FlaskForm):
    rule_id = HiddenField(validators=[DataRequired()])
    outcome = SelectField("Kết quả thay thế", choices=select_choices([
        ("pass", "Đạt"), ("fail", "Không đạt"), ("needs_evidence", "Cần bổ sung minh chứng"),
        ("", "Bỏ ý kiến, dùng kết quả tính toán")]), default="pass")
    reason = TextAreaField("Lý do", validators=[DataRequired("Cần ghi rõ lý do."), Length(max=5000)])


class EvidenceForm(FlaskForm):
    files = EvidenceFilesField(required=True)


class ImportForm(FlaskForm):
    campaign_id = SelectField("Phong trào thi đua", coerce=int, validators=[InputRequired("Chọn phong trào.")])
    nominating_unit_id = SelectField("Đơn vị đề nghị", coerce=int, validators=[InputRequired("Chọn đơn vị.")])
    file = FileField("Tệp danh sách (XLSX)", validators=[FileRequired("Chọn tệp XLSX."),
                                                        FileAllowed(["xlsx"], "Chỉ nhận tệp .xlsx.")])
