"""In chromium: a programme administrator lists a form's submissions, filters them by date,
searches "Müller", downloads CSV and XLSX and deletes a submission after confirming."""

import csv
import datetime
import io
import re

from django.utils import timezone

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.e2e.axe import serious_violations
from tests.forms_app.factories import field, make_form_page, step

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_staff_list_filter_search_export_and_delete(browser_page, make_user, home_pages):
    from forms_app.models import FormSubmission
    from website.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")
    form = make_form_page(
        home,
        step(
            "s",
            field("short_text", "name", "Name"),
            field("number", "age", "Alter"),
            field("date", "arrived", "Eingereist am"),
        ),
        title="Aufnahme Test",
        slug="aufnahme-test",
    )
    people = [
        ("Jürgen Müller", 41, "2025-11-03", datetime.datetime(2026, 3, 2, 10)),
        ("Ayşe Çelik", 29, "2024-02-01", datetime.datetime(2026, 3, 5, 9)),
        ("Amal Haddad", 35, "2023-06-15", datetime.datetime(2026, 2, 1, 8)),
    ]
    for name, age, arrived, submitted in people:
        submission = FormSubmission.objects.create(
            page=form,
            revision=form.live_revision,
            language="de",
            answers={"name": name, "age": age, "arrived": arrived},
        )
        FormSubmission.objects.filter(pk=submission.pk).update(
            submitted_at=timezone.make_aware(submitted)
        )
    make_user("Programme administrators", username="paula")
    page = browser_page.page
    browser_page.login("paula")
    listing = f"/admin/forms-app/{form.pk}/"

    browser_page.visit(listing)
    rows = page.locator("table.listing tbody tr")
    assert rows.count() == 3
    browser_page.screenshot_to("submissions-listing")
    assert serious_violations(page) == []

    # the date filter, as the filter panel sends it
    browser_page.visit(f"{listing}?submitted_at_from=2026-03-01&submitted_at_to=2026-03-31")
    assert rows.count() == 2 and "Amal" not in page.inner_text("table.listing")

    # the search box (Wagtail swaps the results in as one types)
    browser_page.visit(listing)
    page.fill("main input[name=q]", "Müller")
    page.locator("table.listing tbody tr").filter(has_text="Çelik").wait_for(state="detached")
    assert rows.count() == 1 and "Jürgen Müller" in page.inner_text("table.listing")
    browser_page.screenshot_to("submissions-search")

    # the exports in the header's actions menu, fetched with the browser's session (clicking
    # the links raced Wagtail's live search, which re-renders the header)
    page.locator("#w-slim-header-buttons button.w-dropdown__toggle").click()
    export_urls = {}
    for export_format in ("csv", "xlsx"):
        link = page.locator(f"a[href$='export={export_format}']")
        expect(link).to_have_attribute("href", re.compile(r"[?&]q=M"))  # the search is kept
        export_urls[export_format] = browser_page.base_url + link.get_attribute("href")

    def download(export_format: str) -> bytes:
        response = page.request.get(export_urls[export_format])
        assert response.ok and "attachment" in response.headers["content-disposition"]
        return response.body()

    content = download("csv").decode("utf-8")
    assert content.startswith("\ufeff")
    header, *lines = list(csv.reader(io.StringIO(content[1:]), delimiter=";"))
    assert len(lines) == 1  # the search is kept in the export
    cells = dict(zip(header, lines[0], strict=True))
    assert cells["Name"] == "Jürgen Müller" and cells["Eingereist am"] == "03.11.2025"

    workbook = load_workbook(io.BytesIO(download("xlsx")))
    values = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    cells = dict(zip(values[0], values[1], strict=True))
    assert cells["Alter"] == 41 and cells["Eingereist am"] == datetime.datetime(2025, 11, 3)

    # delete Amal after confirming
    amal = FormSubmission.objects.get(answers__name="Amal Haddad")
    browser_page.visit(f"{listing}{amal.pk}/")
    page.get_by_role("link", name="Löschen").click()
    page.wait_for_url(f"**{listing}{amal.pk}/delete/")
    assert "endgültig" in page.inner_text("main")
    browser_page.screenshot_to("submissions-delete-confirm")
    page.get_by_role("button", name="Ja, löschen").click()
    page.wait_for_url(f"**{listing}")
    assert not FormSubmission.objects.filter(pk=amal.pk).exists()
    assert FormSubmission.objects.count() == 2
    assert browser_page.console_errors == []
