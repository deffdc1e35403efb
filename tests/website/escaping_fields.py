"""The admin-editable text fields of the project's models, found from the models themselves.

``text_fields()`` lists every CharField and TextField (and rich text) of every concrete model of
the project apps, pages and snippets included (a page's title too). ``poison(instance)`` puts a
payload naming the field into each of them that takes one; a field whose choices or validators
refuse a payload is recorded with the reason in ``SKIPPED``, which the proof prints and compares
with the expected set, so a new field cannot silently escape it.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from tests.website.escaping_inert import (
    email_payload,
    formula_payload,
    html_payload,
    link_payload,
    marker,
    short_payload,
)

PROJECT_APPS = ("website", "forms_app", "partners", "casework", "dashboards", "knowledge")
PAGE_FIELDS = ("title", "seo_title", "search_description")


def text_fields():
    """(model, field) for every text field of the project's concrete models."""
    for label in PROJECT_APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.abstract or model._meta.proxy:
                continue
            for field in model._meta.get_fields():
                if not field.concrete or field.auto_created or isinstance(field, StreamField):
                    continue
                if not isinstance(field, (models.CharField, models.TextField)):
                    continue
                inherited = field.model is not model and field.model.__module__.startswith(
                    "wagtail"
                )
                if inherited and not (issubclass(model, Page) and field.name in PAGE_FIELDS):
                    continue
                yield model, field


def field_name(model, field) -> str:
    return f"{model._meta.label}.{field.name}"


def field_tag(model, field) -> str:
    """A short tag (``c007``), so that even a 30-character field holds a payload naming it."""
    if not _TAGS:
        _TAGS.update({field_name(m, f): f"c{n:03d}" for n, (m, f) in enumerate(text_fields())})
    return _TAGS[field_name(model, field)]


_TAGS: dict[str, str] = {}


def payload_for(model, field) -> tuple[str | None, str]:
    """The payload ``field`` takes, or None and the reason it refuses every payload."""
    tag = field_tag(model, field)
    if not field.editable:
        return None, "not editable"
    if field.choices:
        return None, "choices"
    if isinstance(field, models.SlugField):
        candidates = []
        reason = "validator: slug (letters, digits, - and _)"
    elif isinstance(field, models.URLField):
        candidates = [link_payload(tag)]
        reason = "validator: URL (javascript: refused)"
    elif isinstance(field, models.EmailField):
        candidates = [email_payload(tag)]
        reason = "validator: e-mail"
    else:
        candidates = [html_payload(tag), short_payload(tag)]
        reason = "validator"
    for candidate in candidates:
        if field.max_length and len(candidate) > field.max_length:
            reason = f"max_length {field.max_length}"
            continue
        try:
            field.run_validators(candidate)
        except ValidationError:
            continue
        return candidate, ""
    return None, reason


def rich_text_payload(tag: str) -> str:
    """Rich text may hold HTML: what the field's features do not allow must be dropped."""
    mark = marker(tag)
    return f'<p>{mark} {html_payload(tag)}<a href="javascript:alert(1)" onclick="{mark}">x</a></p>'


def skips() -> dict[str, str]:
    """Every field that takes no payload, with the reason."""
    found = {}
    for model, field in text_fields():
        payload, reason = payload_for(model, field)
        if payload is None:
            found[field_name(model, field)] = reason
    return found


def formula_for(model, field) -> str | None:
    """A spreadsheet formula naming ``field``, if the field takes one."""
    if type(field) not in (models.CharField, models.TextField) or field.choices:
        return None
    tag = field_tag(model, field)
    for candidate in (formula_payload(tag), f"=1+{marker(tag)}"):
        if not field.max_length or len(candidate) <= field.max_length:
            return candidate
    return None


def poison(instance, formulas: bool = False) -> dict[str, str]:
    """Set every text field of ``instance`` that takes a payload (with ``formulas``, a
    spreadsheet formula instead of HTML); returns {tag: field name}."""
    model = type(instance)
    tags = {}
    for field_model, field in text_fields():
        if field_model is not model:
            continue
        if formulas:
            payload = formula_for(model, field)
        else:
            payload, _reason = payload_for(model, field)
        if payload is None:
            continue
        if isinstance(field, RichTextField) and not formulas:
            payload = rich_text_payload(field_tag(model, field))
        setattr(instance, field.attname, payload)
        tags[field_tag(model, field)] = field_name(model, field)
    return tags
