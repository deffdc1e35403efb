"""Demo content of the partner directory: the four Wuppertal network partners from the source
talk, a few invented partners in Solingen and Remscheid, and the directory page in both
languages. Addresses, phones, e-mails and contact persons are synthetic (example.org, 555)."""

from django.contrib.auth import get_user_model

from wagtail.models import Locale

from website.models import HomePage

from .models import (
    City,
    ContactPerson,
    Language,
    PartnerDirectoryPage,
    PartnerMembership,
    PartnerOrganisation,
    Service,
    TargetGroup,
)

PLACEMENT = "placement-into-work"

PARTNERS = [
    {
        "slug": "stadt-wuppertal-zuwanderung-integration",
        "name": "Stadt Wuppertal – Ressort Zuwanderung und Integration",
        "short_name": "Zuwanderung und Integration",
        "kind": "municipal_office",
        "network_role_de": "Zentrales Fallmanagement",
        "network_role_en": "Central case management",
        "description_de": (
            "Das Ressort bündelt das kommunale Integrationszentrum, die Flüchtlingshilfe und die "
            "Ausländerbehörde. Es lädt Teilnehmende ein, klärt ihren Hintergrund, schreibt mit "
            "ihnen den Förderplan und übermittelt sie an die Netzwerkpartner."
        ),
        "description_en": (
            "The department brings together the municipal integration centre, refugee aid and "
            "the foreigners' office. It invites participants, assesses their background, writes "
            "the support plan with them and transfers them to the network partners."
        ),
        "services": ["case-management", "language-course-advice", PLACEMENT],
        "target_groups": ["asylum-seekers", "tolerated-stay", "humanitarian-residence"],
        "languages": ["german", "english", "arabic", "persian"],
        "cities": ["wuppertal"],
        "street_address": "Beispielstraße 10",
        "postal_code": "42103",
        "town": "Wuppertal",
        "phone": "0202 555-0100",
        "email": "zuwanderung@example.org",
        "opening_hours": "Mo–Do 8:30–12:00, Di 14:00–16:00",
        "contacts": [("Clara Fallbeispiel", "Fallmanagement", "0202 555-0101")],
    },
    {
        "slug": "diakonie-wuppertal-migrationsdienste",
        "name": "Diakonie Wuppertal – Migrationsdienste",
        "short_name": "Diakonie",
        "kind": "non_profit",
        "network_role_de": "Jobcoaching",
        "network_role_en": "Job coaching",
        "description_de": (
            "Jobcoaches begleiten Teilnehmende sechs Monate lang: Bewerbungsmappe, Stellensuche "
            "im Internet, Vorbereitung auf Vorstellungsgespräche."
        ),
        "description_en": (
            "Job coaches accompany participants for six months: an application folder, searching "
            "for jobs online, preparing for interviews."
        ),
        "services": ["job-coaching", PLACEMENT],
        "target_groups": ["asylum-seekers", "tolerated-stay", "humanitarian-residence"],
        "languages": ["german", "english", "french", "turkish"],
        "cities": ["wuppertal"],
        "street_address": "Musterweg 5",
        "postal_code": "42105",
        "town": "Wuppertal",
        "phone": "0202 555-0200",
        "email": "migrationsdienste@example.org",
        "opening_hours": "Mo–Fr 9:00–13:00",
        "contacts": [("Jonas Coachmann", "Jobcoaching", "0202 555-0201")],
    },
    {
        "slug": "gesa-ggmbh",
        "name": "Gesa gGmbH",
        "short_name": "Gesa",
        "kind": "training_provider",
        "network_role_de": (
            "Qualifizierung, Praktika und niedrigschwellige Trainings für Menschen mit besonderen "
            "persönlichen Hemmnissen"
        ),
        "network_role_en": (
            "Qualification, internships and low-threshold training for people with special "
            "personal obstacles"
        ),
        "description_de": (
            "Die gemeinnützige Beschäftigungs- und Qualifizierungsgesellschaft bietet "
            "Qualifizierungen, vermittelt Praktika und trainiert Tagesstruktur und Arbeitsalltag."
        ),
        "description_en": (
            "The non-profit vocational training company offers qualifications, finds internships "
            "and trains a daily rhythm and everyday working life."
        ),
        "services": [
            "qualification",
            "internship-placement",
            "low-threshold-training",
            "health-employability",
            PLACEMENT,
        ],
        "target_groups": ["asylum-seekers", "tolerated-stay", "older-people"],
        "languages": ["german", "english", "russian", "serbo-croatian"],
        "cities": ["wuppertal"],
        "street_address": "Werkstattstraße 3",
        "postal_code": "42117",
        "town": "Wuppertal",
        "phone": "0202 555-0300",
        "email": "qualifizierung@example.org",
        "opening_hours": "Mo–Fr 8:00–16:00",
        "contacts": [("Tom Praxisnah", "Qualifizierung", "0202 555-0301")],
    },
    {
        "slug": "skf-wuppertal",
        "name": "Sozialdienst katholischer Frauen (SkF)",
        "short_name": "SkF",
        "kind": "non_profit",
        "network_role_de": "Aktivierung und Motivation, Angebote für Frauen und junge Menschen",
        "network_role_en": "Activation and motivation, offers for women and young people",
        "description_de": (
            "Gruppen- und Einzelangebote stärken Selbstvertrauen und Tagesstruktur, mit eigenen "
            "Angeboten für Frauen und für junge Menschen ohne Zugang zur Ausbildung."
        ),
        "description_en": (
            "Group and one-to-one offers build self-confidence and a daily rhythm, with offers of "
            "their own for women and for young people without access to vocational training."
        ),
        "services": [
            "activation-motivation",
            "offers-for-women",
            "offers-for-young-people",
            PLACEMENT,
        ],
        "target_groups": ["women", "young-people", "tolerated-stay"],
        "languages": ["german", "arabic", "tigrinya", "kurdish"],
        "cities": ["wuppertal"],
        "street_address": "Gartenweg 12",
        "postal_code": "42107",
        "town": "Wuppertal",
        "phone": "0202 555-0400",
        "email": "aktivierung@example.org",
        "opening_hours": "Mo, Mi, Fr 9:00–12:00",
        "contacts": [("Mira Mutmacher", "Aktivierung", "0202 555-0401")],
    },
    {
        "slug": "jobbruecke-solingen",
        "name": "Jobbrücke Solingen e. V.",
        "short_name": "Jobbrücke",
        "kind": "non_profit",
        "network_role_de": "Jobcoaching in Solingen",
        "network_role_en": "Job coaching in Solingen",
        "description_de": "Jobcoaching und Sprachkursberatung für Geflüchtete in Solingen.",
        "description_en": "Job coaching and language course advice for refugees in Solingen.",
        "services": ["job-coaching", "language-course-advice", PLACEMENT],
        "target_groups": ["asylum-seekers", "humanitarian-residence"],
        "languages": ["german", "english", "arabic"],
        "cities": ["solingen"],
        "street_address": "Klingenplatz 7",
        "postal_code": "42651",
        "town": "Solingen",
        "phone": "0212 555-0500",
        "email": "jobbruecke@example.org",
        "opening_hours": "Di–Do 9:00–15:00",
        "contacts": [("Lena Brückner", "Jobcoaching", "0212 555-0501")],
    },
    {
        "slug": "lernwerk-remscheid",
        "name": "Lernwerk Remscheid gGmbH",
        "short_name": "Lernwerk",
        "kind": "training_provider",
        "network_role_de": "Qualifizierung und Praktika in Remscheid und Solingen",
        "network_role_en": "Qualification and internships in Remscheid and Solingen",
        "description_de": "Metall- und Lagerqualifizierungen mit Praktika in Betrieben der Region.",
        "description_en": "Metal-working and warehouse qualifications with internships nearby.",
        "services": ["qualification", "internship-placement", PLACEMENT],
        "target_groups": ["young-people", "tolerated-stay"],
        "languages": ["german", "russian", "turkish"],
        "cities": ["remscheid", "solingen"],
        "street_address": "Hammerweg 21",
        "postal_code": "42853",
        "town": "Remscheid",
        "phone": "02191 555-0600",
        "email": "lernwerk@example.org",
        "opening_hours": "Mo–Fr 7:30–15:30",
        "contacts": [("Alex Werkbank", "Praktikumsvermittlung", "02191 555-0601")],
    },
    {
        "slug": "handwerkspartner-remscheid",
        "name": "Handwerkspartner Remscheid GmbH",
        "short_name": "",
        "kind": "employer",
        "network_role_de": "Ausbildungs- und Arbeitsplätze im Werkzeugbau",
        "network_role_en": "Apprenticeships and jobs in tool-making",
        "description_de": "Ein Werkzeugbau-Betrieb, der Praktika und Ausbildungsplätze anbietet.",
        "description_en": "A tool-making firm offering internships and apprenticeships.",
        "services": ["internship-placement", PLACEMENT],
        "target_groups": ["young-people"],
        "languages": ["german", "english"],
        "cities": ["remscheid"],
        "street_address": "Industriestraße 40",
        "postal_code": "42859",
        "town": "Remscheid",
        "phone": "02191 555-0700",
        "email": "ausbildung@example.org",
        "opening_hours": "",
        "contacts": [],
    },
]

