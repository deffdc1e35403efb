"""What each role may do with the partner directory (synced after migrate by ``website.roles``)."""

from website.roles import (
    CASE_MANAGERS,
    EDITORS,
    MODERATORS,
    PARTNER_CASEWORKERS,
    PROGRAMME_ADMINISTRATORS,
)

_READ = [
    "partners.view_partnerorganisation",
    "partners.view_service",
    "partners.view_city",
    "partners.view_targetgroup",
    "partners.view_language",
]

MODEL_PERMISSIONS = {
    PROGRAMME_ADMINISTRATORS: [
        *[
            f"partners.{action}_{model}"
            for model in ("partnerorganisation", "service", "city", "targetgroup", "language")
            for action in ("add", "change", "delete", "view")
        ],
        "partners.publish_partnerorganisation",
        "partners.lock_partnerorganisation",
        "partners.unlock_partnerorganisation",
        "partners.add_partnermembership",
        "partners.change_partnermembership",
        "partners.delete_partnermembership",
        "partners.view_partnermembership",
    ],
    CASE_MANAGERS: _READ,
    PARTNER_CASEWORKERS: _READ,
    EDITORS: _READ,
    MODERATORS: _READ,
}
