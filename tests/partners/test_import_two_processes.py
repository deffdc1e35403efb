"""Two app servers on one database: a preview made on one is confirmed on the other.

Each server is its own gunicorn process with its own temporary folder (``TMPDIR``), as two
machines would have; they share only the database (sessions included) and the preview storage
(``IMPORT_PREVIEW_ROOT``).
"""

import http.cookiejar
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
CSV = "slug;name;kind;cities\nzwei-server;Zwei Server gGmbH;non_profit;Wuppertal\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(tmp_path: Path, name: str) -> dict[str, str]:
    temp = tmp_path / f"tmp-{name}"
    temp.mkdir(exist_ok=True)
    dropped = {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "TMPDIR"}
    return {
        **{key: value for key, value in os.environ.items() if key not in dropped},
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "VAR_DIR": str(tmp_path / "var"),
        "IMPORT_PREVIEW_ROOT": str(tmp_path / "shared-previews"),
        "TMPDIR": str(temp),
    }


def wait_until_serving(process: subprocess.Popen, base: str, log: Path) -> None:
    """Until the server answers (a minute at the most); its log if it stopped instead."""
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/admin/login/", timeout=5)  # noqa: S310
            return
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(log.read_text()) from None
            time.sleep(0.2)


@contextmanager
def app_server(tmp_path: Path, name: str):
    port = free_port()
    log = (tmp_path / f"{name}.log").open("w")
    process = subprocess.Popen(
        [GUNICORN, "website.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT,
        env=environment(tmp_path, name),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, base, tmp_path / f"{name}.log")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


class Browser:
    """One person's cookies (session, CSRF), sent to whichever server is asked."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def csrf(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def open(self, url: str, data: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310
        try:
            return self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as response:  # redirects come back as "errors"
            return response

    def post_form(self, url: str, fields: dict[str, str]):
        return self.open(url, urllib.parse.urlencode(fields).encode(), {"Referer": url})

    def post_file(self, url: str, fields: dict[str, str], filename: str, content: bytes):
        boundary = uuid.uuid4().hex
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'
            f"{value}\r\n".encode()
            for key, value in fields.items()
        ]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
            + content
            + f"\r\n--{boundary}--\r\n".encode()
        )
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", "Referer": url}
        return self.open(url, b"".join(parts), headers)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def manage(tmp_path: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(tmp_path, "manage"),
        check=True,
        capture_output=True,
        timeout=600,
    )


@pytest.mark.heavy
def test_preview_on_one_server_is_confirmed_on_another(tmp_path):
    manage(tmp_path, "migrate", "--noinput", "-v0")
    manage(
        tmp_path,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "get_user_model().objects.create_superuser('zwei', 'zwei@example.org', 'pw-zwei-2026')",
    )
    with ExitStack() as servers:
        first = servers.enter_context(app_server(tmp_path, "first"))
        second = servers.enter_context(app_server(tmp_path, "second"))
        person = Browser()
        person.open(first + "/admin/login/")
        response = person.post_form(
            first + "/admin/login/",
            {"csrfmiddlewaretoken": person.csrf(), "username": "zwei", "password": "pw-zwei-2026"},
        )
        assert response.status == 302, response.read()[:500]

        preview = person.post_file(
            first + "/admin/partners/import/",
            {"csrfmiddlewaretoken": person.csrf()},
            "partner.csv",
            CSV.encode(),
        )
        html = preview.read().decode()
        assert preview.status == 200, (tmp_path / "first.log").read_text()[-3000:]
        key = re.search(r'name="key" value="([0-9a-f]{32}\.csv)"', html).group(1)
        assert list((tmp_path / "shared-previews" / "partner-imports").iterdir())
        assert not any((tmp_path / "tmp-first").iterdir())  # nothing left in the local temp

        confirmed = person.post_form(
            second + "/admin/partners/import/confirm/",
            {"csrfmiddlewaretoken": person.csrf(), "key": key},
        )
        assert confirmed.status == 302, confirmed.read()[:2000]
        assert confirmed.headers["Location"].endswith(
            "/admin/snippets/partners/partnerorganisation/"
        )

    database = sqlite3.connect(tmp_path / "var" / "db.sqlite3")
    rows = database.execute(
        "SELECT name, live FROM partners_partnerorganisation WHERE slug = 'zwei-server'"
    ).fetchall()
    database.close()
    assert rows == [("Zwei Server gGmbH", 1)]
    assert not list((tmp_path / "shared-previews" / "partner-imports").iterdir())
