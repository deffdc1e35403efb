"""The step counter: "Step 2 of 5" counts the steps this person will see.

formtools' step list holds the steps whose conditions the answers so far meet; a step whose
condition rests on a question not yet answered would be missing from it, and the total would
grow as the person answers ("1 of 4", then "5 of 5"). Here such an undecided step counts until its
answer excludes it, so the total can only fall as the person goes on. Where the deciding question
is on the step shown, the page lists it and ``conditions.js`` recounts as the person answers.
"""

from dataclasses import dataclass, field

from .conditions import condition_met, normalize


@dataclass
class Progress:
    number: int
    total: int
    # counted by the browser: steps decided by a question of the step shown
    live_conditions: list[dict] = field(default_factory=list)

    @property
    def fixed_total(self) -> int:
        """The steps counted whatever the person answers on this step."""
        return self.total - sum(1 for condition in self.live_conditions if condition["counted"])


def current_values(form) -> dict:
    """What the step shown holds now (a sent or stored step), by field key; {} when fresh."""
    if not form.is_bound:
        return {}
    return {item.key: form[item.key].value() for item in form.spec.inputs}


def step_progress(wizard, form, shown: list[str]) -> Progress:
    """Where the person is among the steps ``shown`` (formtools' list without the review)."""
    current = wizard.steps.current
    if current not in wizard.specs:  # the review: everything is decided
        return Progress(len(shown), len(shown))
    keys = list(wizard.specs)
    here = keys.index(current)
    asked_on = {
        item.key: keys.index(spec.key) for spec in wizard.specs.values() for item in spec.inputs
    }
    values = current_values(form)
    number = shown.index(current) + 1 if current in shown else here + 1
    total, live = number, []
    for key in keys[here + 1 :]:
        condition = wizard.specs[key].condition
        deciding = condition.get("field")
        if not deciding:
            total += 1
            continue
        answers = {**wizard.answers_until(key), **values}
        open_question = asked_on.get(deciding, -1) >= here and not normalize(answers.get(deciding))
        counted = open_question or condition_met(condition, answers)
        total += counted
        if asked_on.get(deciding) == here:
            live.append({**condition, "counted": counted})
    return Progress(number, total, live)
