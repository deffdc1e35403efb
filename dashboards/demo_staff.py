"""The demo staff dashboard "Kennzahlen" / "Case figures" in German and English: exact numbers
of the signed-in reader's cases, reached from the admin home. Idempotent like ``demo``."""

from wagtail.models import Page

from .demo import chart_block, load_dashboard_pages
from .models.pages import Audience

SLUGS = {"de": "kennzahlen", "en": "case-figures"}

PAGE = {
    "de": {
        "title": "Kennzahlen meiner Fälle",
        "standfirst": "Genaue Zahlen aus den Fällen, die Sie sehen dürfen – nur nach Anmeldung, "
        "nicht veröffentlicht.",
        "intro": "<h2>Meine Fälle heute</h2><p>Fallmanagement: die Fälle Ihrer Stadt und Ihre "
        "eigenen; Netzwerkpartner: die Fälle, deren Übermittlung Sie angenommen haben.</p>",
    },
    "en": {
        "title": "Figures of my cases",
        "standfirst": "Exact numbers from the cases you may see – only after signing in, never "
        "published.",
        "intro": "<h2>My cases today</h2><p>Case management: your city's cases and your own; "
        "network partners: the cases whose transfer you accepted.</p>",
    },
}

# title (de, en), measure, breakdown, chart type
CHARTS = [
    (("Aktive Teilnehmende", "Active participants"), "participants_active", "none", "kpi"),
    (("Vermittlungen", "Placements"), "placements", "none", "kpi"),
    (
        ("Teilnehmende nach Geschlecht", "Participants by gender"),
        "participants_entered",
        "gender",
        "bar",
    ),
    (
        ("Teilnehmende nach Altersgruppe", "Participants by age group"),
        "participants_entered",
        "age_group",
        "bar",
    ),
    (
        ("Übermittlungen nach Ergebnis", "Transfers by outcome"),
        "transfers_by_outcome",
        "outcome",
        "table",
    ),
    (("Gehaltene Austausche", "Exchanges held"), "exchanges_held", "none", "kpi"),
]


def _fields(language: str) -> dict:
    position = 0 if language == "de" else 1
    text = PAGE[language]
    return {
        "title": text["title"],
        "standfirst": text["standfirst"],
        "slug": SLUGS[language],
        "audience": Audience.STAFF,
        "show_in_menus": False,
        "body": [
            {"type": "text", "value": text["intro"]},
            *(
                chart_block(titles[position], measure, breakdown, chart_type)
                for titles, measure, breakdown, chart_type in CHARTS
            ),
        ],
    }


def load_staff_dashboards() -> tuple[Page, Page]:
    return load_dashboard_pages(_fields)
