"""The form page's editor form: who may fill the form, and what happens to existing answers.

"Who may fill this form" is not stored on the page: it reads and writes the page's
``PageViewRestriction``, the same record Wagtail's privacy dialog edits, so both always agree.
It is applied when the page is saved and before it is published (``wagtail_hooks``), and a new
form starts as staff only (``WizardFormPage.get_default_privacy_setting``), so a form published
without looking at the setting is never public by accident.

Keys of fields that hold answers, and the stored values of their options, are fixed (renaming
one would orphan its answers): the editor shows them read-only and a changed one is refused on
save. Deleting such a field or changing its type asks in the editor and needs a ticked
confirmation on publish that names the fields and how many answers each holds.
"""

import json

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import PageViewRestriction

from .structure_checks import as_block_error


class Audience:
    EVERYONE = "everyone"
    STAFF = "staff"
    GROUPS = "groups"
    PASSWORD = "password"  # noqa: S105  (a restriction type, not a secret) only when set in Wagtail's privacy dialog; kept as it is
    CHOICES = [
        (EVERYONE, gettext_lazy("Everyone (public, also without an account)")),
        (STAFF, gettext_lazy("Staff only (everyone who is signed in)")),
        (GROUPS, gettext_lazy("Only the chosen groups")),
    ]
    RESTRICTION = {
        STAFF: PageViewRestriction.LOGIN,
        GROUPS: PageViewRestriction.GROUPS,
        PASSWORD: PageViewRestriction.PASSWORD,
    }
    LABELS = {
        EVERYONE: gettext_lazy("Public"),
        STAFF: gettext_lazy("Staff only"),
        GROUPS: gettext_lazy("Chosen groups"),
        PASSWORD: gettext_lazy("Password"),
    }


def audience_of(restriction: PageViewRestriction | None) -> str:
    if restriction is None:
        return Audience.EVERYONE
    for audience, restriction_type in Audience.RESTRICTION.items():
        if restriction.restriction_type == restriction_type:
            return audience
    return Audience.STAFF


def apply_audience(page, audience: str, groups) -> None:
    """Make the view restriction of the form and of its language versions say ``audience`` (the
    groups for "chosen groups"): who may fill a form is one setting, whatever the language."""
    if audience == Audience.PASSWORD:
        return
    for version in [page, *page.get_translations()]:
        restriction = PageViewRestriction.objects.filter(page=version).first()
        if audience == Audience.EVERYONE:
            if restriction is not None:
                restriction.delete()
            continue
        if restriction is None:
            restriction = PageViewRestriction(page=version)
        restriction.restriction_type = Audience.RESTRICTION[audience]
        restriction.password = ""
        restriction.save()
        restriction.groups.set(groups if audience == Audience.GROUPS else [])


def answer_counts(page, keys) -> dict[str, int]:
    """How many submissions of the form (all its languages) hold an answer for each key: one
    query however many keys."""
    from .models import FormSubmission

    keys = sorted(set(keys))
    if not keys or page.pk is None:
        return {}
    counts = FormSubmission.objects.for_page(page).aggregate(
        **{f"k{n}": Count("pk", filter=Q(answers__has_key=key)) for n, key in enumerate(keys)}
    )
    return {key: counts[f"k{n}"] for n, key in enumerate(keys) if counts[f"k{n}"]}


def field_blocks(steps) -> list[tuple[int, int, object]]:
    """(step index, field index, child) of every field with a key."""
    return [
        (i, j, child)
        for i, step in enumerate(steps)
        for j, child in enumerate(step.value["fields"])
        if "key" in child.block.child_blocks
    ]


def option_values(field_value) -> dict[str, str]:
    """{option block id: stored value} of a choice field's options (empty for other fields)."""
    options = field_value.get("choices")
    if options is None:
        return {}
    return {option.id: option.value.get("value") for option in options.bound_blocks if option.id}


def changed_option_values(old, new, count: int) -> ListBlockValidationError | None:
    """The options of ``new`` (a field holding ``count`` answers) whose stored value differs from
    the same option (same block id) in ``old``, as errors on their value inputs."""
    before = option_values(old.value)
    options = new.value.get("choices")
    if not before or options is None:
        return None
    errors = {}
    for index, option in enumerate(options.bound_blocks):
        was = before.get(option.id)
        if was and option.value.get("value") != was:
            message = _(
                "%(count)s submissions hold answers to this field, so the stored value "
                "“%(value)s” cannot change; change the option's label instead."
            ) % {"count": count, "value": was}
            errors[index] = StructBlockValidationError(
                block_errors={"value": ValidationError([message])}
            )
    return ListBlockValidationError(block_errors=errors) if errors else None


