"""Demo content of the knowledge base in German and English: the model documentation, good
practice from Wuppertal and London, and the 2013 webinar. Idempotent: pages are found by slug
and left alone once they exist."""

from datetime import date

from wagtail.models import Locale, Page

from website.models import HomePage

from .demo_content import INDEX, MODEL
from .demo_practice import LONDON, WEBINAR, WUPPERTAL
from .models import (
    GoodPracticeContact,
    GoodPracticeOrganisation,
    GoodPracticePage,
    KnowledgeIndexPage,
    ModelDocumentationPage,
    ModelNetworkPartner,
    NewsKind,
    NewsPage,
    Theme,
)

NETWORK_PARTNER_SLUGS = [
    "stadt-wuppertal-zuwanderung-integration",
    "diakonie-wuppertal-migrationsdienste",
    "gesa-ggmbh",
    "skf-wuppertal",
]


def _partners_by_slug(slugs: list[str]) -> dict:
    from partners.models import PartnerOrganisation

    sources = PartnerOrganisation.objects.filter(slug__in=slugs, locale=Locale.get_default())
    return {p.slug: p for p in sources}


def _create(parent: Page, page: Page, themes: list[str] = ()) -> Page:
    """Add ``page`` under ``parent`` and publish it, unless a page with its slug is there."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    if themes:
        page.themes = list(Theme.objects.filter(slug__in=themes, locale=Locale.get_default()))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _translate(page: Page, locale: Locale, fields: dict) -> Page:
    """Publish a translation of ``page`` with ``fields``, unless there is one already."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def _model_documentation(content: dict) -> ModelDocumentationPage:
    return ModelDocumentationPage(
        date=date(2013, 8, 31),
        city=content.get("city", "Wuppertal"),
        **_documentation_fields(content),
    )


# The demo's shared forms, in the order of the model documentation's "forms used".
FORM_SLUGS = ["erstgespraech", "foerderplan", "uebermittlungsbogen"]


def _form_pages() -> list[Page | None]:
    """The form pages the forms demo made, found by slug (this app does not import the form
    engine); the page links its own printable form and definition in every language."""
    pages = {
        page.slug: page
        for page in Page.objects.filter(depth=3, slug__in=FORM_SLUGS, locale__language_code="de")
    }
    return [pages.get(slug) for slug in FORM_SLUGS]


def _documentation_fields(content: dict) -> dict:
    fields = {
        key: content[key]
        for key in ("title", "slug", "standfirst", "country", "problem", "network")
        if key in content
    }
    fields["process"] = content["process"]
    fields["results"] = content["results"]
    fields["getting_started"] = content["getting_started"]
    fields["forms_used"] = [
        {
            "type": "form",
            "value": {"title": title, "purpose": purpose, "page": page and page.pk, "url": ""},
        }
        for (title, purpose), page in zip(content["forms"], _form_pages(), strict=True)
    ]
    return fields


def _good_practice(content: dict, when: date) -> GoodPracticePage:
    fields = {k: v for k, v in content.items() if k not in ("organisations", "contact_office")}
    page = GoodPracticePage(date=when, **fields)
    partners = _partners_by_slug([slug for _role, slug, _name in content["organisations"]])
    page.organisations = [
        GoodPracticeOrganisation(role=role, partner=partners[slug])
        if slug in partners
        else GoodPracticeOrganisation(role=role, name=name)
        for role, slug, name in content["organisations"]
    ]
    page.contacts = [GoodPracticeContact(office=content["contact_office"])]
    return page


def _translated_good_practice(content: dict) -> dict:
    fields = {k: v for k, v in content.items() if k != "contact_office"}
    return {**fields, "contacts": [GoodPracticeContact(office=content["contact_office"])]}


def load(command) -> None:
    german_home = HomePage.objects.get(locale__language_code="de", depth=2)
    english = Locale.objects.get(language_code="en")

    index = _create(german_home, KnowledgeIndexPage(**INDEX["de"], show_in_menus=True))
    _translate(index, english, INDEX["en"])

    model = _model_documentation(MODEL["de"])
    partners = _partners_by_slug(NETWORK_PARTNER_SLUGS)
    model.network_partners = [
        ModelNetworkPartner(partner=partners[slug])
        for slug in NETWORK_PARTNER_SLUGS
        if slug in partners
    ]
    model = _create(index, model, themes=["work", "plan"])
    _translate(model, english, _documentation_fields(MODEL["en"]))

    wuppertal = _create(
        index, _good_practice(WUPPERTAL["de"], date(2013, 8, 31)), themes=["work", "connect"]
    )
    _translate(wuppertal, english, _translated_good_practice(WUPPERTAL["en"]))

    london = _create(index, _good_practice(LONDON["de"], date(2013, 6, 1)), themes=["work"])
    _translate(london, english, _translated_good_practice(LONDON["en"]))

    webinar = _create(
        index,
        NewsPage(kind=NewsKind.EVENT, date=date(2013, 6, 1), **WEBINAR["de"]),
        themes=["work", "connect"],
    )
    _translate(webinar, english, WEBINAR["en"])
    command.stdout.write("Knowledge base (de, en): model documentation, good practice, webinar.")
