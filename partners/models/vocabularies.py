"""The editable lists a partner is described with: services, cities, target groups, languages.

Each entry is a translatable snippet: one row per language, grouped by ``translation_key``. The
slug is the stable key shared by every translation (spreadsheets, filter links); partners point
at the source-language row and show the name of the visitor's language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index

from wagtail_localize.fields import SynchronizedField, TranslatableField

from website.localization import TranslatableQuerySet


class VocabularyQuerySet(TranslatableQuerySet):
    def named(self, value: str) -> "VocabularyQuerySet":
        """Source-language entries whose slug or name in any language is ``value``
        (case-insensitive)."""
        value = value.strip()
        keys = self.filter(models.Q(slug__iexact=value) | models.Q(name__iexact=value)).values(
            "translation_key"
        )
        return self.filter(translation_key__in=keys, locale=Locale.get_default())


class Vocabulary(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("Stable key used in spreadsheets and in the directory's filter links."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_(
            "Other names a spreadsheet import accepts for this entry, one per line "
            "(e.g. “Farsi” for “Persisch (Farsi)”)."
        ),
    )

    objects = VocabularyQuerySet.as_manager()

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("sort_order", overridable=False),
        SynchronizedField("synonyms", overridable=False),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale"), ("name", "locale")]

    def __str__(self) -> str:
        return self.name

    def synonym_list(self) -> list[str]:
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]

    def add_synonym(self, synonym: str) -> None:
        """Remember ``synonym`` as another name of this entry (imports accept it from now on)."""
        synonym = " ".join(synonym.split())
        known = {name.casefold() for name in [self.name, self.slug, *self.synonym_list()]}
        if synonym and synonym.casefold() not in known:
            self.synonyms = "\n".join([*self.synonym_list(), synonym])
            self.save(update_fields=["synonyms"])

    @property
    def label(self) -> str:
        """The name in the active language (annotated by ``with_localized`` in listings)."""
        annotated = getattr(self, "localized_name", None)
        return annotated if annotated is not None else self.localized.name


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
