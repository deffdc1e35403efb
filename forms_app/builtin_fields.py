"""The built-in field types, registered through the same registry a domain app uses."""

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import blocks
from .autofill import birth_token, fixed, name_token
from .group import GroupField
from .patterns import PatternValidator
from .registry import FieldType, plain_display, register_field_type
from .uploads import KeptFileInput, upload_validators

SHORT_TEXT_CAP = 255
LONG_TEXT_CAP = 10_000
PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9 ()/\-]{3,40}$", _("Enter a phone number: digits, spaces, +, -, / and brackets.")
)


def base_options(value) -> dict[str, Any]:
    return {
        "label": (value.get("label") or ""),
        "help_text": (value.get("help") or ""),
        "required": bool(value.get("required")),
    }


def placeholder_attrs(value) -> dict[str, str]:
    return {"placeholder": value["placeholder"]} if value.get("placeholder") else {}


def text_field(value, *, cap: int, widget: type[forms.Widget]) -> forms.Field:
    max_length = min(value.get("max_length") or cap, cap)
    validators = []
    if value.get("pattern"):
        validators.append(PatternValidator(value["pattern"], value.get("pattern_message")))
    return forms.CharField(
        max_length=max_length,
        min_length=value.get("min_length") or None,
        validators=validators,
        initial=value.get("default") or None,
        widget=widget(attrs=placeholder_attrs(value)),
        **base_options(value),
    )


def number_field(value) -> forms.Field:
    return forms.DecimalField(
        min_value=value.get("min_value"),
        max_value=value.get("max_value"),
        decimal_places=value.get("decimal_places") or 0,
        max_digits=18,
        initial=value.get("default"),
        widget=forms.NumberInput(attrs=placeholder_attrs(value)),
        **base_options(value),
    )


def number_to_json(number: Decimal | None) -> int | str | None:
    if number is None:
        return None
    return int(number) if number == number.to_integral_value() else str(number)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def date_field(value) -> forms.Field:
    validators = []
    lowest, highest = value.get("min_date"), value.get("max_date")

    def within_limits(day: datetime.date) -> None:
        if lowest and day < lowest:
            raise ValidationError(
                gettext("The date must not be before %(date)s.")
                % {"date": formats.date_format(lowest, "SHORT_DATE_FORMAT")}
            )
        if highest and day > highest:
            raise ValidationError(
                gettext("The date must not be after %(date)s.")
                % {"date": formats.date_format(highest, "SHORT_DATE_FORMAT")}
            )
        if value.get("not_in_future") and day > timezone.localdate():
            raise ValidationError(gettext("The date must not be in the future."))

    validators.append(within_limits)
    return forms.DateField(
        validators=validators,
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=DateInput(),
        **base_options(value),
    )


def date_display(stored: Any, value: Any = None) -> str:
    try:
        day = datetime.date.fromisoformat(stored)
    except (TypeError, ValueError):
        return plain_display(stored)
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def yes_no_field(value) -> forms.Field:
    return forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda answer: answer == "yes",
        empty_value=None,
        widget=forms.RadioSelect,
        **base_options(value),
    )


def option_choices(value) -> list[tuple[str, str]]:
    return [(option["value"], (option.get("label") or "")) for option in value.get("choices") or []]


def choice_display(stored: Any, value: Any = None) -> str:
    labels = dict(option_choices(value)) if value is not None else {}
    if isinstance(stored, list):
        return plain_display([labels.get(item, item) for item in stored])
    return plain_display(labels.get(stored, stored))


def single_choice_field(value) -> forms.Field:
    choices = option_choices(value)
    if value.get("widget") == "select":
        return forms.ChoiceField(
            choices=[("", "–"), *choices], widget=forms.Select, **base_options(value)
        )
    return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **base_options(value))


def multiple_choice_field(value) -> forms.Field:
    return forms.MultipleChoiceField(
        choices=option_choices(value), widget=forms.CheckboxSelectMultiple, **base_options(value)
    )


def consent_field(value) -> forms.Field:
    options = base_options(value)
    options["help_text"] = value.get("text") or ""
    return forms.BooleanField(**options)


class SizeLimitValidator:
    def __init__(self, max_mb: int):
        self.max_mb = max_mb

    def __call__(self, upload) -> None:
        if upload.size > self.max_mb * 1024 * 1024:
            raise ValidationError(
                gettext("The file is too big: at most %(size)s MB.") % {"size": self.max_mb}
            )


