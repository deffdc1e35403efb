"""Escaping proof, form answers: a payload in every field type's answer and in every text of the
form, filled through the wizard by a case manager, stays inert wherever it is shown: the
wizard's review, the submissions listing, detail and edit view, the CSV and XLSX export, the
notification mail, the printable blank form, the public definition and the API, and the case
page and the Art. 15 export of the case the intake belongs to."""

import json

from django.core import mail
from django.urls import reverse

import pytest

from casework.models import CaseIntake
from forms_app.export import escape_cell
from forms_app.models import FormSubmission
from forms_app.registry import field_types
from tests.casework.factories import CaseFactory, case_manager
from tests.factories import UserFactory
from tests.forms_app.helpers import post_step, submit
from tests.partners.factories import PartnerFactory
from tests.proof import proof_figure
from tests.website import escaping_form as proof_form
from tests.website.escaping_inert import (
    Ledger,
    body,
    csv_rows,
    formula_payload,
    html_payload,
    live_in_html,
    xlsx_rows,
)

pytestmark = [pytest.mark.proof, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    settings.FORMS_PRIVATE_ROOT = tmp_path / "private"
    from django.core.cache import cache

    from forms_app import wizard

    cache.clear()
    wizard._BUILT.clear()


def test_the_checker_sees_live_payloads():
    """The proof can fail: raw payloads are live, escaped ones are not."""
    assert live_in_html(html_payload("x"))
    assert live_in_html('<a href=" JavaScript:alert(1)">x</a>')
    assert not live_in_html("&lt;script&gt;alert(&quot;ppxss-x&quot;)&lt;/script&gt;")
    assert not live_in_html('<script type="application/json">{"a": "ppxss-x"}</script>')
    assert escape_cell(formula_payload("x")).startswith("'")


def fill(client, page, flavour, partner_slug, ledger, tags, on_commit) -> FormSubmission:
    client.get(page.url)
    data = {}
    for posted in proof_form.fillers(flavour, partner_slug).values():
        data.update(posted)
    review = post_step(client, page, "all", **data)
    assert review.context["is_review"], review.context["form"].errors
    ledger.html("wizard review", review.content.decode(), tags)
    with on_commit(execute=True):  # the notification mail is sent once the submission is stored
        response = submit(client, page)
    assert response.status_code == 302
    thanks = client.get(response.url)
    ledger.html("thank-you page", thanks.content.decode(), tags)
    return FormSubmission.objects.latest("pk")


def test_every_answer_and_form_text_is_inert_everywhere(
    client, home_pages, record_property, django_capture_on_commit_callbacks
):
    from website.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")
    partners = {
        "html": PartnerFactory(publish=True, name=html_payload("answer-partner-html")),
        "formula": PartnerFactory(publish=True, name=formula_payload("answer-partner-formula")),
    }
    page = proof_form.payload_form(home, tuple(p.slug for p in partners.values()))
    manager = case_manager("wuppertal", username="fall-escaping")
    client.force_login(manager)

    answer_types = set(field_types()) - set(proof_form.NO_TEXT_ANSWER)
    assert answer_types == set(proof_form.fillers("html", "x")), "a field type without a filler"
    print("field types without a text answer:", json.dumps(proof_form.NO_TEXT_ANSWER, indent=1))
    assert set(proof_form.NO_TEXT_ANSWER) == {
        "phone",
        "number",
        "date",
        "yes_no",
        "consent",
        "heading",
    }

    ledger = Ledger()
    form_tags = proof_form.text_tags()
    wizard_page = client.get(page.url).content.decode()
    ledger.html("wizard step", wizard_page, form_tags)

    submissions = {}
    mail.outbox.clear()
    for flavour in ("html", "formula"):
        tags = proof_form.answer_tags(flavour) | form_tags
        submissions[flavour] = fill(
            client,
            page,
            flavour,
            partners[flavour].slug,
            ledger,
            tags,
            django_capture_on_commit_callbacks,
        )
    all_tags = proof_form.answer_tags("html") | proof_form.answer_tags("formula") | form_tags
    assert {f.original_name for f in submissions["html"].files.all()} == {
        proof_form.fillers("html", "x")["file"]["cv"].name
    }

    # The notification mail: a link, never the answers; the form's title is in its subject.
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        ledger.text("notification mail (text)", message.subject + "\n" + message.body, all_tags)
        for content, mimetype in getattr(message, "alternatives", []):
            assert mimetype == "text/html"
            ledger.html("notification mail (HTML)", content, all_tags)

    # The admin, as a programme administrator (who sees every submission not yet of a case).
    admin = UserFactory(username="programm-escaping", role="Programme administrators")
    client.force_login(admin)
    html, formula = submissions["html"].pk, submissions["formula"].pk
    admin_pages = {
        "submissions listing": reverse("forms_app:submissions", args=[page.pk]),
        "submission detail": reverse("forms_app:submission", args=[page.pk, html]),
        "submission edit": reverse("forms_app:submission_edit", args=[page.pk, html]),
        "formula submission detail": reverse("forms_app:submission", args=[page.pk, formula]),
        "forms overview": reverse("forms_app:index"),
        "page edit": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "page listing": reverse("wagtailadmin_explore", args=[home.pk]),
    }
    for place, url in admin_pages.items():
        response = client.get(url)
        assert response.status_code == 200, (place, response.status_code)
        ledger.html(place, response.content.decode(), all_tags)
    export = reverse("forms_app:submissions", args=[page.pk])
    for fmt, read in (("csv", csv_rows), ("xlsx", xlsx_rows)):
        response = client.get(export, {"export": fmt})
        assert response.status_code == 200
        ledger.cells(f"submissions {fmt.upper()}", read(body(response)), all_tags)

    # The intake as part of a case: its page and the Art. 15 export, as the case's manager.
    case = CaseFactory(case_manager=manager)
    CaseIntake.objects.create(case=case, submission=submissions["html"], opened_case=True)
    client.force_login(manager)
    for place, name in (("case page", "casework:case"), ("case Art. 15 page", "casework:export")):
        response = client.get(reverse(name, args=[case.pk]))
        assert response.status_code == 200, (place, response.status_code)
        ledger.html(place, response.content.decode(), all_tags)
    response = client.get(reverse("casework:export_json", args=[case.pk]))
    assert response["Content-Type"].startswith("application/json")
    ledger.text("case Art. 15 JSON", json.dumps(json.loads(response.content)), all_tags)

    # Public: the printable blank form, the shared definition and the API (the form is public).
    client.logout()
    public = {
        "printable form": reverse("forms_public:printable", args=[page.pk, "de"]),
        "shared definition": reverse("forms_public:definition", args=[page.pk]),
        "API": f"/api/v2/pages/{page.pk}/",
    }
    for place, url in public.items():
        response = client.get(url)
        assert response.status_code == 200, (place, response.status_code)
        if place == "printable form":
            ledger.html(place, response.content.decode(), all_tags)
        else:
            assert response["Content-Type"].startswith("application/json")
            ledger.text(place, json.dumps(json.loads(response.content)), all_tags)

    print("places:", sorted(ledger.places()))
    assert not ledger.live, ledger.live
    unseen_answers = (proof_form.answer_tags("html") | proof_form.answer_tags("formula")) - set(
        ledger.seen
    )
    assert not unseen_answers, f"answers the proof never saw rendered: {unseen_answers}"
    assert not form_tags - set(ledger.seen), form_tags - set(ledger.seen)
    for tag in proof_form.answer_tags("formula") - {"answer-multiple-choice"}:
        places = ledger.seen[tag]
        assert {"submissions CSV", "submissions XLSX"} <= places, (tag, places)
    proof_figure(
        record_property,
        "Escaping",
        f"{len(form_tags)} form texts + {len(answer_types)} answer types × "
        f"{len(ledger.places())} places: {ledger.renderings} renderings, 0 live payloads",
    )
