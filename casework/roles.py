"""What each role may do with casework's models (synced after migrate by ``website.roles``).

These permissions say which screens a role opens; which cases it sees there is decided by
``Case.objects.visible_to``, never by a permission.
"""

from website.roles import CASE_MANAGERS, PARTNER_CASEWORKERS, PROGRAMME_ADMINISTRATORS

_RECORDS = ("supportplan", "transfer", "exchange", "caseconference", "training", "placement")

MODEL_PERMISSIONS = {
    # Administrators configure who works for which city; they see no case.
    PROGRAMME_ADMINISTRATORS: [
        f"casework.{action}_casemanagerprofile" for action in ("add", "change", "delete", "view")
    ],
    CASE_MANAGERS: [
        "casework.add_case",
        "casework.change_case",
        "casework.view_case",
        "casework.add_employabilitycheck",
        "casework.change_employabilitycheck",
        "casework.view_employabilitycheck",
        *[
            f"casework.{action}_{model}"
            for model in _RECORDS
            for action in ("add", "change", "view")
        ],
    ],
    PARTNER_CASEWORKERS: [
        "casework.view_case",
        "casework.view_supportplan",
        "casework.view_transfer",
        "casework.change_transfer",
        "casework.change_exchange",
        "casework.view_exchange",
        "casework.add_training",
        "casework.view_training",
        "casework.add_placement",
        "casework.view_placement",
    ],
}
