"""Which pages the browser tests visit to cover every public page type (found from the tree, so a
new page type is covered without touching the tests)."""

LANGUAGES = ("de", "en")


def one_public_page_per_type(languages=LANGUAGES) -> dict[str, str]:
    """``{"<page type> (<language>)": url}``: the first live page of each type a visitor may
    open, per language. Private sections and staff dashboards (they send visitors to the login)
    are left out."""
    from wagtail.models import Page

    from dashboards.models.pages import without_staff_dashboards

    pages = without_staff_dashboards(Page.objects.live().public().filter(depth__gt=1))
    found: dict[str, str] = {}
    for page in pages.select_related("content_type", "locale").order_by("path"):
        if page.locale.language_code in languages:
            kind = page.content_type.model_class().__name__
            found.setdefault(f"{kind} ({page.locale.language_code})", page.url)
    return found


def page_types(found: dict[str, str]) -> set[str]:
    return {key.split(" ")[0] for key in found}
