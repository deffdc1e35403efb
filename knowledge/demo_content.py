"""The demo entries' text in German and English, written from the 2013 conference talk
(``/work/shared/seed``, restated in DOMAIN.md). Where the talk says nothing (e.g. about the
London Employability Forum's work) the text stays general and says so; no person is named."""

from dashboards.demo import wuppertal_charts


def text_block(html: str) -> dict:
    return {"type": "text", "value": html}


def steps_block(title: str, steps: list[tuple[str, str]]) -> dict:
    return {
        "type": "steps",
        "value": {
            "title": title,
            "steps": [{"title": t, "text": f"<p>{text}</p>" if text else ""} for t, text in steps],
        },
    }


def facts_block(title: str, facts: list[tuple[str, str]], source: str) -> dict:
    return {
        "type": "facts",
        "value": {
            "title": title,
            "facts": [{"value": value, "label": label} for value, label in facts],
            "source": source,
        },
    }


INDEX = {
    "de": {
        "title": "Wissen: das Modell und gute Praxis",
        "slug": "wissen",
        "intro": "<p>Wie das Wuppertaler Netzwerk Partizipation Geflüchtete in Arbeit bringt, was "
        "andere Städte tun – und wie Sie es übernehmen.</p>",
        "search_description": "Dokumentation des Modells Netzwerk Partizipation und gute Praxis "
        "aus dem Netzwerk Cities of Migration.",
    },
    "en": {
        "title": "Knowledge: the model and good practice",
        "slug": "knowledge",
        "intro": "<p>How Wuppertal's Netzwerk Partizipation gets refugees into work, what other "
        "cities do – and how to adopt it.</p>",
        "search_description": "Documentation of the Netzwerk Partizipation model and good "
        "practice from the Cities of Migration network.",
    },
}

WUPPERTAL_FACTS = {
    "de": facts_block(
        "Wuppertal, beide Förderperioden",
        [
            ("1.042", "Teilnehmende (448 Frauen, 594 Männer)"),
            ("338", "junge Menschen unter 25"),
            ("498", "Vermittlungen in Arbeit oder Ausbildung"),
            ("47,8 %", "Vermittlungsquote"),
        ],
        "Stand 31.08.2013",
    ),
    "en": facts_block(
        "Wuppertal, both funding periods",
        [
            ("1,042", "participants (448 women, 594 men)"),
            ("338", "young people under 25"),
            ("498", "placements into work or vocational training"),
            ("47.8%", "placement rate"),
        ],
        "As of 31 August 2013",
    ),
}

