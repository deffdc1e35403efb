"""Admin screens of the knowledge base: the themes pages are grouped by."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    add_to_admin_menu = False
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order"]
