"""Benchmark: "My cases" with many generated cases, first page, three ways.

The cases come from ``bench/case_data.py`` (SQLite in ``var/bench-cases.sqlite3``, built once
by ``load_demo --cases N``). The Wuppertal case manager ``fallmanagement`` (who sees the city's
cases, 60 % of all) opens "My cases" through the Django test client (the whole admin view:
middleware, permissions, filters, paging, the template with Wagtail's menu), unfiltered,
filtered by partner and filtered by due date. The test environment's template instrumentation
is left off: it copies every template context for the tests' assertions, which no server does.
The baseline in the same run is the bare query: the view's own count and first page
(``casework.paging``, the same querysets and columns) without the view around them. View and
baseline run interleaved, round after round. *Cold* is the first run on a new database
connection (SQLite's page cache empty; the operating system may still hold the file), after one
untimed run of each has loaded the code and templates; *warm* runs follow each other on the
same connection.

Target: every first page under 200 ms with 1,000,000 cases; the same number of queries whatever
the number of cases (tests/casework/test_queries.py holds that).

Run: ``make bench`` or ``.venv/bin/python bench/bench_cases.py [cases] [rounds]``
(``BENCH_CASES`` also sets the number; default 1,000,000).
"""

import statistics
import sys
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.admin.paginator import WagtailPaginator

from case_data import build, cases_wanted, where

from casework.models import Case, Transfer
from casework.models.cases import visibility_rules
from casework.models.transfers import OPEN_STATES
from casework.paging import RulewisePaginator
from casework.viewsets import MyCasesView
from partners.models import PartnerOrganisation

TARGET_MS = 200
PAGE = 20


def bare_query(user, partner=None, due=False):
    """The view's queries for the first page (its count and rows), without the view."""

    def narrowed(queryset):
        if partner is not None:
            transfers = Transfer.objects.filter(partner=partner, state__in=OPEN_STATES)
            queryset = queryset.filter(pk__in=transfers.values("case_id"))
        return queryset.due_within(7, timezone.localdate()) if due else queryset

    ordering = [F("next_due").asc(nulls_last=True), "number"]
    listing = narrowed(Case.objects.visible_to(user)).order_by(*ordering)
    rules = [(rule, narrowed(Case.objects.filter(rule))) for rule in visibility_rules(user)]
    rows = MyCasesView().with_columns(Case.objects.all())

    def run():
        # As the view: rule by rule, except with a partner chosen (casework.viewsets).
        if partner is not None:
            paginator = WagtailPaginator(listing, PAGE)
        else:
            paginator = RulewisePaginator(listing, PAGE, rules=rules, rows=rows)
        list(paginator.page(1).object_list)

    return run


def timed(function, cold: bool) -> tuple[float, int]:
    if cold:
        connection.close()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        function()
        elapsed = (time.perf_counter() - started) * 1000
    return elapsed, len(queries.captured_queries)


def main() -> int:
    cases = cases_wanted()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    print(f"Building/checking {cases} generated cases in {where()} ...")
    print(f"  ready in {build(cases):.0f} s; {Case.objects.count()} cases in the database")
    user = get_user_model().objects.get(username="fallmanagement")
    client = Client()
    client.force_login(user)
    partner = PartnerOrganisation.objects.sources().get(slug="diakonie-wuppertal-migrationsdienste")
    url = reverse("casework:index")
    variants = []
    for label, query, orm_options in [
        ("first page", "", {}),
        ("by partner", f"?partner={partner.pk}", {"partner": partner}),
        ("due this week", "?due=week", {"due": True}),
    ]:

        def view(query=query):
            response = client.get(url + query)
            assert response.status_code == 200, response.status_code

        variants.append((label, view, bare_query(user, **orm_options)))
    for _label, view, orm in variants:  # load the code and templates once
        view()
        orm()
    times = {(label, kind, cold): [] for label, *_ in variants for kind in "vo" for cold in (1, 0)}
    queries = {}
    for cold in (True, False):
        for index in range(rounds):
            for label, view, orm in variants:
                pair = [("v", view), ("o", orm)]
                for kind, function in pair if index % 2 else pair[::-1]:
                    elapsed, count = timed(function, cold)
                    times[label, kind, cold].append(elapsed)
                    queries[label, kind] = count
    failed = False
    print(f"Medians of {rounds} rounds, interleaved; load average {_load()}")
    print(f"{'My cases':<15}{'':<6}{'view ms':>9}{'queries':>9}{'bare query ms':>15}{'ratio':>7}")
    for label, *_functions in variants:
        for cold in (True, False):
            view_ms = statistics.median(times[label, "v", cold])
            orm_ms = statistics.median(times[label, "o", cold])
            failed |= view_ms > TARGET_MS
            print(
                f"{label:<15}{'cold' if cold else 'warm':<6}{view_ms:>9.1f}"
                f"{queries[label, 'v']:>9}{orm_ms:>15.1f}{view_ms / orm_ms if orm_ms else 0:>7.2f}"
            )
    print(f"Target: each view under {TARGET_MS} ms: {'MISSED' if failed else 'met'}.")
    return 1 if failed else 0


def _load() -> str:
    with open("/proc/loadavg") as loadavg:
        return loadavg.read().split()[0]


if __name__ == "__main__":
    sys.exit(main())
