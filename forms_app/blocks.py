"""The blocks an administrator builds a wizard form from in the page editor.

Every field block shares :class:`FieldBlock`'s options (stable key, label, help, required,
condition) and adds its own validation options. A form exists once: its texts are translated
through wagtail-localize (translated pages in other locales), while keys, stored choice values,
patterns and conditions are :class:`Untranslated` blocks, copied from the source page on every
sync, so no language version can diverge from the form's structure.
"""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .patterns import validate_pattern

KEY_VALIDATOR = RegexValidator(
    r"^[a-z][a-z0-9_]{0,49}$",
    _("Use lower-case letters, digits and underscores, starting with a letter (at most 50)."),
)

KEY_HELP = _(
    "Made from the label when left empty. Submissions and exports name the answer by it; it "
    "cannot be changed once answers exist (change the label instead)."
)


class Untranslated:
    """Mixin for a text block that belongs to the form's structure, not its wording.

    wagtail-localize asks a block for ``get_translatable_segments`` before treating it as a
    CharBlock/TextBlock: answering "none" keeps it out of the translation editor and PO files,
    and ingesting leaves the source's value in place.
    """

    def get_translatable_segments(self, value) -> list:
        return []

    def restore_translated_segments(self, value, segments):
        return value


class StructureCharBlock(Untranslated, blocks.CharBlock):
    pass


class StructureTextBlock(Untranslated, blocks.TextBlock):
    pass


class Operator:
    EQUALS = "equals"
    ONE_OF = "one_of"
    IS_NOT = "is_not"
    ANSWERED = "answered"
    CHOICES = [
        (EQUALS, _("equals")),
        (ONE_OF, _("is one of")),
        (IS_NOT, _("is not")),
        (ANSWERED, _("is answered")),
    ]


class ConditionBlock(blocks.StructBlock):
    """Show the field or step only when an earlier answer matches; no field = always shown.

    The editor offers the earlier fields and their options as lists (``builder.js``); what is
    stored is the field's key and the options' stored values, so a condition survives a change
    of the labels and holds in every language.
    """

    field = StructureCharBlock(
        label=_("Only show when the field"),
        required=False,
        max_length=50,
        help_text=_("An earlier field. Leave empty to always show."),
    )
    operator = blocks.ChoiceBlock(
        choices=Operator.CHOICES, default=Operator.EQUALS, label=_("operator")
    )
    values = StructureTextBlock(
        required=False,
        rows=2,
        label=_("value(s)"),
        help_text=_("The answer compared with; for “is one of”, one per line."),
    )

    class Meta:
        icon = "view"
        label = _("Condition")
        form_classname = "forms-app-condition"
        collapsed = True


class ChoiceOptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=255, label=_("label"))
    value = StructureCharBlock(
        max_length=100,
        required=False,
        label=_("stored value"),
        help_text=_(
            "Made from the label when left empty; stays the same when the label changes later. "
            "Used in conditions and exports."
        ),
    )

    class Meta:
        icon = "list-ul"
        label = _("Option")


class FieldBlock(blocks.StructBlock):
    """Options every input field has."""

    label = blocks.CharBlock(max_length=255, label=_("label"))
    key = StructureCharBlock(
        max_length=50,
        required=False,
        validators=[KEY_VALIDATOR],
        label=_("key"),
        help_text=KEY_HELP,
    )
    help = blocks.CharBlock(max_length=500, required=False, label=_("help text"))
    required = blocks.BooleanBlock(required=False, label=_("required"))
    condition = ConditionBlock(required=False)

    class Meta:
        template = "forms_app/blocks/field_preview.html"
        form_classname = "forms-app-field"
        preview_value = {"key": "first_name", "label": "First name"}


class TextFieldBlock(FieldBlock):
    placeholder = blocks.CharBlock(max_length=255, required=False, label=_("placeholder"))
    default = StructureCharBlock(max_length=255, required=False, label=_("default value"))
    min_length = blocks.IntegerBlock(required=False, min_value=0, label=_("minimum length"))
    max_length = blocks.IntegerBlock(
        required=False,
        min_value=1,
        label=_("maximum length"),
        help_text=_("Short texts are capped at 255 characters and long texts at 10,000 anyway."),
    )


class ShortTextBlock(TextFieldBlock):
    pattern = StructureCharBlock(
        max_length=255,
        required=False,
        validators=[validate_pattern],
        label=_("pattern (regular expression)"),
        help_text=_("Example: ^[0-9]{5}$ for a German postcode."),
    )
    pattern_message = blocks.CharBlock(
        max_length=255, required=False, label=_("message when the pattern does not match")
    )

    class Meta:
        icon = "pilcrow"
        label = _("Short text")
        description = _("One line of text, such as a name.")


class LongTextBlock(TextFieldBlock):
    class Meta:
        icon = "doc-full"
        label = _("Long text")
        description = _("Several lines of text, such as a description.")


class EmailBlock(FieldBlock):
    placeholder = blocks.CharBlock(max_length=255, required=False, label=_("placeholder"))

    class Meta:
        icon = "mail"
        label = _("E-mail address")
        description = _("An e-mail address, checked for the right form.")


class PhoneBlock(FieldBlock):
    placeholder = blocks.CharBlock(max_length=255, required=False, label=_("placeholder"))

    class Meta:
        icon = "mobile-alt"
        label = _("Phone number")
        description = _("A phone number: digits, spaces, +, -, / and brackets.")


