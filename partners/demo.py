"""Demo content of the partner directory: the four Wuppertal network partners from the source
talk, a few invented partners in Solingen and Remscheid, and the directory page, translated
into English and Arabic through wagtail-localize (texts in ``demo_translations``).
Addresses, phones, e-mails and contact persons are synthetic (example.org, 555)."""

from django.contrib.auth import get_user_model

from wagtail.models import Locale

from website.models import HomePage
from website.translating import translate

from .demo_translations import DIRECTORY_TEXTS, PARTNER_TEXTS, VOCABULARY_TEXTS
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
        "network_role": "Zentrales Fallmanagement",
        "description": (
            "Das Ressort bündelt das kommunale Integrationszentrum, die Flüchtlingshilfe und die "
            "Ausländerbehörde. Es lädt Teilnehmende ein, klärt ihren Hintergrund, schreibt mit "
            "ihnen den Förderplan und übermittelt sie an die Netzwerkpartner."
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
        "network_role": "Jobcoaching",
        "description": (
            "Jobcoaches begleiten Teilnehmende sechs Monate lang: Bewerbungsmappe, Stellensuche "
            "im Internet, Vorbereitung auf Vorstellungsgespräche."
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
        "network_role": (
            "Qualifizierung, Praktika und niedrigschwellige Trainings für Menschen mit besonderen "
            "persönlichen Hemmnissen"
        ),
        "description": (
            "Die gemeinnützige Beschäftigungs- und Qualifizierungsgesellschaft bietet "
            "Qualifizierungen, vermittelt Praktika und trainiert Tagesstruktur und Arbeitsalltag."
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
        "network_role": "Aktivierung und Motivation, Angebote für Frauen und junge Menschen",
        "description": (
            "Gruppen- und Einzelangebote stärken Selbstvertrauen und Tagesstruktur, mit eigenen "
            "Angeboten für Frauen und für junge Menschen ohne Zugang zur Ausbildung."
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
        "network_role": "Jobcoaching in Solingen",
        "description": "Jobcoaching und Sprachkursberatung für Geflüchtete in Solingen.",
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
        "network_role": "Qualifizierung und Praktika in Remscheid und Solingen",
        "description": "Metall- und Lagerqualifizierungen mit Praktika in Betrieben der Region.",
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
        "network_role": "Ausbildungs- und Arbeitsplätze im Werkzeugbau",
        "description": "Ein Werkzeugbau-Betrieb, der Praktika und Ausbildungsplätze anbietet.",
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
VOCABULARIES_BY_NAME = {model.__name__: model for model in VOCABULARIES.values()}

DIRECTORY = {
    "title": "Partnerverzeichnis",
    "intro": (
        "Wer im Netzwerk was anbietet, für wen, wo und in welchen Sprachen: Filtern Sie nach "
        "Angebot, Stadt, Sprache und Zielgruppe."
    ),
}
TRANSLATED_LANGUAGES = ("en", "ar")


def _contacts(partner: PartnerOrganisation) -> list[tuple[str, str, str]]:
    return [(c.name, c.role, c.phone) for c in partner.contact_persons.all()]


def load_partner(spec: dict) -> PartnerOrganisation:
    """Create or update one partner; publishes a revision only when something changed."""
    spec = dict(spec)
    lists = {name: spec.pop(name) for name in VOCABULARIES}
    contacts = spec.pop("contacts")
    spec["website"] = f"https://www.example.org/{spec['slug']}"
    partner = PartnerOrganisation.objects.filter(
        slug=spec["slug"], locale=Locale.get_default()
    ).first()
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
        getattr(partner, name).set(
            VOCABULARIES[name].objects.filter(slug__in=slugs, locale=Locale.get_default())
        )
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
    partner.refresh_from_db()  # publishing saved a copy; translations copy the live state
    return partner


def _translated_already(instance, locale: Locale, texts: dict[str, str]) -> bool:
    translation = instance.get_translation_or_none(locale)
    if translation is None or not getattr(translation, "live", True):
        return False
    return all(getattr(translation, field) == value for field, value in texts.items())


def translate_partner(partner: PartnerOrganisation, locale: Locale) -> None:
    """The partner's translation into ``locale`` through wagtail-localize, if the demo has one."""
    texts = PARTNER_TEXTS.get(locale.language_code, {}).get(partner.slug)
    if texts is None:
        return
    wanted = {"network_role": texts[0], "description": texts[1]}
    if not _translated_already(partner, locale, wanted):
        translate(partner, locale, {partner.network_role: texts[0], partner.description: texts[1]})


def translate_vocabularies(locale: Locale) -> None:
    for model_name, names in VOCABULARY_TEXTS.get(locale.language_code, {}).items():
        model = VOCABULARIES_BY_NAME[model_name]
        for entry in model.objects.filter(locale=Locale.get_default(), slug__in=names):
            name = names[entry.slug]
            if not _translated_already(entry, locale, {"name": name}):
                translate(entry, locale, {entry.name: name})


def load_directory_pages() -> PartnerDirectoryPage:
    """The German directory page and its translations (the homes come from ``website.demo``)."""
    german_home = HomePage.objects.get(locale=Locale.get_default(), depth=2)
    directory = PartnerDirectoryPage.objects.child_of(german_home).first()
    if directory is None:
        directory = german_home.add_child(
            instance=PartnerDirectoryPage(slug="partner", live=False, **DIRECTORY)
        )
    if not directory.live or any(getattr(directory, k) != v for k, v in DIRECTORY.items()):
        for key, value in DIRECTORY.items():
            setattr(directory, key, value)
        directory.draft_title = directory.title
        directory.save_revision().publish()
        directory.refresh_from_db()
    for code in TRANSLATED_LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=code)
        texts = DIRECTORY_TEXTS[code]
        wanted = {"title": texts[DIRECTORY["title"]], "intro": texts[DIRECTORY["intro"]]}
        if not _translated_already(directory, locale, wanted):
            translate(directory, locale, texts)
    return directory


def load_membership() -> None:
    user = get_user_model().objects.filter(username="partner").first()
    if user is not None:
        PartnerMembership.objects.update_or_create(
            user=user,
            defaults={
                "partner": PartnerOrganisation.objects.get(
                    slug=PARTNERS[1]["slug"], locale=Locale.get_default()
                )
            },
        )


def load(command) -> None:
    locales = [Locale.objects.get_or_create(language_code=code)[0] for code in TRANSLATED_LANGUAGES]
    for locale in locales:
        translate_vocabularies(locale)
    for spec in PARTNERS:
        partner = load_partner(spec)
        for locale in locales:
            translate_partner(partner, locale)
    load_directory_pages()
    load_membership()
    command.stdout.write(f"{len(PARTNERS)} partners and the partner directory are in place.")
