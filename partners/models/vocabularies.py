"""The editable lists a partner is described with: services, cities, target groups, languages.

Each entry carries its German and English name side by side, so one row serves both sites and a
spreadsheet can name it in either language or by its slug.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.search import index


class VocabularyQuerySet(models.QuerySet):
    def named(self, value: str) -> "VocabularyQuerySet":
        """Entries whose slug, German or English name is ``value`` (case-insensitive)."""
        value = value.strip()
        return self.filter(
            models.Q(slug__iexact=value)
            | models.Q(name_de__iexact=value)
            | models.Q(name_en__iexact=value)
        )


class Vocabulary(index.Indexed, models.Model):
    name_de = models.CharField(_("name (German)"), max_length=120, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("Stable key used in spreadsheets and in the directory's filter links."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    objects = VocabularyQuerySet.as_manager()

    search_fields = [
        index.SearchField("name_de"),
        index.SearchField("name_en"),
        index.AutocompleteField("name_de"),
        index.AutocompleteField("name_en"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name_de"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language; German when English is missing."""
        if (get_language() or "de").startswith("en") and self.name_en:
            return self.name_en
        return self.name_de


class Service(Vocabulary):
    """Something a partner does for participants, e.g. job coaching or qualification."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")


class City(Vocabulary):
    """A city a partner serves (Wuppertal, Solingen, Remscheid, and any city that joins)."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("city")
        verbose_name_plural = _("cities")


class TargetGroup(Vocabulary):
    """A group of people a partner's offers are meant for, e.g. women or young people."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Language(Vocabulary):
    """A language a partner's staff can advise in."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")
