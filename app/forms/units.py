"""Org-unit forms."""
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp

from app.forms.common import ChoiceField, DayField, optional_int
from app.models import OrgUnitKind


class UnitForm(FlaskForm):
    code = StringField("Mã đơn vị", validators=[
        DataRequired("Vui lòng nhập mã đơn vị."), Length(max=50, message="Mã đơn vị tối đa 50 ký tự."),
        Regexp(r"^[A-Za-z0-9_\-]+$", message="Mã chỉ gồm chữ không dấu, chữ số, gạch dưới và gạch ngang.")])
    kind = ChoiceField("Loại đơn vị", choices=OrgUnitKind.choices(),
                       validators=[DataRequired("Vui lòng chọn loại đơn vị.")])
    name = StringField("Tên đầy đủ", validators=[
        DataRequired("Vui lòng nhập tên đầy đủ."), Length(max=500, message="Tên đầy đủ tối đa 500 ký tự.")])
    short_name = StringField("Tên ngắn", validators=[
        DataRequired("Vui lòng nhập tên ngắn."), Length(max=200, message="Tên ngắn tối đa 200 ký tự.")])
    parent_id = ChoiceField("Đơn vị cấp trên", coerce=optional_int, validators=[Optional()])
    valid_from = DayField("Có hiệu lực từ ngày", validators=[InputRequired("Vui lòng nhập ngày bắt đầu hiệu lực.")])
    valid_to = DayField("Hết hiệu lực sau ngày", validators=[Optional()])
    version_id = HiddenField()
