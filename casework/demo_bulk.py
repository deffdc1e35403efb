"""Many synthetic cases for load tests and benchmarks: ``manage.py load_demo --cases N``.

Participants across Wuppertal, Solingen and Remscheid who entered between October 2008 and
today, with plans, transfers, exchanges, conferences, trainings and placements (no services, no
audit entries: the rules are followed by construction). The rows are plain values written with
``executemany`` (``bulk_rows``) in one transaction, each case's stored ``next_due`` worked out
as its exchanges and conferences are made: a million cases, some 20 million rows, in minutes.
``N`` is the number of generated cases wanted in total: they belong to one inactive, login-less
"synthetic case manager", so a second run with the same ``N`` adds nothing and a larger ``N``
adds the difference. The random generator is seeded with the seed and the number of cases
already there, so the same commands give the same data. No one here is a real person.
"""

import random
import time
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from partners.models import City, Language, PartnerOrganisation

from .bulk_rows import Dates, RowWriter, bulk_load, rows_written
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
from .models.transfers import OPEN_STATES
from .services import city_prefix

GENERATOR_USERNAME = "synthetic-case-manager"
CITIES = {"wuppertal": 6, "solingen": 2, "remscheid": 2}  # relative weights
START = date(2008, 10, 1)
BATCH = 2000  # cases drawn at a time (the order of the draws depends on it)
FLUSH = 10 * BATCH  # cases whose rows are written at a time
REPORT = 50000

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
TRAINING_STATUSES = ["attended", "completed", "dropped_out"]


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
        """One upsert (no signals: the load as a whole announces itself once)."""
        CaseNumberCounter.objects.bulk_create(
            [
                CaseNumberCounter(prefix=prefix, year=year, last=self.last[prefix, year])
                for prefix, year in self.touched
            ],
            update_conflicts=True,
            unique_fields=["prefix", "year"],
            update_fields=["last"],
        )
        self.touched.clear()


# Each table's columns, in the order of the values the generator gives a row.
COLUMNS = {
    "cases": (Case, (
        "id", "number", "first_name", "last_name", "date_of_birth", "gender", "nationality",
        "residence_status", "city_id", "date_of_entry", "case_manager_id", "status",
        "closing_reason", "closed_on", "anonymised_on", "created_at", "next_due",
    )),
    "languages": (Case.languages.through, ("id", "case_id", "language_id")),
    "plans": (SupportPlan, ("id", "case_id", "version", "summary", "created_by_id", "created_at")),
    "goals": (PlanGoal, ("id", "plan_id", "sort_order", "text")),
    "steps": (PlanStep, ("id", "goal_id", "sort_order", "what", "who", "due_on", "status")),
    "transfers": (Transfer, (
        "id", "case_id", "partner_id", "starts_on", "ends_on", "consent_to_share",
        "consent_recorded_on", "note_for_partner", "state", "decision_reason", "decided_by_id",
        "decided_on", "created_by_id", "created_at",
    )),
    "tasks": (TransferTask, ("id", "transfer_id", "sort_order", "text", "due_on")),
    "exchanges": (
        Exchange, ("id", "transfer_id", "planned_for", "held_on", "notes", "recorded_by_id")
    ),
    "conferences": (
        CaseConference, ("id", "case_id", "transfer_id", "due_on", "held_on", "outcome", "notes")
    ),
    "trainings": (
        Training, ("id", "case_id", "provider", "kind", "starts_on", "ends_on", "status")
    ),
    "placements": (Placement, (
        "id", "case_id", "kind", "first_labour_market", "starts_on", "sector",
        "hours_per_week", "recorded_by_id",
    )),
}  # fmt: skip
HOURS = [Decimal(hours) for hours in ("20", "30", "38.5", "40")]
CLOSING_REASONS = [ClosingReason.PLACED] * 5 + [ClosingReason.MOVED_AWAY, ClosingReason.OTHER] * 2
HELD_STATES = (TransferState.ACCEPTED, TransferState.COMPLETED)


