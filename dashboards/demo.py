"""The public "Ergebnisse" / "Results" dashboard in German and English: the published Wuppertal
figures of 2008–2013 and live charts over the synthetic demo cases. Idempotent: a page already
there is left alone (an editor may have changed it)."""

from wagtail.models import Locale, Page

from website.models import HomePage

from .models import DashboardPage

SLUGS = {"de": "ergebnisse", "en": "results"}

PAGE = {
    "de": {
        "title": "Ergebnisse",
        "standfirst": "Wie viele Menschen teilgenommen haben, wer sie sind und wie viele in Arbeit "
        "oder Ausbildung vermittelt wurden. Kleine Zahlen (unter 5) zeigen wir nicht.",
        "historical": "<h2>Wuppertal 2008–2013</h2><p>Die veröffentlichten Zahlen des Netzwerks "
        "Partizipation aus beiden Förderperioden (1. Oktober 2008 bis 31. August 2013).</p>",
        "live": "<h2>Laufende Fälle</h2><p>Aus den Fällen in diesem System, täglich aktuell. Die "
        "Demo-Fälle sind erfunden.</p>",
        "source": "Quelle: Netzwerk Partizipation Wuppertal, Stand 31.08.2013.",
    },
    "en": {
        "title": "Results",
        "standfirst": "How many people took part, who they are and how many were placed into "
        "work or vocational training. We do not show small numbers (under 5).",
        "historical": "<h2>Wuppertal 2008–2013</h2><p>The published figures of the Netzwerk "
        "Partizipation from both funding periods (1 October 2008 to 31 August 2013).</p>",
        "live": "<h2>Current cases</h2><p>From the cases in this system, up to date every day. "
        "The demo cases are invented.</p>",
        "source": "Source: Netzwerk Partizipation Wuppertal, as of 31 August 2013.",
    },
}

# title (de, en), measure, breakdown, chart type[, filters]
HISTORICAL_CHARTS = [
    (("Teilnehmende", "Participants"), "participants_entered", "none", "kpi"),
    (
        ("Junge Menschen unter 25", "Young people under 25"),
        "participants_entered",
        "none",
        "kpi",
        {"age_group": "under_25"},
    ),
    (("Vermittlungen", "Placements"), "placements", "none", "kpi"),
    (("Vermittlungsquote", "Placement rate"), "placement_rate", "none", "kpi"),
    (
        ("Teilnehmende nach Geschlecht", "Participants by gender"),
        "participants_entered",
        "gender",
        "bar",
    ),
]
LIVE_CHARTS = [
    (
        ("Vom Erstgespräch zur Vermittlung", "From intake to placement"),
        "participants_entered",
        "none",
        "funnel",
    ),
    (
        ("Neue Teilnehmende je Jahr", "New participants per year"),
        "participants_entered",
        "period",
        "line",
    ),
    (
        ("Teilnehmende nach Aufenthaltsstatus", "Participants by residence status"),
        "participants_entered",
        "residence_status",
        "donut",
    ),
    (
        ("Teilnehmende nach Stadt und Jahr", "Participants by city and year"),
        "participants_entered",
        "city",
        "stacked_bar",
    ),
    (("Vermittlungsquote nach Stadt", "Placement rate by city"), "placement_rate", "city", "table"),
]
FUNNEL_STAGES = ["placements", "placements_first_labour_market"]
PERIODS = {"line": "year", "stacked_bar": "year"}


def chart_block(
    title: str,
    measure: str,
    breakdown: str = "none",
    chart_type: str = "bar",
    source: str = "live",
    caption: str = "",
    period: str = "",
    stages: list[str] = (),
    filters: dict | None = None,
) -> dict:
    """A chart block's raw stream value, for demo content here and in the knowledge base."""
    return {
        "type": "chart",
        "value": {
            "title": title,
            "measure": measure,
            "breakdown": breakdown,
            "period": period,
            "chart_type": chart_type,
            "funnel_stages": list(stages),
            "source": source,
            "filters": {"city": "", "gender": "", "age_group": "", **(filters or {})},
            "caption": caption,
        },
    }


def wuppertal_charts(language: str) -> list[dict]:
    """The published Wuppertal figures as charts (also the model documentation's results)."""
    position = 0 if language == "de" else 1
    caption = PAGE[language]["source"]
    return [
        chart_block(
            titles[position],
            measure,
            breakdown,
            chart_type,
            "historical",
            caption,
            filters=filters[0] if filters else None,
        )
        for titles, measure, breakdown, chart_type, *filters in HISTORICAL_CHARTS
    ]


def live_charts(language: str, charts=LIVE_CHARTS) -> list[dict]:
    """The live charts (``LIVE_CHARTS``, or others of the same form) as chart blocks."""
    position = 0 if language == "de" else 1
    return [
        chart_block(
            titles[position],
            measure,
            breakdown,
            chart_type,
            period=PERIODS.get(chart_type, ""),
            stages=FUNNEL_STAGES if chart_type == "funnel" else (),
        )
        for titles, measure, breakdown, chart_type in charts
    ]


def _body(language: str) -> list[dict]:
    text = PAGE[language]
    live = live_charts(language)
    return [
        {"type": "text", "value": text["historical"]},
        *wuppertal_charts(language),
        {"type": "text", "value": text["live"]},
        *live,
    ]


def _fields(language: str) -> dict:
    text = PAGE[language]
    return {
        "title": text["title"],
        "slug": SLUGS[language],
        "standfirst": text["standfirst"],
        "body": _body(language),
        "show_in_menus": True,
    }


def load_dashboard_pages(fields) -> tuple[Page, Page]:
    """A dashboard page in German and its English translation, from ``fields(language)``;
    a page already there (found by its German slug) is left alone."""
    german_home = HomePage.objects.get(locale__language_code="de", depth=2)
    german = german_home.get_children().filter(slug=fields("de")["slug"]).first()
    if german is None:
        german = DashboardPage(**fields("de"))
        german_home.add_child(instance=german)
        german.save_revision().publish()
    english = german.get_translation_or_none(Locale.objects.get(language_code="en"))
    if english is None:
        english = german.specific.copy_for_translation(Locale.objects.get(language_code="en"))
        for name, value in fields("en").items():
            setattr(english, name, value)
        english.save_revision().publish()
    return german, english


def load_results_pages() -> tuple[Page, Page]:
    return load_dashboard_pages(_fields)


def load(command) -> None:
    from .demo_historical import load_historical_figures
    from .demo_staff import load_staff_dashboards

    load_historical_figures()
    load_results_pages()
    load_staff_dashboards()
    command.stdout.write(
        "Results dashboard (de, en): historical Wuppertal figures, live charts; "
        "staff dashboard (de, en): exact figures of the reader's cases."
    )
