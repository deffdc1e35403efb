import os
import threading
import time
from pathlib import Path

import pytest

from tests.factories import DEFAULT_PASSWORD, UserFactory

ARTIFACTS = Path(__file__).resolve().parent.parent / "var" / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def home_pages(db):
    """The German and English home pages with their demo text."""
    from website.demo import load_home_pages

    load_home_pages()


@pytest.fixture
def make_user(db):
    """``make_user(role)`` creates a user in a role's group; the password is DEFAULT_PASSWORD."""

    def make(role=None, **kwargs):
        return UserFactory(role=role, **kwargs)

    return make


def pytest_collection_modifyitems(config, items):
    """Browser tests and heavy tests run once, on SQLite: CI runs the suite on both databases,
    and what they prove (a page in chromium, memory of a 100,000-row export, two app servers)
    is not the database's doing. Everything else runs on both."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    once = pytest.mark.skip(reason="runs once, on SQLite (see tests/conftest.py)")
    for item in items:
        if item.get_closest_marker("browser") or item.get_closest_marker("heavy"):
            item.add_marker(once)


def pytest_terminal_summary(terminalreporter):
    """Print the proof tests' figures (see tests/proof.py); `make verify` runs only those."""
    from tests.proof import figures

    reports = [r for reports in terminalreporter.stats.values() for r in reports]
    lines = figures(reports)
    if lines:
        terminalreporter.section("proof figures")
        for line in lines:
            terminalreporter.write_line(line)


def pytest_sessionstart(session):
    """The log check (tests/log_check.py) reads this session's log lines only."""
    if not hasattr(session.config, "workerinput"):  # the controller, or the only process
        from tests.log_check import start_session

        start_session()


def pytest_sessionfinish(session):
    """Once every worker is done: fail the session if a log line names a demo person."""
    if not hasattr(session.config, "workerinput"):
        from tests.log_check import finish_session

        finish_session(session)


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


class InFlightRequests:
    """Counts the live server's requests in progress. Closing a page sends beacons (Wagtail's
    editing-session release, for one) that the live server may still be answering when the test
    database is flushed; the flush then fails on a locked table. Teardown waits for quiet."""

    def __init__(self):
        self.count = 0
        self.changed = threading.Condition()

    def started(self, **kwargs):
        with self.changed:
            self.count += 1
            self.changed.notify_all()

    def finished(self, **kwargs):
        with self.changed:
            self.count = max(0, self.count - 1)
            self.changed.notify_all()

    def wait_for_quiet(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Return once no request has run for ``quiet`` seconds (bounded by ``timeout``)."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while time.monotonic() < deadline:
                if self.count == 0 and not self.changed.wait(quiet):
                    return
                if self.count:
                    self.changed.wait(min(quiet, max(0.0, deadline - time.monotonic())))


IN_FLIGHT = InFlightRequests()


class _ReleaseOnClose:
    """A WSGI response that releases the live server's lock once the server has sent it (a
    streamed export reads the database while it is being sent)."""

    def __init__(self, result, release):
        self.result, self._release = result, release

    def __iter__(self):
        return iter(self.result)

    def close(self):
        try:
            if hasattr(self.result, "close"):
                self.result.close()
        finally:
            release, self._release = self._release, None
            if release is not None:
                release()


BROWSER_TEST_RUNNING = threading.Event()  # set by ``open_page`` while its test runs


def _serve_one_request_at_a_time() -> None:
    """The live server's threads run one request at a time. They share the test database's one
    in-memory SQLite connection, so two concurrent requests (a page and its jsi18n script, each
    saving the session) could start a transaction within a transaction. The threads stay (an
    idle connection the browser opened ahead must not block the others); only the application
    is serialised."""
    from django.core.servers.basehttp import ThreadedWSGIServer
    from django.test.testcases import LiveServerThread

    class OneRequestAtATimeServer(ThreadedWSGIServer):
        def set_app(self, application):
            lock = threading.Lock()

            def serialised(environ, start_response):
                if not BROWSER_TEST_RUNNING.is_set():
                    # e.g. a beacon a closed page sent, arriving after its test's database is gone
                    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                    return [b"No browser test is running."]
                lock.acquire()
                try:
                    result = application(environ, start_response)
                except BaseException:
                    lock.release()
                    raise
                return _ReleaseOnClose(result, lock.release)

            super().set_app(serialised)

    LiveServerThread.server_class = OneRequestAtATimeServer


_serve_one_request_at_a_time()


@pytest.fixture(scope="session")
def browser():
    from django.core.signals import request_finished, request_started

    from playwright.sync_api import sync_playwright

    request_started.connect(IN_FLIGHT.started, dispatch_uid="tests-in-flight-started")
    request_finished.connect(IN_FLIGHT.finished, dispatch_uid="tests-in-flight-finished")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def _browser_before_database(request):
    """Playwright's sync API runs the test in another greenlet, and with it another context for
    Django's context-local connections. Launching it before the test database is created keeps
    one connection for both, so ``serialized_rollback`` can restore the migrations' data."""
    if any(item.get_closest_marker("browser") for item in request.session.items):
        request.getfixturevalue("browser")


@pytest.fixture(scope="session")
def django_db_setup(_browser_before_database, django_db_setup):
    yield


class BrowserPage:
    """A Playwright page on the live server that records console errors (CSP violations
    included) so a test can assert there were none."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.console_errors: list[str] = []
        page.on(
            "console",
            lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None,
        )

    def __getattr__(self, name):
        return getattr(self.page, name)

    def visit(self, path: str):
        return self.page.goto(self.base_url + path)

    def login(self, username: str, password: str = DEFAULT_PASSWORD) -> None:
        """Log in through the Wagtail admin's own login form, as a person would."""
        self.visit("/admin/login/")
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", password)
        self.page.click("button[type=submit]")
        self.page.wait_for_url(f"{self.base_url}/admin/")

    def screenshot_to(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def open_page(browser, live_server, request):
    """``open_page(**context_options)`` opens a page in a fresh browser context on the live
    server (German, desktop size unless told). Teardown screenshots failures, closes every
    context and waits until the live server has answered what closing them sent."""
    contexts = []
    pages = []
    BROWSER_TEST_RUNNING.set()

    def open_(**options):
        options = {"locale": "de-DE", "viewport": {"width": 1280, "height": 900}, **options}
        context = browser.new_context(**options)
        context.set_default_timeout(20_000)
        contexts.append(context)
        page = BrowserPage(context.new_page(), live_server.url)
        pages.append(page)
        return page

    yield open_
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed and pages:
        pages[0].screenshot_to("FAILED-" + request.node.name)
    for context in contexts:
        context.close()
    IN_FLIGHT.wait_for_quiet()
    BROWSER_TEST_RUNNING.clear()


@pytest.fixture
def browser_page(open_page):
    return open_page()
