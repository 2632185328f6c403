"""Account administration forms."""
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from app.forms.common import ChoiceField, MultiCheckboxField, optional_int
from app.models import Role

PASSWORD_LENGTH = Length(min=8, max=200, message="Mật khẩu phải có từ 8 đến 200 ký tự.")


class UserForm(FlaskForm):
    username = StringField("Tên đăng nhập", validators=[
        DataRequired("Vui lòng nhập tên đăng nhập."), Length(max=50, message="Tên đăng nhập tối đa 50 ký tự."),
        Regexp(r"^[A-Za-z0-9_.\-]+$", message="Tên đăng nhập chỉ gồm chữ không dấu, chữ số và . _ -")])
    full_name = StringField("Họ và tên", validators=[
        DataRequired("Vui lòng nhập họ và tên."), Length(max=200, message="Họ và tên tối đa 200 ký tự.")])
    roles = MultiCheckboxField("Vai trò", choices=Role.choices(),
                               validators=[DataRequired("Chọn ít nhất một vai trò.")])
    unit_id = ChoiceField("Đơn vị", coerce=optional_int, validators=[Optional()])
    is_active = BooleanField("Đang hoạt động", default=True)
    password = PasswordField("Mật khẩu", validators=[DataRequired("Vui lòng nhập mật khẩu."), PASSWORD_LENGTH])


class UserEditForm(UserForm):
    username = None  # type: ignore[assignment]  # usernames never change
    password = PasswordField("Mật khẩu mới", validators=[Optional(), PASSWORD_LENGTH])
