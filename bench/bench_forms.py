"""Benchmark: the whole 5-step wizard against one stock Wagtail form page with the same 40 fields.

Equal work on both sides, on a throwaway SQLite database, through the Django test client and all
of the site's middleware and Wagtail's page serving:

- the same 40 fields: 8 types (single-line, multi-line, e-mail, number, date, radio choice,
  checkboxes, consent checkbox), 5 of each, all required, with the same validation (the stock page
  uses Wagtail's ``FormBuilder`` with the wizard's limits: ``bench.stockform.forms``);
- the same access rule: a ``PageViewRestriction`` of type "groups" on both pages, and the same
  logged-in staff user (in that group, not a superuser) filling both;
- the same result: one stored submission holding the same 40 answers, asserted after every run.

The stock page is one GET and one POST (which stores the submission and renders the landing page).
The wizard is what a person does: GET step 1, POST each of the 5 steps (each renders the next),
POST the review (validates all steps again, stores the submission) and GET the thank-you page it
redirects to. The wizard keeps its state in the session, so it writes the session row on every
request; both sides do, as ``SESSION_SAVE_EVERY_REQUEST`` is on: the writes per run are printed.

Timings are interleaved (stock, wizard, then wizard, stock, ...):
- warm: one process (not the one that migrated the database), after warm-up runs, so the
  wizard's built form classes are cached;
- cold: each run in a fresh process (nothing imported lazily yet, no template compiled, no form
  class built): the run's own time from inside the process, and the whole process's CPU time.
Wall time is what the target means; CPU time is printed beside it, as on a shared machine the
wall time also holds the waits for a processor.

Target (issue 10): the whole wizard at most 1.2x the stock page, warm. The run also prints its
floor by design: every request costs the site a fixed amount (session, user, Wagtail's site and
page routing, the view restriction, the base template), measured as the thank-you page (restricted,
no form). With the forms' own work equal, the wizard's 6 more requests alone make the ratio
1 + 6 x that cost / the stock page's run, and 1.2x needs that cost under 0.2 x the stock page's
own work / (8 - 2.4).

Run: ``make bench`` or ``.venv/bin/python bench/bench_forms.py [--rounds N] [--cold-rounds N]``.
"""

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

STEPS, PER_STEP = 5, 8
TARGET = 1.2
WIZARD_SLUG, STOCK_SLUG = "bench-wizard", "bench-stock"
USERNAME = "bench-staff"
ANSWERS = ["Ja", "Nein", "Vielleicht"]
LANGUAGES = ["Deutsch", "Arabisch", "Englisch"]
CONSENT = "Ich bin einverstanden, dass meine Angaben gespeichert werden."


def options(values: list[str]) -> list[dict]:
    return [{"value": value, "label": value} for value in values]


# One step's 8 fields: (wizard type, wizard options, stock type, stock choices, posted value)
FIELDS = [
    ("short_text", {}, "singleline", "", "Amal Müller"),
    ("long_text", {}, "multiline", "", "Zeile eins\nZeile zwei"),
    ("email", {}, "email", "", "amal@example.org"),
    ("number", {}, "number", "", "7"),
    ("date", {}, "date", "", "2024-05-01"),
    ("single_choice", {"widget": "radio", "choices": options(ANSWERS)}, "radio", ANSWERS, "Nein"),
    ("multiple_choice", {"choices": options(LANGUAGES)}, "checkboxes", LANGUAGES, ["Deutsch"]),
    ("consent", {"text": CONSENT}, "checkbox", "", "on"),
]


def label(step: int, number: int) -> str:
    return f"Frage {step + 1}.{number + 1}"


def wizard_key(step: int, number: int) -> str:
    return f"f{step + 1}_{number + 1}"


def expected_answers() -> dict:
    """What both submissions must hold, by field label."""
    return {
        label(step, number): normal(True if spec[4] == "on" else spec[4])
        for step in range(STEPS)
        for number, spec in enumerate(FIELDS)
    }


def normal(value):
    """Stored answers compared across both stores (the stock page keeps numbers as "7")."""
    if isinstance(value, list):
        return [str(item) for item in value]
    return value if isinstance(value, bool) else str(value)


