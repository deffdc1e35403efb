"""Wagtail's ``FormBuilder`` with the wizard's limits, so both sides validate the same rules.

A stock multi-line field has no length cap, a stock number accepts any decimal and a stock date
only Django's default input formats; the wizard caps long text at 10,000 characters, takes whole
numbers of at most 18 digits and dates as ``2024-05-01`` or ``01.05.2024``. Everything else
(single-line cap 255, e-mail, choices, checkbox) is the same in both already.
"""

from wagtail.contrib.forms.forms import FormBuilder

from forms_app.builtin_fields import LONG_TEXT_CAP

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class SameValidationFormBuilder(FormBuilder):
    def create_multiline_field(self, field, options):
        options["max_length"] = LONG_TEXT_CAP
        return super().create_multiline_field(field, options)

    def create_number_field(self, field, options):
        options.update(decimal_places=0, max_digits=18)
        return super().create_number_field(field, options)

    def create_date_field(self, field, options):
        options["input_formats"] = DATE_INPUT_FORMATS
        return super().create_date_field(field, options)
