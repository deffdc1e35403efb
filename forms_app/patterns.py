"""Regular expressions typed by administrators, compiled and run by RE2 only.

Python's ``re`` backtracks: a pattern such as ``(a+)+$`` takes exponential time on a short answer,
and any visitor could post that answer. RE2 matches in time linear in the answer and refuses what it
cannot do that way (backreferences, lookarounds), so a pattern is checked here when it is saved and
run here when a form is validated: this module is the one place a user pattern is compiled.
"""

import functools
import logging

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

import re2

logger = logging.getLogger(__name__)

# A pattern of a form field is short; RE2's default memory budget (8 MiB a pattern) is ample.
MAX_MEMORY = 8 << 20


class PatternError(ValueError):
    """RE2 cannot compile the pattern; ``reason`` is RE2's own explanation."""

    def __init__(self, pattern: str, reason: str):
        super().__init__(f"{pattern!r}: {reason}")
        self.pattern = pattern
        self.reason = reason


# Python's \w knows every letter; RE2's means [0-9A-Za-z_] only, which would refuse "Müller".
UNICODE_WORD = r"\p{L}\p{N}_"


def unicode_words(pattern: str) -> str:
    r"""``pattern`` with ``\w`` (and ``\W`` outside brackets) meaning letters of any alphabet."""
    out, index, in_class = [], 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            escaped = pattern[index + 1]
            if escaped == "w":
                out.append(UNICODE_WORD if in_class else f"[{UNICODE_WORD}]")
            elif escaped == "W" and not in_class:
                out.append(f"[^{UNICODE_WORD}]")
            else:
                out.append(pattern[index : index + 2])
            index += 2
            continue
        if not in_class and char == "[":
            in_class = True
            out.append(char)
            index += 1
            for literal in ("^", "]"):  # "[]…]" and "[^]…]" start with a literal bracket
                if pattern.startswith(literal, index):
                    out.append(literal)
                    index += 1
            continue
        if in_class and pattern.startswith("[:", index):  # a POSIX class such as [:alpha:]
            end = pattern.find(":]", index + 2)
            end = len(pattern) if end == -1 else end + 2
            out.append(pattern[index:end])
            index = end
            continue
        if in_class and char == "]":
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # a refused pattern is reported to the editor, not to stderr
    options.max_mem = MAX_MEMORY
    return options


@functools.lru_cache(maxsize=256)
def compile_pattern(pattern: str):
    """The compiled RE2 pattern, or PatternError; cached, as the same few run on every post."""
    try:
        return re2.compile(unicode_words(pattern), _options())
    except re2.error as error:
        reason = error.args[0] if error.args else ""
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(pattern, str(reason) or "unknown error") from None


def validate_pattern(pattern: str) -> None:
    """Validator for the pattern option of a field block: refuse what RE2 cannot run."""
    if not pattern:
        return
    try:
        compile_pattern(pattern)
    except PatternError as error:
        raise ValidationError(
            gettext(
                "This is not a valid regular expression (%(reason)s). Backreferences such as "
                "\\1 and lookarounds such as (?=…) are not supported."
            )
            % {"reason": error.reason},
            code="invalid_pattern",
        ) from None


@deconstructible
class PatternValidator:
    """Like Django's RegexValidator (``search`` anywhere in the answer), but run by RE2.

    A stored pattern RE2 refuses (saved before patterns were checked) is skipped and logged
    rather than turning every submission into a server error.
    """

    def __init__(self, pattern: str, message=None):
        self.pattern = pattern
        self.message = message or _("Invalid format.")

    def __call__(self, value) -> None:
        try:
            regex = compile_pattern(self.pattern)
        except PatternError as error:
            logger.warning("Skipping a field pattern RE2 cannot compile: %s", error)
            return
        if not regex.search(str(value)):
            raise ValidationError(self.message, code="invalid")

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, PatternValidator)
            and self.pattern == other.pattern
            and str(self.message) == str(other.message)
        )
