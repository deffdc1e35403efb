"""Benchmark: a step of a 5-step, 40-field wizard form against Wagtail's stock form page.

Everything is measured side by side in one run with the Django test client, on a throwaway
test database, through Wagtail's page serving (routing, hooks, view restrictions). Two baselines:

- "stock page": Wagtail's stock form page, a real ``AbstractEmailForm`` (``bench.stockform``)
  with the same 40 fields as ``FormField`` rows. GET renders all 40; a valid POST validates all
  40, stores a ``FormSubmission`` and renders the landing page. This is what the target means.
- "in memory": a stricter reference, the same ``FormBuilder`` form from 40 fields held in
  memory (no query for the fields) whose POST writes no submission.

The wizard's POST validates step 1, stores it in the session as formtools does and renders step
2. Target: wizard time <= 1.2x the stock page; queries per step independent of the fields.

Run: ``make bench`` or ``.venv/bin/python bench/bench_forms.py [iterations]``.
"""

import os
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import path  # noqa: E402

from wagtail import hooks  # noqa: E402
from wagtail.contrib.forms.forms import FormBuilder  # noqa: E402
from wagtail.models import Page  # noqa: E402

from website import urls as website_urls  # noqa: E402

STEPS, PER_STEP = 5, 8
FIELD_TYPES = [
    # (wizard type, stock type, extra wizard options, posted value)
    ("short_text", "singleline", {}, "Amal"),
    ("short_text", "singleline", {}, "Beispiel"),
    ("long_text", "multiline", {}, "Zeile eins\nZeile zwei"),
    ("email", "email", {}, "a@example.invalid"),
    ("number", "number", {"min_value": "0", "max_value": "99"}, "7"),
    ("date", "date", {}, "2024-05-01"),
    ("short_text", "singleline", {}, "Wuppertal"),
    ("long_text", "multiline", {}, "Notiz"),
]
STOCK_PAGE = """{% extends "base.html" %}{% block content %}<h1>{{ page.title }}</h1>
<form action="" method="post">{% csrf_token %}{{ form.as_div }}<input type="submit"></form>
{% endblock %}"""
STOCK_LANDING = """{% extends "base.html" %}{% block content %}<p>Danke.</p>{% endblock %}"""


def wizard_definition(steps: int, per_step: int) -> str:
    import json

    from forms_app.definition import SCHEMA

    none = {"field": "", "operator": "equals", "values": ""}
    data = {"schema": SCHEMA, "title": f"Bench {steps}x{per_step}", "steps": []}
    for s in range(steps):
        fields = []
        for f in range(per_step):
            kind, _stock, extra, _value = FIELD_TYPES[f % len(FIELD_TYPES)]
            fields.append(
                {
                    "type": kind,
                    "key": f"f{s}_{f}",
                    "label": f"Feld {s}.{f}",
                    "required": True,
                    "condition": none,
                    **extra,
                }
            )
        data["steps"].append(
            {"key": f"s{s}", "title": f"Schritt {s}", "condition": none, "fields": fields}
        )
    return json.dumps(data)


def stock_fields() -> list[SimpleNamespace]:
    fields = []
    for s in range(STEPS):
        for f in range(PER_STEP):
            _kind, stock, _extra, _value = FIELD_TYPES[f % len(FIELD_TYPES)]
            fields.append(
                SimpleNamespace(
                    field_type=stock,
                    label=f"Feld {s}.{f}",
                    clean_name=f"f{s}_{f}",
                    help_text="",
                    required=True,
                    default_value="",
                    choices="",
                )
            )
    return fields


def stock_view(request):
    """``wagtail.views.serve`` (routing, hooks, view restrictions) around ``stock_serve``."""
    page, _args, _kwargs = Page.route_for_request(request, STOCK_PATH[0])
    chain = stock_serve
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, (), {})
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, (), {})


def stock_serve(page, request, args, kwargs):
    """What AbstractForm.serve does, with the 40 fields in memory."""
    form_class = FormBuilder(stock_fields()).get_form_class()
    engine = engines["django"]
    if request.method == "POST":
        form = form_class(request.POST, page=page, user=request.user)
        if form.is_valid():
            return HttpResponse(engine.from_string(STOCK_LANDING).render({"page": page}, request))
    else:
        form = form_class(page=page, user=request.user)
    return HttpResponse(
        engine.from_string(STOCK_PAGE).render({"page": page, "form": form}, request)
    )


STOCK_PATH = ["/"]  # set to the wizard page's path, so both are routed to the same depth
urlpatterns = [path("bench-stock/", stock_view), *website_urls.urlpatterns]


