"""Fields whose built-in messages are English in WTForms (no Vietnamese catalogue ships)."""
from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation

from wtforms import DateField, DecimalField, FieldList, IntegerField, SelectField, SelectMultipleField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget, TextInput


class _TupleChoices:
    """Accept (value, label) pairs and hand WTForms SelectChoice objects (tuples are deprecated)."""

    @staticmethod
    def _warn_legacy_choices(choices) -> None:  # noqa: ANN001
        """Pairs are converted below, so nothing legacy reaches WTForms."""

    def _choices_from_input(self, choices):  # noqa: ANN001, ANN202
        if isinstance(choices, (list, tuple)):
            choices = [SelectChoice(str(c[0]), c[1]) if isinstance(c, tuple) else c for c in choices]
        return super()._choices_from_input(choices)  # type: ignore[misc]


class ChoiceField(_TupleChoices, SelectField):
    """A select whose invalid-choice message is Vietnamese; "" means nothing chosen."""

    def pre_validate(self, form) -> None:  # noqa: ANN001
        if self.data in (None, "") and not self.flags.required:
            return
        values = {str(value) for value, *_ in self.iter_choices()}
        if str(self.data) not in values:
            raise ValidationError("Lựa chọn không hợp lệ.")


class MultiCheckboxField(_TupleChoices, SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def pre_validate(self, form) -> None:  # noqa: ANN001
        values = {str(value) for value, *_ in self.iter_choices()}
        if any(str(d) not in values for d in self.data or []):
            raise ValidationError("Lựa chọn không hợp lệ.")


class WholeNumberField(IntegerField):
    def process_formdata(self, valuelist) -> None:  # noqa: ANN001
        if not valuelist or valuelist[0].strip() == "":
            self.data = None
            return
        try:
            self.data = int(valuelist[0])
        except ValueError as exc:
            self.data = None
            self.raw_data = valuelist
            raise ValueError("Vui lòng nhập một số nguyên.") from exc


def optional_int(value: object) -> int | None:
    """Coerce for selects of ids where "" means none."""
    if value in (None, "", "None"):
        return None
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return -1  # never a valid id: the field reports an invalid choice


class DayField(DateField):
    """An HTML date input (yyyy-mm-dd on the wire) with a Vietnamese error."""

    def process_formdata(self, valuelist) -> None:  # noqa: ANN001
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        try:
            self.data = datetime.strptime(valuelist[0].strip(), "%Y-%m-%d").date()
        except ValueError as exc:
            self.data = None
            raise ValueError("Ngày không hợp lệ.") from exc


def select_choices(pairs) -> list[SelectChoice]:  # noqa: ANN001
    """(value, label) pairs as SelectChoice objects (WTForms 3.3 deprecates tuples)."""
    return [SelectChoice(value, label) for value, label in pairs]


def put_error(form, field: str | None, message: str) -> None:  # noqa: ANN001
    """Show a service's refusal beside its field (or above the form when it has none).

    A FieldList has no single place to show a message, so its errors go above the form.
    """
    target = getattr(form, field, None) if field else None
    if target is not None and hasattr(target, "errors") and not isinstance(target, FieldList):
        target.errors = [*target.errors, message]
    else:
        form.form_errors.append(message)


class VnDecimalField(DecimalField):
    """A number typed the Vietnamese way (20.000 or 1.234,5) or plainly (20000, 1234.5).

    A text box, not <input type=number>: browsers would reject or rewrite the decimal comma.
    """

    widget = TextInput()

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("render_kw", {"inputmode": "decimal"})
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist):  # noqa: ANN001
        self.data = None
        raw = (valuelist[0] if valuelist else "").strip().replace(" ", "").replace("\u00a0", "")
        if not raw:
            return
        if "," in raw:
            raw = raw.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"\d{1,3}(\.\d{3})+", raw):
            raw = raw.replace(".", "")
        try:
            self.data = Decimal(raw)
        except InvalidOperation as exc:
            raise ValueError("Giá trị phải là một số, ví dụ 20.000 hoặc 98,5.") from exc

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        if self.data is None:
            return ""
        return format(self.data.normalize(), "f").replace(".", ",")
