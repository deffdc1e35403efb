"""Reading an uploaded partner spreadsheet safely, and running the import as preview or for real.

Limits (``PARTNERS_IMPORT_MAX_BYTES``, ``PARTNERS_IMPORT_MAX_ROWS``) are checked before anything
is parsed (size) and while rows are read (row count), so a huge file is refused without building
it in memory. Reading the file and keeping it between preview and confirmation are the site's
(``website.spreadsheets``: ``read_rows``, ``PreviewStash``).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

import tablib
from django_tasks import task

from forms_app import jobs
from website import spreadsheets
from website.bulk_work import collections_paused
from website.spreadsheets import (
    ImportFileError,
    decode,  # noqa: F401 (the dashboards' import reads it here)
    header_problems,
    match_header,
    read_rows,
)

from . import bulk_import
from .resources import column_headings, spreadsheet_columns

PREVIEWS = spreadsheets.PreviewStash("partner-imports")


def max_upload_bytes() -> int:
    return settings.PARTNERS_IMPORT_MAX_BYTES


def max_rows() -> int:
    return settings.PARTNERS_IMPORT_MAX_ROWS


@dataclass
class ParsedFile:
    dataset: tablib.Dataset
    line_numbers: list[int]


@dataclass
class RowOutcome:
    line: int
    action: str  # "new", "update", "skip" or "error"
    slug: str
    name: str
    errors: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # every column of the file: (column, the cell as written, "new"/"changed"/"", stored value)
    cells: list[tuple[str, str, str, str]] = field(default_factory=list)
    # unknown list values: (column, value, the entries it may mean)
    suggestions: list[tuple[str, str, list[str]]] = field(default_factory=list)


@dataclass
class ImportReport:
    rows: list[RowOutcome]
    columns: list[str] = field(default_factory=list)

    @property
    def suggestions(self) -> list[tuple[str, str, list[str]]]:
        """Each unknown list value once, with its close matches."""
        seen = {}
        for row in self.rows:
            for column, value, names in row.suggestions:
                seen.setdefault((column, value.casefold()), (column, value, names))
        return list(seen.values())

    @property
    def has_errors(self) -> bool:
        return any(row.action == "error" for row in self.rows)

    @property
    def errors(self) -> list[tuple[int, str, str]]:
        return [(row.line, column, message) for row in self.rows for column, message in row.errors]

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


def file_format(filename: str) -> str:
    return spreadsheets.file_format(filename)


def check_size(size: int) -> None:
    spreadsheets.check_size(size, max_upload_bytes())


def parse(data: bytes, extension: str) -> ParsedFile:
    """The rows under a checked header, with each row's line in the spreadsheet (with the cycle
    collector paused, as the import: a large file's rows set off collections otherwise)."""
    with collections_paused():
        return _parse(data, extension)


def _parse(data: bytes, extension: str) -> ParsedFile:
    check_size(len(data))
    rows = read_rows(data, extension)
    header = None
    dataset = tablib.Dataset()
    line_numbers: list[int] = []
    limit = max_rows()
    for line, cells in rows:
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if header is None:
            header = _check_header(cells)
            derive_slug = "slug" not in header
            dataset.headers = [*header, "slug"] if derive_slug else header
            continue
        if len(line_numbers) >= limit:
            raise ImportFileError(
                _("The file has more than %(limit)d rows; please split it into smaller files.")
                % {"limit": limit}
            )
        if len(cells) > len(header) and any(cells[len(header) :]):
            raise ImportFileError(
                _("Row %(line)d has more cells than the header has columns.") % {"line": line}
            )
        values = (cells + [""] * len(header))[: len(header)]
        if derive_slug:
            values.append("")
        if not values[dataset.headers.index("slug")]:
            # No slug given: the name's, so a row written without one finds its partner again.
            values[dataset.headers.index("slug")] = slugify(values[header.index("name")])
        dataset.append(values)
        line_numbers.append(line)
    if header is None:
        raise ImportFileError(_("The file is empty."))
    if not line_numbers:
        raise ImportFileError(_("The file has a header but no rows to import."))
    return ParsedFile(dataset, line_numbers)


