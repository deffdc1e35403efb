"""No person's name in the logs: the whole suite's log output is searched for the demo people.

``website.settings.test`` sends every log record to a file per test process under
``settings.TEST_LOG_DIR``; ``tests/conftest.py`` empties them when the session starts and, once
every worker is done, fails the session if a line names someone. The names are read from where
the synthetic people come from, so a name added there is searched for too:

- the demo cases (``casework.demo.PEOPLE``) and the generated ones (``casework.demo_bulk``'s
  first and last names): each name is searched for on its own;
- the test factories (users and cases: Faker's German first and last names, see
  ``tests/factories.py``): a pool of thousands of common words and names, so a first name
  followed by a last name is searched for.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

# Whole words only: a random id or token (``zekZMSJUI4Ali``) is one word and names nobody.
WORD = re.compile(r"\w+(?:-\w+)*")


@dataclass(frozen=True)
class Leak:
    path: Path
    line_number: int
    name: str
    line: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line_number}: “{self.name}” in: {self.line.strip()[:300]}"


def parts(word: str) -> list[str]:
    """A word and, if it is double-barrelled (``Haddad-Nasser``), its parts."""
    return [word, *word.split("-")] if "-" in word else [word]


@dataclass(frozen=True)
class PersonNames:
    """``alone``: names found on their own; ``first``/``last``: found as "First Last"."""

    alone: frozenset[str]
    first: frozenset[str]
    last: frozenset[str]

    def found_in(self, line: str) -> list[str]:
        words = WORD.findall(line)
        found = [part for word in words for part in parts(word) if part in self.alone]
        found += [
            f"{first} {last}"
            for first, last in pairwise(words)
            if first in self.first and last in self.last
        ]
        return found


def demo_names() -> PersonNames:
    from faker.providers.person.de_DE import Provider

    from casework import demo, demo_bulk

    alone = {name for person in demo.PEOPLE for name in person[:2]}
    alone |= {name for names in demo_bulk.FIRST_NAMES.values() for name in names}
    alone |= set(demo_bulk.LAST_NAMES)
    return PersonNames(
        alone=frozenset(alone),
        first=frozenset(Provider.first_names),
        last=frozenset(Provider.last_names),
    )


def leaks_in(paths: Iterable[Path], names: PersonNames) -> list[Leak]:
    leaks = []
    for path in paths:
        with path.open(encoding="utf-8", errors="replace") as lines:
            for number, line in enumerate(lines, 1):
                leaks += [Leak(path, number, name, line) for name in names.found_in(line)]
    return leaks


def log_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.log"))


def empty_logs(folder: Path) -> None:
    """Empty (not delete) last session's files: a process that has one open appends to it."""
    for path in log_files(folder):
        path.write_text("", encoding="utf-8")


def log_folder() -> Path | None:
    from django.conf import settings

    folder = getattr(settings, "TEST_LOG_DIR", None)
    return Path(folder) if folder else None


def start_session() -> None:
    folder = log_folder()
    if folder is not None:
        empty_logs(folder)


def finish_session(session) -> list[Leak]:
    """Fail ``session`` (exit status 1) if a log line names a person; say which and where."""
    folder = log_folder()
    if folder is None:
        return []
    leaks = leaks_in(log_files(folder), demo_names())
    if leaks:
        import pytest

        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        write = reporter.write_line if reporter else print
        if reporter:
            reporter.ensure_newline()
            reporter.write_sep("=", "a person's name in the test logs", red=True)
        write(f"{len(leaks)} names found (tests/log_check.py); fix the log message at its source:")
        for leak in leaks[:50]:
            write(f"  {leak}")
    return leaks