# -- the two pages ---------------------------------------------------------------------------
def wizard_definition() -> str:
    from forms_app.definition import SCHEMA

    none = {"field": "", "operator": "equals", "values": ""}
    steps = []
    for step in range(STEPS):
        fields = [
            {
                "type": kind,
                "key": wizard_key(step, number),
                "label": label(step, number),
                "required": True,
                "condition": none,
                **extra,
            }
            for number, (kind, extra, *_stock) in enumerate(FIELDS)
        ]
        steps.append(
            {
                "key": f"s{step + 1}",
                "title": f"Schritt {step + 1}",
                "condition": none,
                "fields": fields,
            }
        )
    return json.dumps(
        {"schema": SCHEMA, "title": "Bench wizard", "slug": WIZARD_SLUG, "steps": steps}
    )


def prepare() -> None:
    """A migrated database with both pages, both restricted to one group, and its member."""
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    from wagtail.models import PageViewRestriction

    from bench.stockform.models import StockFormField, StockFormPage
    from forms_app.definition import import_definition
    from website.demo import load_home_pages
    from website.models import HomePage

    call_command("migrate", interactive=False, verbosity=0)
    load_home_pages()
    home = HomePage.objects.get(locale__language_code="de", depth=2)
    wizard = import_definition(wizard_definition(), home)
    wizard.save_revision().publish()
    stock = home.add_child(instance=StockFormPage(title="Bench stock", slug=STOCK_SLUG))
    for step in range(STEPS):
        for number, (_kind, _extra, stock_type, choices, _value) in enumerate(FIELDS):
            StockFormField.objects.create(
                page=stock,
                sort_order=step * PER_STEP + number,
                label=label(step, number),
                field_type=stock_type,
                required=True,
                choices="\n".join(choices),
                help_text=CONSENT if stock_type == "checkbox" else "",
            )
    stock.save_revision().publish()
    group = Group.objects.create(name="Bench staff")
    user = User.objects.create_user(USERNAME, is_staff=True)
    user.groups.add(group)
    for page in (wizard, stock):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(group)


RULES = ["required", "max_length", "min_length", "max_digits", "decimal_places", "min_value"]
RULES += ["max_value", "input_formats", "choices"]


def assert_same_validation() -> list[str]:
    """Both pages' Django fields, label by label: the same class and the same rules. Returns the
    wizard's fields the stock page has no counterpart for."""
    from bench.stockform.models import StockFormPage
    from forms_app.forms import build_form_class
    from forms_app.models import WizardFormPage

    stock_page = StockFormPage.objects.get(slug=STOCK_SLUG)
    stock = {field.label: field for field in stock_page.get_form_class()().fields.values()}
    wizard, extra = {}, []
    for spec in WizardFormPage.objects.get(slug=WIZARD_SLUG).form_specs():
        for name, field in build_form_class(spec)().fields.items():
            if field.label in stock:
                wizard[field.label] = field
            else:
                extra.append(f"{spec.key}-{name}")
    assert wizard.keys() == stock.keys(), "the two pages do not hold the same fields"
    for name, field in stock.items():
        rules = [(type(field), *(getattr(field, rule, None) for rule in RULES))]
        other = [(type(wizard[name]), *(getattr(wizard[name], rule, None) for rule in RULES))]
        assert rules == other, (name, rules, other)
    return extra


# -- one run of each ------------------------------------------------------------------------
class Side:
    """One form and how a person fills it: ``run`` returns each request's (wall, CPU) ms."""

    name = ""

    def __init__(self):
        from django.contrib.auth.models import User
        from django.test import Client

        self.client = Client()
        self.client.force_login(User.objects.get(username=USERNAME))

    def submissions(self):
        raise NotImplementedError

    def stored(self) -> dict:
        raise NotImplementedError

    def request(self, times: list, method: str, url: str, data=None, status=200):
        """One request; appends its wall and CPU milliseconds to ``times``."""
        start, cpu_start = time.perf_counter(), time.process_time()
        response = getattr(self.client, method)(url, data) if data else self.client.get(url)
        times.append(
            ((time.perf_counter() - start) * 1000, (time.process_time() - cpu_start) * 1000)
        )
        assert response.status_code == status, (self.name, url, response.status_code)
        return response

    def check(self) -> None:
        """Exactly one stored submission with the 40 expected answers."""
        assert self.submissions().count() == 1, (self.name, self.submissions().count())
        assert self.stored() == expected_answers(), (self.name, self.stored())
        self.submissions().delete()


