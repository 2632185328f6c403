"""Campaign forms: dates typed dd/mm/yyyy, phases as one row per stage."""
from __future__ import annotations

import re
from datetime import date, datetime

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from app.forms.common import select_choices
from app.models import CampaignKind, CampaignStage



_DATE = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*$")


def parse_vn_date(raw: str) -> date:
    """dd/mm/yyyy (also yyyy-mm-dd from date pickers) → date; ValueError with a Vietnamese message."""
    raw = raw.strip()
    match = _DATE.match(raw)
    try:
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        return datetime.strptime(raw, "%Y-%m-%d").date()
    except ValueError:
        raise ValueError(f"Ngày “{raw}” không hợp lệ; nhập theo dạng dd/mm/yyyy, ví dụ 05/02/2025.") from None


class VnDateField(StringField):
    """A date typed dd/mm/yyyy; keeps the raw text on error."""

    def process_formdata(self, valuelist):  # noqa: ANN001
        self.data = None
        raw = (valuelist[0] if valuelist else "").strip()
        if raw:
            self.data = parse_vn_date(raw)

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return self.data.strftime("%d/%m/%Y") if isinstance(self.data, date) else ""


class CampaignForm(FlaskForm):
    code = StringField("Mã phong trào", validators=[DataRequired("Vui lòng nhập mã phong trào."),
                                                   Length(max=50, message="Mã tối đa 50 ký tự.")])
    name = StringField("Tên phong trào", validators=[DataRequired("Vui lòng nhập tên phong trào."),
                                                    Length(max=500, message="Tên tối đa 500 ký tự.")])
    kind = SelectField("Loại phong trào", choices=select_choices(CampaignKind.choices()))
    launching_unit_id = SelectField("Cơ quan phát động", coerce=int,
                                    validators=[DataRequired("Vui lòng chọn cơ quan phát động.")])
    plan_number = StringField("Số kế hoạch", validators=[Length(max=100, message="Tối đa 100 ký tự.")])
    plan_date = VnDateField("Ngày kế hoạch", validators=[Optional()])
    period_start = VnDateField("Từ ngày", validators=[InputRequired("Vui lòng nhập ngày bắt đầu.")])
    period_end = VnDateField("Đến ngày", validators=[InputRequired("Vui lòng nhập ngày kết thúc.")])
    description = TextAreaField("Nội dung, mục tiêu")
    participating_unit_ids = SelectMultipleField("Đơn vị tham gia (để trống: mọi đơn vị)", coerce=int,
                                                 validators=[Optional()])
    version_id = HiddenField()


# One pair of date fields per stage, named phase_<stage>_start / _end.
for _stage in CampaignStage:
    setattr(CampaignForm, f"phase_{_stage.value}_start", VnDateField(f"{_stage.label}: từ", validators=[Optional()]))
    setattr(CampaignForm, f"phase_{_stage.value}_end", VnDateField(f"{_stage.label}: đến", validators=[Optional()]))


class AdvanceForm(FlaskForm):
    to = HiddenField(validators=[DataRequired()])
    version_id = HiddenField()
