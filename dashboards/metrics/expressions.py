"""The SQL expressions a breakdown groups by, and the labels of their values."""

from django.db.models import Case, CharField, F, IntegerField, Q, Value, When
from django.db.models.lookups import GreaterThan, LessThan
from django.utils.translation import gettext_lazy as _

from casework.models import Gender, ResidenceStatus, TransferState

from .dateparts import Day, Month, Year
from .registry import AGE_GROUPS, CASE_PATHS, PARTNER_PATHS, Measure

NOT_RECORDED = "not_recorded"
NO_PARTNER = "none"


def age_at_entry(case_path: str):
    """Whole years between birth and entry, in SQL (year difference, minus one if the birthday
    had not yet come in the year of entry)."""
    birth, entry = f"{case_path}date_of_birth", f"{case_path}date_of_entry"
    birthday = Month(birth) * 100 + Day(birth)
    entry_day = Month(entry) * 100 + Day(entry)
    return (
        Year(entry)
        - Year(birth)
        - Case(
            When(GreaterThan(birthday, entry_day), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def age_group(case_path: str):
    age = age_at_entry(case_path)
    return Case(
        When(Q(**{f"{case_path}date_of_birth__isnull": True}), then=Value("unknown")),
        When(LessThan(age, 25), then=Value("under_25")),
        When(LessThan(age, 35), then=Value("25_34")),
        When(LessThan(age, 50), then=Value("35_49")),
        default=Value("50_plus"),
        output_field=CharField(),
    )


def category_expression(measure: Measure, breakdown: str):
    """What to group by for ``breakdown``, and the field holding the label (or None when the
    labels come from choices)."""
    case_path = CASE_PATHS[measure.source]
    if breakdown == "gender":
        return F(f"{case_path}gender"), None
    if breakdown == "age_group":
        return age_group(case_path), None
    if breakdown == "residence_status":
        return F(f"{case_path}residence_status"), None
    if breakdown == "city":
        return F(f"{case_path}city_id"), f"{case_path}city__name"
    if breakdown == "partner":
        path = PARTNER_PATHS[measure.source]
        return F(f"{path}_id"), f"{path}__name"
    if breakdown == "outcome":
        return F("state"), None
    raise ValueError(breakdown)


def fixed_categories(breakdown: str) -> list[tuple[str, str]] | None:
    """Every value of a breakdown with a closed list, in order (shown even when zero)."""
    if breakdown == "gender":
        return [(value, str(label)) for value, label in Gender.choices]
    if breakdown == "age_group":
        return [(value, str(label)) for value, label in AGE_GROUPS.items()]
    if breakdown == "residence_status":
        return [(value, str(label)) for value, label in ResidenceStatus.choices] + [
            (NOT_RECORDED, str(_("not recorded")))
        ]
    if breakdown == "outcome":
        return [(value, str(label)) for value, label in TransferState.choices]
    return None


def category_key(breakdown: str, value) -> str:
    if value is None or value == "":
        return NO_PARTNER if breakdown == "partner" else NOT_RECORDED
    return str(value)


def open_label(breakdown: str, key: str, label) -> str:
    if key == NO_PARTNER and breakdown == "partner":
        return str(_("not transferred"))
    if key == NOT_RECORDED:
        return str(_("not recorded"))
    return str(label)