VOCABULARIES = {
    "services": Service,
    "target_groups": TargetGroup,
    "languages": Language,
    "cities": City,
}

DIRECTORY = {
    "de": {
        "title": "Partnerverzeichnis",
        "intro": (
            "Wer im Netzwerk was anbietet, für wen, wo und in welchen Sprachen: Filtern Sie nach "
            "Angebot, Stadt, Sprache und Zielgruppe."
        ),
    },
    "en": {
        "title": "Partner directory",
        "intro": (
            "Who in the network offers what, for whom, where and in which languages: filter by "
            "service, city, language and target group."
        ),
    },
}


def _contacts(partner: PartnerOrganisation) -> list[tuple[str, str, str]]:
    return [(c.name, c.role, c.phone) for c in partner.contact_persons.all()]


def load_partner(spec: dict) -> PartnerOrganisation:
    """Create or update one partner; publishes a revision only when something changed."""
    spec = dict(spec)
    lists = {name: spec.pop(name) for name in VOCABULARIES}
    contacts = spec.pop("contacts")
    spec["website"] = f"https://www.example.org/{spec['slug']}"
    partner = PartnerOrganisation.objects.filter(slug=spec["slug"]).first()
    if partner is not None and partner.live and not partner.has_unpublished_changes:
        unchanged = all(getattr(partner, key) == value for key, value in spec.items())
        unchanged &= all(
            sorted(getattr(partner, name).values_list("slug", flat=True)) == sorted(slugs)
            for name, slugs in lists.items()
        )
        unchanged &= _contacts(partner) == list(contacts)
        if unchanged:
            return partner
    partner = partner or PartnerOrganisation()
    for key, value in spec.items():
        setattr(partner, key, value)
    for name, slugs in lists.items():
        getattr(partner, name).set(VOCABULARIES[name].objects.filter(slug__in=slugs))
    partner.contact_persons = [
        ContactPerson(
            name=name,
            role=role,
            phone=phone,
            email=f"{name.split()[0].lower()}@example.org",
        )
        for name, role, phone in contacts
    ]
    partner.save()
    partner.save_revision().publish()
    return partner


