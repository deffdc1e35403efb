"""The themes Cities of Migration groups good ideas by: Work, Live, Learn, Connect, Plan."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from wagtail_localize.fields import SynchronizedField, TranslatableField

from website.localization import TranslatableQuerySet


class Theme(TranslatableMixin, models.Model):
    """A theme, translatable like every snippet: pages point at the source-language row (the
    slug is shared by all translations) and show the name of their own language."""

    slug = models.SlugField(_("slug"), max_length=40)
    name = models.CharField(_("name"), max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = TranslatableQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "slug"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The name in the active language (annotated by ``with_localized`` in listings)."""
        annotated = getattr(self, "localized_name", None)
        return annotated if annotated is not None else self.localized.name
