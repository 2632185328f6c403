"""Forms for decisions: the draft, issuing, printing options and revoking a certificate."""
from __future__ import annotations

from decimal import Decimal

from flask_wtf import FlaskForm
from wtforms import (DateField, HiddenField, IntegerField, SelectField, SelectMultipleField, StringField,
                     TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.forms.common import VnDecimalField

REQUIRED = "Vui lòng nhập trường này."


def lines(text: str | None) -> list[str]:
    """Multi-line textarea → list of non-empty, stripped lines."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class DecisionForm(FlaskForm):
    """A draft decision; multi-line fields hold one item per line."""

    issuer_unit_id = SelectField("Cơ quan ban hành", coerce=int, validators=[DataRequired(REQUIRED)])
    campaign_id = SelectField("Phong trào thi đua", coerce=int, validators=[Optional()])
    decided_on = DateField("Ngày ký", validators=[DataRequired("Vui lòng nhập ngày hợp lệ (dd/mm/yyyy).")])
    symbol = StringField("Ký hiệu", default="QĐ-UBND", validators=[DataRequired(REQUIRED), Length(max=50)])
    issuer_lines = TextAreaField("Tên cơ quan (mỗi dòng một dòng in)", validators=[DataRequired(REQUIRED)])
    authority = StringField("Thẩm quyền quyết định", validators=[DataRequired(REQUIRED), Length(max=500)])
    subject = TextAreaField("Trích yếu", validators=[DataRequired(REQUIRED)])
    legal_bases = TextAreaField("Căn cứ (mỗi căn cứ một dòng)", validators=[DataRequired(REQUIRED)])
    articles = TextAreaField("Các điều (mỗi điều một dòng)", validators=[DataRequired(REQUIRED)])
    recipients = TextAreaField("Nơi nhận (mỗi nơi một dòng)", validators=[DataRequired(REQUIRED)])
    signer_capacity = TextAreaField("Thẩm quyền ký (ví dụ: CHỦ TỊCH, hoặc KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)",
                                    validators=[DataRequired(REQUIRED)])
    signer_name = StringField("Họ và tên người ký", validators=[DataRequired(REQUIRED), Length(max=200)])
    list_title = StringField("Tiêu đề danh sách kèm theo", validators=[Optional(), Length(max=500)])
    achievement = TextAreaField("Thành tích ghi trên bằng khen", validators=[Optional()])
    version_id = HiddenField()


class IssueForm(FlaskForm):
    number = IntegerField("Số quyết định (để trống: lấy số tiếp theo trong sổ)",
                          validators=[Optional(), NumberRange(min=1, message="Số phải là số nguyên dương.")])
    version_id = HiddenField()


class PrintForm(FlaskForm):
    """Certificate paper and offsets for pre-printed frames (ignored for the decision and list)."""

    paper = SelectField("Khổ giấy", choices=[SelectChoice("A4", "A4 ngang"), SelectChoice("A3", "A3 ngang")], default="A4")
    offset_x_mm = VnDecimalField("Lệch ngang (mm)", default=Decimal(0), places=1,
                               validators=[Optional(), NumberRange(min=-30, max=30, message="Từ -30 đến 30 mm.")])
    offset_y_mm = VnDecimalField("Lệch dọc (mm)", default=Decimal(0), places=1,
                               validators=[Optional(), NumberRange(min=-30, max=30, message="Từ -30 đến 30 mm.")])


class RevokeForm(FlaskForm):
    reason = TextAreaField("Lý do thu hồi", validators=[DataRequired("Vui lòng nêu lý do thu hồi.")])
    legal_ground = StringField("Căn cứ pháp lý", validators=[
        DataRequired("Vui lòng nêu căn cứ pháp lý."), Length(max=500)])


class CorrectionForm(FlaskForm):
    """A correcting decision: which items, why and on what legal ground (choices set by the view)."""

    kind = SelectField("Loại quyết định", choices=[
        SelectChoice("amends", "Sửa đổi, bổ sung (sửa tên, chức vụ, đơn vị; bổ sung đối tượng)"),
        SelectChoice("revokes", "Thu hồi, hủy bỏ (toàn bộ hoặc một phần)")],
        validators=[DataRequired(REQUIRED)])
    item_ids = SelectMultipleField("Tập thể, cá nhân liên quan", coerce=int, validators=[Optional()])
    decided_on = DateField("Ngày ký", validators=[DataRequired("Vui lòng nhập ngày hợp lệ (dd/mm/yyyy).")])
    reason = TextAreaField("Lý do", validators=[Optional()])
    legal_ground = StringField("Căn cứ pháp lý", validators=[DataRequired("Vui lòng nêu căn cứ pháp lý."),
                                                             Length(max=500)])


class ItemWordingForm(FlaskForm):
    """How a corrected item will be printed."""

    honorific = SelectField("Danh xưng", choices=[SelectChoice("", "—"), SelectChoice("Ông", "Ông"),
                                                  SelectChoice("Bà", "Bà")], validators=[Optional()])
    printed_name = StringField("Họ và tên / Tên tập thể", validators=[DataRequired(REQUIRED), Length(max=500)])
    printed_detail = TextAreaField("Chức vụ, đơn vị", validators=[Optional()])
