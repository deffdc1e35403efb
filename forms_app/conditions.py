"""When a field or step is shown: the rule an administrator set against an earlier answer."""

from collections.abc import Mapping
from typing import Any

from .blocks import Operator


def normalize(answer: Any) -> list[str]:
    """An answer as comparable strings: yes/no as "yes"/"no", lists item by item, empty as []."""
    if answer is None or answer == "" or answer == []:
        return []
    if isinstance(answer, bool):
        return ["yes" if answer else "no"]
    if isinstance(answer, list | tuple):
        return [str(item).strip().casefold() for item in answer if str(item).strip()]
    text = str(answer).strip().casefold()
    if text == "on":  # a ticked checkbox's raw value
        return ["yes"]
    return [text] if text else []


def condition_values(condition: Mapping) -> list[str]:
    return [v.strip().casefold() for v in (condition.get("values") or "").splitlines() if v.strip()]


def condition_met(condition: Mapping | None, answers: Mapping[str, Any]) -> bool:
    """Whether a field or step with ``condition`` is shown, given the answers so far."""
    if not condition or not condition.get("field"):
        return True
    given = normalize(answers.get(condition["field"]))
    values = condition_values(condition)
    operator = condition.get("operator") or Operator.EQUALS
    if operator == Operator.ANSWERED:
        return bool(given)
    if operator == Operator.ONE_OF:
        return any(item in values for item in given)
    matches = bool(values) and given == values[:1]
    if operator == Operator.IS_NOT:
        return not matches
    return matches
