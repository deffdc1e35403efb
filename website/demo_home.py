"""The demo home pages' blocks, the legal pages, the site identity and the main menu.

Runs after every app's demo (``load_demo`` calls it last), because the entry points link pages
those demos create. It looks them up by model name or slug, never by import, so a missing app
only means a missing card. Idempotent: a page is published again only when its content changes.
"""

import json
import re

from django.apps import apps
from django.db.models import Model

from wagtail.models import Locale, Page, Site

from .demo_legal import IMPRINT, PRIVACY
from .models import ContentPage, HomePage
from .sanitise import clean_rich_text
from .site_settings import SiteIdentity

# The sections, each found by (app label, model name) or by slug; the results page comes from
# the dashboards app once it has one.
SECTIONS = {
    "model": {"model": ("knowledge", "ModelDocumentationPage")},
    "results": {"model": ("dashboards", "DashboardPage"), "slugs": ["ergebnisse", "results"]},
    "directory": {"model": ("partners", "PartnerDirectoryPage")},
    "practice": {"model": ("knowledge", "KnowledgeIndexPage")},
    "contact": {"slugs": ["kontakt"]},
}
IN_MENU = ["directory", "practice", "results", "contact"]  # the children of the home page

FIGURES = {
    "de": {
        "heading": "Das Wuppertaler Netzwerk in Zahlen",
        "figures": [
            ("1.042", "Teilnehmende", "448 Frauen, 594 Männer"),
            ("338", "junge Menschen unter 25", ""),
            ("498", "Vermittlungen in Arbeit oder Ausbildung", ""),
        ],
        "source": "Netzwerk Partizipation Wuppertal, Stand 31. August 2013.",
    },
    "en": {
        "heading": "The Wuppertal network in figures",
        "figures": [
            ("1,042", "participants", "448 women, 594 men"),
            ("338", "young people under 25", ""),
            ("498", "placements into work or vocational training", ""),
        ],
        "source": "Netzwerk Partizipation Wuppertal, as of 31 August 2013.",
    },
}

CARDS = {
    "de": {
        "heading": "Was Sie hier finden",
        "model": ("Das Modell", "Wie Fallmanagement und Partner zusammenarbeiten, zum Nachnutzen."),
        "results": ("Ergebnisse", "Zusammengefasste Zahlen aus der Fallarbeit, ohne Einzelfälle."),
        "directory": ("Partnerverzeichnis", "Träger, Angebote und Ansprechpersonen."),
        "practice": ("Gute Praxis", "Erfahrungen aus Wuppertal, London und anderen Städten."),
        "contact": ("Kontakt", "Fragen zum Netzwerk oder zur Übernahme des Modells?"),
    },
    "en": {
        "heading": "What you find here",
        "model": ("The model", "How case management and partners work together, to reuse."),
        "results": ("Results", "Aggregated figures from the casework, no individual cases."),
        "directory": ("Partner directory", "Organisations, services and contact people."),
        "practice": ("Good practice", "Experience from Wuppertal, London and other cities."),
        "contact": ("Contact", "Questions about the network or taking on the model?"),
    },
}

INTRO = {
    "de": (
        "<h2>Worum es geht</h2><p>Fallmanagement der Stadt, Jobcoaching, Qualifizierung und "
        "Aktivierung arbeiten Hand in Hand: vom Erstgespräch über den Förderplan und die "
        "Übermittlung an einen Netzwerkpartner bis zur Vermittlung in Arbeit oder Ausbildung.</p>"
    ),
    "en": (
        "<h2>What it is about</h2><p>The city's case management, job coaching, qualification "
        "and activation work hand in hand: from the first interview through the support plan "
        "and the transfer to a network partner to a job or an apprenticeship.</p>"
    ),
}


def _model(app_label: str, model_name: str) -> type[Model] | None:
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