class Stock(Side):
    name = "stock page"

    def __init__(self):
        from bench.stockform.models import StockFormPage

        super().__init__()
        self.page = StockFormPage.objects.get(slug=STOCK_SLUG)
        self.url = self.page.url
        self.data = {}
        for number, field in enumerate(self.page.form_fields.all()):
            self.data[field.clean_name] = FIELDS[number % PER_STEP][4]
        self.labels = {field.clean_name: field.label for field in self.page.form_fields.all()}

    def submissions(self):
        from wagtail.contrib.forms.models import FormSubmission

        return FormSubmission.objects.filter(page=self.page)

    def stored(self) -> dict:
        form_data = self.submissions().get().form_data
        return {self.labels[key]: normal(value) for key, value in form_data.items()}

    def run(self) -> list[float]:
        times = []
        self.request(times, "get", self.url)
        landing = self.request(times, "post", self.url, self.data)
        assert b"Danke." in landing.content
        return times


class Wizard(Side):
    name = "whole wizard"

    def __init__(self):
        from forms_app.models import WizardFormPage
        from forms_app.wizard import wizard_prefix

        super().__init__()
        self.page = WizardFormPage.objects.get(slug=WIZARD_SLUG)
        self.url = self.page.url
        self.current_step = f"{wizard_prefix(self.page)}-current_step"
        self.labels = {
            wizard_key(step, number): label(step, number)
            for step in range(STEPS)
            for number in range(PER_STEP)
        }

    def submissions(self):
        from forms_app.models import FormSubmission

        return FormSubmission.objects.filter(page=self.page)

    def stored(self) -> dict:
        answers = self.submissions().get().answers
        return {self.labels[key]: normal(value) for key, value in answers.items()}

    def run(self) -> list[float]:
        times = []
        self.request(times, "get", self.url)
        for step in range(STEPS):
            data = {self.current_step: f"s{step + 1}"}
            for number, spec in enumerate(FIELDS):
                data[f"s{step + 1}-{wizard_key(step, number)}"] = spec[4]
            response = self.request(times, "post", self.url, data)
        # the review page, as a browser reads it: the token is in its form
        token = re.search(rb'name="review-token" value="([0-9a-f]+)"', response.content)
        assert token, "the fifth step did not lead to the review"
        done = self.request(
            times,
            "post",
            self.url,
            {self.current_step: "review", "review-token": token.group(1).decode()},
            status=302,
        )
        self.request(times, "get", done["Location"])
        return times


SIDES = {"stock": Stock, "wizard": Wizard}


# -- measuring --------------------------------------------------------------------------------
def spread(samples: list[float]) -> str:
    q1, _median, q3 = statistics.quantiles(samples, n=4) if len(samples) > 1 else samples * 3
    median, low, high = statistics.median(samples), min(samples), max(samples)
    return f"{median:9.1f} {q1:8.1f}–{q3:<8.1f} {low:7.1f}–{high:.1f}"


def ratio_line(wizard: list[float], stock: list[float]) -> str:
    pairs = [w / s for w, s in zip(wizard, stock, strict=True)]
    q1, _median, q3 = statistics.quantiles(pairs, n=4) if len(pairs) > 1 else pairs * 3
    of_medians = statistics.median(wizard) / statistics.median(stock)
    return (
        f"ratio wizard/stock: {of_medians:.2f}x of the medians; pair by pair median "
        f"{statistics.median(pairs):.2f}x, quartiles {q1:.2f}–{q3:.2f}x, "
        f"range {min(pairs):.2f}–{max(pairs):.2f}x"
    )


