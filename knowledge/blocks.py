"""The blocks editors compose good-practice pages and the model documentation from.

Every block has its own template, a preview and a description for the block picker. Images and
documents chosen in a block may be deleted later: the templates and the API then leave them out
instead of failing.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import SourceImageIOError

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "knowledge/blocks/heading.html"
        preview_value = "Wie das Netzwerk arbeitet"
        description = _("A section heading; it also appears in the page's outline.")
        form_classname = "title"


class TextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        template = "knowledge/blocks/text.html"
        preview_value = (
            "<p>Kommune und freie Träger arbeiten <b>Hand in Hand</b>, um Geflüchteten bei der "
            "Arbeitssuche zu helfen.</p>"
        )
        description = _("Paragraphs with links, lists and emphasis.")


class FigureBlock(blocks.StructBlock):
    """An image with the alternative text screen readers need and an optional caption."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "knowledge/blocks/figure.html"
        preview_value = {"alt_text": "Ein Beispielbild", "caption": "Bildunterschrift"}
        description = _("An image with alternative text and a caption.")

    def get_api_representation(self, value, context=None):
        image = value.get("image")
        if image is None:
            return None
        try:
            rendition = image.get_rendition("max-1200x800")
        except SourceImageIOError:  # the file is gone; the page must still be served
            return None
        return {
            "image": {
                "id": image.pk,
                "url": rendition.url,
                "width": rendition.width,
                "height": rendition.height,
            },
            "alt_text": value.get("alt_text"),
            "caption": value.get("caption"),
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "knowledge/blocks/quote.html"
        preview_value = {
            "quote": "Integration von Flüchtlingen in Arbeit – ein Gewinn für alle!",
            "attribution": "Netzwerk Partizipation",
        }
        description = _("A quotation with who said it.")


class FigureFactBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), max_length=40)
    label = blocks.CharBlock(label=_("what it counts"), max_length=200)

    class Meta:
        icon = "decimal"
        label = _("figure")


class FactBoxBlock(blocks.StructBlock):
    """Key figures at a glance, e.g. participants and placements."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    facts = blocks.ListBlock(FigureFactBlock(), label=_("figures"), min_num=1)
    source = blocks.CharBlock(label=_("source or date"), required=False, max_length=200)

    class Meta:
        icon = "table"
        template = "knowledge/blocks/fact_box.html"
        preview_value = {
            "title": "Wuppertal, Stand 31.08.2013",
            "facts": [
                {"value": "1.042", "label": "Teilnehmende"},
                {"value": "498", "label": "Vermittlungen"},
            ],
        }
        description = _("Key figures at a glance.")


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        template = "knowledge/blocks/download.html"
        preview_value = {"title": "Förderplan (Vorlage)"}
        description = _("A document visitors can download.")

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        if document is None:
            return None
        return {
            "document": {"id": document.pk, "title": document.title, "url": document.url},
            "title": value.get("title") or document.title,
        }


class StepBlock(blocks.StructBlock):
    """One numbered step; the number comes from the step's position in the list."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES, required=False)

    class Meta:
        icon = "list-ol"
        template = "knowledge/blocks/step.html"
        preview_value = {
            "title": "Einladung und Erstgespräch",
            "text": "<p>Persönlicher und beruflicher Hintergrund, Fähigkeiten.</p>",
        }
        description = _("One step of a process.")


class StepsBlock(blocks.StructBlock):
    """Numbered steps: the process of the model, or how another city adopts a practice."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    steps = blocks.ListBlock(StepBlock(), label=_("steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "knowledge/blocks/steps.html"
        preview_value = {
            "title": "So übernehmen Sie das Modell",
            "steps": [
                {"title": "Partner finden", "text": "<p>Kommune und freie Träger.</p>"},
                {"title": "Fallmanagement einrichten", "text": ""},
            ],
        }
        description = _("Numbered steps, e.g. how to adopt this.")


class ContentStreamBlock(blocks.StreamBlock):
    """The narrative of a good-practice page or the model documentation."""

    heading = HeadingBlock(label=_("heading"))
    text = TextBlock(label=_("text"), features=RICH_TEXT_FEATURES)
    figure = FigureBlock(label=_("image"))
    quote = QuoteBlock(label=_("quote"))
    facts = FactBoxBlock(label=_("fact box"))
    download = DownloadBlock(label=_("download"))
    steps = StepsBlock(label=_("numbered steps"))


class FormLinkBlock(blocks.StructBlock):
    """A form the model uses, linked to the page where its definition can be downloaded."""

    title = blocks.CharBlock(label=_("form"), max_length=200)
    purpose = blocks.TextBlock(label=_("what it is for"), required=False)
    page = blocks.PageChooserBlock(label=_("form page"), required=False)
    url = blocks.URLBlock(
        label=_("or address"),
        required=False,
        help_text=_("Where the form definition can be downloaded, if not a page of this site."),
    )

    class Meta:
        icon = "form"
        template = "knowledge/blocks/form_link.html"
        preview_value = {
            "title": "Übermittlungsbogen",
            "purpose": "Aufgaben für die nächsten sechs Monate beim Netzwerkpartner.",
        }
        description = _("A form of the model and where to get its definition.")

    def get_api_representation(self, value, context=None):
        page = value.get("page")
        live_page = page if page is not None and page.live else None
        return {
            "title": value.get("title"),
            "purpose": value.get("purpose"),
            "page": {"id": live_page.pk, "url": live_page.url} if live_page else None,
            "url": value.get("url") or None,
        }
