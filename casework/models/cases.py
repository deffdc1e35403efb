"""The participant's case: who the person is, where, who manages it, and its status."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from website.roles import CASE_MANAGERS, PARTNER_CASEWORKERS


def role_names(user) -> set[str]:
    """The user's role groups, read once per request (cached on the user object)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    if not hasattr(user, "_casework_roles"):
        user._casework_roles = set(user.groups.values_list("name", flat=True))
    return user._casework_roles


def is_case_manager(user) -> bool:
    return CASE_MANAGERS in role_names(user)


def partner_of(user):
    """The partner organisation id a partner caseworker works for, or None."""
    if PARTNER_CASEWORKERS not in role_names(user):
        return None
    if not hasattr(user, "_casework_partner_id"):
        from partners.models import PartnerMembership

        membership = PartnerMembership.objects.filter(user=user).values("partner_id").first()
        user._casework_partner_id = membership["partner_id"] if membership else None
    return user._casework_partner_id


def managed_city_of(user):
    """The city id a case manager works for (see ``CaseManagerProfile``), or None."""
    if not is_case_manager(user):
        return None
    if not hasattr(user, "_casework_city_id"):
        profile = CaseManagerProfile.objects.filter(user=user).values("city_id").first()
        user._casework_city_id = profile["city_id"] if profile else None
    return user._casework_city_id


def _manager_rules(user) -> list[Q]:
    rules = []
    if is_case_manager(user):
        city_id = managed_city_of(user)
        if city_id is not None:
            rules.append(Q(city_id=city_id))
        rules.append(Q(case_manager=user))
    return rules


def _partner_rules(user) -> list[Q]:
    from .transfers import Transfer, TransferState

    partner_id = partner_of(user)
    if partner_id is None:
        return []
    accepted = Transfer.objects.filter(partner_id=partner_id, state=TransferState.ACCEPTED)
    return [Q(pk__in=accepted.values("case_id"))]


def visibility_rules(user) -> list[Q]:
    """The one rule for who sees a person's case, as the cases of each reason to see them.

    Case managers: the cases of their city and the cases they manage themselves. Partner
    caseworkers: cases with an accepted transfer to their organisation. Everyone else,
    programme administrators and superusers included, sees no case at all. A long list asks
    for each reason on its own (``casework.paging``): each is one index range.
    """
    return [*_manager_rules(user), *_partner_rules(user)]


def _any(rules: list[Q]) -> Q:
    combined = Q(pk__in=[])
    for rule in rules:
        combined |= rule
    return combined


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CaseQuerySet":
        """The cases the user may see (``visibility_rules``)."""
        return self.filter(_any(visibility_rules(user)))

    def managed_by(self, user) -> "CaseQuerySet":
        """The cases the user sees as a case manager (the health data's audience)."""
        return self.filter(_any(_manager_rules(user)))

    def open(self) -> "CaseQuerySet":
        return self.filter(status=CaseStatus.OPEN)

    def closed(self) -> "CaseQuerySet":
        return self.filter(status=CaseStatus.CLOSED)

    def due_within(self, days: int, today: date) -> "CaseQuerySet":
        """Open cases with an exchange or conference due within ``days`` of ``today`` or overdue."""
        return self.open().filter(next_due__lte=today + timedelta(days=days))

    def overdue(self, today: date) -> "CaseQuerySet":
        return self.open().filter(next_due__lt=today)

    def search(self, text: str) -> "CaseQuerySet":
        """Cases whose number or name contains every word of ``text``."""
        queryset = self
        for word in text.split():
            queryset = queryset.filter(
                Q(number__icontains=word)
                | Q(first_name__icontains=word)
                | Q(last_name__icontains=word)
            )
        return queryset


class CaseScopedQuerySet(models.QuerySet):
    """For a case's records: visible exactly when their case is (``case_path`` leads there)."""

    case_path = "case"

    def visible_to(self, user):
        return self.filter(**{f"{self.case_path}__in": Case.objects.visible_to(user)})


