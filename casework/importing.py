"""Importing participants and placements from an office spreadsheet: preview, then write.

The file is read and kept between preview and confirmation as the site's imports do
(``website.spreadsheets``); its size and row count are limited
(``CASEWORK_IMPORT_MAX_BYTES``, ``CASEWORK_IMPORT_MAX_ROWS``) before anything is built. Rows are
checked in memory (``import_rows``); confirming writes the rows without errors in bulk, in one
transaction: the cases with their pseudonymous numbers (reserved per city and year of entry),
their languages, the placements, one audit entry per case and placement and one for the import.

``bulk_create`` sends no signals, so each new case and placement is announced with
``post_save`` as its ``save()`` would have (the dashboards' cache generation follows), marked
``bulk=True``, and then all of them at once with ``bulk_saved`` (for receivers that work on
sets, such as the dashboards' kept counts); the
reference index is left alone, as for every case it holds nothing. ``next_due`` needs no
refresh: a new case has no exchange or conference, and a placement changes neither.
"""

from collections import defaultdict
from dataclasses import dataclass
from types import SimpleNamespace

from django.db import router, transaction
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.signal_handlers import disable_reference_index_auto_update

from django_tasks import task

from forms_app import jobs
from partners.models import City
from website import spreadsheets
from website.spreadsheets import ImportFileError, header_problems, match_header

from . import audit
from .bulk_rows import bulk_saved
from .conf import setting
from .import_rows import COLUMNS, PlannedRow, RowChecker, column_headings
from .models import Case, Placement
from .models.cases import managed_city_of
from .services import reserve_case_numbers

PREVIEWS = spreadsheets.PreviewStash("casework-imports")


@dataclass
class ImportReport:
    rows: list[PlannedRow]
    columns: list[str]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def importable(self) -> int:
        return len(self.rows) - self.count("error")

    @property
    def placements(self) -> int:
        return sum(1 for row in self.rows if row.action != "error" and row.placement)

    @property
    def errors(self) -> list[tuple[int, str, str]]:
        return [(row.line, column, message) for row in self.rows for column, message in row.errors]


def city_of(user) -> City:
    city_id = managed_city_of(user)
    if city_id is None:
        raise ImportFileError(
            _("You work for no city yet; an administrator sets it under “Case managers' cities”.")
        )
    return City.objects.get(pk=city_id)


def check_upload(filename: str, size: int) -> str:
    extension = spreadsheets.file_format(filename)
    spreadsheets.check_size(size, setting("CASEWORK_IMPORT_MAX_BYTES"))
    return extension


def parse(data: bytes, extension: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The file's columns (technical names) and its rows with their line numbers."""
    spreadsheets.check_size(len(data), setting("CASEWORK_IMPORT_MAX_BYTES"))
    header, rows, limit = None, [], setting("CASEWORK_IMPORT_MAX_ROWS")
    for line, cells in spreadsheets.read_rows(data, extension):
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if header is None:
            header = _check_header(cells)
            continue
        if len(rows) >= limit:
            raise ImportFileError(
                _("The file has more than %(limit)d rows; please split it into smaller files.")
                % {"limit": limit}
            )
        rows.append((line, dict(zip(header, cells + [""] * len(header), strict=False))))
    if header is None:
        raise ImportFileError(_("The file is empty."))
    if not rows:
        raise ImportFileError(_("The file has a header but no rows to import."))
    return header, rows


def _check_header(cells: list[str]) -> list[str]:
    match = match_header(cells, COLUMNS)
    headings = column_headings()
    problems = header_problems(match, headings)
    names = set(match.columns)
    if "case_number" not in names and not {"first_name", "last_name"} <= names:
        problems.append(
            _("The file needs the columns %(first)s and %(last)s, or %(number)s.")
            % {
                "first": headings["first_name"],
                "last": headings["last_name"],
                "number": headings["case_number"],
            }
        )
    if problems:
        raise ImportFileError(*problems)
    return match.columns


def check(data: bytes, extension: str, user, progress=None) -> ImportReport:
    """Every row's outcome, with nothing written; ``progress`` (a background job's) hears how
    many rows are checked."""
    city = city_of(user)
    columns, rows = parse(data, extension)
    checker = RowChecker(user, city, [values for _line, values in rows])
    if progress is not None:
        progress(0, len(rows), phase=_("Checking the rows"), force=True)
        rows = progress.counted(rows, every=100)
    return ImportReport([checker.check(line, values) for line, values in rows], columns)


def done_message(report: ImportReport) -> str:
    """What a confirmed import says, in the request or at the end of its background job."""
    return _(
        "Import done. Cases opened: %(cases)d · placements recorded: %(placements)d · "
        "rows with errors left out: %(errors)d."
    ) % {
        "cases": report.count("new"),
        "placements": report.placements,
        "errors": report.count("error"),
    }


def task_rows() -> int:
    """Files with more rows than this are confirmed by the task worker, not in the request."""
    return setting("CASEWORK_IMPORT_TASK_ROWS")


def confirm_in_background(request, key: str, filename: str, rows: int):
    return jobs.start(
        request,
        confirm_import,
        key,
        filename,
        audit.client_ip(request),
        kind="casework.import",
        title=_("Import cases"),
        total=rows,
        next_url=reverse("casework:index"),
    )


@task()
def confirm_import(job_id: str, key: str, filename: str, client_ip: str | None) -> None:
    """The confirmation of a large file, read from the preview stash (any worker finds it);
    the audit entries carry the address of the request that confirmed it."""
    with (
        jobs.running(job_id) as (job, progress),
        audit.request_context(SimpleNamespace(META={"REMOTE_ADDR": client_ip})),
    ):
        try:
            report = check(PREVIEWS.unstash(key), key.rpartition(".")[2], job.user, progress)
            progress(job.total, phase=_("Writing the cases"), force=True)
            write(report, job.user, filename)
        except ImportFileError as error:
            raise jobs.JobFailed(*error.messages) from error
        PREVIEWS.discard(key)
        job.message = done_message(report)


@transaction.atomic
def write(report: ImportReport, user, filename: str) -> None:
    """Write the rows without errors (see the module docstring)."""
    new = [row for row in report.rows if row.action == "new"]
    by_year = defaultdict(list)
    for row in new:
        by_year[row.case.date_of_entry.year].append(row)
    city = city_of(user)
    for year, rows in by_year.items():
        for row, number in zip(rows, reserve_case_numbers(city, year, len(rows)), strict=True):
            row.case.number = number
    cases = Case.objects.bulk_create([row.case for row in new])
    Case.languages.through.objects.bulk_create(
        Case.languages.through(case_id=row.case.pk, language_id=language.pk)
        for row in new
        for language in row.languages
    )
    placed = [row for row in report.rows if row.action != "error" and row.placement]
    for row in placed:
        row.placement.case = row.case
    placements = Placement.objects.bulk_create([row.placement for row in placed])
    audit.log_cases_in_bulk(
        [(case, "casework.case.create", {"import": filename}) for case in cases]
        + [
            (row.case, "casework.placement.record", {"id": row.placement.pk, "import": filename})
            for row in placed
        ],
        user,
    )
    audit.log_import(city, user, file=filename, cases=len(cases), placements=len(placements))
    announce_saved(Case, cases)
    announce_saved(Placement, placements)


def announce_saved(model, instances) -> None:
    using = router.db_for_write(model)
    with disable_reference_index_auto_update():
        for instance in instances:
            post_save.send(
                sender=model,
                instance=instance,
                created=True,
                update_fields=None,
                raw=False,
                using=using,
                bulk=True,
            )
    bulk_saved.send(sender=model, instances=instances)
