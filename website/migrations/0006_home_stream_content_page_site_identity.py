"""The home page's body becomes a stream of blocks (key figures, entry points, text); the rich
text it had moves into one text block, in the pages and in their revisions. Adds plain content
pages and the per-site identity (logo, share image, footer links)."""

import json
import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import wagtail.fields

HOME_PAGE = ("website", "homepage")


def _as_stream(html: str) -> str:
    return json.dumps([{"type": "text", "value": html, "id": str(uuid.uuid4())}] if html else [])


def _as_html(stream) -> str:
    blocks = json.loads(stream) if isinstance(stream, str) else stream or []
    return "".join(block["value"] for block in blocks if block.get("type") == "text")


def _home_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    home_type = ContentType.objects.filter(app_label=HOME_PAGE[0], model=HOME_PAGE[1]).first()
    return Revision.objects.filter(content_type=home_type) if home_type else Revision.objects.none()


def body_to_stream(apps, schema_editor):
    HomePage = apps.get_model(*HOME_PAGE)
    for page in HomePage.objects.all():
        page.body_stream = _as_stream(page.body)
        page.save(update_fields=["body_stream"])
    for revision in _home_revisions(apps):
        body = revision.content.get("body")
        if isinstance(body, str) and not body.lstrip().startswith("["):
            revision.content["body"] = _as_stream(body)
            revision.save(update_fields=["content"])


def stream_to_body(apps, schema_editor):
    HomePage = apps.get_model(*HOME_PAGE)
    for page in HomePage.objects.all():
        page.body = _as_html(page.body_stream.raw_data if page.body_stream else [])
        page.save(update_fields=["body"])
    for revision in _home_revisions(apps):
        body = revision.content.get("body")
        if isinstance(body, str) and body.lstrip().startswith("["):
            revision.content["body"] = _as_html(body)
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("website", "0005_editorial_rights_on_knowledge_only"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "standfirst",
                    models.CharField(blank=True, max_length=300, verbose_name="standfirst"),
                ),
                ("body", wagtail.fields.RichTextField(blank=True, verbose_name="body")),
            ],
            options={
                "verbose_name": "content page",
                "verbose_name_plural": "content pages",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.AddField(
            model_name="homepage",
            name="body_stream",
            field=wagtail.fields.StreamField(
                [("text", 0), ("key_figures", 8), ("entry_points", 14)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "description": "Paragraphs and headings.",
                            "features": ["h2", "h3", "bold", "italic", "link", "ol", "ul"],
                            "icon": "pilcrow",
                            "label": "text",
                            "preview_value": "<h2>What it is about</h2><p>Case management and partners work together.</p>",
                            "template": "website/blocks/text.html",
                        },
                    ),
                    1: ("wagtail.blocks.CharBlock", (), {"label": "heading", "max_length": 80}),
                    2: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"help_text": "e.g. 1,250 or 38 %", "label": "figure", "max_length": 20},
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "what it counts", "max_length": 120},
                    ),
                    4: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Period or source.",
                            "label": "note",
                            "max_length": 160,
                            "required": False,
                        },
                    ),
                    5: (
                        "wagtail.blocks.StructBlock",
                        [[("value", 2), ("label", 3), ("note", 4)]],
                        {},
                    ),
                    6: (
                        "wagtail.blocks.ListBlock",
                        (5,),
                        {"label": "figures", "max_num": 6, "min_num": 1},
                    ),
                    7: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Where the figures come from and how recent they are.",
                            "label": "source",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    8: (
                        "wagtail.blocks.StructBlock",
                        [[("heading", 1), ("figures", 6), ("source", 7)]],
                        {},
                    ),
                    9: ("wagtail.blocks.PageChooserBlock", (), {"label": "page"}),
                    10: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Empty: the page's title.",
                            "label": "title",
                            "max_length": 80,
                            "required": False,
                        },
                    ),
                    11: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"label": "text", "max_length": 240, "required": False},
                    ),
                    12: (
                        "wagtail.blocks.StructBlock",
                        [[("page", 9), ("title", 10), ("text", 11)]],
                        {},
                    ),
                    13: (
                        "wagtail.blocks.ListBlock",
                        (12,),
                        {"label": "cards", "max_num": 8, "min_num": 1},
                    ),
                    14: ("wagtail.blocks.StructBlock", [[("heading", 1), ("cards", 13)]], {}),
                },
                help_text="Key figures, entry points into the site and text, in any order.",
                verbose_name="body",
            ),
        ),
        migrations.RunPython(body_to_stream, stream_to_body),
        migrations.RemoveField(model_name="homepage", name="body"),
        migrations.RenameField(model_name="homepage", old_name="body_stream", new_name="body"),
        migrations.AlterField(
            model_name="homepage",
            name="standfirst",
            field=models.CharField(
                blank=True,
                help_text="What the network does, in one sentence, shown large under the title.",
                max_length=300,
                verbose_name="mission",
            ),
        ),
        migrations.CreateModel(
            name="SiteIdentity",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "organisation_name",
                    models.CharField(
                        default="PartizipationPlus",
                        help_text="Shown beside the logo and in the footer.",
                        max_length=120,
                        verbose_name="organisation name",
                    ),
                ),
                (
                    "contact_page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="contact page",
                    ),
                ),
                (
                    "imprint_page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="Impressum (imprint) page",
                    ),
                ),
                (
                    "logo",
                    models.ForeignKey(
                        blank=True,
                        help_text="Empty: the PartizipationPlus logo. SVG or PNG, shown 48 pixels high.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="logo",
                    ),
                ),
                (
                    "privacy_page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="Datenschutz (privacy) page",
                    ),
                ),
                (
                    "share_image",
                    models.ForeignKey(
                        blank=True,
                        help_text="Shown when a page is shared on social media; 1200 × 630 pixels work best.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="share image",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        editable=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={
                "verbose_name": "site identity",
                "verbose_name_plural": "site identities",
            },
        ),
    ]