def _publish_if_changed(page, content: dict[str, str]) -> None:
    if page.live and all(getattr(page, key) == value for key, value in content.items()):
        return
    for key, value in content.items():
        setattr(page, key, value)
    page.draft_title = page.title
    page.save_revision().publish()


def load_directory_pages() -> None:
    german_home = HomePage.objects.get(locale__language_code="de", depth=2)
    directory = PartnerDirectoryPage.objects.child_of(german_home).first()
    if directory is None:
        directory = german_home.add_child(
            instance=PartnerDirectoryPage(slug="partner", live=False, **DIRECTORY["de"])
        )
    _publish_if_changed(directory, DIRECTORY["de"])
    english_locale = Locale.objects.get(language_code="en")
    english = directory.get_translation_or_none(english_locale)
    if english is None:
        english = directory.copy_for_translation(english_locale)
    _publish_if_changed(english.specific, DIRECTORY["en"])


def load_membership() -> None:
    user = get_user_model().objects.filter(username="partner").first()
    if user is not None:
        PartnerMembership.objects.update_or_create(
            user=user,
            defaults={"partner": PartnerOrganisation.objects.get(slug=PARTNERS[1]["slug"])},
        )


def load(command) -> None:
    for spec in PARTNERS:
        load_partner(spec)
    load_directory_pages()
    load_membership()
    command.stdout.write(f"{len(PARTNERS)} partners and the partner directory are in place.")
