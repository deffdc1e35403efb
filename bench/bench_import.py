"""Benchmark: preview plus confirm of a 10,000-row partner file, against django-import-export.

Both imports read the same synthetic rows into the same model (``PartnerOrganisation``) in one
run, on a throwaway SQLite file database (as the site runs; ``DATABASE_URL`` names another):

- "ours": ``partners.importing`` as the admin runs it: parse and preview (``dry_run=True``),
  then parse again and confirm. It checks every row (kinds, yes/no, the four vocabulary lists,
  e-mail and web addresses, slugs in any letter case, duplicates), then writes partners, list
  rows, a published revision per partner, log entries and the search index.
- "plain import-export": a plain ``ModelResource`` with ``use_bulk=True`` on the same columns
  except the lists (its bulk mode cannot write many-to-many fields), ``import_data`` with
  ``dry_run=True`` (preview) and then ``dry_run=False`` (confirm), each loading the file:
  partner rows only, no lists, revisions, log or search index.

Each run imports new slugs, so every run creates ``rows`` partners. The two take turns, the
order swapping each round (A B, B A, A B ...). A side's first run is reported as "cold" (the
vocabularies, translations and content types not yet read by it), the median of the others as
"warm"; preview, confirm and their sum apart, as rows per wall second and per CPU second (this
process: SQLite runs in it). The machine is shared, so the load average is printed and the
ratio is the figure to read. Target: ours >= 5,000 rows/s for preview plus confirm, warm, on
wall time; the script exits non-zero below it.

Run: ``make bench`` or ``.venv/bin/python bench/bench_import.py [rows] [rounds]`` (10,000, 3).
"""

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

import tablib  # noqa: E402
from import_export import resources  # noqa: E402

from partners import importing  # noqa: E402
from partners.models import PartnerOrganisation  # noqa: E402
from partners.resources import LIST_COLUMNS  # noqa: E402

TARGET_ROWS_PER_SECOND = 5_000
HEADER = [
    "slug",
    "name",
    "short_name",
    "kind",
    "active",
    "description",
    "town",
    "postal_code",
    "phone",
    "email",
    "website",
    "services",
    "target_groups",
    "languages",
    "cities",
]


