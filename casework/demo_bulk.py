"""Many synthetic cases for load tests and benchmarks: ``manage.py load_demo --cases N``.

Participants across Wuppertal, Solingen and Remscheid who entered between October 2008 and
today, with plans, transfers, exchanges, conferences, trainings and placements, written with
``bulk_create`` in batches (no services, no audit entries: the rules are followed by
construction). ``N`` is the number of generated cases wanted in total: they belong to one
inactive, login-less "synthetic case manager", so a second run with the same ``N`` adds
nothing and a larger ``N`` adds the difference. The random generator is seeded with the seed and
the number of cases already there, so the same commands give the same data. No one here is a
real person.
"""

import random
import time
from collections import Counter
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from partners.models import City, Language, PartnerOrganisation

from .conf import setting
from .dates import add_months
from .models import (
    Case,
    CaseConference,
    CaseNumberCounter,
    ClosingReason,
    ConferenceOutcome,
    Exchange,
    Placement,
    PlanGoal,
    PlanStep,
    SupportPlan,
    Training,
    Transfer,
    TransferState,
    TransferTask,
)
from .next_due import refresh_next_due
from .services import city_prefix

GENERATOR_USERNAME = "synthetic-case-manager"
CITIES = {"wuppertal": 6, "solingen": 2, "remscheid": 2}  # relative weights
START = date(2008, 10, 1)
BATCH = 2000

FIRST_NAMES = {
    "female": [
        "Amal",
        "Aya",
        "Dilan",
        "Fatima",
        "Hana",
        "Leyla",
        "Mariam",
        "Nour",
        "Rahel",
        "Samira",
        "Selam",
        "Zainab",
    ],
    "male": [
        "Ahmad",
        "Ali",
        "Bilal",
        "Dawit",
        "Farid",
        "Hamid",
        "Karim",
        "Mohammed",
        "Omar",
        "Samuel",
        "Yonas",
        "Yusuf",
    ],
}
LAST_NAMES = [
    "Abebe",
    "Ahmadi",
    "Alizada",
    "Aydın",
    "Bekele",
    "Diallo",
    "Haddad",
    "Hussein",
    "Ibrahim",
    "Kaya",
    "Khalil",
    "Mansour",
    "Mohammadi",
    "Nasser",
    "Osman",
    "Rahimi",
    "Sesay",
    "Tesfaye",
    "Yilmaz",
    "Zadran",
]
NATIONALITIES = [
    "Syrisch",
    "Afghanisch",
    "Eritreisch",
    "Irakisch",
    "Iranisch",
    "Somalisch",
    "Guineisch",
]
RESIDENCE = ["asylum_seeker", "tolerated", "humanitarian", "right_to_stay"]
GOALS = [
    ("Arbeit auf dem ersten Arbeitsmarkt", ["Bewerbungsmappe erstellen", "Stellensuche lernen"]),
    ("Deutsch im Beruf", ["Sprachkurs B1 beginnen"]),
    ("Ausbildung beginnen", ["Praktikum suchen", "Berufsschule anfragen"]),
]
SECTORS = ["Logistik", "Gastronomie", "Metall", "Pflege", "Reinigung", "Handwerk", "Handel"]
TRAINING_KINDS = ["health", "family_work", "older_people", "language", "qualification"]


