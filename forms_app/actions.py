"""Submission actions: what happens to a finished wizard besides being stored.

A domain app registers an action in ``<app>/form_actions.py`` (found by :func:`autodiscover`,
like field types), naming the attributes it accepts. The page editor picks one action per form
and maps the form's fields to those attributes; the engine converts the mapped answers and runs
the action inside the transaction that stores the submission, so an action that refuses (a
``ValidationError``) leaves nothing behind. An action may also take a context object (a record
of its app the wizard was started for, ``?<param>=<id>``) which its app resolves and authorizes.

The engine knows nothing of the actions' domain: this module imports nothing of the project.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

TEXT, DATE, NUMBER, BOOLEAN = "text", "date", "number", "boolean"
CHOICE, CHOICES = "choice", "choices"
KINDS = {
    TEXT: gettext_lazy("text"),
    DATE: gettext_lazy("date"),
    NUMBER: gettext_lazy("number"),
    CHOICE: gettext_lazy("one choice"),
    CHOICES: gettext_lazy("several choices"),
    BOOLEAN: gettext_lazy("yes/no"),
}


@dataclass(frozen=True)
class Attribute:
    """One value an action accepts; ``kind`` says what the engine hands over (see KINDS)."""

    name: str
    label: Any
    kind: str = TEXT
    required: bool = False


@dataclass(frozen=True)
class ActionContext:
    """How a wizard is started for a record of the action's app, e.g. ``?case=42``.

    ``resolve(request, raw_id)`` returns the record if ``request.user`` may use it and None
    otherwise (the wizard then answers 404, whether the record is missing or just not theirs);
    ``describe(record)`` says in a sentence what the wizard is filled for.
    """

    param: str
    resolve: Callable[[Any, str], Any]
    describe: Callable[[Any], str] = str


@dataclass
class ActionCall:
    """What an action receives: converted mapped values, all answers, who and for what."""

    submission: Any
    values: dict[str, Any]
    answers: dict[str, Any]
    user: Any
    context: Any = None
    request: Any = None


@dataclass(frozen=True)
class ActionOutcome:
    """What an action may answer: where the person goes next and what they are told."""

    url: str = ""
    message: str = ""


@dataclass(frozen=True)
class SubmissionAction:
    name: str
    label: Any
    run: Callable[[ActionCall], ActionOutcome | None]
    attributes: tuple[Attribute, ...] = field(default_factory=tuple)
    context: ActionContext | None = None

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)


_actions: dict[str, SubmissionAction] = {}


def register_action(action: SubmissionAction) -> SubmissionAction:
    """Add (or replace, for tests) an action; its ``name`` is what a form page stores."""
    _actions[action.name] = action
    return action


def unregister_action(name: str) -> None:
    _actions.pop(name, None)


def get_action(name: str) -> SubmissionAction | None:
    return _actions.get(name)


def registered_actions() -> dict[str, SubmissionAction]:
    return dict(_actions)


def action_choices() -> list[tuple[str, Any]]:
    """For the page editor's select: no action, then the registered ones by label."""
    actions = sorted(_actions.values(), key=lambda action: str(action.label))
    return [("", gettext_lazy("None (only store the submission)"))] + [
        (action.name, action.label) for action in actions
    ]


def autodiscover() -> None:
    """Import ``form_actions`` of every installed app, the way Wagtail finds ``wagtail_hooks``."""
    autodiscover_modules("form_actions")


# -- converting answers ----------------------------------------------------------------------
def convert(attribute: Attribute, stored: Any) -> Any:
    """A stored answer as the attribute's kind; None when it is empty."""
    if stored is None or stored == "" or stored == []:
        return None
    if attribute.kind == DATE:
        try:
            return stored if isinstance(stored, date) else date.fromisoformat(str(stored))
        except ValueError:
            raise ValidationError(
                _("“%(value)s” is not a date (%(attribute)s).")
                % {"value": stored, "attribute": attribute.label}
            ) from None
    if attribute.kind == NUMBER:
        try:
            return Decimal(str(stored))
        except InvalidOperation:
            raise ValidationError(
                _("“%(value)s” is not a number (%(attribute)s).")
                % {"value": stored, "attribute": attribute.label}
            ) from None
    if attribute.kind == CHOICES:
        return [str(item) for item in stored] if isinstance(stored, list) else [str(stored)]
    if attribute.kind == BOOLEAN:
        return stored in (True, "yes", "true", "1", 1)
    if isinstance(stored, list):
        return ", ".join(str(item) for item in stored)
    return str(stored)


