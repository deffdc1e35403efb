"""The person's rights over their case: access (GDPR Art. 15), erasure (Art. 17), retention.

- ``person_record`` gathers everything stored about the person of a case, including who saw and
  changed it (the audit log) and to which partners it went; the export views give it as JSON and
  as a readable page.
- ``anonymise_cases`` erases what identifies the person and keeps what the programme's figures
  count: the case with its city, gender, residence status, dates and status; its plans' versions,
  transfers, exchanges, conferences, trainings and placements as rows. Names, date of birth,
  nationality, languages, the employability check and every free text go. One set of bulk
  updates serves one case and the retention rule's thousands alike.
- ``retention_due`` is the rule: closed cases ``CASEWORK_RETENTION_YEARS`` after closing.

The intakes' form submissions are part of both: their answers are in the export, and anonymising
a case erases them with the form engine's own ``anonymise`` (answers, files, change history).
Other apps holding a case's personal data erase theirs on the ``case_anonymised`` signal, so
this module need not know them.
"""

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Prefetch
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.utils import get_user_display_name
from wagtail.models import ModelLogEntry

from forms_app.actions import readable_answers
from forms_app.models import FormSubmission
from forms_app.retention import anonymise as anonymise_submissions

from .audit import log_case
from .conf import setting
from .dates import add_months
from .models import (
    Case,
    CaseConference,
    CaseIntake,
    EmployabilityCheck,
    Exchange,
    ExchangeProgress,
    PlanGoal,
    PlanStep,
    SupportPlan,
    Training,
    Transfer,
    TransferTask,
)

case_anonymised = Signal()  # sent with ``case_ids``, inside the anonymising transaction


class ErasureReason(models.TextChoices):
    REQUEST = "request", gettext_lazy("The person asked for erasure (GDPR Art. 17)")
    RETENTION = "retention", gettext_lazy("The retention period has ended")


# Never in an export: internal keys and the links a record has to its parent.
_HIDDEN = {"id", "case", "transfer", "plan", "goal", "exchange", "task"}


@dataclass
class Value:
    name: str
    label: str
    data: object  # for JSON
    text: str  # for the readable page


@dataclass
class Record:
    values: list[Value]
    sections: list["Section"] = field(default_factory=list)

    def as_data(self) -> dict:
        data = {value.name: value.data for value in self.values}
        data.update({section.key: section.as_data() for section in self.sections})
        return data


@dataclass
class Section:
    key: str
    title: str
    records: list[Record]

    def as_data(self) -> list[dict]:
        return [record.as_data() for record in self.records]


def _value(instance, model_field) -> Value:
    raw = getattr(instance, model_field.name)
    if raw is None or raw == "":
        data, text = None, "–"
    elif isinstance(raw, get_user_model()):
        data = text = get_user_display_name(raw)
    elif model_field.is_relation:
        data = text = str(raw)
    elif model_field.choices:
        data, text = raw, str(getattr(instance, f"get_{model_field.name}_display")())
    elif isinstance(raw, bool):
        data, text = raw, _("yes") if raw else _("no")
    elif isinstance(raw, date):
        data, text = raw.isoformat(), raw.strftime("%d.%m.%Y")
    else:
        data = text = raw if isinstance(raw, str | int) else str(raw)
    return Value(model_field.name, str(model_field.verbose_name), data, str(text))


def record_of(instance, *sections: Section, extra: tuple[Value, ...] = ()) -> Record:
    values = [
        _value(instance, model_field)
        for model_field in instance._meta.concrete_fields
        if model_field.name not in _HIDDEN
    ]
    return Record([*values, *extra], list(sections))


def section(key: str, model, records: list[Record]) -> Section:
    return Section(key, str(model._meta.verbose_name_plural), records)


def person_record(case: Case) -> list[Section]:
    """Everything stored about the person of ``case``, section by section."""
    languages = ", ".join(language.name for language in case.languages.all())
    case_record = record_of(
        case, extra=(Value("languages", _("languages"), languages or None, languages or "–"),)
    )
    checks = EmployabilityCheck.objects.filter(case=case)
    plans = SupportPlan.objects.filter(case=case).select_related("created_by")
    plans = plans.prefetch_related(
        Prefetch("goals", queryset=PlanGoal.objects.prefetch_related("steps"))
    )
    transfers = (
        Transfer.objects.filter(case=case)
        .select_related("partner", "created_by", "decided_by", "conference")
        .prefetch_related(
            "tasks",
            Prefetch(
                "exchanges",
                queryset=Exchange.objects.select_related("recorded_by").prefetch_related(
                    Prefetch("progress", queryset=ExchangeProgress.objects.select_related("task"))
                ),
            ),
        )
    )
    intakes = CaseIntake.objects.filter(case=case).select_related("submission__page")
    audit = ModelLogEntry.objects.for_instance(case).select_related("user").order_by("timestamp")
    return [
        Section("case", str(Case._meta.verbose_name), [case_record]),
        section("employability_checks", EmployabilityCheck, [record_of(c) for c in checks]),
        section("support_plans", SupportPlan, [_plan(plan) for plan in plans]),
        section("transfers", Transfer, [_transfer(transfer) for transfer in transfers]),
        section("intakes", CaseIntake, [_intake(intake) for intake in intakes]),
        section("trainings", Training, [record_of(t) for t in Training.objects.filter(case=case)]),
        section(
            "placements",
            case.placements.model,
            [record_of(p) for p in case.placements.select_related("recorded_by")],
        ),
        Section("audit_log", _("Who read or changed the data"), [_entry(e) for e in audit]),
    ]