def generator_user():
    user, created = get_user_model().objects.get_or_create(
        username=GENERATOR_USERNAME,
        defaults={"first_name": "Synthetic", "last_name": "case manager", "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


class Numbers:
    """Case numbers per city prefix and year, taken from ``CaseNumberCounter`` and written
    back, so cases opened later through the services get the next free number."""

    def __init__(self):
        self.last = Counter({(c.prefix, c.year): c.last for c in CaseNumberCounter.objects.all()})
        self.touched = set()

    def next(self, prefix: str, year: int) -> str:
        self.last[prefix, year] += 1
        self.touched.add((prefix, year))
        return f"{prefix}-{year}-{self.last[prefix, year]:04d}"

    def save(self):
        for prefix, year in self.touched:
            CaseNumberCounter.objects.update_or_create(
                prefix=prefix, year=year, defaults={"last": self.last[prefix, year]}
            )
        self.touched.clear()


class Generator:
    def __init__(self, rng: random.Random, today: date, user):
        self.rng, self.today, self.user = rng, today, user
        self.cities = [
            (city, city_prefix(city)) for city in City.objects.sources().filter(slug__in=CITIES)
        ]
        self.weights = [CITIES[city.slug] for city, _prefix in self.cities]
        self.partners = list(PartnerOrganisation.objects.sources().filter(active=True))
        self.languages = list(Language.objects.sources().values_list("pk", flat=True))
        self.numbers = Numbers()
        self.months = setting("CASEWORK_TRANSFER_MONTHS")
        self.interval = timedelta(weeks=setting("CASEWORK_EXCHANGE_INTERVAL_WEEKS"))
        self.before_end = timedelta(weeks=setting("CASEWORK_CONFERENCE_WEEKS_BEFORE_END"))
        self.span = (today - START).days

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def case(self) -> Case:
        rng = self.rng
        city, prefix = rng.choices(self.cities, self.weights)[0]
        entry = START + timedelta(days=rng.randint(0, self.span))
        gender = rng.choice(("female", "male"))
        case = Case(
            number=self.numbers.next(prefix, entry.year),
            first_name=rng.choice(FIRST_NAMES[gender]),
            last_name=rng.choice(LAST_NAMES),
            date_of_birth=entry - timedelta(days=rng.randint(18 * 365, 60 * 365)),
            gender=gender,
            nationality=rng.choice(NATIONALITIES),
            residence_status=rng.choice(RESIDENCE),
            city=city,
            date_of_entry=entry,
            case_manager=self.user,
        )
        stays = add_months(entry, rng.randint(4, 15))
        if stays < self.today:
            case.status, case.closed_on = "closed", stays
            case.closing_reason = rng.choice(
                [ClosingReason.PLACED] * 5 + [ClosingReason.MOVED_AWAY, ClosingReason.OTHER] * 2
            )
        return case

    def transfers(self, case: Case) -> list[Transfer]:
        """Back-to-back periods from two weeks after entry until closing (or today)."""
        rng, result = self.rng, []
        end = case.closed_on or self.today
        start = case.date_of_entry + timedelta(weeks=2)
        while start < end and len(result) < 2:
            ends_on = add_months(start, self.months)
            transfer = Transfer(
                case=case,
                partner=rng.choice(self.partners),
                starts_on=start,
                ends_on=ends_on,
                consent_to_share=True,
                consent_recorded_on=start,
                state=TransferState.COMPLETED,
                decided_by=self.user,
                decided_on=start,
                created_by=self.user,
            )
            if rng.random() < 0.05:
                transfer.state, transfer.decision_reason = TransferState.DECLINED, "Kein Platz frei"
            elif case.status == "open" and ends_on >= self.today:
                recent = (self.today - start).days < 14
                transfer.state = TransferState.PENDING if recent else TransferState.ACCEPTED
                if recent:
                    transfer.decided_by = transfer.decided_on = None
            result.append(transfer)
            if transfer.is_open:
                break
            start = ends_on
        return result

    def after_transfer(self, transfer: Transfer, rows: dict) -> None:
        rng = self.rng
        tasks = ("Bewerbungsmappe erstellen", "Stellensuche lernen")[: rng.randint(1, 2)]
        for order, text in enumerate(tasks):
            rows["tasks"].append(
                TransferTask(transfer=transfer, sort_order=order, text=text, due_on=None)
            )
        if transfer.state not in (TransferState.ACCEPTED, TransferState.COMPLETED):
            return
        conference_on = transfer.ends_on - self.before_end
        day = transfer.starts_on + self.interval
        while day < conference_on:
            held = day < self.today - timedelta(days=3) and rng.random() < 0.95
            rows["exchanges"].append(
                Exchange(
                    transfer=transfer,
                    planned_for=day,
                    held_on=day if held else None,
                    notes="Gute Fortschritte." if held else "",
                    recorded_by=self.user if held else None,
                )
            )
            day += self.interval
        held = transfer.state == TransferState.COMPLETED
        rows["conferences"].append(
            CaseConference(
                case=transfer.case,
                transfer=transfer,
                due_on=conference_on,
                held_on=conference_on if held else None,
                outcome=rng.choice(ConferenceOutcome.values) if held else "",
            )
        )

    def events(self, case: Case, rows: dict) -> None:
        rng = self.rng
        end = case.closed_on or self.today
        if rng.random() < 0.25:
            starts = self.day_between(case.date_of_entry, end)
            rows["trainings"].append(
                Training(
                    case=case,
                    provider="Gesa gGmbH",
                    kind=rng.choice(TRAINING_KINDS),
                    starts_on=starts,
                    ends_on=starts + timedelta(weeks=8),
                    status=rng.choice(["attended", "completed", "dropped_out"]),
                )
            )
        if case.closing_reason == ClosingReason.PLACED:
            rows["placements"].append(
                Placement(
                    case=case,
                    kind=rng.choice(["work", "work", "vocational_training"]),
                    first_labour_market=rng.random() < 0.9,
                    starts_on=case.closed_on,
                    sector=rng.choice(SECTORS),
                    hours_per_week=rng.choice([20, 30, 38.5, 40]),
                    recorded_by=self.user,
                )
            )

    def plan(self, case: Case, rows: dict) -> None:
        plan = SupportPlan(case=case, version=1, summary="", created_by=self.user)
        rows["plans"].append(plan)
        for order, (text, steps) in enumerate(self.rng.sample(GOALS, self.rng.randint(1, 2))):
            goal = PlanGoal(plan=plan, sort_order=order, text=text)
            rows["goals"].append(goal)
            rows["steps"].extend(
                PlanStep(goal=goal, sort_order=index, what=what, who="Jobcoach")
                for index, what in enumerate(steps)
            )

    @transaction.atomic
    def batch(self, size: int) -> Counter:
        cases = Case.objects.bulk_create([self.case() for _index in range(size)])
        self.numbers.save()
        through = Case.languages.through
        through.objects.bulk_create(
            through(case_id=case.pk, language_id=self.rng.choice(self.languages)) for case in cases
        )
        rows = {name: [] for name in ("plans", "goals", "steps", "tasks")}
        rows |= {name: [] for name in ("exchanges", "conferences", "trainings", "placements")}
        transfers = []
        for case in cases:
            self.plan(case, rows)
            transfers.extend(self.transfers(case))
            self.events(case, rows)
        # Parents first: bulk_create sets their pks, and Django fills in a child's foreign key
        # from a parent saved after it was assigned.
        SupportPlan.objects.bulk_create(rows["plans"], batch_size=BATCH)
        PlanGoal.objects.bulk_create(rows["goals"], batch_size=BATCH)
        PlanStep.objects.bulk_create(rows["steps"], batch_size=BATCH)
        Transfer.objects.bulk_create(transfers, batch_size=BATCH)
        for transfer in transfers:
            self.after_transfer(transfer, rows)
        for name, model in (
            ("tasks", TransferTask),
            ("exchanges", Exchange),
            ("conferences", CaseConference),
            ("trainings", Training),
            ("placements", Placement),
        ):
            model.objects.bulk_create(rows[name], batch_size=BATCH)
        refresh_next_due([case.pk for case in cases])  # bulk_create sends no signals
        counts = Counter({name: len(items) for name, items in rows.items()})
        counts.update(cases=len(cases), transfers=len(transfers), languages=len(cases))
        return counts


def generate(total: int, *, today: date, seed: int = 2008, write=print) -> Counter:
    """Make sure ``total`` generated cases exist; return the rows added per kind."""
    user = generator_user()
    existing = Case.objects.filter(case_manager=user).count()
    missing = max(0, total - existing)
    if not missing:
        return Counter()
    generator = Generator(random.Random(f"{seed}-{existing}"), today, user)
    added, started = Counter(), time.monotonic()
    while missing:
        size = min(BATCH, missing)
        added += generator.batch(size)
        missing -= size
        if added["cases"] % 50000 < BATCH or not missing:
            write(
                f"  {added['cases']} generated cases ({sum(added.values())} rows) "
                f"in {time.monotonic() - started:.0f} s"
            )
    return added
