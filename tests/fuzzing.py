"""What the fuzz tests (``tests/*/test_fuzz_*.py``) share: hypothesis settings, hostile text,
uploads, and a tally of the inputs sent for the proof figure.

Every fuzz test keeps hypothesis's example database off (``database=None``): nothing is written
beside the repository.

``make test`` and CI send the same inputs every run (``derandomize``): a merge must not fail
because this run happened to find an old fault. ``make verify`` sets ``FUZZ_EXPLORE=1`` and
sends new random inputs each time; what it finds becomes a test of its own (e.g. the step key
that is a list in ``tests/forms_app/test_bad_definitions.py``).
"""

import os
from dataclasses import dataclass, field

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from tests.proof import proof_figure


def fuzz_settings(max_examples: int) -> settings:
    """Few examples, no deadline, no example database; and no shrinking: each example is a few
    requests, so shrinking a failure would take minutes, and the failing input is shown as found."""
    return settings(
        max_examples=max_examples,
        derandomize=os.environ.get("FUZZ_EXPLORE") != "1",
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# Texts people and programs send that software trips over: NUL and other control characters,
# right-to-left marks, markup, SQL, formulas, full-text operators, numbers that are not numbers.
NASTY = [
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "\u202e\u0644\u0627",
    "\ufeff",
    "𝕬𝖗𝖇𝖊𝖎𝖙",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '"',
    '=HYPERLINK("x")',
    "NEAR(",
    "*",
    "%",
    "_",
    "\\",
    "NaN",
    "-Infinity",
    "1e999999",
    "-0",
    "9" * 40,
    "0x1F",
    "31.02.2020",
    "0000-00-00",
    "99999-12-31",
    "../../etc/passwd",
    "null",
    "[]",
    "{}",
]


def long_text() -> st.SearchStrategy[str]:
    """Thousands of characters, built from a short piece (cheap for hypothesis to make)."""
    return st.builds(
        lambda piece, times: piece * times, st.text(min_size=1, max_size=4), st.integers(60, 3000)
    )


def hostile_text() -> st.SearchStrategy[str]:
    """Any text (unicode, control characters, NUL), the known nasty ones, and very long ones."""
    return st.one_of(st.text(max_size=40), st.sampled_from(NASTY), long_text())


def query_values() -> st.SearchStrategy[list[str]]:
    """One GET or POST parameter's values: usually one, sometimes none or repeated."""
    return st.lists(hostile_text(), min_size=0, max_size=3)


FILE_NAME_CHARACTERS = st.characters(
    blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp", "Co", "Cn"),
    blacklist_characters='"/\\&\r\n',
)


def file_names(extensions=("pdf", "png", "jpg", "txt", "csv", "xlsx", "exe", "")):
    """Names a browser could send (the test client writes them unescaped into the header, so no
    quote, slash or line break): any letters, very long ones, odd or no extensions."""
    stem = st.one_of(
        st.text(FILE_NAME_CHARACTERS, min_size=1, max_size=30),
        st.integers(100, 400).map(lambda n: "n" * n),
    )
    extension = st.one_of(
        st.sampled_from(extensions),
        st.text(FILE_NAME_CHARACTERS, max_size=8),
        st.integers(90, 300).map(lambda n: "e" * n),
    )
    return st.builds(lambda s, e: f"{s}.{e}" if e else s, stem, extension)


SIGNATURES = [b"", b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"PK\x03\x04", b"MZ"]


def file_contents() -> st.SearchStrategy[bytes]:
    """Random bytes, sometimes behind a known file signature."""
    return st.builds(
        lambda head, body: head + body, st.sampled_from(SIGNATURES), st.binary(max_size=300)
    )


@dataclass
class Tally:
    """The inputs a fuzz test sent, over how many targets, for its proof figure."""

    area: str
    inputs: int = 0
    targets: set = field(default_factory=set)

    def sent(self, *targets) -> None:
        """One input sent, reaching ``targets`` (a URL, an import, the field types of a step)."""
        self.inputs += 1
        self.targets.update(targets)

    def report(self, record_property) -> None:
        assert self.inputs, "no input was sent"
        proof_figure(
            record_property,
            "Fuzzing",
            f"{self.inputs} inputs over {len(self.targets)} targets ({self.area}), 0 server errors",
        )


def assert_no_server_error(response, what) -> None:
    """The test client raises a view's exception itself; this catches a 5xx answered as such."""
    assert response.status_code < 500, (what, response.status_code)
