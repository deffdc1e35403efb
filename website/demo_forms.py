"""Demo forms: the intake wizard for case managers and a public contact form, imported from
``fixtures/forms/`` in the portable definition format (idempotent, keyed by slug), and their
language versions made through wagtail-localize from ``<fixture>.translations.json`` (source
text -> translation, per language, the way a translator fills the translation editor).

The programme's content, so it lives here and not in the generic form engine: the intake is set
to casework's "Open or update a case" action, its answers mapped to the case's attributes."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group

from wagtail.models import Locale, Page, PageViewRestriction

from forms_app.definition import import_definition
from forms_app.models import WizardFormPage
from forms_app.translation import translate_page

from .roles import CASE_MANAGERS, PROGRAMME_ADMINISTRATORS

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "forms"
# Case managers fill the intake (it opens a case); administrators see the form they configure.
INTAKE_GROUPS = [CASE_MANAGERS, PROGRAMME_ADMINISTRATORS]
DEMO_FORMS = [
    ("erstgespraech", "intake-wizard", INTAKE_GROUPS),
    # The intake's plan and transfer steps as forms of their own, for other cities to take.
    ("foerderplan", "support-plan", INTAKE_GROUPS),
    ("uebermittlungsbogen", "transfer-form", INTAKE_GROUPS),
    ("kontakt", "contact-form", []),
]
# The intake opens a case (casework's action): which answer gives which case attribute.
INTAKE_ACTION = "casework.case"
INTAKE_MAPPING = {
    "first_name": "first_name",
    "last_name": "last_name",
    "date_of_birth": "date_of_birth",
    "gender": "gender",
    "nationality": "nationality",
    "languages": "languages",
    "residence_status": "residence_status",
    "city": "city",
}


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
    if slug == "erstgespraech":
        set_intake_action(page)
    restrict(page, groups)
    return page


def set_intake_action(page: WizardFormPage) -> None:
    """Set the intake to open a case, published like an administrator would (once). An intake
    from before the form asked for the person's name is left as it is."""
    if page.submission_action == INTAKE_ACTION and page.action_mapping == INTAKE_MAPPING:
        return
    keys = {item.key for spec in page.form_specs() for item in spec.inputs}
    if not set(INTAKE_MAPPING.values()) <= keys:
        return
    page.submission_action, page.action_mapping = INTAKE_ACTION, INTAKE_MAPPING
    page.save_revision().publish()


def restrict(page: Page, groups: list[str]) -> None:
    if not groups:
        return
    existing = PageViewRestriction.objects.filter(page=page).first()
    if existing is not None:
        existing.groups.set(Group.objects.filter(name__in=groups))
    else:
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


def load_forms() -> None:
    for slug, fixture, groups in DEMO_FORMS:
        load_translations(load_form(slug, fixture, groups), fixture, groups)
