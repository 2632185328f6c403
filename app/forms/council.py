"""Council forms; the scoring form is generated from the criteria (cf. Indico's make_review_form)."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from app.forms.common import select_choices
from app.models import CouncilRole


class CouncilForm(FlaskForm):
    campaign_id = SelectField("Đợt thi đua", coerce=int, validators=[InputRequired("Hãy chọn đợt thi đua.")])
    name = StringField("Tên Hội đồng", validators=[DataRequired("Cần nhập tên Hội đồng."), Length(max=200)])
    quorum_percent = IntegerField("Tỷ lệ tối thiểu dự họp (%)", default=67,
                                  validators=[InputRequired("Cần nhập tỷ lệ."), NumberRange(1, 100, "Từ 1 đến 100.")])


class MemberForm(FlaskForm):
    user_id = SelectField("Tài khoản", coerce=int, validators=[InputRequired("Hãy chọn tài khoản.")])
    role = SelectField("Vai trò", choices=select_choices(CouncilRole.choices()), default=CouncilRole.MEMBER.value)


class AssignForm(FlaskForm):
    mode = SelectField("Cách phân công", choices=select_choices([("all", "Mọi thành viên chấm mọi hồ sơ"),
                                                          ("balanced", "Mỗi hồ sơ N thành viên (tự động, cân bằng)")]))
    per_nomination = IntegerField("Số thành viên chấm mỗi hồ sơ", validators=[Optional(), NumberRange(1, 99)])
    max_per_member = IntegerField("Số hồ sơ tối đa mỗi thành viên", validators=[Optional(), NumberRange(1, 100000)])


class ConflictForm(FlaskForm):
    member_id = SelectField("Thành viên", coerce=int)
    nomination_id = IntegerField("Mã hồ sơ", validators=[InputRequired("Cần nhập mã hồ sơ.")])
    reason = TextAreaField("Lý do", validators=[DataRequired("Cần ghi rõ lý do."), Length(max=2000)])


class ReasonForm(FlaskForm):
    reason = TextAreaField("Lý do", validators=[DataRequired("Cần ghi rõ lý do."), Length(max=2000)])


class OverrideForm(FlaskForm):
    nomination_id = HiddenField(validators=[DataRequired()])
    decision = SelectField("Kết quả", choices=select_choices([("approve", "Đề nghị khen thưởng"), ("reject", "Không đề nghị"),
                                                       ("clear", "Bỏ điều chỉnh")]))
    reason = TextAreaField("Lý do", validators=[DataRequired("Cần ghi rõ lý do điều chỉnh."), Length(max=2000)])


class OpenRoundForm(FlaskForm):
    award_type_id = SelectField("Hình thức", coerce=int)


def make_score_form(inputs, sheet=None):
    """A form class with one text field per leaf criterion, plus the comment; bounds are
    checked by the scoring service so that autosave and the full form share one rule."""

    class ScoreForm(FlaskForm):
        comment = TextAreaField("Nhận xét", validators=[Length(max=5000)])
        version = HiddenField()

    for inp in inputs:
        setattr(ScoreForm, inp.name, StringField(inp.node.title))
    return ScoreForm
