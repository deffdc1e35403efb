"""Fault: the app server is killed (SIGKILL, workers and all) in the middle of the intake wizard.

gunicorn serves a throwaway SQLite database; a case manager (a plain HTTP client with its
session cookie; no second factor in the test settings) fills steps 1 and 2 of the demo intake,
the server is killed, a request in that moment fails, and a new server is started on the same
address. The wizard's state lives in the database session, written before each answer went out,
so the client resumes on step 3: the saved draft holds the answers of steps 1 and 2, and
finishing (sent twice, as a client retrying a lost answer would) stores one intake.
"""

import contextlib
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup

from bench.bench_intake_load import fill
from tests.partners.test_import_two_processes import (
    GUNICORN,
    ROOT,
    environment,
    free_port,
    wait_until_serving,
)
from tests.proof import proof_figure

WIZARD = "/erstgespraech/"
PASSWORD = "fault-test-password-2026"  # a throwaway database
SETUP = f"""
from django.core.management import call_command
call_command("migrate", "--noinput", verbosity=0)
from django.contrib.auth.models import Group, User
from partners.models import PartnerOrganisation
from website import demo_forms
from website.demo import load_home_pages
load_home_pages()
PartnerOrganisation.objects.create(name="Gesa gGmbH", slug="gesa", live=True)
demo_forms.load_forms()
user = User.objects.create_user("fatma", password={PASSWORD!r})
user.groups.add(Group.objects.get(name="Case managers"))
"""


def prepare(tmp_path: Path) -> None:
    """Migrate and load the demo intake in one process (migrating takes minutes on a busy box)."""
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SETUP],
        cwd=ROOT,
        env=environment(tmp_path, "manage"),
        check=True,
        capture_output=True,
        timeout=1800,
    )


def start_server(tmp_path: Path, port: int, name: str) -> subprocess.Popen:
    """gunicorn in its own process group (so one signal reaches master and workers)."""
    log = (tmp_path / f"{name}.log").open("w")
    process = subprocess.Popen(
        [GUNICORN, "website.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=environment(tmp_path, name),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    try:
        wait_until_serving(process, f"http://127.0.0.1:{port}", tmp_path / f"{name}.log")
    except BaseException:
        kill(process)
        raise
    return process


def kill(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):  # a server that stopped by itself
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def wizard_form(response) -> tuple[str, dict]:
    """The step shown (its key) and every field filled the way bench/bench_intake_load.py does."""
    page = BeautifulSoup(response.text, "html.parser")
    current = page.find("input", {"name": lambda n: n and n.endswith("-current_step")})
    assert current is not None, response.text[:2000]
    return current["value"], fill(current.find_parent("form"), 7)


def rows(tmp_path: Path, query: str) -> list[tuple]:
    database = sqlite3.connect(tmp_path / "var" / "db.sqlite3")
    try:
        return database.execute(query).fetchall()
    finally:
        database.close()


@pytest.mark.heavy
@pytest.mark.proof
def test_wizard_resumes_after_the_app_server_was_killed(tmp_path, record_property):
    prepare(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    client = requests.Session()
    client.headers["Referer"] = base + WIZARD

    server = start_server(tmp_path, port, "first")
    try:
        client.get(base + "/admin/login/", timeout=30)
        login = client.post(
            base + "/admin/login/",
            data={
                "username": "fatma",
                "password": PASSWORD,
                "csrfmiddlewaretoken": client.cookies["csrftoken"],
            },
            timeout=30,
        )
        assert login.url == base + "/admin/", login.text[:1000]
        response = client.get(base + WIZARD, timeout=30)
        sent = {}
        for expected in ("background", "health"):
            step, data = wizard_form(response)
            assert step == expected
            sent[step] = data
            response = client.post(base + WIZARD, data=data, timeout=30)
        step, _ = wizard_form(response)
        assert step == "plan"
    finally:
        kill(server)

    with pytest.raises(requests.ConnectionError):  # the person sends while nobody listens
        client.get(base + WIZARD + "?resume=1", timeout=10)

    server = start_server(tmp_path, port, "second")
    try:
        response = client.get(base + WIZARD + "?resume=1", timeout=30)
        step, data = wizard_form(response)
        assert step == "plan"  # not step 1: the earlier steps survived
        assert "Schritt 3 von" in response.text

        data.update(wizard_save_draft="1", draft_label="nach dem Absturz")
        saved = client.post(base + WIZARD, data=data, timeout=30)
        assert saved.url == base + WIZARD + "drafts/"
        [(draft_id, stored)] = rows(tmp_path, "SELECT id, data FROM forms_app_formdraft")
        draft_steps = json.loads(stored)["wizard"]["step_data"]
        for key in ("background", "health"):
            for name, values in sent[key].items():
                if name.startswith(f"{key}-"):
                    assert draft_steps[key][name] == values, name
        assert draft_steps["background"]["background-first_name"] == ["Antwort 7"]

        page = BeautifulSoup(saved.text, "html.parser")
        token = page.find("input", {"name": "csrfmiddlewaretoken"})["value"]
        response = client.post(
            base + WIZARD + f"drafts/{draft_id}/", data={"csrfmiddlewaretoken": token}, timeout=30
        )
        for _ in range(6):
            step, data = wizard_form(response)
            response = client.post(base + WIZARD, data=data, timeout=30)
            if step == "review":
                break
        assert step == "review"
        assert re.search(r"/admin/cases/\d+/$", response.url), response.url
        again = client.post(base + WIZARD, data=data, timeout=30)  # the last answer "lost"
        assert again.status_code == 200
    finally:
        kill(server)

    assert rows(tmp_path, "SELECT count(*) FROM forms_app_formsubmission") == [(1,)]
    assert rows(tmp_path, "SELECT count(*) FROM casework_case") == [(1,)]
    assert rows(tmp_path, "SELECT count(*) FROM forms_app_formdraft") == [(0,)]
    proof_figure(
        record_property, "Faults", "app server killed mid-wizard: draft resumed, 1 intake stored"
    )
