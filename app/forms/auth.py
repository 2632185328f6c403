"""Login form."""
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    username = StringField(
        "Tên đăng nhập",
        validators=[DataRequired("Vui lòng nhập tên đăng nhập."), Length(max=50, message="Tên đăng nhập tối đa 50 ký tự.")],
    )
    password = PasswordField(
        "Mật khẩu",
        validators=[DataRequired("Vui lòng nhập mật khẩu."), Length(max=200, message="Mật khẩu tối đa 200 ký tự.")],
    )
    remember = BooleanField("Ghi nhớ đăng nhập")
    next = HiddenField()
