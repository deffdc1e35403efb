"""The themes Cities of Migration groups good ideas by: Work, Live, Learn, Connect, Plan."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Theme(models.Model):
    """A theme with its German and English name, so one set serves both page trees."""

    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name_de = models.CharField(_("German name"), max_length=80)
    name_en = models.CharField(_("English name"), max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("name_de"), FieldPanel("name_en")]),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "slug"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the language of the current request."""
        if (get_language() or "de").startswith("en"):
            return self.name_en or self.name_de
        return self.name_de
