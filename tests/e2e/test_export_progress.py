"""In chromium: a large export goes to the worker; its progress page polls its status (a
static script, nothing inline) until the file is written, then offers it for download."""

import re
from pathlib import Path

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import serious_violations
from tests.forms_app.factories import field, make_form_page, step

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_large_export_from_click_to_download(browser_page, make_user, home_pages, settings):
    from django_tasks_db.models import DBTaskResult

    from forms_app.models import BackgroundJob, FormSubmission
    from tests.conftest import IN_FLIGHT
    from website.models import HomePage

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.FORMS_EXPORT_TASK_ROWS = 5
    home = HomePage.objects.get(locale__language_code="de")
    form = make_form_page(
        home, step("s", field("short_text", "name", "Name")), title="Große Liste", slug="gross"
    )
    for number in range(8):
        FormSubmission.objects.create(
            page=form, revision=form.live_revision, language="de", answers={"name": f"P{number}"}
        )
    make_user("Programme administrators", username="paula")
    page = browser_page.page
    polls, page_errors = [], []
    page.on(
        "request", lambda request: polls.append(request.url) if "/status/" in request.url else None
    )
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    browser_page.login("paula")

    browser_page.visit(reverse("forms_app:submissions", args=[form.pk]))
    page.locator("#w-slim-header-buttons button.w-dropdown__toggle").click()
    page.get_by_role("link", name="CSV herunterladen", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/forms-app/jobs/[0-9a-f-]+/$"))
    state = page.locator("[data-job-progress] [role=status]")
    expect(state).to_contain_text("Wartet auf den Start")
    expect(page.locator("progress")).to_have_attribute("value", "0")
    browser_page.screenshot_to("export-progress-waiting")
    assert serious_violations(page) == []

    # The worker's turn: the page's next poll is held while the queued task runs here (the live
    # server shares this test's one database connection, so nothing else may use it meanwhile).
    held = []

    def hold(route):
        if held:  # polls after the first one pass (the task has run by then)
            route.continue_()
        else:
            held.append(route)

    page.route(re.compile(r"/jobs/[0-9a-f-]+/status/$"), hold)
    for _tick in range(100):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, (polls, page_errors, browser_page.console_errors)
    IN_FLIGHT.wait_for_quiet()
    queued = DBTaskResult.objects.get(task_path="forms_app.export_jobs.write_export")
    queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
    for route in held:
        route.continue_()
    page.unroute(re.compile(r"/jobs/[0-9a-f-]+/status/$"))
    download_link = page.get_by_role("link", name="Herunterladen", exact=True)
    expect(download_link).to_be_visible(timeout=15_000)
    expect(state).to_contain_text("8 von 8 Zeilen")
    expect(page.locator("progress")).to_have_attribute("value", "100")
    browser_page.screenshot_to("export-progress-done")
    assert serious_violations(page) == []

    with page.expect_download() as download:
        download_link.click()
    content = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename.endswith(".csv")
    settings.FORMS_EXPORT_TASK_ROWS = 100
    streamed = page.request.get(
        browser_page.base_url + reverse("forms_app:submissions", args=[form.pk]) + "?export=csv"
    )
    assert content == streamed.body() and content.count(b"\n") == 9
    assert not BackgroundJob.objects.get().file  # deleted once downloaded
    page.locator("[data-job-progress]").get_by_role("link", name="Zurück", exact=True).click()
    expect(page).to_have_url(
        browser_page.base_url + reverse("forms_app:submissions", args=[form.pk])
    )
    assert browser_page.console_errors == []
