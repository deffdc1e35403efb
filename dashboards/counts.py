"""Keeping the counts of ``dashboards.models.counts`` equal to the records, on every write.

``refresh(case_ids)`` works out what those cases (and their placements) contribute now, from
the records, with the same SQL expressions the live figures use (age group at entry, months to
the first placement), compares it with their stored facts and adds only the difference to the
counts, in the caller's transaction. It is idempotent: refreshing a case that did not change
writes nothing. The cases' rows are locked first (``FOR NO KEY UPDATE`` on PostgreSQL; SQLite
lets one writer in at a time), so two transactions changing the same case cannot both add
their difference to the same old facts.

Every way a case or placement is written ends here: ``save()`` and ``delete()`` (cascades
included) through the model signals, the imports' bulk writes through
``casework.bulk_rows.bulk_saved``, anonymisation through ``case_anonymised``, and the demo's
million-row loads (which send no per-row signals) through ``rebuild()`` on ``rows_written``.
``manage.py dashboard_counts --check`` compares the counts with a fresh computation.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date

from django.db import connection, transaction
from django.db.models import OuterRef, Subquery

from .metrics.expressions import age_group
from .models.counts import (
    CaseCount,
    CaseFact,
    MonthsToPlacementCount,
    PlacementCount,
    PlacementFact,
)

CHUNK = 2000  # ids per query (well under SQLite's limit of bound parameters)

PERSON_KEY = ("month", "city_id", "gender", "age_group", "residence_status")
CASE_KEY = (*PERSON_KEY, "placed")
MONTHS_KEY = (*PERSON_KEY, "months")
PLACEMENT_KEY = (*PERSON_KEY, "kind", "first_labour_market")
CASE_FACT = ("case_id", *PERSON_KEY, "placed", "months")  # months: 0 when not placed
TABLES = (
    (CaseCount, CASE_KEY),
    (MonthsToPlacementCount, MONTHS_KEY),
    (PlacementCount, PLACEMENT_KEY),
)
PLACEMENT_FACT = ("placement_id", "case_id", "month", "kind", "first_labour_market")


def months_between(entry: date, placed: date) -> int:
    """Calendar months from the month of entry to the month of placement (as the live median
    counts them)."""
    return (placed.year - entry.year) * 12 + placed.month - entry.month


def live_facts(case_ids: list[int]) -> tuple[dict, dict]:
    """The facts of these cases and of their placements as the records say now."""
    from casework.models import Case, Placement

    first_placed = Subquery(
        Placement.objects.filter(case=OuterRef("pk")).order_by("starts_on").values("starts_on")[:1]
    )
    rows = (
        Case.objects.filter(pk__in=case_ids)
        .annotate(_age_group=age_group(""), _first=first_placed)
        .values_list(
            "pk", "date_of_entry", "city_id", "gender", "_age_group", "residence_status", "_first"
        )
    )
    cases = {}
    for pk, entry, city_id, gender, group, residence, first in rows:
        months = months_between(entry, first) if first else 0
        cases[pk] = (
            pk,
            entry.replace(day=1),
            city_id,
            gender,
            group,
            residence,
            bool(first),
            months,
        )
    placements = {
        row[0]: (row[0], row[1], row[2].replace(day=1), row[3], row[4])
        for row in Placement.objects.filter(case_id__in=case_ids).values_list(
            "pk", "case_id", "starts_on", "kind", "first_labour_market"
        )
        if row[1] in cases  # (a fixture may load a placement before its case)
    }
    return cases, placements


def stored_facts(case_ids: list[int]) -> tuple[dict, dict]:
    cases = {
        row[0]: row
        for row in CaseFact.objects.filter(case_id__in=case_ids)
        .select_for_update(no_key=True)
        .values_list(*CASE_FACT)
    }
    placements = {
        row[0]: row
        for row in PlacementFact.objects.filter(case_id__in=case_ids).values_list(*PLACEMENT_FACT)
    }
    return cases, placements


def contribution(cases: dict, placements: dict) -> tuple[Counter, Counter, Counter]:
    """What these facts add to ``CaseCount``, ``MonthsToPlacementCount`` and
    ``PlacementCount``."""
    case_counts = Counter(fact[1:7] for fact in cases.values())
    months_counts = Counter((*fact[1:6], fact[7]) for fact in cases.values() if fact[6])
    placement_counts = Counter()
    for _pk, case_id, month, kind, first_market in placements.values():
        person = cases[case_id][2:6]  # city, gender, age group, residence status
        placement_counts[(month, *person, kind, first_market)] += 1
    return case_counts, months_counts, placement_counts


def difference(new: Counter, old: Counter) -> dict:
    changes = {key: new[key] - old[key] for key in new.keys() | old.keys()}
    return {key: change for key, change in changes.items() if change}


def refresh(case_ids: Iterable[int]) -> None:
    """Bring the counts up to date with these cases (see the module docstring)."""
    ids = sorted({pk for pk in case_ids if pk is not None})
    with transaction.atomic():
        for start in range(0, len(ids), CHUNK):
            _refresh_chunk(ids[start : start + CHUNK])


def _refresh_chunk(ids: list[int]) -> None:
    from casework.models import Case

    list(Case.objects.filter(pk__in=ids).select_for_update(no_key=True).values_list("pk"))
    old_cases, old_placements = stored_facts(ids)
    new_cases, new_placements = live_facts(ids)
    if (old_cases, old_placements) == (new_cases, new_placements):
        return
    old = contribution(old_cases, old_placements)
    new = contribution(new_cases, new_placements)
    for table, new_counts, old_counts in zip(TABLES, new, old, strict=True):
        add(*table, difference(new_counts, old_counts))
    _replace(CaseFact, CASE_FACT, old_cases, new_cases)
    _replace(PlacementFact, PLACEMENT_FACT, old_placements, new_placements)


def _replace(model, columns: tuple[str, ...], old: dict, new: dict) -> None:
    changed = [fact for pk, fact in new.items() if old.get(pk) != fact]
    gone = [pk for pk in old if pk not in new or old[pk] != new[pk]]
    if gone:
        model.objects.filter(pk__in=gone).delete()
    if changed:
        model.objects.bulk_create(
            [model(**dict(zip(columns, fact, strict=True))) for fact in changed]
        )


def _upsert_sql(model, key: tuple[str, ...]) -> str:
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(name) for name in key)
    values = ", ".join(["%s"] * (len(key) + 1))
    # Names from the model's _meta, quoted; the values are parameters. SQLite (3.24+) and
    # PostgreSQL both take this upsert.
    return (
        f"INSERT INTO {table} ({columns}, n) VALUES ({values}) "  # noqa: S608
        f"ON CONFLICT ({columns}) DO UPDATE SET n = {table}.n + excluded.n"
    )


def add(model, key: tuple[str, ...], changes: dict) -> None:
    """Add each change to its count; counts that reach 0 are removed (a city or category with
    nothing counted must not show as a row of zeros)."""
    if not changes:
        return
    adapt = connection.ops.adapt_datefield_value
    rows = [(adapt(k[0]), *k[1:], change) for k, change in sorted(changes.items())]
    quote = connection.ops.quote_name
    where = " AND ".join(f"{quote(name)} = %s" for name in key)
    table = quote(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(_upsert_sql(model, key), rows)
        lowered = [row[:-1] for row in rows if row[-1] < 0]
        if lowered:
            cursor.executemany(f"DELETE FROM {table} WHERE {where} AND n = 0", lowered)  # noqa: S608


def all_case_ids(batch: int = CHUNK * 5):
    from casework.models import Case

    last = 0
    while True:
        ids = list(
            Case.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:batch]
        )
        if not ids:
            return
        yield ids
        last = ids[-1]


def computed() -> tuple[tuple[Counter, ...], int, int]:
    """The counts worked out afresh from every case (a pass over all of them, in batches),
    and the numbers of cases and placements they were counted from."""
    totals = (Counter(), Counter(), Counter())
    cases = placements = 0
    for ids in all_case_ids():
        facts = live_facts(ids)
        for total, part in zip(totals, contribution(*facts), strict=True):
            total.update(part)
        cases, placements = cases + len(facts[0]), placements + len(facts[1])
    return totals, cases, placements


def stored() -> tuple[Counter, ...]:
    return tuple(
        Counter({row[:-1]: row[-1] for row in model.objects.values_list(*key, "n")})
        for model, key in TABLES
    )


@transaction.atomic
def rebuild() -> tuple[int, ...]:
    """Work out every fact and count afresh (after rows were written without signals).
    Returns how many counts each table keeps."""
    for model in (CaseCount, MonthsToPlacementCount, PlacementCount, CaseFact, PlacementFact):
        model.objects.all().delete()
    totals = (Counter(), Counter(), Counter())
    for ids in all_case_ids():
        cases, placements = live_facts(ids)
        _insert_facts(CaseFact, CASE_FACT, cases.values())
        _insert_facts(PlacementFact, PLACEMENT_FACT, placements.values())
        for total, part in zip(totals, contribution(cases, placements), strict=True):
            total.update(part)
    for (model, key), total in zip(TABLES, totals, strict=True):
        add(model, key, dict(total))
    return tuple(len(total) for total in totals)


def _insert_facts(model, columns: tuple[str, ...], facts) -> None:
    """Plain ``executemany``: a million facts through ``bulk_create`` would take minutes."""
    quote = connection.ops.quote_name
    adapt = connection.ops.adapt_datefield_value
    names = ", ".join(quote(name) for name in columns)
    values = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({values})"  # noqa: S608
    rows = [tuple(adapt(v) if isinstance(v, date) else v for v in fact) for fact in facts]
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
