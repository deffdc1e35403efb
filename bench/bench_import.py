"""Benchmark: preview plus confirm of a 10,000-row partner file, against django-import-export.

Both imports read the same synthetic rows into the same model (``PartnerOrganisation``) in one
run, interleaved, on a throwaway SQLite file database (as the site runs):

- "ours": ``partners.importing`` as the admin runs it: parse, preview (``dry_run=True``), parse
  again, confirm. It checks every row (kinds, yes/no, the four vocabulary lists, e-mail and web
  addresses, slugs in any letter case, duplicates), then writes partners, list rows, a published
  revision per partner, log entries and the search index in bulk.
- "plain import-export": a plain ``ModelResource`` with ``use_bulk=True`` on the same columns
  except the lists (its bulk mode cannot write many-to-many fields), ``import_data`` with
  ``dry_run=True`` and then ``dry_run=False``: no revisions, no log, no search index.

Each round imports new slugs, so every round creates 10,000 partners. Target: ours >= 5,000
rows/s for preview plus confirm.

Run: ``make bench`` or ``.venv/bin/python bench/bench_import.py [rows] [rounds]``.
"""

import os
import statistics
import sys
import tempfile
import time
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
                    f"kontakt{n}@example.org",
                    f"https://traeger{n}.example.org",
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


def ours(data: bytes, user) -> None:
    report = importing.run_import(importing.parse(data, "csv"), user, dry_run=True)
    assert not report.has_errors, report.errors[:3]
    report = importing.run_import(importing.parse(data, "csv"), user, dry_run=False)
    assert report.count("new") == len(report.rows)


def plain(data: bytes, locale_id) -> None:
    text = data.decode("utf-8")
    for dry_run in (True, False):
        dataset = tablib.Dataset().load(text, format="csv", delimiter=";")
        dataset = dataset.subset(cols=PlainPartnerResource.Meta.fields)
        result = PlainPartnerResource(locale_id).import_data(dataset, dry_run=dry_run)
        assert not result.has_errors() and not result.has_validation_errors()


def main(count: int, rounds: int) -> int:
    from django.contrib.auth import get_user_model

    from wagtail.models import Locale

    setup_test_environment()
    database = Path(tempfile.mkdtemp()) / "bench-import.sqlite3"
    connection.settings_dict["TEST"]["NAME"] = str(database)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "x")
    locale_id = Locale.get_default().pk
    timings: dict[str, list[float]] = {"ours": [], "plain": []}
    for number in range(rounds):
        for name, run in (
            ("ours", lambda d: ours(d, user)),
            ("plain", lambda d: plain(d, locale_id)),
        ):
            data = synthetic_file(count, f"{name}{number}")
            start = time.perf_counter()
            run(data)
            timings[name].append(time.perf_counter() - start)
    ours_rate = count / statistics.median(timings["ours"])
    plain_rate = count / statistics.median(timings["plain"])
    size = len(synthetic_file(count, "x")) / 1024 / 1024
    print(
        f"Partner import, {count} rows ({size:.1f} MB CSV), preview + confirm, median of {rounds}:"
    )
    print(f"  ours                       {ours_rate:>8.0f} rows/s")
    print(f"  plain import-export (bulk) {plain_rate:>8.0f} rows/s")
    print(f"  ratio ours / plain         {ours_rate / plain_rate:>8.2f}x")
    verdict = "OK" if ours_rate >= TARGET_ROWS_PER_SECOND else "SLOWER THAN TARGET"
    print(f"Target >= {TARGET_ROWS_PER_SECOND} rows/s: {verdict}")
    connection.creation.destroy_test_db(str(database), verbosity=0)
    return 0 if ours_rate >= TARGET_ROWS_PER_SECOND else 1


if __name__ == "__main__":
    sys.exit(
        main(
            int(sys.argv[1]) if len(sys.argv) > 1 else 10_000,
            int(sys.argv[2]) if len(sys.argv) > 2 else 2,
        )
    )
