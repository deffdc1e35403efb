"""Demo forms: the staff-only intake wizard and a public contact form, imported from
``fixtures/forms/`` in the portable definition format (idempotent, keyed by slug)."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group

from wagtail.models import Locale, Page, PageViewRestriction

from website import roles

from .definition import import_definition
from .models import WizardFormPage

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "forms"
STAFF_GROUPS = [roles.CASE_MANAGERS, roles.PARTNER_CASEWORKERS, roles.PROGRAMME_ADMINISTRATORS]
DEMO_FORMS = [
    ("erstgespraech", "intake-wizard.json", STAFF_GROUPS),
    ("kontakt", "contact-form.json", []),
]
# The English pages share the German page's steps; their labels switch by language.
ENGLISH = {
    "erstgespraech": {"title": "Intake interview", "slug": "intake"},
    "kontakt": {"title": "Contact", "slug": "contact"},
}


def german_home() -> Page:
    return Page.objects.get(depth=2, locale=Locale.objects.get(language_code="de"))


def load_form(slug: str, fixture: str, groups: list[str]) -> WizardFormPage:
    home = german_home()
    page = WizardFormPage.objects.child_of(home).filter(slug=slug).first()
    if page is None:
        page = import_definition((FIXTURES / fixture).read_text(encoding="utf-8"), home)
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


def load_translation(page: WizardFormPage, groups: list[str]) -> WizardFormPage:
    english = Locale.objects.get(language_code="en")
    translation = page.get_translation_or_none(english)
    if translation is None:
        translation = page.copy_for_translation(english)
        translation.title = ENGLISH[page.slug]["title"]
        translation.slug = ENGLISH[page.slug]["slug"]
        translation.save_revision().publish()
    restrict(translation, groups)
    return translation.specific


def load(command) -> None:
    for slug, fixture, groups in DEMO_FORMS:
        load_translation(load_form(slug, fixture, groups), groups)
    command.stdout.write("Demo forms (intake wizard, contact form) are in place.")