def _plan(plan) -> Record:
    goals = [
        record_of(goal, section("steps", PlanStep, [record_of(s) for s in goal.steps.all()]))
        for goal in plan.goals.all()
    ]
    return record_of(plan, section("goals", PlanGoal, goals))


def _transfer(transfer) -> Record:
    exchanges = [
        record_of(
            exchange,
            section(
                "progress",
                ExchangeProgress,
                [
                    record_of(p, extra=(Value("task", _("task"), p.task.text, p.task.text),))
                    for p in exchange.progress.all()
                ],
            ),
        )
        for exchange in transfer.exchanges.all()
    ]
    conference = getattr(transfer, "conference", None)
    return record_of(
        transfer,
        section("tasks", TransferTask, [record_of(task) for task in transfer.tasks.all()]),
        section("exchanges", Exchange, exchanges),
        section("conferences", CaseConference, [record_of(conference)] if conference else []),
    )


def _intake(intake) -> Record:
    """The form and every answer, labelled as the form is now (files by their name)."""
    submission = intake.submission
    submitted = timezone.localtime(submission.submitted_at)
    answers = [
        Record(
            [
                Value("question", _("question"), label, label),
                Value("answer", _("answer"), text, text),
            ]
        )
        for label, text in readable_answers(submission)
    ]
    return Record(
        [
            Value("form", _("form"), submission.page.title, submission.page.title),
            Value(
                "submitted_at",
                _("submitted"),
                submitted.isoformat(),
                submitted.strftime("%d.%m.%Y %H:%M"),
            ),
        ],
        [Section("answers", _("answers"), answers)],
    )


def _entry(entry) -> Record:
    when = timezone.localtime(entry.timestamp)
    return Record(
        [
            Value("timestamp", _("when"), when.isoformat(), when.strftime("%d.%m.%Y %H:%M")),
            Value("user", _("who"), entry.user_display_name, entry.user_display_name),
            Value("action", _("what"), entry.action, str(entry.message)),
        ]
    )


def person_data(case: Case) -> dict:
    """The export as JSON-ready data: keys are the fields' names, values plain JSON."""
    return {
        "case_number": case.number,
        "exported_at": timezone.now().isoformat(),
        **{part.key: part.as_data() for part in person_record(case)},
    }


@transaction.atomic
def anonymise_cases(case_ids: list[int], *, user, reason: str, today: date) -> int:
    """Erase the person's details of these closed cases; their rows and counts stay."""
    cases = Case.objects.filter(pk__in=case_ids, anonymised_on__isnull=True)
    logged = list(cases.only("pk", "number"))
    ids = [case.pk for case in logged]
    if not ids:
        return 0
    Case.objects.filter(pk__in=ids).update(
        first_name="", last_name="", date_of_birth=None, nationality="", anonymised_on=today
    )
    Case.languages.through.objects.filter(case_id__in=ids).delete()
    EmployabilityCheck.objects.filter(case_id__in=ids).delete()
    SupportPlan.objects.filter(case_id__in=ids).update(summary="")
    PlanGoal.objects.filter(plan__case_id__in=ids).update(text="")
    PlanStep.objects.filter(goal__plan__case_id__in=ids).update(what="", who="")
    Transfer.objects.filter(case_id__in=ids).update(note_for_partner="", decision_reason="")
    TransferTask.objects.filter(transfer__case_id__in=ids).update(text="")
    Exchange.objects.filter(transfer__case_id__in=ids).update(notes="")
    ExchangeProgress.objects.filter(exchange__transfer__case_id__in=ids).update(comment="")
    CaseConference.objects.filter(case_id__in=ids).update(notes="")
    anonymise_submissions(FormSubmission.objects.filter(case_intake__case_id__in=ids))
    case_anonymised.send(sender=Case, case_ids=ids)
    for case in logged:
        log_case(case, "casework.case.anonymise", user, reason=reason)
    return len(ids)


def anonymise_case(case: Case, *, user, reason: str, today: date) -> None:
    """Art. 17 for one case: only a closed case (so nobody works on it any more)."""
    if case.is_anonymised:
        raise ValidationError(_("Case %(number)s is already anonymised.") % {"number": case.number})
    if not case.is_closed:
        raise ValidationError(
            _("Close case %(number)s before anonymising it.") % {"number": case.number}
        )
    if reason not in ErasureReason.values:
        raise ValidationError(_("Say why the case is anonymised."))
    anonymise_cases([case.pk], user=user, reason=reason, today=today)


def retention_cutoff(today: date, years: int | None = None) -> date:
    years = setting("CASEWORK_RETENTION_YEARS") if years is None else years
    return add_months(today, -12 * years)


def retention_due(today: date, years: int | None = None):
    """Closed cases not yet anonymised whose closing lies the retention period back."""
    return Case.objects.closed().filter(
        anonymised_on__isnull=True, closed_on__lte=retention_cutoff(today, years)
    )
