"""Forms keep one structure; each language version holds only its texts.

Blocks had ``label_de``/``label_en`` (and help, text, heading, title, intro); they now have one
``label`` etc., and other languages are translated pages (wagtail-localize). This migration:

- source forms (the version in the default language, else the oldest): every ``<name>_de``
  becomes ``<name>``, in the page and all its revisions;
- every other language version of a form (same ``translation_key``): its steps are replaced by
  the source's (same block ids, so wagtail-localize can sync them), with this version's own texts
  matched by key - its ``_en`` text in English, else the source's ``_en``, else its ``_de`` - in
  the page and its latest revision; older revisions are converted in place;
- submissions without a language get their form version's language, so the English copy's
  submissions join the source's list (which lists every version) with the right language.

Frozen: it uses no project code, only the raw JSON.
"""

import copy
import json

from django.conf import settings
from django.db import migrations, models
from django.db.models.functions import Cast

TEXTS = ("label", "help", "text", "heading", "title", "intro")


def items(raw_list):
    """The values of a StreamBlock/ListBlock's raw items (old plain or new block format)."""
    for item in raw_list or []:
        if isinstance(item, dict) and "value" in item and "type" in item:
            yield item, item["value"]
        else:
            yield None, item


def text(name, lang, *sources):
    """The first non-empty ``name_<lang>`` of the sources, else their ``name_de``/``name``."""
    candidates = [f"{name}_{lang}", f"{name}_de", name] if lang != "de" else [f"{name}_de", name]
    for candidate in candidates:
        for source in sources:
            if source and source.get(candidate):
                return source[candidate]
    return ""


def convert(value, lang, own=None, own_index=None, scope=""):
    """A block value in the new shape, texts in ``lang``; ``own`` is the version's matching
    old block (None for a source form), ``own_index`` its blocks by key."""
    if not isinstance(value, dict):
        return value
    out = {}
    for key, child in value.items():
        if key.endswith(("_de", "_en")):
            continue
        if key == "fields" and isinstance(child, list):
            out[key] = convert_fields(child, lang, own_index, scope or value.get("key", ""))
        elif key == "choices" and isinstance(child, list):
            own_choices = {
                choice.get("value"): choice for _item, choice in items((own or {}).get("choices"))
            }
            converted = []
            for item, choice in items(child):
                new = convert(choice, lang, own_choices.get(choice.get("value")))
                converted.append({**item, "value": new} if item else new)
            out[key] = converted
        else:
            out[key] = child
    for name in TEXTS:
        if f"{name}_de" in value or f"{name}_en" in value:
            out[name] = text(name, lang, own, value) if own is not None else text(name, lang, value)
    return out


def convert_fields(raw_fields, lang, own_index, scope):
    converted, heading_number = [], 0
    for item, value in items(raw_fields):
        own = None
        if own_index is not None:
            if value.get("key"):
                own = own_index.get((scope, value["key"]))
            elif item and item.get("type") == "heading":
                own = own_index.get((scope, f"#heading{heading_number}"))
                heading_number += 1
        new = convert(value, lang, own, own_index, scope if not value.get("key") else value["key"])
        converted.append({**item, "value": new} if item else new)
    return converted


def index_blocks(raw_steps) -> dict:
    """A language version's old blocks by (step or group key, field key or nth heading)."""
    index = {}

    def walk(raw_fields, scope):
        heading_number = 0
        for item, value in items(raw_fields):
            if value.get("key"):
                index[(scope, value["key"])] = value
                walk(value.get("fields"), value["key"])
            elif item and item.get("type") == "heading":
                index[(scope, f"#heading{heading_number}")] = value
                heading_number += 1

    for _item, step in items(raw_steps):
        index[("", step.get("key"))] = step
        walk(step.get("fields"), step.get("key"))
    return index


def convert_steps(raw_steps, lang, own_steps=None):
    own_index = index_blocks(own_steps) if own_steps is not None else None
    converted = []
    for item, step in items(raw_steps):
        own = own_index.get(("", step.get("key"))) if own_index is not None else None
        new = convert(step, lang, own, own_index, step.get("key", ""))
        converted.append({**item, "value": new} if item else new)
    return converted


def load(raw):
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return []
    return raw if isinstance(raw, list) else []


def migrate_forms(apps, schema_editor):
    WizardFormPage = apps.get_model("forms_app", "WizardFormPage")
    FormSubmission = apps.get_model("forms_app", "FormSubmission")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="forms_app", model="wizardformpage").first()
    rows = list(
        WizardFormPage.objects.annotate(raw=Cast("steps", models.TextField())).values_list(
            "pk", "raw", "translation_key", "locale__language_code"
        )
    )
    default = settings.LANGUAGE_CODE.split("-")[0]
    versions: dict = {}
    for pk, raw, key, lang in rows:
        versions.setdefault(key, []).append((pk, load(raw), (lang or default).split("-")[0]))

    def revisions_of(pk):
        if content_type is None:
            return Revision.objects.none()
        return Revision.objects.filter(content_type=content_type, object_id=str(pk))

    def save_steps(pk, steps):
        WizardFormPage.objects.filter(pk=pk).update(
            steps=models.Value(steps, output_field=models.JSONField())
        )

    def convert_revision(revision, lang, steps=None):
        content = revision.content or {}
        if "steps" not in content:
            return
        old = content["steps"]
        new = steps if steps is not None else convert_steps(load(old), lang)
        content["steps"] = json.dumps(new) if isinstance(old, str) else new
        revision.content = content
        revision.save(update_fields=["content"])

    for group in versions.values():
        group.sort(key=lambda version: (version[2] != default, version[0]))
        source_pk, source_steps, source_lang = group[0]
        converted_source = convert_steps(source_steps, source_lang)
        save_steps(source_pk, converted_source)
        for revision in revisions_of(source_pk):
            convert_revision(revision, source_lang)
        for pk, own_steps, lang in group[1:]:
            steps = convert_steps(copy.deepcopy(source_steps), lang, own_steps)
            save_steps(pk, steps)
            revisions = list(revisions_of(pk).order_by("-created_at", "-pk"))
            for number, revision in enumerate(revisions):
                convert_revision(revision, lang, steps if number == 0 else None)
        for pk, _steps, lang in group:
            FormSubmission.objects.filter(page_id=pk, language="").update(language=lang)


class Migration(migrations.Migration):
    dependencies = [
        ("forms_app", "0003_share_definition"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(migrate_forms, migrations.RunPython.noop)]
