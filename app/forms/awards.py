"""Award-catalogue forms: the award type and one eligibility rule (params as JSON, checked by the service)."""
from __future__ import annotations

import json

from flask_wtf import FlaskForm
from wtforms import BooleanField, DecimalField, HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from app.forms.campaigns import VnDateField
from app.forms.common import select_choices
from app.models import AwardCategory, AwardLevel, BallotBase, CertificateKind, QuotaPolicy, RuleKind, SubjectScope


def _optional(pairs: list[tuple[str, str]]) -> list:
    return select_choices([("", "— Không —"), *pairs])


class AwardTypeForm(FlaskForm):
    code = StringField("Mã", validators=[DataRequired("Vui lòng nhập mã."), Length(max=50, message="Tối đa 50 ký tự.")])
    name = StringField("Tên danh hiệu, hình thức", validators=[DataRequired("Vui lòng nhập tên."), Length(max=200)])
    category = SelectField("Loại", choices=select_choices(AwardCategory.choices()))
    subject_scope = SelectField("Đối tượng", choices=select_choices(SubjectScope.choices()))
    level = SelectField("Cấp", choices=select_choices(AwardLevel.choices()))
    deciding_authority = StringField("Thẩm quyền quyết định", validators=[DataRequired("Vui lòng nhập thẩm quyền."),
                                                                         Length(max=200)])
    issuer_line = StringField("Dòng cơ quan tặng in trên bằng", validators=[Length(max=500)])
    certificate_kind = SelectField("Mẫu bằng, giấy", choices=_optional(CertificateKind.choices()))
    requires_secret_ballot = BooleanField("Bỏ phiếu kín")
    ballot_threshold = DecimalField("Tỷ lệ phiếu đồng ý (0–1)", places=4, validators=[
        Optional(), NumberRange(min=0.0001, max=1, message="Tỷ lệ từ 0 đến 1, ví dụ 0,9.")])
    ballot_base = SelectField("Căn cứ tính tỷ lệ", choices=_optional(BallotBase.choices()))
    quorum_ratio = DecimalField("Tỷ lệ thành viên có mặt tối thiểu (0–1)", places=4, validators=[
        Optional(), NumberRange(min=0.0001, max=1, message="Tỷ lệ từ 0 đến 1, ví dụ 0,6667.")])
    cash_factor = DecimalField("Hệ số tiền thưởng (× lương cơ sở)", places=2, validators=[
        InputRequired("Vui lòng nhập hệ số (0 nếu không thưởng tiền)."), NumberRange(min=0, max=999, message="Hệ số không âm.")])
    min_score = DecimalField("Điểm tối thiểu", places=2, validators=[Optional(), NumberRange(min=0, message="Điểm không âm.")])
    quota_policy = SelectField("Khi vượt tỷ lệ", choices=select_choices(QuotaPolicy.choices()))
    position = IntegerField("Thứ tự", default=0, validators=[Optional()])
    is_active = BooleanField("Đang sử dụng", default=True)
    description = TextAreaField("Tiêu chuẩn chung, ghi chú")
    version_id = HiddenField()


class RuleForm(FlaskForm):
    kind = SelectField("Loại quy định", choices=select_choices(RuleKind.choices()))
    params = TextAreaField("Tham số (JSON)", validators=[DataRequired("Vui lòng nhập tham số.")])
    description = StringField("Mô tả", validators=[DataRequired("Vui lòng nhập mô tả."), Length(max=500)])
    legal_basis = StringField("Căn cứ pháp lý", validators=[DataRequired("Vui lòng nhập căn cứ pháp lý."),
                                                           Length(max=500)])
    effective_from = VnDateField("Có hiệu lực từ", validators=[InputRequired("Vui lòng nhập ngày có hiệu lực.")])
    effective_to = VnDateField("Hết hiệu lực (để trống: còn hiệu lực)", validators=[Optional()])

    def validate_params(self, field) -> None:  # noqa: ANN001
        try:
            value = json.loads(field.data or "")
        except ValueError:
            raise ValidationError("Tham số không phải JSON hợp lệ, ví dụ {\"award_code\": \"CSTD_CS\", \"years\": 3}.") from None
        if not isinstance(value, dict):
            raise ValidationError("Tham số phải là một đối tượng JSON {…}.")
        field.parsed = value
