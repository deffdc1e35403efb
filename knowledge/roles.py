"""What each role may do with the knowledge base's own models (synced by ``website.roles``).

Page permissions (Editors draft, Moderators publish) come from ``website.roles``; the
"Redaktion → Moderation" workflow (migration 0002) makes Moderators approve what Editors submit.
"""

from website.roles import PROGRAMME_ADMINISTRATORS

MODEL_PERMISSIONS = {
    PROGRAMME_ADMINISTRATORS: [
        "knowledge.add_theme",
        "knowledge.change_theme",
        "knowledge.delete_theme",
        "knowledge.view_theme",
    ],
}
