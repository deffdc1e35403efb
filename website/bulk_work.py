"""Helpers for work on many rows at once (an import's check and write)."""

import contextlib
import gc
import threading

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