class WizardFormPageForm(WagtailAdminPageForm):
    audience = forms.ChoiceField(
        label=gettext_lazy("Who may fill this form"),
        choices=Audience.CHOICES,
        widget=forms.RadioSelect,
        required=False,  # not posted (e.g. disabled): the privacy stays as it is
        help_text=gettext_lazy(
            "The same setting as the page's privacy; it applies as soon as you save or publish."
        ),
    )
    audience_groups = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Groups who may fill this form"),
        queryset=Group.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Only for “Only the chosen groups”."),
    )
    confirm_answer_loss = forms.BooleanField(
        label=gettext_lazy(
            "I understand: answers already given to these fields stay stored, but the form no "
            "longer asks for them or shows them as before."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        restriction = (
            PageViewRestriction.objects.filter(page=page).first() if page.pk is not None else None
        )
        if page.pk is None:
            default = page.get_default_privacy_setting(None)
            initial = audience_of(PageViewRestriction(restriction_type=default["type"]))
            groups = default.get("groups", [])
        else:
            initial = audience_of(restriction)
            groups = list(restriction.groups.all()) if restriction else []
        if initial == Audience.PASSWORD:
            self.fields["audience"].choices = [
                *Audience.CHOICES,
                (Audience.PASSWORD, _("With a password (set under the page's privacy)")),
            ]
        self.fields["audience"].initial = initial
        self.fields["audience_groups"].initial = groups
        if not self.may_set_audience():
            self.fields["audience"].disabled = True
            self.fields["audience_groups"].disabled = True
        self.counts = answer_counts(page, self.stored_keys()) if page.pk is not None else {}

    def may_set_audience(self) -> bool:
        user = self.for_user
        if user is None:
            return False
        if self.instance.pk is not None:
            return self.instance.permissions_for_user(user).can_set_view_restrictions()
        parent = self.parent_page
        return parent is not None and parent.permissions_for_user(user).can_publish_subpage()

    def stored_page(self):
        if not hasattr(self, "_stored_page"):
            model = type(self.instance)
            self._stored_page = model.objects.filter(pk=self.instance.pk).first()
        return self._stored_page

    def stored_keys(self) -> list[str]:
        stored = self.stored_page()
        return (
            [child.value["key"] for _i, _j, child in field_blocks(stored.steps)] if stored else []
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("audience") == Audience.GROUPS and not cleaned.get("audience_groups"):
            self.add_error("audience_groups", _("Choose at least one group."))
        steps = cleaned.get("steps")
        if steps is not None and self.counts:
            self.check_answered_fields(steps)
        return cleaned

    def check_answered_fields(self, steps) -> None:
        stored = self.stored_page()
        before = {child.id: child for _i, _j, child in field_blocks(stored.steps)}
        after = field_blocks(steps)
        renamed: dict = {}
        for i, j, child in after:
            old = before.get(child.id)
            if old is None or old.value["key"] not in self.counts:
                continue
            count = self.counts[old.value["key"]]
            if child.value["key"] != old.value["key"]:
                message = _(
                    "%(count)s submissions hold answers under the key “%(key)s”, so it cannot "
                    "change; change the label instead."
                ) % {"count": count, "key": old.value["key"]}
                renamed.setdefault(i, {}).setdefault("fields", {}).setdefault(j, {})["key"] = [
                    message
                ]
            if old.block_type == child.block_type:
                options = changed_option_values(old, child, count)
                if options is not None:
                    renamed.setdefault(i, {}).setdefault("fields", {}).setdefault(j, {})[
                        "choices"
                    ] = options
        if renamed:
            self.add_error("steps", as_block_error(renamed))
            return
        new_types = {child.value["key"]: child.block_type for _i, _j, child in after}
        affected = []
        for old in before.values():
            key = old.value["key"]
            if key not in self.counts:
                continue
            if key not in new_types:
                reason = _("removed")
            elif new_types[key] != old.block_type:
                reason = _("type changed")
            else:
                continue
            affected.append(
                _("“%(label)s” (%(reason)s): %(count)s answers")
                % {
                    "label": old.value.get("label") or key,
                    "reason": reason,
                    "count": self.counts[key],
                }
            )
        publishing = "action-publish" in self.data
        if affected and publishing and not self.cleaned_data.get("confirm_answer_loss"):
            self.add_error(
                "confirm_answer_loss",
                _("These fields hold answers: %(fields)s. Tick the box to publish anyway.")
                % {"fields": "; ".join(affected)},
            )

    def save(self, commit=True):
        if (
            self.cleaned_data.get("audience")
            and self.may_set_audience()
            and (
                self.instance.pk is None
                or "audience" in self.changed_data
                or "audience_groups" in self.changed_data
            )
        ):
            self.instance._forms_app_audience = (
                self.cleaned_data["audience"],
                list(self.cleaned_data.get("audience_groups") or []),
            )
        return super().save(commit=commit)


class StepsPanel(FieldPanel):
    """The steps, wrapped with what the editor's builder script needs: the answers each key
    holds (those keys are fixed) and its texts in the user's language."""

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "forms_app/builder/steps_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            counts = getattr(self.form, "counts", {})
            context["answer_counts_json"] = json.dumps(counts)
            context["fixed_values_json"] = json.dumps(self.fixed_values(counts))
            return context

        def fixed_values(self, counts) -> dict[str, list[str]]:
            """The stored option values of each field that holds answers (read-only in the
            editor; the published form's, as the server compares with those)."""
            if not counts:
                return {}
            stored = self.form.stored_page()
            fixed = {}
            for _i, _j, child in field_blocks(stored.steps):
                values = [value for value in option_values(child.value).values() if value]
                if child.value["key"] in counts and values:
                    fixed[child.value["key"]] = values
            return fixed


class AudiencePanel(FieldPanel):
    """Shown only to those who may change a page's privacy; others see nothing to change."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return super().is_shown() and not self.bound_field.field.disabled


class ConfirmAnswerLossPanel(FieldPanel):
    """The "I understand" box, shown only once the form holds answers."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return super().is_shown() and bool(getattr(self.form, "counts", None))
