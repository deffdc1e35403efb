"""What each role may do with forms; granted by migration 0002 (keep both equal)."""

from website.roles import CASE_MANAGERS, PARTNER_CASEWORKERS, PROGRAMME_ADMINISTRATORS

MODEL_PERMISSIONS = {
    PROGRAMME_ADMINISTRATORS: [
        "forms_app.add_formsubmission",
        "forms_app.change_formsubmission",
        "forms_app.view_formsubmission",
        "forms_app.delete_formsubmission",
        "forms_app.add_formdraft",
        "forms_app.change_formdraft",
        "forms_app.view_formdraft",
        "forms_app.delete_formdraft",
    ],
    # Staff who fill wizards see only what they submitted themselves: "view" means every
    # submission of every form (health answers included), which is for administrators alone.
    CASE_MANAGERS: ["forms_app.add_formsubmission"],
    PARTNER_CASEWORKERS: ["forms_app.add_formsubmission"],
}
