"""No person's name in logs, mails or URLs: the log check's search itself, the mails the app
sends about cases and submissions, and the links its pages and mails hold."""

import logging
import os
import re
import uuid
from datetime import timedelta
from io import StringIO
from types import SimpleNamespace
from urllib.parse import unquote

from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

import pytest

from casework import demo, services
from forms_app.models import FormSubmission
from forms_app.submit import notify
from tests import log_check
from tests.casework import factories
from tests.forms_app.factories import field, make_form_page, step

PEOPLE = [(first, last) for first, last, *_rest in demo.PEOPLE]


def test_the_search_finds_demo_and_factory_names(tmp_path):
    names = log_check.demo_names()
    assert {"Amira", "Haddad", "Tesfaye", "Zadran", "Samira"} <= names.alone
    log = tmp_path / "gw0.log"
    log.write_text(
        "INFO casework: case WUP-2026-0001 opened by user 17\n"
        "WARNING django.request: Not Found: /admin/cases/17/\n"
        "INFO casework: case opened for Amira Haddad\n"
        "ERROR forms_app: mail to Hans Müller failed\n"
        "INFO website: Dilan's file\n"
        "INFO django_tasks: Task id=zekZMSJUICEcS1Ali path=x state=RUNNING\n"
        "INFO casework: married name Haddad-Nasser\n",
        encoding="utf-8",
    )
    leaks = log_check.leaks_in([log], names)
    assert [(leak.line_number, leak.name) for leak in leaks] == [
        (3, "Amira"),
        (3, "Haddad"),
        (4, "Hans Müller"),
        (5, "Dilan"),
        (7, "Haddad"),
        (7, "Nasser"),
    ]
    assert str(leaks[0]).startswith(f"{log}:3: “Amira” in: INFO casework")


def test_a_name_in_the_logs_fails_the_session(tmp_path, settings):
    settings.TEST_LOG_DIR = tmp_path
    (tmp_path / "gw1.log").write_text("fine\nUser Yonas Tesfaye logged in\n", encoding="utf-8")
    written = []
    reporter = SimpleNamespace(
        write_line=written.append, write_sep=lambda *a, **k: None, ensure_newline=lambda: None
    )
    session = SimpleNamespace(
        exitstatus=0,
        config=SimpleNamespace(pluginmanager=SimpleNamespace(get_plugin=lambda name: reporter)),
    )
    log_check.finish_session(session)
    assert session.exitstatus == pytest.ExitCode.TESTS_FAILED
    assert any("gw1.log:2: “Yonas”" in line for line in written), written
    log_check.start_session()  # the next session starts from empty files
    assert (tmp_path / "gw1.log").read_text(encoding="utf-8") == ""
    session.exitstatus = 0
    log_check.finish_session(session)
    assert session.exitstatus == 0


def test_what_the_app_logs_reaches_this_process_log_file():
    marker = uuid.uuid4().hex
    logging.getLogger("casework.reminders").debug("log check %s", marker)
    logging.getLogger("django.request").warning("log check %s", marker)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    written = (settings.TEST_LOG_DIR / f"{worker}.log").read_text(encoding="utf-8")
    assert written.count(marker) == 2


@pytest.fixture
def demo_people(db):
    """The named demo people as cases of one Wuppertal case manager, a transfer each to
    Diakonie accepted seven weeks ago (so an exchange is overdue)."""
    manager = factories.case_manager("wuppertal", username="fallmanagement")
    diakonie = factories.partner(name="Diakonie Wuppertal", slug="diakonie")
    caseworker = factories.caseworker(diakonie, username="partner")
    start = factories.TODAY - timedelta(weeks=7)
    cases = []
    for first, last in PEOPLE:
        case = factories.CaseFactory(first_name=first, last_name=last, case_manager=manager)
        transfer = services.create_transfer(
            case, partner=diakonie, user=manager, today=start, consent_to_share=True
        )
        services.accept_transfer(transfer, user=caseworker, today=start)
        cases.append(case)
    return manager, caseworker, cases


def names_in(text: str) -> list[str]:
    text = unquote(text).casefold()
    return [name for person in PEOPLE for name in person if name.casefold() in text]


def test_reminder_mails_name_case_numbers_not_people(demo_people):
    _manager, _caseworker, cases = demo_people
    call_command(
        "send_casework_reminders", f"--today={factories.TODAY.isoformat()}", stdout=StringIO()
    )
    assert mail.outbox
    sent = "\n".join(f"{m.subject}\n{m.body}" for m in mail.outbox)
    assert all(case.number in sent for case in cases)
    assert names_in(sent) == []


def test_the_submission_mail_holds_a_link_not_the_answers(home_pages, settings):
    from website.models import HomePage

    home = HomePage.objects.get(locale__language_code="de")
    page = make_form_page(home, step("s", field("short_text", "name", "Name")), title="Aufnahme")
    page.notify_emails = "intake@example.invalid"
    page.save()
    first, last = PEOPLE[0]
    submission = FormSubmission(page=page, answers={"name": f"{first} {last}"}, language="de")
    submission.save()
    notify.call(submission.pk)
    [sent] = mail.outbox
    assert f"/{submission.pk}/" in sent.body
    assert names_in(f"{sent.subject}\n{sent.body}") == []


URL = re.compile(r'(?:href|src|action|formaction)="([^"]*)"')


def test_no_url_the_app_makes_names_a_person(client, demo_people):
    """The pages show the names (so a link built from one would be seen), the links do not."""
    manager, caseworker, cases = demo_people
    urls, shown_names = [], set()
    for user in (manager, caseworker):
        client.force_login(user)
        paths = [reverse("casework:index"), reverse("wagtailadmin_home")]
        paths += [reverse("casework:case", args=[case.pk]) for case in cases]
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            body = response.content.decode()
            shown_names.update(names_in(body))
            urls += URL.findall(body)
    assert shown_names == {name for person in PEOPLE for name in person}
    assert len(urls) > 100
    assert [url for url in urls if names_in(url)] == []
