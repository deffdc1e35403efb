"""A wizard form holding every registered field type, its texts and its answers as payloads.

Each field type says how the proof puts a payload into its answer (``FILLERS``) or why it cannot
(``NO_TEXT_ANSWER``); a newly registered type that is in neither fails the proof. Two runs fill
it: one with HTML payloads, one with spreadsheet formulas.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from forms_app.registry import field_types
from tests.forms_app.factories import field, make_form_page, step
from tests.website.escaping_inert import email_payload, formula_payload, html_payload, marker

# Field types whose answer cannot hold a text payload; their labels and texts still carry one.
NO_TEXT_ANSWER = {
    "phone": "validator: digits, spaces, + - / ( ) only",
    "number": "typed: a decimal number",
    "date": "typed: a date",
    "yes_no": "fixed choices: yes or no (labels are the engine's own)",
    "consent": "a tick (its consent text is admin text and carries a payload)",
    "heading": "asks nothing (its heading and text carry payloads)",
}
PDF = b"%PDF-1.4 escaping proof"


def texts(kind: str) -> dict:
    """Label, help text and placeholder of a field of type ``kind``, all payloads."""
    kind = kind.replace("_", "-")
    return {
        "label": html_payload(f"label-{kind}"),
        "help": html_payload(f"help-{kind}"),
        "placeholder": html_payload(f"placeholder-{kind}"),
    }


def definition_fields(partner_slugs: tuple[str, str]) -> list[dict]:
    """One field of every type; choices and partners come in an HTML and a formula flavour."""
    options = [
        {"value": "html", "label": html_payload("answer-single-choice")},
        {"value": "formula", "label": formula_payload("answer-single-choice")},
    ]
    many = [
        {"value": "html", "label": html_payload("answer-multiple-choice")},
        {"value": "formula", "label": formula_payload("answer-multiple-choice")},
    ]
    return [
        field("short_text", "short", **texts("short_text")),
        field("long_text", "long", **texts("long_text")),
        field("email", "mail", **texts("email")),
        field("phone", "phone", **texts("phone")),
        field("number", "num", **texts("number")),
        field("date", "day", label=html_payload("label-date"), help=html_payload("help-date")),
        field("yes_no", "yn", label=html_payload("label-yes-no"), help=html_payload("help-yes-no")),
        field("single_choice", "one", label=html_payload("label-single-choice"), choices=options),
        field("multiple_choice", "many", label=html_payload("label-multiple-choice"), choices=many),
        field(
            "consent",
            "ok",
            label=html_payload("label-consent"),
            text=html_payload("text-consent"),
            required=False,
        ),
        field("file", "cv", label=html_payload("label-file"), extensions="pdf", max_size_mb=1),
        {
            "type": "heading",
            "heading": html_payload("heading"),
            "text": html_payload("heading-text"),
        },
        field(
            "group",
            "rows",
            label=html_payload("label-group"),
            fields=[field("short_text", "task", label=html_payload("label-group-task"))],
        ),
        field("partner", "partner", label=html_payload("label-partner")),
    ]


def payload_form(parent, partner_slugs):
    fields = definition_fields(partner_slugs)
    used = {item["type"] for item in fields}
    assert used == set(field_types()), (
        f"field types without a place in the proof form: {set(field_types()) - used}"
    )
    page = make_form_page(
        parent,
        step("all", *fields, title=html_payload("step-title")),
        title=html_payload("form-title"),
        slug="escaping",
        publish=False,
    )
    page.intro = html_payload("form-intro")
    page.thank_you_text = html_payload("thank-you")
    page.notify_emails = "eingang@example.org"
    page.share_definition = True
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def answer(kind: str, flavour: str) -> str:
    payload = html_payload if flavour == "html" else formula_payload
    return payload(f"answer-{kind}-{flavour}")


# How each field type's answer is posted: (field type, posted data for the "all" step).
def fillers(flavour: str, partner_slug: str) -> dict[str, dict]:
    mail = email_payload(f"answer-email-{flavour}") if flavour == "html" else "a@example.org"
    filename = (
        f'<img src=x onerror=alert("{marker("answer-file-html")}")>.pdf'
        if flavour == "html"
        else f"=1+1 {marker('answer-file-formula')}.pdf"
    )
    return {
        "short_text": {"short": answer("short-text", flavour)},
        "long_text": {"long": answer("long-text", flavour)},
        "email": {"mail": mail},
        "single_choice": {"one": flavour},
        "multiple_choice": {"many": ["html", "formula"]},
        "file": {"cv": SimpleUploadedFile(filename, PDF, content_type="application/pdf")},
        "group": {"rows-rows": "1", "rows-0-task": answer("group", flavour)},
        "partner": {"partner": partner_slug},
    }


def answer_tags(flavour: str) -> set[str]:
    tags = {
        f"answer-short-text-{flavour}",
        f"answer-long-text-{flavour}",
        f"answer-group-{flavour}",
        f"answer-file-{flavour}",
        "answer-single-choice",
        "answer-multiple-choice",
        f"answer-partner-{flavour}",
    }
    if flavour == "html":
        tags.add("answer-email-html")
    return tags


def text_tags() -> set[str]:
    """The markers of the form's own (admin) texts."""
    tags = {"step-title", "form-title", "form-intro", "thank-you", "heading", "heading-text"}
    for kind in ("short-text", "long-text", "email", "phone", "number"):
        tags |= {f"label-{kind}", f"help-{kind}", f"placeholder-{kind}"}
    for kind in ("date", "yes-no"):
        tags |= {f"label-{kind}", f"help-{kind}"}
    tags |= {"label-single-choice", "label-multiple-choice", "label-consent", "text-consent"}
    return tags | {"label-file", "label-group", "label-group-task", "label-partner"}
