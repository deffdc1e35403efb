"""The form engine's "Open or update a case" action (found by ``forms_app.actions``).

A form with this action opens a case for the person its answers describe (or, started from a
case page as ``?case=<id>``, updates that case) in the transaction that stores the submission,
and links the submission to the case. Which answers become which attributes is chosen per form
in the page editor; the other answers stay in the submission, shown on the case.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale

from forms_app.actions import (
    CHOICE,
    CHOICES,
    DATE,
    ActionCall,
    ActionContext,
    ActionOutcome,
    Attribute,
    SubmissionAction,
    register_action,
)
from partners.models import City, Language

from . import access, audit
from .models import Case, CaseIntake, Gender, ResidenceStatus
from .models.cases import is_case_manager, managed_city_of
from .services import open_case, update_case

ACTION_NAME = "casework.case"

ATTRIBUTES = (
    Attribute("first_name", gettext_lazy("first name"), required=True),
    Attribute("last_name", gettext_lazy("last name"), required=True),
    Attribute("date_of_birth", gettext_lazy("date of birth"), kind=DATE),
    Attribute("gender", gettext_lazy("gender"), kind=CHOICE),
    Attribute("nationality", gettext_lazy("nationality")),
    Attribute("languages", gettext_lazy("languages"), kind=CHOICES),
    Attribute("residence_status", gettext_lazy("residence status"), kind=CHOICE),
    Attribute("city", gettext_lazy("city"), kind=CHOICE),
    Attribute("date_of_entry", gettext_lazy("date of entry into the programme"), kind=DATE),
)
PLAIN = ("first_name", "last_name", "date_of_birth", "nationality", "date_of_entry")


def choice_value(choices, answer: str | None, label) -> str | None:
    """The choice whose value or label (in any case) is ``answer``; a clear refusal if none."""
    if answer is None:
        return None
    for value, text in choices.choices:
        if answer.strip().lower() in (value, str(text).lower()):
            return value
    raise ValidationError(
        _("“%(answer)s” is not one of the case's choices for “%(attribute)s”: %(choices)s.")
        % {
            "answer": answer,
            "attribute": label,
            "choices": ", ".join(str(text) for _value, text in choices.choices),
        }
    )


def city_for(answer: str | None, user):
    """The city the answer names, else the case manager's own city."""
    if answer:
        city = City.objects.named(answer).first()
        if city is None:
            raise ValidationError(_("“%(city)s” is not a city of the network.") % {"city": answer})
        return city
    city_id = managed_city_of(user)
    if city_id is None:
        raise ValidationError(_("Say in which city the person lives; the form did not ask."))
    return City.objects.get(pk=city_id)


def languages_for(answers: list[str] | None):
    """The network's languages among the answers (others stay in the intake's answers)."""
    if answers is None:
        return None
    rule = Q(pk__in=[])
    for answer in answers:
        rule |= Q(slug__iexact=answer) | Q(name__iexact=answer)
    keys = Language.objects.filter(rule).values("translation_key")
    return list(Language.objects.filter(translation_key__in=keys, locale=Locale.get_default()))


def person_from(values: dict) -> dict:
    """The case's own fields among the mapped values that hold an answer."""
    person = {name: values[name] for name in PLAIN if values.get(name) is not None}
    labels = {attribute.name: attribute.label for attribute in ATTRIBUTES}
    for name, choices in (("gender", Gender), ("residence_status", ResidenceStatus)):
        value = choice_value(choices, values.get(name), labels[name])
        if value is not None:
            person[name] = value
    return person


def open_or_update(call: ActionCall) -> ActionOutcome:
    with audit.request_context(call.request):
        return _open_or_update(call)


def _open_or_update(call: ActionCall) -> ActionOutcome:
    user, values = call.user, call.values
    if not is_case_manager(user):
        raise ValidationError(_("Only case managers can open or update a case with this form."))
    person = person_from(values)
    languages = languages_for(values.get("languages"))
    case = call.context
    if case is None:
        case = open_case(
            manager=user,
            city=city_for(values.get("city"), user),
            today=timezone.localdate(),
            languages=languages or [],
            **person,
        )
        message = _("Case %(number)s was opened.")
    else:
        case = update_case(case, user=user, languages=languages, **person)
        message = _("Case %(number)s was updated.")
    CaseIntake.objects.create(
        case=case, submission=call.submission, opened_case=call.context is None
    )
    return ActionOutcome(
        url=reverse("casework:case", args=[case.pk]), message=message % {"number": case.number}
    )


def case_to_update(request, raw_id: str):
    """A case the user manages (the intake updates it), or None: others' cases are not found."""
    if not raw_id.isdigit():
        return None
    case = Case.objects.visible_to(request.user).filter(pk=int(raw_id)).first()
    return case if case is not None and access.manages(request.user, case) else None


def describe(case) -> str:
    return _("You are filling this form for case %(number)s; your answers update it.") % {
        "number": case.number
    }


register_action(
    SubmissionAction(
        name=ACTION_NAME,
        label=gettext_lazy("Open or update a case"),
        run=open_or_update,
        attributes=ATTRIBUTES,
        context=ActionContext("case", case_to_update, describe),
    )
)
