"""The demo entries' text in German and English, written from the 2013 conference talk
(``/work/shared/seed``, restated in DOMAIN.md). Where the talk says nothing (e.g. about the
London Employability Forum's work) the text stays general and says so; no person is named."""


def _text(html: str) -> dict:
    return {"type": "text", "value": html}


def _steps(title: str, steps: list[tuple[str, str]]) -> dict:
    return {
        "type": "steps",
        "value": {
            "title": title,
            "steps": [{"title": t, "text": f"<p>{text}</p>" if text else ""} for t, text in steps],
        },
    }


def _facts(title: str, facts: list[tuple[str, str]], source: str) -> dict:
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
    "de": _facts(
        "Wuppertal, beide Förderperioden",
        [
            ("1.042", "Teilnehmende (448 Frauen, 594 Männer)"),
            ("338", "junge Menschen unter 25"),
            ("498", "Vermittlungen in Arbeit oder Ausbildung"),
            ("47,8 %", "Vermittlungsquote"),
        ],
        "Stand 31.08.2013",
    ),
    "en": _facts(
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
            _steps(
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
            _text(
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
            _text(
                "<p>In der ersten Förderperiode (01.10.2008 – 31.10.2010) erreichte das Netzwerk "
                "eine der drei besten Vermittlungsquoten in Deutschland. Die Förderung wurde um "
                "drei Jahre verlängert und das Modell auf Solingen und Remscheid "
                "ausgeweitet.</p>"
            ),
            WUPPERTAL_FACTS["de"],
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
            _steps(
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
            _text(
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
            _text(
                "<p>In the first funding period (1 October 2008 – 31 October 2010) the network "
                "reached one of the three best placement rates in Germany. Funding was extended "
                "by three years and the model was extended to Solingen and Remscheid.</p>"
            ),
            WUPPERTAL_FACTS["en"],
        ],
        "getting_started": "<ul><li>municipal case management that writes support plans</li>"
        "<li>non-profit partners for job coaching, qualification and activation</li><li>shared "
        "forms: intake, support plan, transfer form</li><li>fixed dates for exchanges and the "
        "case conference</li><li>funding, e.g. from the European Social Fund</li></ul>",
    },
}

WUPPERTAL = {
    "de": {
        "title": "Wuppertal: Geflüchtete im Netzwerk in Arbeit bringen",
        "slug": "wuppertal-netzwerk-partizipation",
        "standfirst": "Ein Netzwerk aus Stadt und freien Trägern begleitet Geflüchtete mit "
        "Förderplan und Jobcoaching in Arbeit und Ausbildung.",
        "city": "Wuppertal",
        "country": "Deutschland",
        "pull_quote": "Integration von Flüchtlingen in Arbeit – ein Gewinn für alle!",
        "pull_quote_attribution": "Netzwerk Partizipation, Wuppertal",
        "practical": "Fallmanagement, Förderplan und Übermittlungsbogen geben jedem Partner "
        "klare Aufgaben für sechs Monate.",
        "innovative": "Kommune und freie Träger arbeiten mit gemeinsamen Formularen und festen "
        "Austauschterminen an jedem Fall.",
        "successful": "1.042 Teilnehmende und 498 Vermittlungen in Arbeit oder Ausbildung "
        "(Stand 31.08.2013).",
        "transferable": "Auf Solingen und Remscheid ausgeweitet; zehn Städte erklärten 2013 ihr "
        "Interesse.",
        "body": [
            {"type": "heading", "value": "Worum es geht"},
            _text(
                "<p>Viele Geflüchtete leben seit Jahren in Wuppertal, ohne arbeiten zu dürfen "
                "oder Arbeit zu finden. Das Netzwerk Partizipation bündelt, was Stadt und freie "
                "Träger können: zentrales Fallmanagement, Jobcoaching, Qualifizierung und "
                "Aktivierung.</p>"
            ),
            WUPPERTAL_FACTS["de"],
            {
                "type": "quote",
                "value": {
                    "quote": "Obwohl sie von vielen Arbeitgebern abgelehnt wurde, verlor sie nicht "
                    "ihre Motivation. Ein Jahr später fand sie einen Job.",
                    "attribution": "Aus einem Fallbeispiel (anonymisiert)",
                },
            },
            _steps(
                "So übernehmen Sie das Modell",
                [
                    ("Partner gewinnen", "Kommune, Beratungsdienste, Bildungsträger."),
                    ("Fallmanagement einrichten", "Eine Stelle schreibt Förderpläne."),
                    ("Formulare vereinbaren", "Erstgespräch, Förderplan, Übermittlungsbogen."),
                    ("Austausch terminieren", "Feste Termine und eine Fallbesprechung."),
                ],
            ),
        ],
        "organisations": [
            (
                "host",
                "stadt-wuppertal-zuwanderung-integration",
                "Stadt Wuppertal – Ressort Zuwanderung und Integration",
            ),
            ("partner", "diakonie-wuppertal-migrationsdienste", "Diakonie Wuppertal"),
            ("partner", "gesa-ggmbh", "Gesa gGmbH"),
            ("partner", "skf-wuppertal", "Sozialdienst katholischer Frauen"),
        ],
        "contact_office": "Stadt Wuppertal, Ressort Zuwanderung und Integration",
    },
    "en": {
        "title": "Wuppertal: getting refugees into work through a network",
        "standfirst": "A network of the city and non-profit partners takes refugees into work "
        "and training with a support plan and job coaching.",
        "country": "Germany",
        "pull_quote": "Getting refugees into work – a gain for everyone!",
        "practical": "Case management, a support plan and a transfer form give each partner "
        "clear tasks for six months.",
        "innovative": "The city and non-profits work on every case with shared forms and "
        "scheduled exchanges.",
        "successful": "1,042 participants and 498 placements into work or training (as of 31 "
        "August 2013).",
        "transferable": "Extended to Solingen and Remscheid; ten cities declared interest in 2013.",
        "body": [
            {"type": "heading", "value": "What it is about"},
            _text(
                "<p>Many refugees have lived in Wuppertal for years without being allowed to "
                "work or finding work. Netzwerk Partizipation pools what the city and non-profit "
                "partners can do: central case management, job coaching, qualification and "
                "activation.</p>"
            ),
            WUPPERTAL_FACTS["en"],
            {
                "type": "quote",
                "value": {
                    "quote": "Although many employers turned her down, she kept her motivation. A "
                    "year later she found a job.",
                    "attribution": "From a case example (anonymised)",
                },
            },
            _steps(
                "How to adopt this",
                [
                    ("Win partners", "The city, advice services, training providers."),
                    ("Set up case management", "One office writes the support plans."),
                    ("Agree on forms", "Intake, support plan, transfer form."),
                    ("Schedule exchanges", "Fixed dates and a case conference."),
                ],
            ),
        ],
        "contact_office": "City of Wuppertal, Department for Immigration and Integration",
    },
}

LONDON = {
    "de": {
        "title": "London: das Employability Forum",
        "slug": "london-employability-forum",
        "standfirst": "Beim Webinar 2013 stellte London das Employability Forum als zweites "
        "Beispiel für den Zugang Geflüchteter zu Arbeit vor.",
        "city": "London",
        "country": "Vereinigtes Königreich",
        "practical": "Beispiel aus dem Webinar „Access to employment – connecting refugees to "
        "the labour market“ (2013).",
        "transferable": "Neben Wuppertal eines der zwei Beispiele, die Städten im Netzwerk "
        "Cities of Migration vorgestellt wurden.",
        "body": [
            _text(
                "<p>Das Employability Forum war neben Wuppertal das zweite Beispiel im Webinar "
                "„Access to employment – connecting refugees to the labour market“ des Netzwerks "
                "Cities of Migration. Unsere Quelle nennt nur das Beispiel; eine ausführliche "
                "Beschreibung folgt, sobald das Forum sie freigibt.</p>"
            ),
        ],
        "organisations": [("host", "", "Employability Forum")],
        "contact_office": "Cities of Migration – Redaktion PartizipationPlus",
    },
    "en": {
        "title": "London: the Employability Forum",
        "standfirst": "At the 2013 webinar London presented the Employability Forum as the "
        "second example of refugees' access to work.",
        "country": "United Kingdom",
        "practical": "An example from the webinar “Access to employment – connecting refugees to "
        "the labour market” (2013).",
        "transferable": "With Wuppertal, one of the two examples presented to the cities of the "
        "Cities of Migration network.",
        "body": [
            _text(
                "<p>The Employability Forum was, with Wuppertal, the second example in the "
                "Cities of Migration webinar “Access to employment – connecting refugees to the "
                "labour market”. Our source only names the example; a full description follows "
                "once the Forum provides one.</p>"
            ),
        ],
        "contact_office": "Cities of Migration – PartizipationPlus editorial team",
    },
}

WEBINAR = {
    "de": {
        "title": "Webinar 2013: Access to employment",
        "slug": "webinar-2013-access-to-employment",
        "standfirst": "218 Anmeldungen aus mehr als 30 Städten: Wuppertal und London zeigten, "
        "wie Geflüchtete Zugang zum Arbeitsmarkt finden.",
        "body": [
            _text(
                "<p>Im Webinar „Access to employment – connecting refugees to the labour market“ "
                "des Netzwerks Cities of Migration stellten Wuppertal und das Londoner "
                "Employability Forum ihre Arbeit vor. 218 Personen aus mehr als 30 Städten "
                "meldeten sich an, u. a. aus London, Glasgow, Cardiff, Auckland, Seattle, "
                "Chicago, New York, Washington, Edmonton und Ottawa.</p>"
            ),
            _facts(
                "Webinar 2013",
                [("218", "Anmeldungen"), ("30+", "Städte"), ("10", "Städte mit Interesse")],
                "Online-Umfrage nach dem Webinar",
            ),
            _text(
                "<p>In einer Online-Umfrage erklärten zehn Städte ihr Interesse, PartizipationPlus "
                "als Idee zu übernehmen. Auch die Europäische Kommission und viele Kommunen in "
                "Deutschland fragten nach dem Modell.</p>"
            ),
        ],
    },
    "en": {
        "title": "Webinar 2013: Access to employment",
        "standfirst": "218 registrations from more than 30 cities: Wuppertal and London showed "
        "how refugees find access to the labour market.",
        "body": [
            _text(
                "<p>In the Cities of Migration webinar “Access to employment – connecting "
                "refugees to the labour market”, Wuppertal and London's Employability Forum "
                "presented their work. 218 people from more than 30 cities registered, among "
                "them London, Glasgow, Cardiff, Auckland, Seattle, Chicago, New York, "
                "Washington, Edmonton and Ottawa.</p>"
            ),
            _facts(
                "Webinar 2013",
                [("218", "registrations"), ("30+", "cities"), ("10", "cities interested")],
                "Online survey after the webinar",
            ),
            _text(
                "<p>In an online survey ten cities declared their interest in adopting "
                "PartizipationPlus as an idea. The European Commission and many German "
                "municipalities also asked about the model.</p>"
            ),
        ],
    },
}