class NumberBlock(FieldBlock):
    placeholder = blocks.CharBlock(max_length=255, required=False, label=_("placeholder"))
    default = blocks.DecimalBlock(required=False, label=_("default value"))
    min_value = blocks.DecimalBlock(required=False, label=_("minimum"))
    max_value = blocks.DecimalBlock(required=False, label=_("maximum"))
    decimal_places = blocks.IntegerBlock(
        required=False, min_value=0, max_value=6, default=0, label=_("decimal places")
    )

    class Meta:
        icon = "order"
        label = _("Number")
        description = _("A number, optionally between a minimum and a maximum.")


class DateBlock(FieldBlock):
    min_date = blocks.DateBlock(required=False, label=_("earliest date"))
    max_date = blocks.DateBlock(required=False, label=_("latest date"))
    not_in_future = blocks.BooleanBlock(required=False, label=_("not in the future"))

    class Meta:
        icon = "date"
        label = _("Date")
        description = _("A date, optionally within limits or not in the future.")


class YesNoBlock(FieldBlock):
    class Meta:
        icon = "tick-inverse"
        label = _("Yes/no")
        description = _("A question answered with yes or no; good for conditions.")


class SingleChoiceBlock(FieldBlock):
    choices = blocks.ListBlock(ChoiceOptionBlock(), min_num=1, label=_("options"))
    widget = blocks.ChoiceBlock(
        choices=[("select", _("Drop-down list")), ("radio", _("Radio buttons"))],
        default="radio",
        label=_("display as"),
    )

    class Meta:
        icon = "list-ul"
        label = _("Single choice")
        description = _("One option out of a list.")


class MultipleChoiceBlock(FieldBlock):
    choices = blocks.ListBlock(ChoiceOptionBlock(), min_num=1, label=_("options"))

    class Meta:
        icon = "list-ol"
        label = _("Multiple choice")
        description = _("Any number of options out of a list (checkboxes).")


class ConsentBlock(FieldBlock):
    required = blocks.BooleanBlock(required=False, default=True, label=_("required"))
    text = blocks.TextBlock(label=_("consent text"))

    class Meta:
        icon = "success"
        label = _("Consent")
        description = _("A checkbox with a consent text the person has to tick.")


class FileBlock(FieldBlock):
    extensions = StructureCharBlock(
        max_length=255,
        default="pdf, jpg, png",
        label=_("allowed file types"),
        help_text=_("File extensions separated by commas, e.g. pdf, jpg, png."),
    )
    max_size_mb = blocks.IntegerBlock(
        min_value=1, max_value=20, default=5, label=_("maximum size (MB)")
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("File upload")
        description = _("A file, stored privately and shown only to people allowed to see it.")


class HeadingBlock(blocks.StructBlock):
    """Explanatory text between fields; asks nothing."""

    heading = blocks.CharBlock(max_length=255, required=False, label=_("heading"))
    text = blocks.TextBlock(required=False, label=_("text"))
    condition = ConditionBlock(required=False)

    class Meta:
        icon = "title"
        label = _("Heading or explanation")
        description = _("A heading or a short explanation; asks nothing.")
        template = "forms_app/blocks/heading_preview.html"
        preview_value = {"heading": "About the person"}


class GroupBlock(FieldBlock):
    """Rows of sub-fields, such as the steps of a plan (task, responsible, due date)."""

    min_rows = blocks.IntegerBlock(required=False, min_value=0, default=0, label=_("minimum rows"))
    max_rows = blocks.IntegerBlock(required=False, min_value=1, default=20, label=_("maximum rows"))

    class Meta:
        icon = "table"
        label = _("Repeatable group")
        description = _("A table of rows with the same sub-fields, e.g. the steps of a plan.")


class StepBlock(blocks.StructBlock):
    """One page of the wizard; its ``fields`` child is added by :func:`build_steps_block`."""

    title = blocks.CharBlock(max_length=255, label=_("title"))
    key = StructureCharBlock(
        max_length=50,
        required=False,
        validators=[KEY_VALIDATOR],
        label=_("key"),
        help_text=_("Made from the title when left empty; unique within the form."),
    )
    intro = blocks.TextBlock(required=False, label=_("introduction"))
    condition = ConditionBlock(required=False)

    class Meta:
        icon = "form"
        label = _("Step")
        description = _("One page of the form with a title, an introduction and fields.")
        template = "forms_app/blocks/step_preview.html"
        preview_value = {"key": "about", "title": "About you"}


def build_steps_block() -> blocks.StreamBlock:
    """The steps StreamBlock with every registered field type (built after apps are ready)."""
    from copy import deepcopy

    from .registry import field_types

    types = field_types()
    row_blocks = [(name, deepcopy(ft.block)) for name, ft in types.items() if ft.groupable]
    children = []
    for name, field_type in types.items():
        block = field_type.block
        if field_type.is_group:
            block = type(block)([("fields", blocks.StreamBlock(row_blocks, label=_("columns")))])
            block.set_name(name)
        children.append((name, block))
    step = StepBlock([("fields", blocks.StreamBlock(children, required=False, label=_("fields")))])
    return StepsBlock([("step", step)])


class StepsBlock(blocks.StreamBlock):
    """A form's steps: blank keys and choice values are made from the labels on every save
    (the form works without the editor's JavaScript, and for imported definitions), then the
    checks that need the whole form mark the blocks they concern."""

    def clean(self, value):
        from .keys import fill_missing_keys
        from .structure_checks import structure_error

        fill_missing_keys(value)
        cleaned = super().clean(value)
        error = structure_error(cleaned)
        if error is not None:
            raise error
        return cleaned