def warm(rounds: int, warmup: int) -> tuple[dict, dict, dict]:
    """Wall and CPU milliseconds per whole run, and the wizard's per-request medians of both."""
    sides = {name: cls() for name, cls in SIDES.items()}
    for _ in range(warmup):
        for side in sides.values():
            side.run()
            side.check()
    wall, cpu = {name: [] for name in sides}, {name: [] for name in sides}
    per_request = []
    for number in range(rounds):
        order = list(sides) if number % 2 == 0 else list(reversed(sides))
        for name in order:
            started, cpu_started = time.perf_counter(), time.process_time()
            times = sides[name].run()
            cpu[name].append((time.process_time() - cpu_started) * 1000)
            wall[name].append((time.perf_counter() - started) * 1000)
            sides[name].check()
            if name == "wizard":
                per_request.append(times)
    columns = list(zip(*per_request, strict=True))
    return (
        wall,
        cpu,
        {
            "wall": [statistics.median(wall_ms for wall_ms, _cpu in c) for c in columns],
            "cpu": [statistics.median(cpu_ms for _wall, cpu_ms in c) for c in columns],
        },
    )


def writes(name: str) -> tuple[int, int, Counter]:
    """Requests, queries and writes (statement and table) of one run."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    side = SIDES[name]()
    with CaptureQueriesContext(connection) as queries:
        times = side.run()
    side.check()
    counted = Counter()
    for query in queries.captured_queries:
        found = re.match(r'\s*(INSERT INTO|UPDATE|DELETE FROM) "(\w+)"', query["sql"])
        if found:
            counted[f"{found.group(1).split()[0]} {found.group(2)}"] += 1
    return len(times), len(queries), counted


def child(task: str):
    """Run ``task`` in a fresh process and return what it printed last, as JSON."""
    output = subprocess.run(
        [sys.executable, __file__, "--child", task],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def warm_child(rounds: int, warmup: int) -> dict:
    """Everything measured in one process that has not run the migrations (whose objects would
    slow its garbage collection): the checks, one run's writes, the warm runs."""
    wall, cpu, wizard_requests = warm(rounds, warmup)
    runs = {}
    for name in SIDES:
        requests, queries, counted = writes(name)
        runs[name] = {"requests": requests, "queries": queries, "writes": counted}
    return {
        "extra": assert_same_validation(),
        "runs": runs,
        "wall": wall,
        "cpu": cpu,
        "wizard_requests": wizard_requests,
    }


def cold_child(name: str) -> dict:
    """One run in this fresh process: its wall and CPU milliseconds."""
    assert "forms_app.wizard" not in sys.modules, "the wizard was built before the run"
    side = SIDES[name]()
    side.submissions().delete()
    started, cpu_started = time.perf_counter(), time.process_time()
    side.run()
    cpu = (time.process_time() - cpu_started) * 1000
    wall = (time.perf_counter() - started) * 1000
    side.check()
    return {"wall": wall, "cpu": cpu}


def cold(rounds: int) -> dict[str, dict]:
    """Each run in a fresh process: the run's wall and CPU time, and the whole process's CPU."""
    figures = {kind: {name: [] for name in SIDES} for kind in ("wall", "cpu", "process")}
    for number in range(rounds):
        order = list(SIDES) if number % 2 == 0 else list(reversed(SIDES))
        for name in order:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            measured = child(name)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            figures["process"][name].append(used * 1000)
            figures["wall"][name].append(measured["wall"])
            figures["cpu"][name].append(measured["cpu"])
    return figures


def report(title: str, samples: dict) -> None:
    print(f"\n{title}")
    print(f"  {'':<14}{'median ms':>9} {'quartiles':^17} {'range'}")
    for name, cls in SIDES.items():
        print(f"  {cls.name:<14}{spread(samples[name])}")
    print(f"  {ratio_line(samples['wizard'], samples['stock'])}")