class GeneratedCase:
    """What the later rows of a case depend on, and the dates not yet held (``next_due``)."""

    __slots__ = ("closed_on", "due", "entry", "placed", "row")

    def __init__(self, row: list, entry: date, closed_on: date | None, placed: bool):
        self.row, self.entry, self.closed_on, self.placed = row, entry, closed_on, placed
        self.due: list[date] = []


class Generator:
    """The rows of a batch of cases as plain values, parents before children."""

    def __init__(self, rng: random.Random, today: date, user, writer: RowWriter):
        self.rng, self.today, self.user = rng, today, user.pk
        cities = list(City.objects.sources().filter(slug__in=CITIES))
        self.cities = [(city.pk, city_prefix(city)) for city in cities]
        self.weights = [CITIES[city.slug] for city in cities]
        partners = PartnerOrganisation.objects.sources().filter(active=True)
        self.partners = [partner.pk for partner in partners]
        self.languages = list(Language.objects.sources().values_list("pk", flat=True))
        self.numbers = Numbers()
        self.months = setting("CASEWORK_TRANSFER_MONTHS")
        self.interval = timedelta(weeks=setting("CASEWORK_EXCHANGE_INTERVAL_WEEKS"))
        self.before_end = timedelta(weeks=setting("CASEWORK_CONFERENCE_WEEKS_BEFORE_END"))
        self.span = (today - START).days
        self.tables = {name: writer.table(name, *spec) for name, spec in COLUMNS.items()}
        self.day = Dates()
        self.now = connection.ops.adapt_datetimefield_value(timezone.now())

    def day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, max(0, (last - first).days)))

    def case(self) -> GeneratedCase:
        rng, day = self.rng, self.day
        city, prefix = rng.choices(self.cities, self.weights)[0]
        entry = START + timedelta(days=rng.randint(0, self.span))
        gender = rng.choice(("female", "male"))
        number = self.numbers.next(prefix, entry.year)
        first_name = rng.choice(FIRST_NAMES[gender])
        last_name = rng.choice(LAST_NAMES)
        born = entry - timedelta(days=rng.randint(18 * 365, 60 * 365))
        nationality, residence = rng.choice(NATIONALITIES), rng.choice(RESIDENCE)
        stays = add_months(entry, rng.randint(4, 15))
        status, reason, closed_on = "open", "", None
        if stays < self.today:
            status, reason, closed_on = "closed", rng.choice(CLOSING_REASONS), stays
        row = self.tables["cases"].add(
            number, first_name, last_name, day[born], gender, nationality, residence, city,
            day[entry], self.user, status, reason, day[closed_on], None, self.now, None,
        )  # fmt: skip
        return GeneratedCase(row, entry, closed_on, reason == ClosingReason.PLACED)

    def transfers(self, case: GeneratedCase) -> list[tuple]:
        """Back-to-back periods from two weeks after entry until closing (or today)."""
        rng, day, result = self.rng, self.day, []
        end = case.closed_on or self.today
        start = case.entry + timedelta(weeks=2)
        while start < end and len(result) < 2:
            ends_on = add_months(start, self.months)
            partner = rng.choice(self.partners)
            state, reason, decided_by, decided_on = TransferState.COMPLETED, "", self.user, start
            if rng.random() < 0.05:
                state, reason = TransferState.DECLINED, "Kein Platz frei"
            elif case.closed_on is None and ends_on >= self.today:
                recent = (self.today - start).days < 14
                state = TransferState.PENDING if recent else TransferState.ACCEPTED
                if recent:
                    decided_by = decided_on = None
            row = self.tables["transfers"].add(
                case.row[0], partner, day[start], day[ends_on], True, day[start], "", state,
                reason, decided_by, day[decided_on], self.user, self.now,
            )  # fmt: skip
            result.append((row[0], case, state, start, ends_on))
            if state in OPEN_STATES:
                break
            start = ends_on
        return result

    def after_transfer(self, transfer: tuple) -> None:
        rng, day = self.rng, self.day
        transfer_id, case, state, starts_on, ends_on = transfer
        tasks = ("Bewerbungsmappe erstellen", "Stellensuche lernen")[: rng.randint(1, 2)]
        for order, text in enumerate(tasks):
            self.tables["tasks"].add(transfer_id, order, text, None)
        if state not in HELD_STATES:
            return
        conference_on = ends_on - self.before_end
        planned = starts_on + self.interval
        held_until = self.today - timedelta(days=3)
        exchanges = self.tables["exchanges"]
        while planned < conference_on:
            if planned < held_until and rng.random() < 0.95:
                exchanges.add(
                    transfer_id, day[planned], day[planned], "Gute Fortschritte.", self.user
                )
            else:
                exchanges.add(transfer_id, day[planned], None, "", None)
                case.due.append(planned)
            planned += self.interval
        if state == TransferState.COMPLETED:
            outcome = rng.choice(ConferenceOutcome.values)
            self.tables["conferences"].add(
                case.row[0], transfer_id, day[conference_on], day[conference_on], outcome, ""
            )
        else:
            self.tables["conferences"].add(
                case.row[0], transfer_id, day[conference_on], None, "", ""
            )
            case.due.append(conference_on)

    def events(self, case: GeneratedCase) -> None:
        rng, day = self.rng, self.day
        end = case.closed_on or self.today
        if rng.random() < 0.25:
            starts = self.day_between(case.entry, end)
            kind, status = rng.choice(TRAINING_KINDS), rng.choice(TRAINING_STATUSES)
            self.tables["trainings"].add(
                case.row[0], "Gesa gGmbH", kind, day[starts], day[starts + timedelta(weeks=8)],
                status,
            )  # fmt: skip
        if case.placed:
            kind = rng.choice(["work", "work", "vocational_training"])
            first_labour_market = rng.random() < 0.9
            sector, hours = rng.choice(SECTORS), rng.choice(HOURS)
            self.tables["placements"].add(
                case.row[0], kind, first_labour_market, day[case.closed_on], sector, hours,
                self.user,
            )  # fmt: skip

    def plan(self, case: GeneratedCase) -> None:
        plan = self.tables["plans"].add(case.row[0], 1, "", self.user, self.now)[0]
        for order, (text, steps) in enumerate(self.rng.sample(GOALS, self.rng.randint(1, 2))):
            goal = self.tables["goals"].add(plan, order, text)[0]
            for index, what in enumerate(steps):
                self.tables["steps"].add(goal, index, what, "Jobcoach", None, "open")

    def batch(self, size: int) -> None:
        """Draws in the same order as ever, so a seed gives the same cases as before."""
        cases = [self.case() for _index in range(size)]
        for case in cases:
            self.tables["languages"].add(case.row[0], self.rng.choice(self.languages))
        transfers = []
        for case in cases:
            self.plan(case)
            transfers.extend(self.transfers(case))
            self.events(case)
        for transfer in transfers:
            self.after_transfer(transfer)
        for case in cases:
            if case.due:
                case.row[-1] = self.day[min(case.due)]


def generate(total: int, *, today: date, seed: int = 2008, write=print) -> Counter:
    """Make sure ``total`` generated cases exist; return the rows added per kind."""
    user = generator_user()
    existing = Case.objects.filter(case_manager=user).count()
    missing = max(0, total - existing)
    if not missing:
        return Counter()
    started = time.monotonic()
    with transaction.atomic(), bulk_load():
        writer = RowWriter()
        generator = Generator(random.Random(f"{seed}-{existing}"), today, user, writer)
        done = 0
        while done < missing:
            size = min(BATCH, missing - done)
            generator.batch(size)
            done += size
            if done % FLUSH == 0 or done == missing:
                writer.flush()
            if done % REPORT < BATCH or done == missing:
                rows = sum(writer.written.values())
                write(
                    f"  {done} generated cases ({rows} rows) in {time.monotonic() - started:.0f} s"
                )
        generator.numbers.save()
        writer.reset_sequences()
        writer.analyze()
        transaction.on_commit(lambda: rows_written.send(sender=Case, models=writer.models()))
    return Counter({name: count for name, count in writer.written.items() if count})