class Gender(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    DIVERSE = "diverse", _("diverse")
    NOT_STATED = "not_stated", _("not stated")


class ResidenceStatus(models.TextChoices):
    ASYLUM_SEEKER = "asylum_seeker", _("Asylum seeker (Aufenthaltsgestattung)")
    TOLERATED = "tolerated", _("Tolerated stay (Duldung)")
    HUMANITARIAN = "humanitarian", _("Humanitarian residence permit")
    RIGHT_TO_STAY = "right_to_stay", _("Right to stay on condition of work")
    OTHER = "other", _("Other")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class ClosingReason(models.TextChoices):
    PLACED = "placed", _("Placed into work or vocational training")
    MOVED_AWAY = "moved_away", _("Moved away")
    LEFT_PROGRAMME = "left_programme", _("Left the programme")
    RESIDENCE_ENDED = "residence_ended", _("Residence ended")
    OTHER = "other", _("Other")


class CaseManagerProfile(models.Model):
    """The city a case manager works for: they see every case of that city.

    Kept in casework (not partners) because only casework asks the question; a case manager
    without a profile sees the cases they manage themselves.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="case_manager_profile",
        verbose_name=_("user"),
    )
    city = models.ForeignKey(
        "partners.City", on_delete=models.PROTECT, related_name="+", verbose_name=_("city")
    )

    class Meta:
        verbose_name = _("case manager's city")
        verbose_name_plural = _("case managers' cities")

    def __str__(self) -> str:
        return f"{self.user} → {self.city}"


class CaseNumberCounter(models.Model):
    """The last number given per city prefix and year (``WUP-2026-0042``)."""

    prefix = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="casework_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"


class Case(models.Model):
    """A participant of the programme and the state of their way into work."""

    number = models.CharField(
        _("case number"),
        max_length=20,
        unique=True,
        editable=False,
        help_text=_("Pseudonymous: used wherever the name is not needed."),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(
        _("gender"), max_length=20, choices=Gender.choices, default=Gender.NOT_STATED
    )
    nationality = models.CharField(_("nationality"), max_length=100, blank=True)
    languages = models.ManyToManyField(
        "partners.Language", blank=True, related_name="+", verbose_name=_("languages")
    )
    residence_status = models.CharField(
        _("residence status"), max_length=30, choices=ResidenceStatus.choices, blank=True
    )
    city = models.ForeignKey(
        "partners.City", on_delete=models.PROTECT, related_name="+", verbose_name=_("city")
    )
    date_of_entry = models.DateField(_("date of entry into the programme"))
    case_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="managed_cases",
        verbose_name=_("case manager"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    closing_reason = models.CharField(
        _("closing reason"), max_length=30, choices=ClosingReason.choices, blank=True
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    anonymised_on = models.DateField(
        _("anonymised on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The person's details were erased; the case counts in the figures only."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_due = models.DateField(
        _("next due"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The earliest exchange or case conference not yet held (kept by the app)."),
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-date_of_entry", "-pk"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        # "My cases" in due order: a city's, all or the open ones, and a case manager's own
        # (casework.paging).
        indexes = [
            models.Index(
                fields=["case_manager", "next_due", "number"], name="case_manager_next_due"
            ),
            models.Index(fields=["city", "next_due", "number"], name="case_city_next_due"),
            models.Index(
                fields=["city", "status", "next_due", "number"], name="case_city_status_next_due"
            ),
            # The dashboards' counts by entry date, residence status and city: read from the
            # index alone, not from the cases' rows.
            models.Index(fields=["date_of_entry"], name="case_entry"),
            models.Index(fields=["residence_status"], name="case_residence"),
            models.Index(fields=["city", "date_of_entry"], name="case_city_entry"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def full_name(self) -> str:
        if self.anonymised_on:
            return str(_("(anonymised)"))
        return f"{self.first_name} {self.last_name}"

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_on is not None

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED


class Employability(models.TextChoices):
    EMPLOYABLE = "employable", _("employable")
    RESTRICTED = "restricted", _("employable with restrictions")
    NOT_EMPLOYABLE = "not_employable", _("not employable at present")


class EmployabilityCheckQuerySet(models.QuerySet):
    def visible_to(self, user) -> "EmployabilityCheckQuerySet":
        """Health data: the case managers of the case only, never partners."""
        return self.filter(case__in=Case.objects.managed_by(user))


class EmployabilityCheck(models.Model):
    """The check of employability where health problems are reported.

    Special-category data (health): only the case managers of the case see it; partners see
    only ``shared_summary`` and only when the case manager ticks ``share_summary``.
    """

    case = models.OneToOneField(
        Case, on_delete=models.CASCADE, related_name="employability_check", verbose_name=_("case")
    )
    checked_on = models.DateField(_("checked on"))
    health_restrictions = models.TextField(_("health restrictions"))
    result = models.CharField(_("result"), max_length=20, choices=Employability.choices)
    shared_summary = models.TextField(
        _("summary for partners"),
        blank=True,
        help_text=_("A short summary without diagnoses that partners may see."),
    )
    share_summary = models.BooleanField(_("share the summary with the partner"), default=False)

    objects = EmployabilityCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("employability check")
        verbose_name_plural = _("employability checks")

    def __str__(self) -> str:
        return f"{self.case} ({self.checked_on})"
