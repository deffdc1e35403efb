"""A shared form as another city takes it: per language, a blank form to print (HTML with print
styles; the browser's "Print" or "Save as PDF" makes the paper) and the definition to import.

Only forms whose editors share the definition are offered, staff-only ones included: a blank
form holds no answers. Each language version is the page's translation in that locale, so the
texts are the translators' and the structure is the same everywhere.
"""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from .definition import export_definition
from .models import WizardFormPage

# How many writing lines a blank answer gets on paper, by field type.
WRITING_LINES = {"long_text": 4, "group": 0}
CHOICE_TYPES = {"single_choice", "multiple_choice"}


def shared_form(page_id: int, language: str) -> WizardFormPage:
    """The shared form ``page_id`` in ``language`` (any language version's id finds it)."""
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise Http404
    page = get_object_or_404(
        WizardFormPage.objects.live().filter(share_definition=True), pk=page_id
    )
    locale = Locale.objects.filter(language_code=language).first()
    version = page.get_translation_or_none(locale) if locale else None
    if version is None or not version.live:
        raise Http404
    return version.specific


def available_languages(page: WizardFormPage) -> list[str]:
    """The languages a shared form can be printed and downloaded in, the site's order."""
    live = {
        version.locale.language_code
        for version in [page, *page.get_translations(inclusive=False).live()]
    }
    return [code for code, _name in settings.LANGUAGES if code in live]


def downloads(page: WizardFormPage) -> list[dict]:
    """Per language: the printable blank form and the definition, as site-relative URLs."""
    names = dict(settings.LANGUAGES)
    return [
        {
            "language": code,
            "language_name": names[code],
            "print_url": reverse("forms_public:printable", args=[page.pk, code]),
            "definition_url": reverse("forms_public:definition_in", args=[page.pk, code]),
        }
        for code in available_languages(page)
    ]


def _choice_label(choice: dict) -> str:
    """A choice's label, whether stored plain or as a list item (``{"value": {...}}``)."""
    if isinstance(choice.get("value"), dict):
        choice = choice["value"]
    return str(choice.get("label") or choice.get("value") or "")


def _blank_field(raw: dict) -> dict:
    """A field of the definition as paper shows it: its texts and what to write on."""
    kind = raw["type"]
    field = {
        "type": kind,
        "key": raw.get("key", ""),
        "label": raw.get("label") or raw.get("heading") or "",
        "help": raw.get("help") or raw.get("text") or "",
        "required": bool(raw.get("required")),
        "choices": [_choice_label(choice) for choice in raw.get("choices") or []],
        "multiple": kind == "multiple_choice",
        "lines": range(WRITING_LINES.get(kind, 1)),
        "columns": [],
        "rows": range(0),
    }
    if kind == "group":
        field["columns"] = [_blank_field(column) for column in raw.get("fields") or []]
        field["rows"] = range(max(int(raw.get("min_rows") or 0), 3))
    return field


def printable(request, page_id: int, language: str):
    page = shared_form(page_id, language)
    definition = export_definition(page)
    steps = [
        {
            "key": step.get("key", ""),
            "title": step.get("title", ""),
            "intro": step.get("intro", ""),
            "fields": [_blank_field(field) for field in step["fields"]],
        }
        for step in definition["steps"]
    ]
    with translation.override(language):  # the form's texts and the sheet's own words agree
        response = TemplateResponse(
            request,
            "forms_app/printable_form.html",
            {
                "form_page": page,
                "language": language,
                "definition": definition,
                "steps": steps,
                "downloads": downloads(page),
            },
        )
        return response.render()


def definition_in(request, page_id: int, language: str) -> JsonResponse:
    """The definition of the form's ``language`` version (its texts in that language)."""
    page = shared_form(page_id, language)
    response = JsonResponse(
        export_definition(page), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.{language}.form.json"'
    return response
