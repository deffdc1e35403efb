"""Demo forms: the staff-only intake wizard and a public contact form, imported from
``fixtures/forms/`` in the portable definition format (idempotent, keyed by slug), and their
language versions made through wagtail-localize from ``<fixture>.translations.json`` (source
text -> translation, per language, the way a translator fills the translation editor)."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group

from wagtail.models import Locale, Page, PageViewRestriction

from .definition import import_definition
from .models import WizardFormPage
from .translation import translate_page

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "forms"
# The project's staff roles (group names; forms_app imports nothing of the project).
STAFF_GROUPS = ["Case managers", "Partner caseworkers", "Programme administrators"]
DEMO_FORMS = [
    ("erstgespraech", "intake-wizard", STAFF_GROUPS),
    ("kontakt", "contact-form", []),
]


def german_home() -> Page:
    return Page.objects.get(depth=2, locale=Locale.objects.get(language_code="de"))


def load_form(slug: str, fixture: str, groups: list[str]) -> WizardFormPage:
    home = german_home()
    page = WizardFormPage.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        text = (FIXTURES / f"{fixture}.json").read_text(encoding="utf-8")
        page = import_definition(text, home)
        page.save_revision().publish()
    if not page.share_definition:  # other cities may download the intake's structure
        page.share_definition = True
        page.save(update_fields=["share_definition"])
    restrict(page, groups)
    return page


def restrict(page: Page, groups: list[str]) -> None:
    if groups and not PageViewRestriction.objects.filter(page=page).exists():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=groups))


def is_synced(page: WizardFormPage, locale: Locale) -> bool:
    """Whether wagtail-localize already keeps a translation of ``page`` in ``locale``."""
    from wagtail_localize.models import Translation

    return (
        page.get_translation_or_none(locale) is not None
        and Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=locale
        ).exists()
    )


def load_translations(page: WizardFormPage, fixture: str, groups: list[str]) -> None:
    path = FIXTURES / f"{fixture}.translations.json"
    for language_code, texts in json.loads(path.read_text(encoding="utf-8")).items():
        locale, _created = Locale.objects.get_or_create(language_code=language_code)
        if not is_synced(page, locale):
            translate_page(page, locale, texts)
        translation = page.get_translation_or_none(locale)
        if translation is not None:
            restrict(translation, groups)


def load(command) -> None:
    for slug, fixture, groups in DEMO_FORMS:
        load_translations(load_form(slug, fixture, groups), fixture, groups)
    command.stdout.write("Demo forms (intake wizard, contact form; de, en, ar) are in place.")
