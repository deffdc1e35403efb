"""What a user may do with a case they can see (seeing it is ``Case.objects.visible_to``).

Views first load the case through ``visible_to`` (another case's id gives 404), then ask one
of these for the action (a visible case the role may not change gives 403).
"""

from .models import Case, Transfer, TransferState
from .models.cases import is_case_manager, partner_of


def manages(user, case: Case) -> bool:
    """Case managers of the case: every action but answering a transfer."""
    return is_case_manager(user) and Case.objects.managed_by(user).filter(pk=case.pk).exists()


def works_on(user, case: Case) -> bool:
    """The partner caseworker whose organisation holds the case's accepted transfer."""
    partner_id = partner_of(user)
    return (
        partner_id is not None
        and Transfer.objects.filter(
            case=case, partner_id=partner_id, state=TransferState.ACCEPTED
        ).exists()
    )


def may_record_progress(user, case: Case) -> bool:
    """Exchanges, trainings and placements: the case manager or the partner on the case."""
    return manages(user, case) or works_on(user, case)


def may_answer(user, transfer: Transfer) -> bool:
    return transfer.state == TransferState.PENDING and transfer.partner_id == partner_of(user)


def works_on_transfer(user, transfer: Transfer) -> bool:
    return transfer.state == TransferState.ACCEPTED and transfer.partner_id == partner_of(user)
