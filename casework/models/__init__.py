"""The casework models, split by concern: the case and its person, plans, transfers, events."""

from .cases import (
    Case,
    CaseManagerProfile,
    CaseNumberCounter,
    CaseQuerySet,
    CaseStatus,
    ClosingReason,
    Employability,
    EmployabilityCheck,
    Gender,
    ResidenceStatus,
)
from .events import (
    CaseConference,
    ConferenceOutcome,
    Exchange,
    ExchangeProgress,
    Placement,
    PlacementKind,
    TaskProgress,
    Training,
    TrainingKind,
    TrainingStatus,
)
from .intakes import CaseIntake
from .plans import PlanGoal, PlanStep, StepStatus, SupportPlan
from .reminders import ReminderKind, SentReminder
from .transfers import Transfer, TransferState, TransferTask

__all__ = [
    "Case",
    "CaseConference",
    "CaseIntake",
    "CaseManagerProfile",
    "CaseNumberCounter",
    "CaseQuerySet",
    "CaseStatus",
    "ClosingReason",
    "ConferenceOutcome",
    "Employability",
    "EmployabilityCheck",
    "Exchange",
    "ExchangeProgress",
    "Gender",
    "Placement",
    "PlacementKind",
    "PlanGoal",
    "PlanStep",
    "ReminderKind",
    "ResidenceStatus",
    "SentReminder",
    "StepStatus",
    "SupportPlan",
    "TaskProgress",
    "Training",
    "TrainingKind",
    "TrainingStatus",
    "Transfer",
    "TransferState",
    "TransferTask",
]
