"""Each field type and each validation option, through the generated step forms."""

import datetime

from django.utils import timezone

import pytest

from forms_app.forms import build_form_class
from tests.forms_app.factories import field, make_form_page, step

pytestmark = pytest.mark.django_db

CHOICES = [
    {"value": "de", "label": "Deutsch"},
    {"value": "ar", "label": "Arabisch"},
]
ROW_FIELDS = [
    field("short_text", "task", "Aufgabe", required=True),
    field("short_text", "responsible", "Zuständig"),
    field("date", "due", "Fällig am"),
]


def step_form(home, *fields, data=None, files=None, prior=None):
    page = make_form_page(home, step("only", *fields), title="Felder", slug="felder")
    spec = page.form_specs()[0]
    return build_form_class(spec)(data=data, files=files, prefix="only", prior_answers=prior)


def answers(home, *fields, **data):
    form = step_form(home, *fields, data={f"only-{k}": v for k, v in data.items()})
    assert form.is_valid(), form.errors
    return form.answers


def errors(home, *fields, **data) -> list[str]:
    form = step_form(home, *fields, data={f"only-{k}": v for k, v in data.items()})
    assert not form.is_valid()
    return [message for messages in form.errors.values() for message in messages]


def test_short_and_long_text(home):
    result = answers(
        home, field("short_text", "a"), field("long_text", "b"), a="Amal", b="Zeile 1\nZeile 2"
    )
    assert result == {"a": "Amal", "b": "Zeile 1\nZeile 2"}


def test_text_lengths_and_cap(home):
    assert errors(home, field("short_text", "a", min_length=3), a="ab")
    assert errors(home, field("short_text", "a", max_length=5), a="abcdef")
    megabyte = "x" * (1024 * 1024)
    messages = errors(home, field("long_text", "b"), b=megabyte)
    assert any("höchstens 10000 Zeichen" in m for m in messages)
    assert any(
        "höchstens 255 Zeichen" in m for m in errors(home, field("short_text", "a"), a=megabyte)
    )


def test_pattern_with_custom_message(home):
    postcode = field("short_text", "plz", pattern=r"^[0-9]{5}$", pattern_message="Fünf Ziffern!")
    assert errors(home, postcode, plz="4210") == ["Fünf Ziffern!"]
    assert answers(home, postcode, plz="42103") == {"plz": "42103"}


def test_email_and_phone(home):
    assert errors(home, field("email", "e"), e="kein-mail")
    assert answers(home, field("email", "e"), e="a@example.invalid") == {"e": "a@example.invalid"}
    assert errors(home, field("phone", "p"), p="call me")
    assert answers(home, field("phone", "p"), p="+49 202 123-45") == {"p": "+49 202 123-45"}


def test_number_range_and_decimals(home):
    number = field("number", "n", min_value=1, max_value=10, decimal_places=1)
    assert errors(home, number, n="0")
    assert errors(home, number, n="11")
    assert errors(home, number, n="2.55")
    assert errors(home, number, n="zwei")
    assert answers(home, number, n="2.5") == {"n": "2.5"}
    assert answers(home, field("number", "n"), n="4") == {"n": 4}


def test_date_limits_and_not_in_future(home):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    future = field("date", "d", not_in_future=True)
    assert "Das Datum darf nicht in der Zukunft liegen." in errors(
        home, future, d=tomorrow.isoformat()
    )
    limited = field("date", "d", min_date="2020-01-01", max_date="2020-12-31")
    assert errors(home, limited, d="2019-12-31")
    assert errors(home, limited, d="2021-01-01")
    assert errors(home, limited, d="2020-02-30")  # no such day
    assert answers(home, limited, d="2020-06-01") == {"d": "2020-06-01"}


def test_yes_no_and_choices(home):
    assert answers(home, field("yes_no", "y"), y="no") == {"y": False}
    assert errors(home, field("yes_no", "y"), y="vielleicht")
    single = field("single_choice", "lang", choices=CHOICES, widget="select")
    assert answers(home, single, lang="ar") == {"lang": "ar"}
    assert errors(home, single, lang="xx")
    multiple = field("multiple_choice", "langs", choices=CHOICES)
    form = step_form(home, multiple, data={"only-langs": ["de", "ar"]})
    assert form.is_valid() and form.answers == {"langs": ["de", "ar"]}


def test_consent_must_be_ticked_when_required(home):
    consent = field("consent", "ok", required=True, text="Ich willige ein.")
    assert errors(home, consent)
    assert answers(home, consent, ok="on") == {"ok": True}


def test_heading_asks_nothing(home):
    heading = {"type": "heading", "heading": "Hinweis", "text": "Nur Text"}
    form = step_form(home, heading, field("short_text", "a"), data={"only-a": "x"})
    assert form.is_valid() and form.answers == {"a": "x"}
    assert form.items()[0]["heading"] == "Hinweis"


def test_repeatable_group_rows(home):
    group = field("group", "plan", "Förderplan", fields=ROW_FIELDS, min_rows=1)
    data = {
        "plan-rows": "3",
        "plan-0-task": "Bewerbungsmappe",
        "plan-0-responsible": "Jobcoach",
        "plan-0-due": "2026-03-01",
        "plan-1-task": "",  # an empty row is dropped
        "plan-2-task": "Online-Suche",
    }
    assert answers(home, group, **data) == {
        "plan": [
            {"task": "Bewerbungsmappe", "responsible": "Jobcoach", "due": "2026-03-01"},
            {"task": "Online-Suche", "responsible": "", "due": None},
        ]
    }
    messages = errors(
        home, group, **{"plan-rows": "1", "plan-0-responsible": "X", "plan-0-due": "bad"}
    )
    assert any(m.startswith("Zeile 1, Aufgabe:") for m in messages)
    assert any(m.startswith("Zeile 1, Fällig am:") for m in messages)
    two_rows = field("group", "plan", fields=ROW_FIELDS, min_rows=2)
    assert errors(home, two_rows, **{"plan-rows": "1", "plan-0-task": "x"}) == [
        "Bitte füllen Sie mindestens 2 Zeile(n) aus."
    ]
    required = field("group", "plan", fields=ROW_FIELDS, required=True)
    assert errors(home, required, **{"plan-rows": "2"}) == ["Dieses Feld muss ausgefüllt werden."]


def test_file_type_and_size(home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = field("file", "doc", extensions="pdf", max_size_mb=1)
    exe = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    form = step_form(home, upload, data={}, files={"only-doc": exe})
    assert not form.is_valid()
    assert "„exe“" in str(form.errors) or "exe" in str(form.errors)
    big = SimpleUploadedFile("big.pdf", b"x" * (1024 * 1024 + 1), content_type="application/pdf")
    form = step_form(home, upload, data={}, files={"only-doc": big})
    assert not form.is_valid()
    assert "Die Datei ist zu groß: höchstens 1 MB." in str(form.errors)
    ok = SimpleUploadedFile("cv.pdf", b"%PDF-1.4", content_type="application/pdf")
    assert step_form(home, upload, data={}, files={"only-doc": ok}).is_valid()


def test_labels_and_help_are_escaped(client, home):
    page = make_form_page(
        home,
        step("only", field("short_text", "a", "<script>alert(1)</script>", help="<b>h</b>")),
        title="XSS",
        slug="xss",
    )
    body = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;b&gt;h&lt;/b&gt;" in body
