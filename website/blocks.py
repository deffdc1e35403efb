"""The home page's blocks: key figures and entry points into the site, beside plain text.

The figures are typed in by an administrator for now; a block that reads them from the
dashboards' metrics can join the stream once that app offers one.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class FigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("figure"), max_length=20, help_text=_("e.g. 1,250 or 38 %"))
    label = blocks.CharBlock(label=_("what it counts"), max_length=120)
    note = blocks.CharBlock(
        label=_("note"), max_length=160, required=False, help_text=_("Period or source.")
    )

    class Meta:
        icon = "order"
        label = _("figure")
        template = "website/blocks/figure.html"
        description = _("One number with what it counts.")
        preview_value = {"value": "1,250", "label": "people advised", "note": "2016–2025"}


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=80)
    figures = blocks.ListBlock(FigureBlock(), label=_("figures"), min_num=1, max_num=6)
    source = blocks.CharBlock(
        label=_("source"),
        max_length=200,
        required=False,
        help_text=_("Where the figures come from and how recent they are."),
    )

    class Meta:
        icon = "table"
        label = _("key figures")
        template = "website/blocks/key_figures.html"
        description = _("A row of the network's most telling numbers.")
        preview_value = {
            "heading": "The network in figures",
            "figures": [
                {"value": "1,250", "label": "people advised", "note": ""},
                {"value": "38 %", "label": "in work or training after a year", "note": ""},
            ],
            "source": "Synthetic example figures.",
        }


class EntryCardBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("page"))
    title = blocks.CharBlock(
        label=_("title"), max_length=80, required=False, help_text=_("Empty: the page's title.")
    )
    text = blocks.TextBlock(label=_("text"), max_length=240, required=False)

    class Meta:
        icon = "link"
        label = _("entry point")
        template = "website/blocks/entry_card.html"
        description = _("A card that leads to one part of the site.")


class EntryPointsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=80)
    cards = blocks.ListBlock(EntryCardBlock(), label=_("cards"), min_num=1, max_num=8)

    class Meta:
        icon = "grip"
        label = _("entry points")
        template = "website/blocks/entry_points.html"
        description = _("Cards leading to the main parts of the site.")


class HomeStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("text"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        template="website/blocks/text.html",
        description=_("Paragraphs and headings."),
        preview_value="<h2>What it is about</h2><p>Case management and partners work together.</p>",
    )
    key_figures = KeyFiguresBlock()
    entry_points = EntryPointsBlock()