def mapped_values(action: SubmissionAction, mapping: dict, answers: dict) -> dict[str, Any]:
    """The action's attributes from the answers of the fields mapped to them."""
    values = {}
    for attribute in action.attributes:
        key = mapping.get(attribute.name)
        if key:
            values[attribute.name] = convert(attribute, answers.get(key))
    missing = [str(a.label) for a in action.attributes if a.required and values.get(a.name) is None]
    if missing:
        raise ValidationError(
            _("These answers are needed but empty: %(labels)s.") % {"labels": ", ".join(missing)}
        )
    return values


# -- running ---------------------------------------------------------------------------------
def page_action(page) -> SubmissionAction | None:
    """The action chosen for ``page``; a ValidationError if it is no longer registered."""
    name = getattr(page, "submission_action", "")
    if not name:
        return None
    action = get_action(name)
    if action is None:
        raise ValidationError(
            _(
                "This form is set to “%(name)s” after submitting, which is not available. Nothing "
                "was saved; please tell the form's administrator."
            )
            % {"name": name}
        )
    return action


def resolve_context(page, request, raw_id: str | None):
    """The context record for ``raw_id`` if the user may use it, else None (also without one)."""
    action = page_action(page)
    if not raw_id or action is None or action.context is None:
        return None
    return action.context.resolve(request, str(raw_id))


def start_context(page, request) -> dict:
    """Wizard state for a wizard started as ``?<param>=<id>``: the id, once the action's app
    has said the user may use that record (404 otherwise, as for a record that is missing).
    The person is told what they are filling the form for."""
    action = get_action(getattr(page, "submission_action", "") or "")
    if request.method != "GET" or action is None or action.context is None:
        return {}
    raw_id = request.GET.get(action.context.param)
    if not raw_id:
        return {}
    record = resolve_context(page, request, raw_id)
    if record is None:
        raise Http404
    messages.info(request, action.context.describe(record))
    return {"context": str(raw_id)}


def run_action(page, submission, request, context_id: str | None) -> ActionOutcome | None:
    """Run the page's action for a submission just stored (call inside its transaction)."""
    action = page_action(page)
    if action is None:
        return None
    context = resolve_context(page, request, context_id)
    if context_id and context is None:
        raise ValidationError(
            _("What this form was started for is no longer open to you; nothing was saved.")
        )
    call = ActionCall(
        submission=submission,
        values=mapped_values(action, page.action_mapping or {}, submission.answers),
        answers=submission.answers,
        user=request.user if request.user.is_authenticated else None,
        context=context,
        request=request,
    )
    return action.run(call)


# -- checking a page's choice in the editor --------------------------------------------------
def mapping_errors(action_name: str, mapping: dict, field_keys: dict[str, str]) -> list[str]:
    """What is wrong with a page's action and mapping; ``field_keys`` is key -> label."""
    if not action_name:
        return []
    action = get_action(action_name)
    if action is None:
        return [_("The action “%(name)s” is not available.") % {"name": action_name}]
    errors = []
    for attribute in action.attributes:
        key = (mapping or {}).get(attribute.name)
        if key and key not in field_keys:
            errors.append(
                _("“%(attribute)s” is mapped to a field that no longer exists (%(key)s).")
                % {"attribute": attribute.label, "key": key}
            )
        elif attribute.required and not key:
            errors.append(
                _("Choose the field that gives “%(attribute)s” (needed by “%(action)s”).")
                % {"attribute": attribute.label, "action": action.label}
            )
    return errors


def readable_answers(submission) -> list[tuple[str, str]]:
    """(label, text) of each answered field, labelled as the form is now: what an action's app
    shows of a submission it received (e.g. on the record it opened)."""
    rows = []
    for spec in submission.page.form_specs():
        for item in spec.inputs:
            if item.key not in submission.answers:
                continue
            stored = submission.answers[item.key]
            if item.field_type.is_file:
                shown = stored.get("name", "") if isinstance(stored, dict) else str(stored)
            else:
                shown = item.field_type.display(stored, item.value)
            rows.append((item.label or item.key, shown))
    return rows
