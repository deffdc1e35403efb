"""Helpers for work on many rows at once (an import's check and write)."""

import contextlib
import gc
import math
import threading

from django.core.validators import MaxLengthValidator
from django.db import models

_PAUSES = {"count": 0, "was_enabled": False}
_PAUSES_LOCK = threading.Lock()


@contextlib.contextmanager
def collections_paused():
    """Python's cycle collector paused while an import checks and writes its rows: each of the
    tens of thousands of objects a large file makes otherwise sets off collections that walk
    all the others (a third of a preview's time). Garbage in cycles is freed once it is back
    on; nested and concurrent imports share one pause."""
    with _PAUSES_LOCK:
        if _PAUSES["count"] == 0:
            _PAUSES["was_enabled"] = gc.isenabled()
            gc.disable()
        _PAUSES["count"] += 1
    try:
        yield
    finally:
        with _PAUSES_LOCK:
            _PAUSES["count"] -= 1
            if _PAUSES["count"] == 0 and _PAUSES["was_enabled"]:
                gc.enable()


class CleanedValues:
    """Values that passed a model field's own ``clean``, remembered for this import and the one
    before: a confirmation checks the rows its preview checked, and Django's validators (the
    URL and e-mail ones most) were a third of checking a row.

    Safe to share between users and files because a remembered value stands for nothing but
    itself: only fields of Django's own classes (no relations) are remembered, whose ``clean``
    depends on the value alone (``to_python``, choices, null, blank, validators), never on the
    instance or the database. Only values that passed are kept, so a value that fails goes
    through ``clean`` every time, with its own messages. Keyed by the value's type too (``1``
    and ``True`` are equal in a dict). Memory: two imports' values (a few MB for 10,000 rows).
    Plain text fields are not remembered: a length check says what their ``clean`` says.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._generations: tuple[dict, dict] = ({}, {})

    def start(self) -> None:
        """A new import begins: the last one's values stay known, older ones are dropped."""
        with self._lock:
            self._generations = ({}, self._generations[0])

    @staticmethod
    def remembered(model_field) -> bool:
        return not model_field.is_relation and type(model_field).__module__.startswith(
            "django.db.models.fields"
        )

    def cleaner(self, model_field):
        """``clean(value, instance)`` for ``model_field``, with remembered values."""
        if not self.remembered(model_field):
            return model_field.clean
        limit = text_limit(model_field)
        if limit is not None:

            def clean_text(value, instance):
                if type(value) is str and value and len(value) <= limit:
                    return value
                return model_field.clean(value, instance)

            return clean_text
        label = (model_field.model._meta.label_lower, model_field.name)
        current, previous = (generation.setdefault(label, {}) for generation in self._generations)

        def clean(value, instance):
            key = (type(value), value)
            try:
                hash(value)
            except TypeError:
                return model_field.clean(value, instance)
            if key in current:
                return current[key]
            if key in previous:
                cleaned = current[key] = previous[key]
                return cleaned
            cleaned = model_field.clean(value, instance)
            current[key] = cleaned
            return cleaned

        return clean


def text_limit(model_field) -> float | None:
    """The length up to which ``model_field.clean`` returns any non-empty text as it is, for a
    text field of Django's own whose only validators check the length (no choices); ``None``
    for any other. ``to_python`` keeps text, ``validate`` rejects only empty text and the
    length validators longer text: so such a value needs no call (anything else gets one)."""
    if type(model_field) not in (models.CharField, models.TextField) or model_field.choices:
        return None
    limit = math.inf
    for validator in model_field.validators:
        if type(validator) is not MaxLengthValidator or type(validator.limit_value) is not int:
            return None
        limit = min(limit, validator.limit_value)
    return limit


CLEANED_VALUES = CleanedValues()