MODEL = {
    "de": {
        "title": "Das Modell Netzwerk Partizipation",
        "slug": "netzwerk-partizipation",
        "standfirst": "Kommune und freie Träger bringen Geflüchtete gemeinsam in Arbeit: "
        "Fallmanagement, Jobcoaching, Qualifizierung und Aktivierung Hand in Hand.",
        "city": "Wuppertal",
        "country": "Deutschland",
        "problem": "<p>Wuppertal hat rund 348.000 Einwohnerinnen und Einwohner, 32 % mit "
        "Migrationshintergrund; die Arbeitslosenquote lag bei 11,3 % (unter 25: 10,3 %). "
        "Die Zielgruppe: Asylbewerberinnen und -bewerber und ehemalige Asylsuchende mit "
        "Bleiberechtsanspruch, wenn sie in einer vorgegebenen Zeit Arbeit finden, Menschen "
        "mit Duldung oder humanitärer Aufenthaltserlaubnis.</p>"
        "<ul><li>bis zu 20 Jahre in Deutschland ohne wirkliche Berechtigung zu bleiben und "
        "zu arbeiten</li><li>Armut und Leben in Übergangsheimen</li><li>keine Arbeitserfahrung "
        "in Deutschland, wenig Deutschkenntnisse, kein Tagesrhythmus, wenig "
        "Selbstvertrauen</li><li>junge Menschen ohne Zugang zu einer Ausbildung</li></ul>",
        "network": "<p>Professionelle Integrations- und Arbeitsmarktakteure, Kommune und freie "
        "Träger bündeln ihr Wissen, ihre Kompetenzen und ihre Kontakte. Gefördert vom "
        "Bundesministerium für Arbeit und Soziales und dem Europäischen Sozialfonds. "
        "Alle Partner vermitteln in Arbeit.</p>",
        "process": [
            steps_block(
                "Jeder Weg beginnt mit dem ersten Schritt",
                [
                    (
                        "Einladung und Erstgespräch",
                        "Persönlicher und beruflicher Hintergrund und Fähigkeiten werden erfasst.",
                    ),
                    ("Prüfung der Erwerbsfähigkeit", "Bei gesundheitlichen Problemen."),
                    (
                        "Förderplan",
                        "Das Fallmanagement schreibt für jede Person einen "
                        "Förderplan mit konkreten Schritten.",
                    ),
                    (
                        "Übermittlung an einen Netzwerkpartner",
                        "Mit dem Übermittlungsbogen: die "
                        "Aufgaben der nächsten sechs Monate, z. B. eine Bewerbungsmappe "
                        "erstellen, online nach Arbeit suchen, sich auf ein Vorstellungsgespräch "
                        "vorbereiten.",
                    ),
                    (
                        "Gezielte Schulungen",
                        "Für Teilnehmende mit besonderen "
                        "Vermittlungshemmnissen: Gesundheit, Familie und Beruf, Ältere.",
                    ),
                ],
            ),
            text_block(
                "<p>Innerhalb der sechs Monate tauschen sich die Betreuungskraft beim Partner und "
                "das Fallmanagement zu festen Terminen aus. Kurz vor Ende findet eine "
                "Fallbesprechung zum Stand und zum weiteren Vorgehen statt; das Fallmanagement "
                "bespricht das Ergebnis mit der Person und aktualisiert mit ihr den "
                "Förderplan.</p>"
            ),
        ],
        "forms": [
            ("Erstgespräch", "Hintergrund, Fähigkeiten und Ziele der Person."),
            ("Förderplan", "Konkrete Schritte, vom Fallmanagement geschrieben."),
            ("Übermittlungsbogen", "Die Aufgaben für sechs Monate beim Netzwerkpartner."),
        ],
        "results": [
            text_block(
                "<p>In der ersten Förderperiode (01.10.2008 – 31.10.2010) erreichte das Netzwerk "
                "eine der drei besten Vermittlungsquoten in Deutschland. Die Förderung wurde um "
                "drei Jahre verlängert und das Modell auf Solingen und Remscheid "
                "ausgeweitet.</p>"
            ),
            *wuppertal_charts("de"),
            text_block(
                '<p>Mehr Zahlen, auch aus den laufenden Fällen: <a href="/ergebnisse/">Ergebnisse'
                "</a>.</p>"
            ),
        ],
        "getting_started": "<ul><li>ein kommunales Fallmanagement, das Förderpläne schreibt</li>"
        "<li>freie Träger für Jobcoaching, Qualifizierung und Aktivierung</li><li>gemeinsame "
        "Formulare: Erstgespräch, Förderplan, Übermittlungsbogen</li><li>feste Termine für "
        "Austausch und Fallbesprechung</li><li>eine Förderung, z. B. aus dem Europäischen "
        "Sozialfonds</li></ul>",
    },
    "en": {
        "title": "The Netzwerk Partizipation model",
        "standfirst": "The city and non-profit partners get refugees into work together: case "
        "management, job coaching, qualification and activation hand in hand.",
        "country": "Germany",
        "problem": "<p>Wuppertal has about 348,000 inhabitants, 32% with a migration background; "
        "unemployment stood at 11.3% (under 25: 10.3%). The target group: asylum seekers and "
        "former asylum seekers with a right to stay if they find work in a set time, people "
        "with a tolerated stay (Duldung) or a humanitarian residence permit.</p>"
        "<ul><li>up to 20 years in Germany without real permission to stay and work</li>"
        "<li>poverty and life in shared housing</li><li>no German work experience, little "
        "German, no daily rhythm, little self-confidence</li><li>young people without access "
        "to vocational training</li></ul>",
        "network": "<p>Integration and labour-market professionals, the city and non-profits "
        "pool their knowledge, skills and contacts. Funded by the federal labour ministry and "
        "the European Social Fund. Every partner places people into work.</p>",
        "process": [
            steps_block(
                "Every journey starts with the first step",
                [
                    (
                        "Invitation and intake",
                        "The person's personal and professional "
                        "background and skills are assessed.",
                    ),
                    ("Employability check", "Where there are health problems."),
                    (
                        "Support plan",
                        "The case manager writes a support plan (Förderplan) "
                        "with concrete steps for each person.",
                    ),
                    (
                        "Transfer to a network partner",
                        "With the transfer form "
                        "(Übermittlungsbogen): the tasks for the next six months, e.g. build an "
                        "application folder, search for jobs online, prepare for an interview.",
                    ),
                    (
                        "Targeted training",
                        "For participants with special placement obstacles: "
                        "health, family and work, older people.",
                    ),
                ],
            ),
            text_block(
                "<p>Within the six months the partner's caseworker and the case manager meet at "
                "scheduled exchanges. Shortly before the end a case conference reviews the state "
                "and the next steps; the case manager discusses the result with the person and "
                "updates the support plan with them.</p>"
            ),
        ],
        "forms": [
            ("Intake", "The person's background, skills and goals."),
            ("Support plan (Förderplan)", "Concrete steps, written by the case manager."),
            ("Transfer form (Übermittlungsbogen)", "Six months of tasks at the network partner."),
        ],
        "results": [
            text_block(
                "<p>In the first funding period (1 October 2008 – 31 October 2010) the network "
                "reached one of the three best placement rates in Germany. Funding was extended "
                "by three years and the model was extended to Solingen and Remscheid.</p>"
            ),
            *wuppertal_charts("en"),
            text_block(
                '<p>More figures, also from the current cases: <a href="/en/results/">Results'
                "</a>.</p>"
            ),
        ],
        "getting_started": "<ul><li>municipal case management that writes support plans</li>"
        "<li>non-profit partners for job coaching, qualification and activation</li><li>shared "
        "forms: intake, support plan, transfer form</li><li>fixed dates for exchanges and the "
        "case conference</li><li>funding, e.g. from the European Social Fund</li></ul>",
    },
}