def explain(samples: dict, wizard_requests: list[float]) -> None:
    """Where the ratio comes from: the site's cost of each request, and the forms' own work."""
    steps = ", ".join(f"{ms:.1f}" for ms in wizard_requests)
    print(f"  the wizard's requests (GET, 5 steps, review, thank-you), medians ms: {steps}")
    floor, count = wizard_requests[-1], len(wizard_requests)
    wizard, stock = statistics.median(samples["wizard"]), statistics.median(samples["stock"])
    print(
        f"  the site's cost of one request: the thank-you page (restricted, no form) takes "
        f"{floor:.1f} ms;\n  {count} such requests alone are {count * floor / stock:.2f}x the "
        f"stock page's whole run, the least any {count}-request flow reaches here"
    )
    beyond_wizard, beyond_stock = wizard - count * floor, stock - 2 * floor
    print(
        f"  beyond that cost of each request (the forms' own work): wizard {beyond_wizard:.1f} ms, "
        f"stock page {beyond_stock:.1f} ms, {beyond_wizard / beyond_stock:.2f}x"
    )
    extra = count - 2
    most = (TARGET - 1) * beyond_stock / (count - 2 * TARGET)
    print(
        f"  the floor by design: with the forms' own work equal, the wizard's {extra} more "
        f"requests alone make it 1 + {extra} x {floor:.1f} / {stock:.1f} = "
        f"{1 + extra * floor / stock:.2f}x;\n  {TARGET:.1f}x, with the forms' own work equal, "
        f"needs a request's own cost at most ({TARGET:.1f} - 1) x {beyond_stock:.1f} / "
        f"({count} - 2 x {TARGET:.1f}) = {most:.1f} ms (now {floor:.1f} ms)"
    )


def main(args) -> int:
    child("prepare")
    print(
        "\nForms: the whole 5-step wizard (8 fields a step, review, save, thank-you page) against "
        "Wagtail's stock form page\n(40 fields in one page); same fields, validation and "
        "restriction (groups), one logged-in staff user, SQLite.\nInterleaved: stock, wizard, "
        "then wizard, stock, ... Medians, quartiles and ranges in milliseconds per whole run."
    )
    measured = child(f"warm:{args.rounds}:{args.warmup}")
    extra = measured["extra"]
    print(
        f"\nSame Django field class and rules for all 40 labels (checked). The wizard has "
        f"{len(extra)} more: its honeypot on each step ({', '.join(extra)})."
    )
    print("\nPer run (identical every time):")
    for name, cls in SIDES.items():
        run = measured["runs"][name]
        listed = ", ".join(f"{count} {what}" for what, count in sorted(run["writes"].items()))
        print(
            f"  {cls.name:<14}{run['requests']} requests, {run['queries']} queries; "
            f"writes: {listed}"
        )
    wall, cpu, wizard_requests = measured["wall"], measured["cpu"], measured["wizard_requests"]
    report(f"Warm: one process, built forms cached, {args.rounds} runs each; wall time", wall)
    explain(wall, wizard_requests["wall"])
    report("Warm, CPU time of the same runs", cpu)
    explain(cpu, wizard_requests["cpu"])
    figures = cold(args.cold_rounds)
    title = f"Cold: a fresh process for each run, {args.cold_rounds} runs each; the run itself"
    report(f"{title}, wall time", figures["wall"])
    report(f"{title}, CPU time", figures["cpu"])
    report("Cold: CPU time of the whole process (Django set-up, log-in, run)", figures["process"])
    warm_ratio = statistics.median(wall["wizard"]) / statistics.median(wall["stock"])
    verdict = "OK" if warm_ratio <= TARGET else "SLOWER THAN TARGET"
    print(f"\nWarm ratio {warm_ratio:.2f}x (target <= {TARGET:.2f}x): {verdict}")
    return 0 if warm_ratio <= TARGET else 1


def run_child(task: str) -> None:
    import django
    from django.conf import settings

    django.setup()
    # As in production (website.settings.base): the header navigation is cached per content
    # change. The test settings the benchmark starts from switch that off, which made every
    # request of both sides rebuild the menu. The page cache itself never serves either side
    # (a signed-in user, a session cookie).
    settings.PAGE_CACHE_SECONDS = 300
    if task == "prepare":
        prepare()
        result = {}
    elif task.startswith("warm:"):
        _warm, rounds, warmup = task.split(":")
        result = warm_child(int(rounds), int(warmup))
    else:
        result = cold_child(task)
    print(json.dumps(result))


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40, help="warm runs of each (40)")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up runs of each (3)")
    parser.add_argument("--cold-rounds", type=int, default=8, help="fresh processes each (8)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse()
    if arguments.child:
        run_child(arguments.child)
        sys.exit(0)
    with tempfile.TemporaryDirectory(prefix="bench-forms-") as var_dir:
        os.environ["VAR_DIR"] = var_dir  # read by the settings: the database and media go here
        sys.exit(main(arguments))