def _check_header(cells: list[str]) -> list[str]:
    """The technical name of each header cell; a header may name a column by its technical name
    or by its label in the admin, in German or English ("Kurzname", "short name")."""
    match = match_header(cells, spreadsheet_columns())
    if match.ok:
        return match.columns
    raise ImportFileError(*header_problems(match, column_headings()))


def _cells(row: bulk_import.PlannedRow, values: dict) -> list[tuple[str, str, str, str]]:
    cells = []
    for column, text in values.items():
        if row.action == "new":
            state = "new" if text else ""
        else:
            state = "changed" if column in row.changed else ""
        cells.append((column, str(text), state, row.before.get(column, "")))
    return cells


def run_import(
    parsed: ParsedFile, user, *, dry_run: bool, publish: bool = True, progress=None
) -> ImportReport:
    """Check every row; unless it is a dry run and if no row has an error, write them all (in one
    transaction: a failure writes nothing), published or as drafts. ``progress`` (a background
    job's) hears when the rows are checked."""
    with collections_paused():
        return _run_import(parsed, user, dry_run=dry_run, publish=publish, progress=progress)


def _run_import(parsed: ParsedFile, user, *, dry_run: bool, publish: bool, progress):
    rows = parsed.dataset.dict  # tablib builds it anew on each access
    planned = bulk_import.check_rows(rows, parsed.line_numbers, user)
    if progress is not None:
        progress(len(planned), phase=_("Writing the partners"), force=True)
    report = ImportReport(
        [
            RowOutcome(
                line=row.line,
                action=row.action,
                slug=str(values.get("slug", "")),
                name=str(values.get("name", "")),
                errors=[
                    (column if column != "__all__" else "", message)
                    for column, messages in row.errors.items()
                    for message in messages
                ],
                warnings=row.warnings,
                cells=_cells(row, values),
                suggestions=row.suggestions,
            )
            for row, values in zip(planned, rows, strict=True)
        ],
        columns=list(parsed.dataset.headers),
    )
    if not dry_run and not report.has_errors:
        bulk_import.write_rows(planned, user, parsed.dataset.headers, publish=publish)
    return report


def done_message(report: ImportReport, publish: bool) -> str:
    """What a confirmed import says, in the request or at the end of its background job."""
    done = (
        _("Import done: %(new)d created, %(update)d updated, %(skip)d unchanged.")
        if publish
        else _(
            "Saved as drafts: %(new)d new, %(update)d changed, %(skip)d unchanged. They "
            "are published from the partner list (select them, then “Publish”)."
        )
    )
    return done % {
        "new": report.count("new"),
        "update": report.count("update"),
        "skip": report.count("skip"),
    }


def task_rows() -> int:
    """Files with more rows than this are confirmed by the task worker, not in the request."""
    return getattr(settings, "PARTNERS_IMPORT_TASK_ROWS", 1000)


def confirm_in_background(request, key: str, *, publish: bool, rows: int):
    return jobs.start(
        request,
        confirm_import,
        key,
        publish,
        kind="partners.import",
        title=_("Import partners"),
        total=rows,
        next_url=reverse("wagtailsnippets_partners_partnerorganisation:list"),
    )


@task()
def confirm_import(job_id: str, key: str, publish: bool) -> None:
    """The confirmation of a large file, read from the preview stash (any worker finds it)."""
    with jobs.running(job_id) as (job, progress):
        try:
            parsed = parse(unstash(key), key.rpartition(".")[2])
        except ImportFileError as error:
            raise jobs.JobFailed(*error.messages) from error
        progress(0, len(parsed.line_numbers), phase=_("Checking the rows"), force=True)
        report = run_import(parsed, job.user, dry_run=False, publish=publish, progress=progress)
        if report.has_errors:
            raise jobs.JobFailed(
                _(
                    "Rows have errors since the preview; nothing was imported. Please upload "
                    "the file again to see them."
                )
            )
        discard(key)
        job.message = done_message(report, publish)


def preview_storage(name: str | None = None):
    return PREVIEWS.storage(name)


def stash(data: bytes, extension: str) -> str:
    """Keep an upload for the confirmation step; returns the key to find it again."""
    return PREVIEWS.stash(data, extension)


def unstash(key: str) -> bytes:
    return PREVIEWS.unstash(key)


def discard(key: str) -> None:
    PREVIEWS.discard(key)