def synthetic_file(count: int, prefix: str) -> bytes:
    """A German-style export: semicolons, German kind labels and yes/no, names in lists."""
    lines = [";".join(HEADER)]
    for n in range(count):
        lines.append(
            ";".join(
                [
                    f"{prefix}-partner-{n}",
                    f"Träger {prefix} {n} gGmbH",
                    f"T{n}",
                    "non_profit" if n % 2 else "training_provider",
                    "ja" if n % 7 else "nein",
                    f"Beratung und Qualifizierung, Angebot {n}",
                    ("Wuppertal", "Solingen", "Remscheid")[n % 3],
                    f"{42100 + n % 900}",
                    f"0202 555-{n % 10000:04d}",
                    f"kontakt{n}@{prefix}.example.org",  # new in every run: nothing is
                    f"https://traeger{n}.{prefix}.example.org",  # known from the run before
                    "Qualifizierung | Jobcoaching" if n % 2 else "qualification",
                    "Frauen" if n % 3 else "",
                    "Arabisch | Englisch" if n % 4 else "",
                    ("Wuppertal", "Solingen|Remscheid")[n % 2],
                ]
            )
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


class PlainPartnerResource(resources.ModelResource):
    """django-import-export as it comes: a ModelResource, bulk mode, slug as the key."""

    class Meta:
        model = PartnerOrganisation
        fields = [column for column in HEADER if column not in LIST_COLUMNS]
        import_id_fields = ["slug"]
        use_bulk = True
        batch_size = 1000
        skip_unchanged = True

    def init_instance(self, row=None):
        # bulk_create sends no pre_save signal, so Wagtail's default locale is set here
        return PartnerOrganisation(locale_id=self.locale_id)

    def __init__(self, locale_id):
        super().__init__()
        self.locale_id = locale_id


def ours(data: bytes, user) -> tuple[Callable, Callable]:
    def preview():
        report = importing.run_import(importing.parse(data, "csv"), user, dry_run=True)
        assert not report.has_errors, report.errors[:3]

    def confirm():
        report = importing.run_import(importing.parse(data, "csv"), user, dry_run=False)
        assert report.count("new") == len(report.rows)

    return preview, confirm


def plain(data: bytes, locale_id) -> tuple[Callable, Callable]:
    def run(dry_run: bool):
        dataset = tablib.Dataset().load(data.decode("utf-8"), format="csv", delimiter=";")
        dataset = dataset.subset(cols=PlainPartnerResource.Meta.fields)
        result = PlainPartnerResource(locale_id).import_data(dataset, dry_run=dry_run)
        assert not result.has_errors() and not result.has_validation_errors()

    return (lambda: run(True)), (lambda: run(False))


def timed(fn: Callable) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def rates(count: int, runs: list[dict]) -> dict:
    """rows/s by phase and clock, from the medians of ``runs``."""
    result = {}
    for clock in (0, 1):
        preview = statistics.median(run["preview"][clock] for run in runs)
        confirm = statistics.median(run["confirm"][clock] for run in runs)
        total = statistics.median(run["preview"][clock] + run["confirm"][clock] for run in runs)
        result[clock] = {
            "preview": count / preview,
            "confirm": count / confirm,
            "total": count / total,
        }
    return result


def main(count: int, rounds: int) -> int:
    from django.contrib.auth import get_user_model

    from wagtail.models import Locale

    setup_test_environment()
    if connection.vendor == "sqlite":
        database = Path(tempfile.mkdtemp()) / "bench-import.sqlite3"
        connection.settings_dict["TEST"]["NAME"] = str(database)
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    locale_id = Locale.get_default().pk
    sides = {
        "ours": lambda data: ours(data, user),
        "plain import-export (bulk)": lambda data: plain(data, locale_id),
    }
    runs: dict[str, list[dict]] = {side: [] for side in sides}
    load_before = os.getloadavg()[0]
    for number in range(rounds):
        order = list(sides) if number % 2 == 0 else list(reversed(sides))
        for side in order:
            prefix = f"{side.split()[0]}{number}"
            preview, confirm = sides[side](synthetic_file(count, prefix))
            runs[side].append({"preview": timed(preview), "confirm": timed(confirm)})
    load_after = os.getloadavg()[0]
    size = len(synthetic_file(count, "x")) / 1024 / 1024
    print(
        f"Partner import, {count} rows ({size:.1f} MB CSV), {connection.vendor}, {rounds} "
        f"rounds A B / B A; load average {load_before:.1f} before, {load_after:.1f} after "
        f"({os.cpu_count()} cores)"
    )
    figures = {}
    for state, pick in (("cold", lambda r: r[:1]), ("warm", lambda r: r[1:] or r[:1])):
        print(f"  {state} (rows/s, wall | CPU)   preview            confirm            total")
        for side in sides:
            figures[state, side] = rates(count, pick(runs[side]))
            line = "".join(
                f"{figures[state, side][0][phase]:>8.0f} | {figures[state, side][1][phase]:<8.0f} "
                for phase in ("preview", "confirm", "total")
            )
            print(f"    {side:<27}{line}")
        ours_, plain_ = (figures[state, side] for side in sides)
        print(
            f"    ratio ours / plain, total: {ours_[0]['total'] / plain_[0]['total']:.2f} wall, "
            f"{ours_[1]['total'] / plain_[1]['total']:.2f} CPU"
        )
    warm = figures["warm", "ours"][0]["total"]
    verdict = "OK" if warm >= TARGET_ROWS_PER_SECOND else "SLOWER THAN TARGET"
    print(f"Target >= {TARGET_ROWS_PER_SECOND} rows/s (ours, warm, wall): {verdict}")
    connection.creation.destroy_test_db(name, verbosity=0)
    return 0 if warm >= TARGET_ROWS_PER_SECOND else 1


if __name__ == "__main__":
    sys.exit(
        main(
            int(sys.argv[1]) if len(sys.argv) > 1 else 10_000,
            int(sys.argv[2]) if len(sys.argv) > 2 else 3,
        )
    )