def find_section(name: str, locale: Locale) -> Page | None:
    """The live page of a section in ``locale``: by page type if the app has it, else by slug."""
    spec = SECTIONS[name]
    pages = Page.objects.live().filter(locale=Locale.get_default())
    model = _model(*spec["model"]) if "model" in spec else None
    if model is not None:
        pages = pages.type(model)
        slugs = spec.get("slugs")
        found = (pages.filter(slug__in=slugs).first() if slugs else None) or pages.first()
    elif "model" in spec and "slugs" not in spec:
        found = None
    else:
        found = pages.filter(slug__in=spec["slugs"]).first()
    if found is None:
        return None
    translation = found.get_translation_or_none(locale)
    return translation if translation is not None and translation.live else found


def home_stream(language: str, locale: Locale) -> list[tuple[str, dict | str]]:
    """The home page's blocks in ``language``, with cards for the sections that exist."""
    texts = CARDS[language]
    cards = []
    for name in ("model", "results", "directory", "practice", "contact"):
        page = find_section(name, locale)
        if page is not None:
            title, text = texts[name]
            cards.append({"page": page, "title": title, "text": text})
    figures = FIGURES[language]
    return [
        ("entry_points", {"heading": texts["heading"], "cards": cards}),
        (
            "key_figures",
            {
                "heading": figures["heading"],
                "figures": [
                    {"value": value, "label": label, "note": note}
                    for value, label, note in figures["figures"]
                ],
                "source": figures["source"],
            },
        ),
        ("text", INTRO[language]),
    ]


BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def _without_ids(raw):
    """``raw`` without what saving makes up: block ids and rich text's (random) block keys."""
    if isinstance(raw, dict):
        return {key: _without_ids(value) for key, value in raw.items() if key != "id"}
    if isinstance(raw, list):
        return [_without_ids(item) for item in raw]
    if isinstance(raw, str):
        return BLOCK_KEY.sub("", raw)
    return raw


def _publish_body(home: HomePage, stream) -> bool:
    before = json.dumps(_without_ids(home.body.get_prep_value()), sort_keys=True)
    home.body = stream
    clean_rich_text(home)  # as saving stores it
    after = json.dumps(_without_ids(home.body.get_prep_value()), sort_keys=True)
    if before == after and home.live:
        return False
    home.save_revision().publish()
    return True


def _content_page(parent: Page, fields: dict) -> ContentPage:
    existing = parent.get_children().filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing.specific
    page = ContentPage(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _translated_content_page(page: ContentPage, locale: Locale, fields: dict) -> ContentPage:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def load_legal_pages(german_home: HomePage, english: Locale) -> tuple[ContentPage, ContentPage]:
    imprint = _content_page(german_home, IMPRINT["de"])
    _translated_content_page(imprint, english, IMPRINT["en"])
    privacy = _content_page(german_home, PRIVACY["de"])
    _translated_content_page(privacy, english, PRIVACY["en"])
    return imprint, privacy


def _show_in_menu(page: Page, last: bool = False) -> None:
    """Put ``page`` in the main menu (the end of it if ``last``: contact comes after content)."""
    page = page.specific
    if not page.show_in_menus:
        page.show_in_menus = True
        page.save_revision().publish()
    if last and page.get_next_siblings().in_menu().exists():
        page.move(page.get_parent(), pos="last-child")


def load_home_content(command) -> None:
    german = Locale.get_default()
    english = Locale.objects.get(language_code="en")
    german_home = HomePage.objects.get(locale=german, depth=2)
    imprint, privacy = load_legal_pages(german_home, english)

    for name in IN_MENU:
        for locale in (german, english):
            page = find_section(name, locale)
            if page is not None and page.locale_id == locale.pk:
                _show_in_menu(page, last=name == "contact")

    site = Site.objects.get(is_default_site=True)
    identity = SiteIdentity.for_site(site)
    contact = find_section("contact", german)
    wanted = {"imprint_page": imprint, "privacy_page": privacy, "contact_page": contact}
    if any(getattr(identity, field) != page for field, page in wanted.items()):
        for field, page in wanted.items():
            setattr(identity, field, page)
        identity.save()

    published = 0
    for home in HomePage.objects.filter(depth=2).select_related("locale"):
        language = home.locale.language_code
        published += _publish_body(
            home, home_stream(language if language in CARDS else "de", home.locale)
        )
    command.stdout.write(
        f"Home page blocks ({published} home pages updated), Impressum, Datenschutz, site "
        "identity and main menu are in place."
    )