FILE_NAME_CAP = 100


def file_name_fits(upload) -> None:
    """A name the private storage can write: file systems hold 255 bytes per name, and the
    storage may add a few characters to make it unique."""
    name = upload.name or ""
    if len(name) > FILE_NAME_CAP or len(name.encode("utf-8")) > 2 * FILE_NAME_CAP:
        raise ValidationError(
            gettext(
                "The file name is too long; please rename the file (at most %(count)s characters)."
            )
            % {"count": FILE_NAME_CAP}
        )


def file_field(value) -> forms.Field:
    extensions = [ext.strip().lstrip(".").lower() for ext in value["extensions"].split(",")]
    return forms.FileField(
        validators=[
            *upload_validators([ext for ext in extensions if ext]),
            SizeLimitValidator(value.get("max_size_mb") or 5),
            file_name_fits,
        ],
        widget=KeptFileInput(attrs={"accept": ",".join(f".{e}" for e in extensions)}),
        **base_options(value),
    )


def file_display(stored: Any, value: Any = None) -> str:
    return stored.get("name", "") if isinstance(stored, dict) else plain_display(stored)


def group_field(value) -> forms.Field:
    return GroupField(
        columns=list(value["fields"]),
        min_rows=value.get("min_rows") or 0,
        max_rows=value.get("max_rows") or 20,
        **base_options(value),
    )


def group_display(stored: Any, value: Any = None) -> str:
    from .registry import get_field_type

    if not stored:
        return "–"
    columns = {child.value["key"]: child for child in value["fields"]} if value else {}
    rows = []
    for row in stored:
        cells = []
        for key, answer in row.items():
            child = columns.get(key)
            label = (child.value.get("label") or "") if child else key
            shown = (
                get_field_type(child.block_type).display(answer, child.value)
                if child
                else plain_display(answer)
            )
            cells.append(f"{label}: {shown}")
        rows.append(", ".join(cells))
    return " | ".join(rows)


def iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def register_builtin_types() -> None:
    def text(widget, cap):
        return lambda value: text_field(value, cap=cap, widget=widget)

    for field_type in [
        FieldType(
            "short_text",
            blocks.ShortTextBlock(),
            text(forms.TextInput, SHORT_TEXT_CAP),
            display=plain_display,
            groupable=True,
            autocomplete=name_token,
        ),
        FieldType(
            "long_text",
            blocks.LongTextBlock(),
            text(forms.Textarea, LONG_TEXT_CAP),
            display=plain_display,
            groupable=True,
        ),
        FieldType(
            "email",
            blocks.EmailBlock(),
            lambda v: forms.EmailField(
                widget=forms.EmailInput(attrs=placeholder_attrs(v)), **base_options(v)
            ),
            display=plain_display,
            groupable=True,
            autocomplete=fixed("email"),
        ),
        FieldType(
            "phone",
            blocks.PhoneBlock(),
            lambda v: forms.CharField(
                max_length=40,
                validators=[PHONE_VALIDATOR],
                widget=forms.TextInput(attrs={"type": "tel", **placeholder_attrs(v)}),
                **base_options(v),
            ),
            display=plain_display,
            groupable=True,
            autocomplete=fixed("tel"),
        ),
        FieldType(
            "number",
            blocks.NumberBlock(),
            number_field,
            to_json=number_to_json,
            display=plain_display,
            groupable=True,
        ),
        FieldType(
            "date",
            blocks.DateBlock(),
            date_field,
            to_json=iso,
            display=date_display,
            groupable=True,
            autocomplete=birth_token,
        ),
        FieldType(
            "yes_no", blocks.YesNoBlock(), yes_no_field, display=plain_display, groupable=True
        ),
        FieldType(
            "single_choice",
            blocks.SingleChoiceBlock(),
            single_choice_field,
            display=choice_display,
            groupable=True,
        ),
        FieldType(
            "multiple_choice",
            blocks.MultipleChoiceBlock(),
            multiple_choice_field,
            to_json=list,
            display=choice_display,
        ),
        FieldType("consent", blocks.ConsentBlock(), consent_field, display=plain_display),
        FieldType("file", blocks.FileBlock(), file_field, display=file_display, is_file=True),
        FieldType("heading", blocks.HeadingBlock(), None, has_input=False),
        FieldType("group", blocks.GroupBlock(), group_field, display=group_display, is_group=True),
    ]:
        register_field_type(field_type)


register_builtin_types()
