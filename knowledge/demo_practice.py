"""The demo's good-practice pages and the 2013 webinar in German and English (see
``demo_content`` for the sources and the rules: no person named, synthetic where the talk is
silent)."""

from .demo_content import WUPPERTAL_FACTS, facts_block, steps_block, text_block

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
            text_block(
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
            steps_block(
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
            text_block(
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
            steps_block(
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
            text_block(
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
            text_block(
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
            text_block(
                "<p>Im Webinar „Access to employment – connecting refugees to the labour market“ "
                "des Netzwerks Cities of Migration stellten Wuppertal und das Londoner "
                "Employability Forum ihre Arbeit vor. 218 Personen aus mehr als 30 Städten "
                "meldeten sich an, u. a. aus London, Glasgow, Cardiff, Auckland, Seattle, "
                "Chicago, New York, Washington, Edmonton und Ottawa.</p>"
            ),
            facts_block(
                "Webinar 2013",
                [("218", "Anmeldungen"), ("30+", "Städte"), ("10", "Städte mit Interesse")],
                "Online-Umfrage nach dem Webinar",
            ),
            text_block(
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
            text_block(
                "<p>In the Cities of Migration webinar “Access to employment – connecting "
                "refugees to the labour market”, Wuppertal and London's Employability Forum "
                "presented their work. 218 people from more than 30 cities registered, among "
                "them London, Glasgow, Cardiff, Auckland, Seattle, Chicago, New York, "
                "Washington, Edmonton and Ottawa.</p>"
            ),
            facts_block(
                "Webinar 2013",
                [("218", "registrations"), ("30+", "cities"), ("10", "cities interested")],
                "Online survey after the webinar",
            ),
            text_block(
                "<p>In an online survey ten cities declared their interest in adopting "
                "PartizipationPlus as an idea. The European Commission and many German "
                "municipalities also asked about the model.</p>"
            ),
        ],
    },
}
