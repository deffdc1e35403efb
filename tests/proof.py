"""Figures the proof tests report, printed by `make verify` (and at the end of every run).

A proof test (URL access matrix, escaping, fuzzing, faults) calls
``proof_figure(record_property, "Access matrix", "612 URL × persona checks")``. The figure rides
on the test's report (``user_properties``), so it reaches the controller under pytest-xdist too,
and ``pytest_terminal_summary`` in ``tests/conftest.py`` prints every figure of the run once.
"""

KEY = "proof"


def proof_figure(record_property, topic: str, figure: str) -> None:
    record_property(KEY, f"{topic}: {figure}")


def figures(reports) -> list[str]:
    """The distinct figures on these test reports, in the order they were first reported."""
    seen: dict[str, None] = {}
    for report in reports:
        if getattr(report, "when", None) != "call" or not report.passed:
            continue
        for key, value in getattr(report, "user_properties", ()):
            if key == KEY:
                seen.setdefault(value, None)
    return list(seen)
