"""Synthetic demo cases: a handful of invented participants in Wuppertal, Solingen and
Remscheid at different steps of the process. Idempotent: a person already there is skipped.
Beside them ``--cases N`` (default ``DEFAULT_GENERATED``) generated ones (``demo_bulk``).
No one here is a real person."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from partners.models import City, Language, PartnerOrganisation

from . import demo_bulk, services
from .models import Case, CaseManagerProfile, Training

DEFAULT_GENERATED = 300
DIAKONIE = "diakonie-wuppertal-migrationsdienste"
GESA = "gesa-ggmbh"

PEOPLE = [
    # first name, last name, gender, nationality, language, city, weeks ago, stage, partner
    ("Amira", "Haddad", "female", "Syrisch", "arabic", "wuppertal", 30, "placed", DIAKONIE),
    ("Yonas", "Tesfaye", "male", "Eritreisch", "tigrinya", "wuppertal", 12, "accepted", DIAKONIE),
    ("Dilan", "Aydın", "female", "Türkisch", "kurdish", "wuppertal", 3, "pending", DIAKONIE),
    ("Farid", "Rahimi", "male", "Afghanisch", "persian", "wuppertal", 8, "accepted", GESA),
    ("Mariam", "Sesay", "female", "Sierra-leonisch", "english", "wuppertal", 1, "plan", None),
    ("Omar", "Khalil", "male", "Irakisch", "arabic", "solingen", 20, "closed", None),
    ("Leyla", "Nasser", "female", "Libanesisch", "arabic", "remscheid", 2, "open", None),
]

GOALS = [
    {
        "text": "Arbeit auf dem ersten Arbeitsmarkt",
        "steps": [
            {"what": "Bewerbungsmappe erstellen", "who": "Jobcoach"},
            {"what": "Stellensuche im Internet lernen", "who": "Teilnehmende"},
            {"what": "Vorstellungsgespräch üben (Kleidung, Sprache)", "who": "Jobcoach"},
        ],
    },
    {
        "text": "Deutsch im Beruf",
        "steps": [{"what": "Sprachkurs B1 beginnen", "who": "Fallmanagement"}],
    },
]


def _manager():
    user = get_user_model().objects.filter(username="fallmanagement").first()
    if user is not None:
        CaseManagerProfile.objects.update_or_create(
            user=user, defaults={"city": City.objects.sources().get(slug="wuppertal")}
        )
    return user


def _load_person(manager, spec, today) -> bool:
    first, last, gender, nationality, language, city, weeks, stage, partner_slug = spec
    city = City.objects.sources().get(slug=city)
    if Case.objects.filter(first_name=first, last_name=last, city=city).exists():
        return False
    entry = today - timedelta(weeks=weeks)
    case = services.open_case(
        manager=manager,
        city=city,
        today=entry,
        first_name=first,
        last_name=last,
        gender=gender,
        nationality=nationality,
        residence_status="tolerated" if weeks % 2 else "humanitarian",
        languages=Language.objects.sources().filter(slug__in=[language, "german"]),
    )
    if stage == "open":
        return True
    services.save_support_plan(case, user=manager, expected_version=0, summary="", goals=GOALS)
    if stage == "closed":
        services.close_case(case, reason="moved_away", user=manager, today=today)
    if stage in {"plan", "closed"}:
        return True
    partner = PartnerOrganisation.objects.sources().get(slug=partner_slug)
    start = entry + timedelta(weeks=1)
    transfer = services.create_transfer(
        case, partner=partner, user=manager, today=start, consent_to_share=True
    )
    if stage == "pending":
        return True
    services.accept_transfer(transfer, user=manager, today=start)
    for exchange in transfer.exchanges.filter(planned_for__lt=today - timedelta(days=7)):
        services.record_exchange(
            exchange, user=manager, held_on=exchange.planned_for, notes="Gute Fortschritte."
        )
    if partner_slug == GESA:
        Training.objects.create(
            case=case, provider="Gesa gGmbH", kind="health", starts_on=start, status="attended"
        )
    if stage == "placed":
        services.record_event(
            case,
            case.placements.model(
                kind="work",
                first_labour_market=True,
                starts_on=today - timedelta(weeks=2),
                sector="Logistik",
                hours_per_week=30,
            ),
            user=manager,
            action="casework.placement.record",
        )
    return True


def add_arguments(parser) -> None:
    parser.add_argument(
        "--cases",
        type=int,
        default=DEFAULT_GENERATED,
        metavar="N",
        help="Generated synthetic cases wanted in total, beside the named demo cases "
        f"(default {DEFAULT_GENERATED}). Running again with the same or a smaller N adds "
        "nothing; a larger N adds the difference.",
    )


def load_generated(command, total: int) -> None:
    if total < 0:
        raise ValueError("--cases cannot be negative.")
    added = demo_bulk.generate(total, today=timezone.localdate(), write=command.stdout.write)
    command.stdout.write(
        f"{added['cases']} generated cases added ({total} wanted in total); "
        + ", ".join(f"{count} {name}" for name, count in sorted(added.items()) if name != "cases")
    )


def load(command) -> None:
    manager = _manager()
    if manager is None:
        command.stdout.write("No demo case manager: casework demo cases skipped.")
        return
    today = timezone.localdate()
    added = sum(_load_person(manager, spec, today) for spec in PEOPLE)
    command.stdout.write(f"{added} synthetic demo cases added ({len(PEOPLE)} in the demo).")
    total = getattr(command, "options", {}).get("cases")
    if total:
        load_generated(command, total)
