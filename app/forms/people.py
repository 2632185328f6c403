"""Person forms."""
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.forms.common import ChoiceField, WholeNumberField, optional_int
from app.models import Gender


class PersonForm(FlaskForm):
    full_name = StringField("Họ và tên", validators=[
        DataRequired("Vui lòng nhập họ và tên."), Length(max=200, message="Họ và tên tối đa 200 ký tự.")])
    gender = ChoiceField("Giới tính", choices=Gender.choices(), validators=[DataRequired("Vui lòng chọn giới tính.")])
    birth_year = WholeNumberField("Năm sinh", validators=[
        Optional(), NumberRange(min=1900, max=2100, message="Năm sinh phải trong khoảng 1900–2100.")])
    position = StringField("Chức vụ", validators=[Length(max=500, message="Chức vụ tối đa 500 ký tự.")])
    unit_id = ChoiceField("Đơn vị", coerce=optional_int, validators=[DataRequired("Vui lòng chọn đơn vị.")])
    version_id = HiddenField()


class PeopleFilterForm(FlaskForm):
    """GET filters on the people list (no CSRF: it changes nothing)."""

    class Meta:
        csrf = False

    q = StringField("Tìm theo tên", validators=[Optional(), Length(max=200, message="Tối đa 200 ký tự.")])
    unit = ChoiceField("Đơn vị", coerce=optional_int, validators=[Optional()])
    gender = ChoiceField("Giới tính", choices=[("", "Tất cả")] + Gender.choices(), validators=[Optional()])
