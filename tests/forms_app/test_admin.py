"""Submissions in the admin: list, filter, search, open, edit with history, export, files."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import strip_tags

import pytest
from openpyxl import load_workbook

from forms_app.export import escape_cell
from forms_app.models import FormSubmission, SubmissionChange, SubmissionFile
from tests.forms_app.factories import field, make_form_page, step
from tests.forms_app.helpers import post_step, submit

pytestmark = pytest.mark.django_db


def fill(client, page, name, kids="no", count=""):
    client.get(page.url)
    post_step(client, page, "person", name=name)
    post_step(client, page, "family", has_children=kids, children_count=count)
    if kids == "yes":
        post_step(client, page, "health", notes="")
    submit(client, page)
    return FormSubmission.objects.latest("pk")


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("Programme administrators", username="paula"))
    return client


@pytest.fixture
def submissions(client, three_step_form):
    return [
        fill(client, three_step_form, "Amal"),
        fill(client, three_step_form, '=HYPERLINK("http://x")'),
        fill(client, three_step_form, "<script>alert(1)</script>", "yes", "2"),
    ]


def test_list_filter_and_search(admin_client, three_step_form, submissions):
    url = reverse("forms_app:submissions", args=[three_step_form.pk])
    body = admin_client.get(url).content.decode()
    assert "Amal" in body and "&lt;script&gt;" in body and "<script>alert" not in body
    body = admin_client.get(url, {"q": "amal"}).content.decode()
    assert "Amal" in body and "HYPERLINK" not in body
    body = admin_client.get(url, {"submitted_by": "nobody"}).content.decode()
    assert "Amal" not in body and "HYPERLINK" not in body
    body = admin_client.get(
        url, {"submitted_at_from": "2000-01-01", "submitted_at_to": "2099-01-01"}
    ).content.decode()
    assert "Amal" in body
    body = admin_client.get(url, {"submitted_at_to": "2000-01-01"}).content.decode()
    assert "Amal" not in body
    assert admin_client.get(reverse("forms_app:index")).status_code == 200


def test_detail_escapes_answers(admin_client, three_step_form, submissions):
    submission = submissions[2]
    body = admin_client.get(
        reverse("forms_app:submission", args=[three_step_form.pk, submission.pk])
    ).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>alert(1)" not in body


def test_edit_records_history(admin_client, three_step_form, submissions):
    submission = submissions[0]
    url = reverse("forms_app:submission_edit", args=[three_step_form.pk, submission.pk])
    body = admin_client.get(url).content.decode()
    assert 'value="Amal"' in body
    response = admin_client.post(
        url,
        {
            "person-name": "Amal B.",
            "family-has_children": "yes",
            "family-children_count": "0",
            "change-reason": "Korrektur",
        },
    )
    assert response.status_code == 200  # 0 is below the minimum of 1
    valid = {
        "person-name": "Amal B.",
        "family-has_children": "yes",
        "family-children_count": "3",
        "health-notes": "neu",
    }
    response = admin_client.post(url, valid)
    assert response.status_code == 200  # a reason is required
    assert not SubmissionChange.objects.exists()
    response = admin_client.post(url, {**valid, "change-reason": "Name laut Ausweis"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.answers == {
        "name": "Amal B.",
        "has_children": True,
        "children_count": 3,
        "notes": "neu",
    }
    change = SubmissionChange.objects.get()
    assert change.changed_by.username == "paula"
    assert change.changes["name"] == {"old": "Amal", "new": "Amal B."}
    assert change.changes["has_children"] == {"old": False, "new": True}
    assert change.reason == "Name laut Ausweis"
    detail = admin_client.get(response["Location"]).content.decode()
    assert "paula" in detail and "Amal B." in detail and "Name laut Ausweis" in detail
    # the history names fields by their labels, not their keys
    history = strip_tags(detail[detail.index("Änderungsverlauf") :])
    assert "Kinder?: Nein → Ja" in history and "has_children" not in history


def test_edit_discards_answers_that_became_hidden(admin_client, three_step_form, submissions):
    submission = submissions[2]
    url = reverse("forms_app:submission_edit", args=[three_step_form.pk, submission.pk])
    admin_client.post(
        url,
        {
            "person-name": "X",
            "family-has_children": "no",
            "family-children_count": "2",
            "health-notes": "weg",
            "change-reason": "Antworten bereinigt",
        },
    )
    submission.refresh_from_db()
    assert submission.answers == {"name": "X", "has_children": False}


def export_url(page, fmt: str = "csv", **params) -> str:
    from urllib.parse import urlencode

    url = reverse("forms_app:submissions", args=[page.pk])
    return f"{url}?{urlencode({'export': fmt, **params})}"


def read_csv(response) -> list[list[str]]:
    """A streamed export in the German (Excel) dialect: BOM and ``;``."""
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


def test_export_keeps_removed_fields_and_escapes_formulas(
    admin_client, three_step_form, submissions
):
    page = three_step_form
    # the "notes" field is removed and "name" relabelled in a new version
    raw = page.steps.get_prep_value()
    raw[0]["value"]["fields"][0]["value"]["label"] = "Vollständiger Name"
    raw[2]["value"]["fields"] = []
    page.steps = raw
    page.save_revision().publish()
    rows = read_csv(admin_client.get(export_url(page)))
    header = rows[0]
    assert header[5:] == ["Vollständiger Name", "Kinder?", "Anzahl", "Notizen (entfernt)"]
    by_name = {row[5]: row for row in rows[1:]}
    assert '\'=HYPERLINK("http://x")' in by_name
    assert by_name["<script>alert(1)</script>"][8] == ""  # empty notes, column still there
    assert by_name["Amal"][6] == "Nein"
    response = admin_client.get(export_url(page, "xlsx"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][5:] == ["Vollständiger Name", "Kinder?", "Anzahl", "Notizen (entfernt)"]
    assert any(row[5] == '\'=HYPERLINK("http://x")' for row in values[1:])


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_escaping(text):
    assert escape_cell(text) == "'" + text
    assert escape_cell("Amal") == "Amal"


def refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_permissions(client, make_user, three_step_form, submissions):
    list_url = reverse("forms_app:submissions", args=[three_step_form.pk])
    edit_url = reverse("forms_app:submission_edit", args=[three_step_form.pk, submissions[0].pk])
    client.force_login(make_user("Editors"))
    assert refused(client.get(list_url))
    assert refused(client.get(export_url(three_step_form)))
    client.force_login(make_user("Case managers"))
    assert client.get(list_url).status_code == 200
    assert refused(client.get(edit_url))
    client.logout()
    assert client.get(list_url).status_code == 302


def upload_form(home):
    return make_form_page(
        home,
        step("docs", field("file", "cv", "Lebenslauf", extensions="pdf", max_size_mb=1)),
        title="Upload",
        slug="upload",
    )


def test_files_are_private_and_permission_checked(client, make_user, home, private_root):
    page = upload_form(home)
    owner = make_user("Case managers", username="owner")
    client.force_login(owner)
    client.get(page.url)
    cv = SimpleUploadedFile("cv.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client.post(page.url, {f"page_{page.pk}-current_step": "docs", "docs-cv": cv})
    assert "cv.pdf" in response.content.decode()  # the review names the file
    submit(client, page)
    record = SubmissionFile.objects.get()
    assert record.submission.answers["cv"]["name"] == "cv.pdf"
    assert str(private_root) in record.file.path
    with pytest.raises(ValueError):
        record.file.url  # noqa: B018 - private files have no public URL
    url = reverse("forms_app:file", args=[record.pk])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 test"
    client.force_login(make_user("Editors", username="ed"))
    assert refused(client.get(url))
    client.force_login(make_user("Programme administrators", username="pa"))
    assert client.get(url).status_code == 200


def test_wrong_file_type_keeps_other_answers(client, home):
    page = make_form_page(
        home,
        step("docs", field("short_text", "title"), field("file", "cv", extensions="pdf")),
        slug="upload2",
    )
    client.get(page.url)
    exe = SimpleUploadedFile("x.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(
        page.url,
        {f"page_{page.pk}-current_step": "docs", "docs-title": "Mein Titel", "docs-cv": exe},
    )
    body = response.content.decode()
    assert "exe" in body and "nicht erlaubt" in body
    assert 'value="Mein Titel"' in body


def test_staff_who_fill_forms_see_only_their_own_submissions(
    client, make_user, three_step_form, submissions
):
    """Only "view" shows every submission (health answers included); others see their own."""
    page = three_step_form
    list_url = reverse("forms_app:submissions", args=[page.pk])
    client.force_login(make_user("Case managers", username="fatma"))
    own = fill(client, page, "Eigene Person")
    listing = client.get(list_url).content.decode()
    assert "Eigene Person" in listing and "Amal" not in listing
    export = [row[5] for row in read_csv(client.get(export_url(page)))[1:]]
    assert export == ["Eigene Person"]
    detail = "forms_app:submission"
    assert client.get(reverse(detail, args=[page.pk, own.pk])).status_code == 200
    assert client.get(reverse(detail, args=[page.pk, submissions[0].pk])).status_code == 404

    client.force_login(make_user("Partner caseworkers", username="piet"))
    listing = client.get(list_url).content.decode()
    assert "Eigene Person" not in listing and "Amal" not in listing
    assert client.get(reverse(detail, args=[page.pk, own.pk])).status_code == 404
    index = client.get(reverse("forms_app:index")).content.decode()
    assert page.title in index
