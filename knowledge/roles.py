"""What each role may do in the knowledge base.

``MODEL_PERMISSIONS`` (its own models) are synced after every migrate by ``website.roles``.
``PAGE_PERMISSIONS`` are Editors' and Moderators' only page rights: given on every knowledge
index page, and so on its entries, when the index is created (``knowledge.signals``; migration
website 0005 for indexes made before). The "Redaktion → Moderation" workflow (migration 0002)
makes Moderators approve what Editors submit. Programme administrators hold page rights on the
whole tree (``website.roles``).
"""

from website.roles import EDITORS, MODERATORS, PROGRAMME_ADMINISTRATORS

MODEL_PERMISSIONS = {
    PROGRAMME_ADMINISTRATORS: [
        "knowledge.add_theme",
        "knowledge.change_theme",
        "knowledge.delete_theme",
        "knowledge.view_theme",
    ],
}

PAGE_PERMISSIONS = {
    EDITORS: ["add", "change", "lock"],
    MODERATORS: ["add", "change", "publish", "lock", "unlock"],
}
