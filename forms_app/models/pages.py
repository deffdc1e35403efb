"""The form page: a wizard whose steps and fields an administrator builds in the page editor."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..action_panels import action_panels
from ..builder import (
    AudiencePanel,
    ConfirmAnswerLossPanel,
    StepsPanel,
    WizardFormPageForm,
)
from ..fields import StepsField
from ..forms import build_specs


class RetentionAction(models.TextChoices):
    ANONYMISE = "anonymise", _("anonymise (keep the count, erase answers and files)")
    DELETE = "delete", _("delete")


class WizardFormPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    steps = StepsField(blank=True, verbose_name=_("steps"))
    thank_you_text = models.TextField(
        _("thank-you text"), blank=True, help_text=_("Shown after the form was submitted.")
    )
    notify_emails = models.CharField(
        _("notify by e-mail"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Addresses (comma-separated) told about each new submission; the mail holds only a "
            "link to the submission, never its answers."
        ),
    )
    share_definition = models.BooleanField(
        _("share the definition publicly"),
        default=False,
        help_text=_(
            "Lets anyone (e.g. another city) download this form's structure - steps, fields, "
            "conditions - as a JSON file, even when the form itself is for staff only. Answers "
            "and notification addresses are never part of it."
        ),
    )

    # -- submission action (forms_app.actions): one per form, fields mapped to its attributes --
    submission_action = models.CharField(
        _("action after submitting"),
        max_length=100,
        blank=True,
        help_text=_("What happens with each submission besides being stored, e.g. open a case."),
    )
    action_mapping = models.JSONField(
        _("fields for the action"),
        default=dict,
        blank=True,
        help_text=_("Which of this form's fields gives which value the action needs."),
    )
    # -- end of submission action --

    # Where forms may be created: the project says (app_label.ModelName); anywhere by default.
    parent_page_types = getattr(settings, "FORMS_APP_PARENT_PAGE_TYPES", None)

    # --- Retention of submissions (data protection; applied by ``manage.py apply_form_retention``)
    retention_months = models.PositiveSmallIntegerField(
        _("keep submissions for (months)"),
        null=True,
        blank=True,
        help_text=_(
            "After this many months a submission is anonymised or deleted. Leave empty to keep "
            "submissions until someone deletes them."
        ),
    )
    retention_action = models.CharField(
        _("after that"),
        max_length=20,
        choices=RetentionAction.choices,
        default=RetentionAction.ANONYMISE,
    )
    retention_panels = [
        MultiFieldPanel(
            [FieldPanel("retention_months"), FieldPanel("retention_action")],
            heading=_("Retention of submissions"),
        )
    ]
    settings_panels = [*Page.settings_panels, *retention_panels]
    # --- end of retention

    subpage_types: list[str] = []
    base_form_class = WizardFormPageForm
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [AudiencePanel("audience"), AudiencePanel("audience_groups")],
            heading=_("Who may fill this form"),
        ),
        FieldPanel("intro"),
        StepsPanel("steps"),
        ConfirmAnswerLossPanel("confirm_answer_loss"),
        MultiFieldPanel(
            [FieldPanel("thank_you_text"), FieldPanel("notify_emails")],
            heading=_("After submitting"),
        ),
        FieldPanel("share_definition"),
        MultiFieldPanel(action_panels(), heading=_("Action after submitting")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("definition")]
    # What translators translate (the steps' texts only: see forms_app.translation); the
    # notification addresses and sharing are the source's in every language.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("steps"),
        TranslatableField("thank_you_text"),
        SynchronizedField("show_in_menus"),
        SynchronizedField("notify_emails"),
        SynchronizedField("share_definition"),
        SynchronizedField("submission_action"),
        SynchronizedField("action_mapping"),
        SynchronizedField("retention_months"),
        SynchronizedField("retention_action"),
    ]

    class Meta:
        verbose_name = _("wizard form")
        verbose_name_plural = _("wizard forms")

    @property
    def definition(self) -> dict:
        """The portable definition (steps and fields) as JSON-ready data."""
        from ..definition import export_definition

        return export_definition(self)

    def source_form(self) -> "WizardFormPage":
        """The language version whose structure the others follow; it names the submissions
        list, which holds the submissions of every language version."""
        from ..translation import structure_source

        source = structure_source(self)
        if source is None:
            return self
        return type(self).objects.filter(pk=source.pk).first() or self

    def form_specs(self):
        return build_specs(self.steps)

    def notification_addresses(self) -> list[str]:
        return [item.strip() for item in self.notify_emails.split(",") if item.strip()]

    def clean(self) -> None:
        super().clean()
        from ..definition import definition_errors
        from ..translation import structure_errors

        errors = definition_errors(self.form_specs()) + structure_errors(self)
        errors += self.action_errors()
        for address in self.notification_addresses():
            try:
                validate_email(address)
            except ValidationError:
                errors.append(_("“%(address)s” is not an e-mail address.") % {"address": address})
        if errors:
            raise ValidationError(errors)

    def get_default_privacy_setting(self, request) -> dict:
        """A new form is for staff only (signed-in users) until someone opens it to everyone:
        a form published without looking at its privacy is never public by accident."""
        return {"type": PageViewRestriction.LOGIN}

    def action_errors(self) -> list[str]:
        from ..action_panels import mappable_fields
        from ..actions import mapping_errors

        fields = dict(mappable_fields(self))
        return mapping_errors(self.submission_action, self.action_mapping, fields)

    def is_public_form(self) -> bool:
        """True unless page privacy restricts the form or a page above it (then it needs no
        spam protection). One query: restrictions on the page's own path and its ancestors'."""
        steps = range(self.steplen, len(self.path) + 1, self.steplen)
        paths = [self.path[:length] for length in steps]
        return not PageViewRestriction.objects.filter(page__path__in=paths).exists()

    @path("")
    def wizard(self, request):
        from ..wizard import serve_wizard

        return serve_wizard(self, request)

    @path("drafts/")
    def draft_list(self, request):
        from ..drafts import draft_list

        return draft_list(self, request)

    @path("drafts/<int:draft_id>/")
    def draft_resume(self, request, draft_id: int):
        from ..drafts import resume_draft

        return resume_draft(self, request, draft_id)

    @path("drafts/<int:draft_id>/delete/")
    def draft_delete(self, request, draft_id: int):
        from ..drafts import delete_draft

        return delete_draft(self, request, draft_id)

    @path("done/")
    def done(self, request):
        return self.render(request, template="forms_app/wizard_done.html")