def make_stock_page(home):
    """Wagtail's stock form page with the same 40 fields, stored as FormField rows."""
    from bench.stockform.models import StockFormField, StockFormPage

    page = home.add_child(instance=StockFormPage(title="Stock 40", slug="stock-40"))
    for number, spec in enumerate(stock_fields()):
        StockFormField.objects.create(
            page=page,
            sort_order=number,
            label=spec.label,
            field_type=spec.field_type,
            required=True,
        )
    page.save_revision().publish()
    return StockFormPage.objects.get(pk=page.pk)


def timed(fn, iterations: int) -> tuple[float, int]:
    fn()  # warm-up
    samples = []
    for _ in range(iterations):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    with CaptureQueriesContext(connection) as queries:
        fn()
    return statistics.median(samples) * 1000, len(queries)


def main(iterations: int) -> int:
    from forms_app.definition import import_definition
    from forms_app.wizard import wizard_prefix
    from website.demo import load_home_pages
    from website.models import HomePage

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    load_home_pages()
    home = HomePage.objects.get(locale__language_code="de")
    pages = {}
    for steps, per_step in [(STEPS, PER_STEP), (1, 2)]:
        page = import_definition(wizard_definition(steps, per_step), home)
        page.save_revision().publish()
        page.refresh_from_db()
        pages[(steps, per_step)] = page
    stock_page = make_stock_page(home)
    stock_page_values = {
        field.clean_name: FIELD_TYPES[number % len(FIELD_TYPES)][3]
        for number, field in enumerate(stock_page.get_form_fields())
    }

    step_values = {f"s0-f0_{f}": FIELD_TYPES[f][3] for f in range(PER_STEP)}
    stock_values = {
        f"f{s}_{f}": FIELD_TYPES[f % len(FIELD_TYPES)][3]
        for s in range(STEPS)
        for f in range(PER_STEP)
    }
    rows = []
    with override_settings(ROOT_URLCONF=__name__, ALLOWED_HOSTS=["*"]):
        wizard_client, stock_client, page_client = Client(), Client(), Client()
        page = pages[(STEPS, PER_STEP)]
        STOCK_PATH[0] = page.url
        wizard_get = timed(lambda: wizard_client.get(page.url), iterations)
        stock_get = timed(lambda: stock_client.get("/bench-stock/"), iterations)
        page_get = timed(lambda: page_client.get(stock_page.url), iterations)

        # POST of a valid step 1, again and again: each one validates it and renders step 2.
        wizard_client.get(page.url)
        wizard_post = timed(
            lambda: wizard_client.post(
                page.url, {f"{wizard_prefix(page)}-current_step": "s0", **step_values}
            ),
            iterations,
        )
        stock_post = timed(lambda: stock_client.post("/bench-stock/", stock_values), iterations)
        page_post = timed(lambda: page_client.post(stock_page.url, stock_page_values), iterations)
        assert b"Danke." in page_client.post(stock_page.url, stock_page_values).content
        response = wizard_client.post(
            page.url, {f"{wizard_prefix(page)}-current_step": "s0", **step_values}
        )
        assert "Schritt 2 von 5" in response.content.decode(), "the step did not validate"
        assert b"Danke." in stock_client.post("/bench-stock/", stock_values).content

        small = pages[(1, 2)]
        small_get = timed(lambda: wizard_client.get(small.url), max(5, iterations // 4))

    rows = [
        ("GET step 1", wizard_get, page_get, stock_get),
        ("POST step 1", wizard_post, page_post, stock_post),
    ]
    print(
        f"\nWizard step (5 steps, 40 fields) vs Wagtail's stock form page (40 fields), "
        f"median of {iterations} requests\n"
    )
    print(
        f"{'request':<13}{'wizard ms':>10}{'stock page ms':>15}{'ratio':>8}"
        f"{'in memory ms':>14}{'ratio':>8}{'queries w/p/m':>16}"
    )
    worst = 0.0
    for name, wizard, page_base, memory in rows:
        ratio = wizard[0] / page_base[0]
        worst = max(worst, ratio)
        queries = f"{wizard[1]}/{page_base[1]}/{memory[1]}"
        print(
            f"{name:<13}{wizard[0]:>10.2f}{page_base[0]:>15.2f}{ratio:>7.2f}x"
            f"{memory[0]:>14.2f}{wizard[0] / memory[0]:>7.2f}x{queries:>16}"
        )
    print(f"\nQueries per wizard GET: {wizard_get[1]} with 40 fields, {small_get[1]} with 2 fields")
    verdict = "OK" if worst <= 1.2 else "SLOWER THAN TARGET"
    print(f"Worst ratio against the stock page {worst:.2f}x (target <= 1.20x): {verdict}")
    return 0 if worst <= 1.2 else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
