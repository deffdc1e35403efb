"""Load test: 50 staff finish the demo intake wizard at once; every intake stored exactly once.

A throwaway demo database (SQLite by default; PostgreSQL when ``DATABASE_URL`` names one, as
``scripts/with-postgres.sh`` does) is served by gunicorn with 4 workers on 127.0.0.1. Each of 50
threads logs in as its own case manager and walks the staff-only intake wizard
(``/erstgespraech/``) step by step like a browser: it reads each step's form, fills every field
(the demo's participant-code pattern included), posts it, and follows the server to the next
step until the thank-you page. Bounded: every client does one intake, every request has a 60 s
timeout, and the whole run stops after ``--limit`` seconds.

Printed: intakes finished, submissions stored (must equal them, never more), HTTP errors, and
p50/p95 per step.

Run: ``make bench`` or ``.venv/bin/python bench/bench_intake_load.py [clients]``.
"""

import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_public_pages import PYTHON, ROOT, environment, server

WIZARD = "/erstgespraech/"
PASSWORD = "load-test-password-2026"  # noqa: S105 (throwaway database)
TIME_LIMIT = 600


def prepare(var_dir: Path, clients: int) -> None:
    env = environment(var_dir, 0)
    for args in (["migrate", "--noinput", "-v0"], ["load_demo", "--force"]):
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
        )
    script = (
        "from django.contrib.auth.models import Group, User\n"
        "from forms_app.models import FormSubmission\n"
        "FormSubmission.objects.all().delete()\n"
        "group = Group.objects.get(name='Case managers')\n"
        f"for number in range({clients}):\n"
        "    user, _ = User.objects.get_or_create(username=f'load{number}')\n"
        f"    user.set_password({PASSWORD!r}); user.save(); user.groups.add(group)\n"
    )
    subprocess.run([PYTHON, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, check=True)


def stored_submissions(var_dir: Path) -> int:
    script = "from forms_app.models import FormSubmission; print(FormSubmission.objects.count())"
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=environment(var_dir, 0),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return int(output.strip().splitlines()[-1])


def answer(field, number: int) -> str | None:
    """A plausible answer for one input, as a careful person would type it."""
    kind = field.get("type", "text")
    name = field.get("name", "")
    if kind == "email":
        return f"person{number}@example.org"
    if kind == "date":
        return "2026-03-01"
    if kind == "number":
        return field.get("min") or "1"
    if kind == "tel":
        return "0202 555 0100"
    if "participant_code" in name or field.get("pattern") == "^[A-Z]{3}-[0-9]{4}-[0-9]{4}$":
        return f"WUP-2026-{number:04d}"
    return f"Antwort {number}"


def fill(form, number: int) -> dict[str, list[str]]:
    """Every field of the step's form: hidden ones kept, the first choice of each, texts."""
    data: dict[str, list[str]] = {}
    chosen: set[str] = set()
    for element in form.find_all(["input", "select", "textarea"]):
        name = element.get("name")
        if not name or name in ("wizard_goto_step", "wizard_save_draft", "draft_label"):
            continue
        if element.name == "select":
            options = [o.get("value") for o in element.find_all("option") if o.get("value")]
            if options:
                data[name] = [options[-1 if "partner" in name else 0]]
            continue
        if element.name == "textarea":
            data[name] = [f"Notiz {number}"]
            continue
        kind = element.get("type", "text")
        if kind == "hidden":
            data.setdefault(name, []).append(element.get("value", ""))
        elif kind in ("radio", "checkbox"):
            if name not in chosen:
                chosen.add(name)
                data[name] = [element.get("value", "on")]
        elif kind == "file" or name.endswith("website_url"):
            continue
        else:
            data[name] = [answer(element, number)]
    return data


def run_client(base: str, number: int, timings: dict, outcome: dict, lock) -> None:
    session = requests.Session()
    try:
        login = session.get(base + "/admin/login/", timeout=60)
        token = BeautifulSoup(login.text, "html.parser").find(
            "input", {"name": "csrfmiddlewaretoken"}
        )
        session.post(
            base + "/admin/login/",
            data={
                "username": f"load{number}",
                "password": PASSWORD,
                "csrfmiddlewaretoken": token["value"],
            },
            headers={"Referer": base + "/admin/login/"},
            timeout=60,
        )
        response = session.get(base + WIZARD, timeout=60)
        for step in range(12):
            page = BeautifulSoup(response.text, "html.parser")
            current = page.find("input", {"name": lambda n: n and n.endswith("-current_step")})
            if current is None:
                break
            form = current.find_parent("form")
            label = current.get("value", str(step))
            started = time.perf_counter()
            response = session.post(
                base + WIZARD,
                data=fill(form, number),
                headers={"Referer": base + WIZARD},
                timeout=60,
            )
            with lock:
                timings.setdefault(label, []).append(time.perf_counter() - started)
            if response.status_code != 200:
                with lock:
                    outcome["errors"] += 1
                return
        # The demo intake opens a case and lands on its page (a form without action: done/).
        done = re.search(r"/admin/cases/\d+/$", response.url) is not None or (
            response.url.endswith(WIZARD + "done/") and "wizard__done" in response.text
        )
        with lock:
            outcome["finished" if done else "stuck"] += 1
    except requests.RequestException:
        with lock:
            outcome["errors"] += 1


def main() -> int:
    clients = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    database = (
        "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    )
    var_dir = Path(tempfile.mkdtemp(prefix="pp-bench-intake-"))
    print(f"Preparing a demo database ({database}) with {clients} case managers ...", flush=True)
    prepare(var_dir, clients)
    timings: dict[str, list[float]] = {}
    outcome = {"finished": 0, "stuck": 0, "errors": 0}
    lock = threading.Lock()
    with server(var_dir, 0) as base:
        threads = [
            threading.Thread(target=run_client, args=(base, number, timings, outcome, lock))
            for number in range(clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(1, TIME_LIMIT - (time.perf_counter() - started)))
        elapsed = time.perf_counter() - started
    stored = stored_submissions(var_dir)
    print(
        f"\n{clients} staff finishing the intake wizard at once (gunicorn, 4 workers, {database}, "
        f"{os.cpu_count()} cores) in {elapsed:.1f} s"
    )
    print(
        f"finished {outcome['finished']}, stored {stored}, HTTP errors {outcome['errors']}, "
        f"stuck on a step {outcome['stuck']}"
    )
    print(f"{'step posted':16} {'posts':>5} {'p50 ms':>8} {'p95 ms':>8}")
    for label, values in timings.items():
        values.sort()
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        print(
            f"{label:16} {len(values):5d} {statistics.median(values) * 1000:8.0f} {p95 * 1000:8.0f}"
        )
    ok = (
        outcome["errors"] == 0
        and outcome["stuck"] == 0
        and stored == outcome["finished"] == clients
    )
    print("every intake stored exactly once" if ok else "LOST OR DUPLICATED INTAKES")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
