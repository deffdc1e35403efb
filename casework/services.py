"""The domain rules of a case's life, one function per step of the process.

Each raises a ``ValidationError`` with a message staff can act on when the step is not allowed,
and writes an audit entry (``casework.audit``) when it changed something. Dates come in as
``today`` so the rules can be tested with a fixed clock.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from .audit import log_case
from .conf import setting
from .dates import add_months
from .models import (
    Case,
    CaseConference,
    CaseNumberCounter,
    CaseStatus,
    ConferenceOutcome,
    Exchange,
    ExchangeProgress,
    PlanGoal,
    PlanStep,
    StepStatus,
    SupportPlan,
    Transfer,
    TransferState,
    TransferTask,
)
from .next_due import refresh_next_due

CASE_FIELDS = {
    "first_name",
    "last_name",
    "date_of_birth",
    "gender",
    "nationality",
    "residence_status",
    "date_of_entry",
}


def ensure_editable(case: Case) -> None:
    if case.is_closed:
        raise ValidationError(
            _("Case %(number)s is closed and read-only. Reopen it first to change it.")
            % {"number": case.number}
        )


def city_prefix(city) -> str:
    """Three letters of the city for case numbers: Wuppertal → WUP."""
    return "".join(ch for ch in city.slug.upper() if ch.isalpha())[:3] or "XXX"


def reserve_case_numbers(city, year: int, count: int) -> list[str]:
    """The next ``count`` free numbers for the city and year (inside a transaction, which the
    counter's row lock keeps to itself until it commits)."""
    prefix = city_prefix(city)
    counter, _created = CaseNumberCounter.objects.get_or_create(prefix=prefix, year=year)
    CaseNumberCounter.objects.filter(pk=counter.pk).update(last=F("last") + count)
    counter.refresh_from_db()
    return [f"{prefix}-{year}-{n:04d}" for n in range(counter.last - count + 1, counter.last + 1)]


def next_case_number(city, year: int) -> str:
    """``WUP-2026-0042``: the next free number for the city and year (inside a transaction)."""
    return reserve_case_numbers(city, year, 1)[0]


@transaction.atomic
def open_case(*, manager, city, today: date, languages=(), **person) -> Case:
    """Open a new case for a person, managed by ``manager``, numbered per city and year."""
    unknown = set(person) - CASE_FIELDS
    if unknown:
        raise ValidationError(_("Unknown case fields: %(fields)s") % {"fields": sorted(unknown)})
    person.setdefault("date_of_entry", today)
    case = Case(case_manager=manager, city=city, number=next_case_number(city, today.year))
    for name, value in person.items():
        setattr(case, name, value)
    case.full_clean(exclude=["number"])
    case.save()
    case.languages.set(languages)
    log_case(case, "casework.case.create", manager)
    return case


@transaction.atomic
def update_case(case: Case, *, user, languages=None, **person) -> Case:
    ensure_editable(case)
    changed = sorted(name for name, value in person.items() if getattr(case, name) != value)
    for name in changed:
        if name not in CASE_FIELDS:
            raise ValidationError(_("Unknown case field: %(field)s") % {"field": name})
        setattr(case, name, person[name])
    case.full_clean(exclude=["number"])
    case.save()
    if languages is not None:
        case.languages.set(languages)
        changed.append("languages")
    log_case(case, "casework.case.edit", user, fields=changed)
    return case


@transaction.atomic
def close_case(case: Case, *, reason: str, user, today: date) -> Case:
    ensure_editable(case)
    if not reason:
        raise ValidationError(_("Say why the case is closed."))
    case.status, case.closing_reason, case.closed_on = CaseStatus.CLOSED, reason, today
    case.full_clean(exclude=["number"])
    case.save(update_fields=["status", "closing_reason", "closed_on"])
    Transfer.objects.filter(case=case).open().update(state=TransferState.COMPLETED)
    log_case(case, "casework.case.close", user, reason=reason)
    return case


@transaction.atomic
def reopen_case(case: Case, *, user) -> Case:
    if not case.is_closed:
        raise ValidationError(_("Case %(number)s is open.") % {"number": case.number})
    if case.is_anonymised:
        raise ValidationError(
            _("Case %(number)s is anonymised: it cannot be reopened.") % {"number": case.number}
        )
    case.status, case.closing_reason, case.closed_on = CaseStatus.OPEN, "", None
    case.save(update_fields=["status", "closing_reason", "closed_on"])
    log_case(case, "casework.case.reopen", user)
    return case


def current_plan(case: Case) -> SupportPlan | None:
    return case.plans.order_by("-version").first()


def save_support_plan(
    case: Case, *, user, expected_version: int, summary: str, goals: list[dict]
) -> SupportPlan:
    """Write the next version of the plan, if nobody saved one since ``expected_version``.

    ``goals`` is ``[{"text": ..., "steps": [{"what", "who", "due_on", "status"}, ...]}, ...]``;
    ``expected_version`` is the version the editor started from (0 for the first plan).
    """
    ensure_editable(case)
    if not any(goal.get("text") for goal in goals):
        raise ValidationError(_("A support plan needs at least one goal."))
    try:
        with transaction.atomic():
            latest = case.plans.aggregate(latest=Max("version"))["latest"] or 0
            if latest != expected_version:
                raise ValidationError(
                    _(
                        "Someone else saved version %(latest)s of this plan while you were "
                        "editing version %(expected)s. Nothing was overwritten: read their "
                        "version and add your changes to it."
                    )
                    % {"latest": latest, "expected": expected_version}
                )
            plan = SupportPlan.objects.create(
                case=case, version=latest + 1, summary=summary, created_by=user
            )
            for goal_order, goal in enumerate(g for g in goals if g.get("text")):
                plan_goal = PlanGoal.objects.create(
                    plan=plan, sort_order=goal_order, text=goal["text"]
                )
                PlanStep.objects.bulk_create(
                    PlanStep(
                        goal=plan_goal,
                        sort_order=step_order,
                        what=step["what"],
                        who=step.get("who", ""),
                        due_on=step.get("due_on"),
                        status=step.get("status") or StepStatus.OPEN,
                    )
                    for step_order, step in enumerate(goal.get("steps", []))
                    if step.get("what")
                )
            log_case(case, "casework.plan.save", user, version=plan.version)
    except IntegrityError as error:
        raise ValidationError(
            _("Someone else saved this plan at the same moment. Nothing was overwritten.")
        ) from error
    return plan


def tasks_from_plan(case: Case) -> list[dict]:
    """The open steps of the current plan, as the transfer's proposed tasks."""
    plan = current_plan(case)
    if plan is None:
        return []
    steps = PlanStep.objects.filter(goal__plan=plan).exclude(
        status__in=[StepStatus.DONE, StepStatus.DROPPED]
    )
    return [
        {"text": step.what, "due_on": step.due_on}
        for step in steps.order_by("goal__sort_order", "sort_order")
    ]


@transaction.atomic
def create_transfer(
    case: Case,
    *,
    partner,
    user,
    today: date,
    consent_to_share: bool,
    tasks: list[dict] | None = None,
    starts_on: date | None = None,
    note_for_partner: str = "",
) -> Transfer:
    """Send the case to an active partner for the configured period with its task list."""
    ensure_editable(case)
    if not partner.active:
        raise ValidationError(
            _("%(partner)s is no longer active in the network; choose another partner.")
            % {"partner": partner}
        )
    if not consent_to_share:
        raise ValidationError(
            _("Record the person's consent to share their data before transferring the case.")
        )
    if Transfer.objects.filter(case=case).open().exists():
        raise ValidationError(
            _("Case %(number)s already has an open transfer. Finish it before starting another.")
            % {"number": case.number}
        )
    starts_on = starts_on or today
    transfer = Transfer.objects.create(
        case=case,
        partner=partner,
        starts_on=starts_on,
        ends_on=add_months(starts_on, setting("CASEWORK_TRANSFER_MONTHS")),
        consent_to_share=True,
        consent_recorded_on=today,
        note_for_partner=note_for_partner,
        created_by=user,
    )
    tasks = tasks_from_plan(case) if tasks is None else tasks
    TransferTask.objects.bulk_create(
        TransferTask(transfer=transfer, sort_order=order, text=task["text"], due_on=task["due_on"])
        for order, task in enumerate(t for t in tasks if t.get("text"))
    )
    log_case(case, "casework.transfer.create", user, transfer=transfer.pk, partner=partner.pk)
    return transfer


def _ensure_pending(transfer: Transfer) -> None:
    ensure_editable(transfer.case)
    if transfer.state != TransferState.PENDING:
        raise ValidationError(
            _("This transfer was already answered (%(state)s).")
            % {"state": transfer.get_state_display()}
        )


def conference_due_on(transfer: Transfer) -> date:
    return transfer.ends_on - timedelta(weeks=setting("CASEWORK_CONFERENCE_WEEKS_BEFORE_END"))


def schedule_exchanges(transfer: Transfer) -> list[Exchange]:
    """Plan an exchange every few weeks (configurable) of the period before the conference,
    and the conference itself; running it again adds nothing that is already planned."""
    conference_on = conference_due_on(transfer)
    interval = timedelta(weeks=setting("CASEWORK_EXCHANGE_INTERVAL_WEEKS"))
    planned = set(transfer.exchanges.values_list("planned_for", flat=True))
    day, new = transfer.starts_on + interval, []
    while day < conference_on:
        if day not in planned:
            new.append(Exchange(transfer=transfer, planned_for=day))
        day += interval
    Exchange.objects.bulk_create(new)
    refresh_next_due([transfer.case_id])  # bulk_create sends no signals
    CaseConference.objects.get_or_create(
        transfer=transfer, defaults={"case": transfer.case, "due_on": conference_on}
    )
    return new


@transaction.atomic
def accept_transfer(transfer: Transfer, *, user, today: date) -> Transfer:
    _ensure_pending(transfer)
    transfer.state, transfer.decided_by, transfer.decided_on = TransferState.ACCEPTED, user, today
    transfer.save(update_fields=["state", "decided_by", "decided_on"])
    schedule_exchanges(transfer)
    log_case(transfer.case, "casework.transfer.accept", user, transfer=transfer.pk)
    return transfer


@transaction.atomic
def decline_transfer(transfer: Transfer, *, user, today: date, reason: str) -> Transfer:
    _ensure_pending(transfer)
    if not reason.strip():
        raise ValidationError(_("Say why the transfer is declined, so the case manager can act."))
    transfer.state, transfer.decision_reason = TransferState.DECLINED, reason.strip()
    transfer.decided_by, transfer.decided_on = user, today
    transfer.save(update_fields=["state", "decision_reason", "decided_by", "decided_on"])
    log_case(transfer.case, "casework.transfer.decline", user, transfer=transfer.pk)
    return transfer


@transaction.atomic
def record_exchange(
    exchange: Exchange, *, user, held_on: date, notes: str, progress: dict | None = None
) -> Exchange:
    """Record a held exchange; ``progress`` maps task ids to (progress, comment)."""
    transfer = exchange.transfer
    ensure_editable(transfer.case)
    if transfer.state != TransferState.ACCEPTED:
        raise ValidationError(_("Exchanges are recorded only for an accepted transfer."))
    if held_on < transfer.starts_on:
        raise ValidationError(
            _("An exchange cannot be held before its transfer started (%(date)s).")
            % {"date": transfer.starts_on.strftime("%d.%m.%Y")}
        )
    exchange.held_on, exchange.notes, exchange.recorded_by = held_on, notes, user
    exchange.save(update_fields=["held_on", "notes", "recorded_by"])
    task_ids = set(transfer.tasks.values_list("pk", flat=True))
    for task_id, (value, comment) in (progress or {}).items():
        if int(task_id) not in task_ids:
            raise ValidationError(_("A task of another transfer was given."))
        ExchangeProgress.objects.update_or_create(
            exchange=exchange, task_id=task_id, defaults={"progress": value, "comment": comment}
        )
    log_case(transfer.case, "casework.exchange.record", user, exchange=exchange.pk)
    return exchange


@transaction.atomic
def record_conference(
    conference: CaseConference,
    *,
    user,
    held_on: date,
    outcome: str,
    notes: str,
    closing_reason: str = "",
) -> CaseConference:
    """Record the conference; the transfer's period is over, and ``close`` closes the case."""
    case = conference.case
    ensure_editable(case)
    if held_on < conference.transfer.starts_on:
        raise ValidationError(_("The conference cannot be held before the transfer started."))
    if outcome == ConferenceOutcome.CLOSE and not closing_reason:
        raise ValidationError(_("Say why the case is closed."))
    conference.held_on, conference.outcome, conference.notes = held_on, outcome, notes
    conference.full_clean()
    conference.save()
    Transfer.objects.filter(pk=conference.transfer_id).update(state=TransferState.COMPLETED)
    log_case(case, "casework.conference.record", user, conference=conference.pk, outcome=outcome)
    if outcome == ConferenceOutcome.CLOSE:
        close_case(case, reason=closing_reason, user=user, today=held_on)
    return conference


@transaction.atomic
def record_event(case: Case, instance, *, user, action: str):
    """Save a training or placement of the case (validated) and log it."""
    ensure_editable(case)
    instance.case = case
    if hasattr(instance, "recorded_by_id") and instance.recorded_by_id is None:
        instance.recorded_by = user
    instance.full_clean()
    instance.save()
    log_case(case, action, user, id=instance.pk)
    return instance
