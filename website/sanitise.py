"""Rich text is cleaned on every save, not only in the editor.

Wagtail's editor whitelists what it stores, but pages also arrive through imports, the demo
loader and code; ``|richtext`` renders the stored HTML as it is. Running every rich text value
through the editor's own conversion (HTML → editor state → HTML) keeps exactly what the field's
features allow - internal links included - and drops scripts, event handlers and iframes.
"""

from django.utils.html import escape

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText

from bs4 import BeautifulSoup


def clean_html(html: str, features: list[str] | None) -> str:
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    if not html:
        return html
    balanced = str(BeautifulSoup(html, "html.parser"))  # closes what was left open
    converter = ContentstateConverter(features=features)
    try:
        return converter.to_database_format(converter.from_database_format(balanced))
    except (AssertionError, ValueError, TypeError, KeyError):  # the converter asserts, too
        # HTML the converter cannot follow: keep the words, as text, rather than lose them.
        return f"<p>{escape(BeautifulSoup(balanced, 'html.parser').get_text())}</p>"


def _clean_block_value(block: blocks.Block, value) -> None:
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock) and isinstance(value, RichText):
        value.source = clean_html(value.source, block.features)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            _clean_block_value(child.block, child.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _clean_block_value(child_block, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _clean_block_value(block.child_block, item)


def clean_rich_text(page: Page) -> None:
    """Sanitise every rich text field and rich text block of ``page`` in place."""
    for field in page._meta.get_fields():
        if isinstance(field, RichTextField):
            setattr(page, field.attname, clean_html(getattr(page, field.attname), field.features))
        elif isinstance(field, StreamField):
            _clean_block_value(field.stream_block, getattr(page, field.attname))
