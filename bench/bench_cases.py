"""Benchmark: "My cases" with many generated cases in SQLite, first page, three ways.

The data lives in a file database (``var/bench-cases.sqlite3``, built once by
``load_demo --cases N`` and topped up when N grows; delete it to start again). The Wuppertal
case manager ``fallmanagement`` opens "My cases" through the Django test client (the whole
admin view: permissions, filters, the annotated queryset, paging, the template), unfiltered,
filtered by partner and filtered by due date. The baseline in the same run is the bare ORM:
the same queryset's first page and count, without the view around it.

Target: every first page under 200 ms with 1,000,000 cases; the same number of queries whatever
the number of cases (tests/casework/test_queries.py holds that).

Run: ``make bench`` or ``.venv/bin/python bench/bench_cases.py [cases] [iterations]``
(``BENCH_CASES`` also sets the number; default 1,000,000).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = ROOT / "var" / "bench-cases.sqlite3"
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Exists, OuterRef  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from casework.models import Case, Transfer  # noqa: E402
from casework.models.transfers import OPEN_STATES  # noqa: E402
from partners.models import PartnerOrganisation  # noqa: E402

TARGET_MS = 200
PAGE = 20


def build(cases: int) -> float:
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("load_demo", force=True, cases=cases, stdout=open(os.devnull, "w"))  # noqa: SIM115
    return time.monotonic() - started


def timed(function, iterations: int) -> tuple[float, int]:
    function()  # warm
    times = []
    for _index in range(iterations):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            function()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(queries.captured_queries)


def bare_orm(user, partner=None, due=False):
    """The first page as the view asks for it, without the view."""
    queryset = Case.objects.visible_to(user).select_related("city")
    if partner is not None:
        queryset = queryset.filter(
            Exists(
                Transfer.objects.filter(case=OuterRef("pk"), partner=partner, state__in=OPEN_STATES)
            )
        )
    if due:
        queryset = queryset.due_within(7, timezone.localdate())
    ordered = queryset.order_by("next_due", "number")

    def run():
        queryset.count()
        list(ordered[:PAGE])

    return run


def main() -> int:
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("BENCH_CASES", 10**6))
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    setup_test_environment()
    print(f"Building/checking {cases} generated cases in {DATABASE.relative_to(ROOT)} ...")
    print(f"  ready in {build(cases):.0f} s; {Case.objects.count()} cases in the database")
    user = get_user_model().objects.get(username="fallmanagement")
    client = Client()
    client.force_login(user)
    partner = PartnerOrganisation.objects.sources().get(slug="diakonie-wuppertal-migrationsdienste")
    url = reverse("casework:index")
    variants = [
        ("first page", "", {}),
        ("by partner", f"?partner={partner.pk}", {"partner": partner}),
        ("due this week", "?due=week", {"due": True}),
    ]
    failed = False
    print(f"{'My cases':<16}{'view ms':>10}{'queries':>9}{'bare ORM ms':>13}{'ratio':>8}")
    for label, query, orm_options in variants:

        def view(query=query):
            response = client.get(url + query)
            assert response.status_code == 200, response.status_code

        view_ms, view_queries = timed(view, iterations)
        orm_ms, _orm_queries = timed(bare_orm(user, **orm_options), iterations)
        failed |= view_ms > TARGET_MS
        print(
            f"{label:<16}{view_ms:>10.1f}{view_queries:>9}{orm_ms:>13.1f}"
            f"{view_ms / orm_ms if orm_ms else 0:>8.2f}"
        )
    print(f"Target: each view under {TARGET_MS} ms: {'MISSED' if failed else 'met'}.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
