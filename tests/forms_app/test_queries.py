"""Queries per wizard step do not grow with the number of fields or steps."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from forms_app.definition import SCHEMA, import_definition
from tests.forms_app.helpers import post_step

pytestmark = pytest.mark.django_db


def form(home, steps: int, per_step: int, slug: str):
    none = {"field": "", "operator": "equals", "values": ""}
    definition = {
        "schema": SCHEMA,
        "title": slug,
        "slug": slug,
        "steps": [
            {
                "key": f"s{s}",
                "title": f"S{s}",
                "condition": none,
                "fields": [
                    {
                        "type": "short_text",
                        "key": f"f{s}_{f}",
                        "label": "F",
                        "required": True,
                        "condition": none,
                    }
                    for f in range(per_step)
                ],
            }
            for s in range(steps)
        ],
    }
    page = import_definition(json.dumps(definition), home)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def step_queries(client, page, per_step: int) -> tuple[int, int]:
    client.get(page.url)
    with CaptureQueriesContext(connection) as get_queries:
        client.get(page.url)
    answers = {f"f0_{f}": "x" for f in range(per_step)}
    post_step(client, page, "s0", **answers)
    with CaptureQueriesContext(connection) as post_queries:
        response = post_step(client, page, "s0", **answers)
    assert response.status_code == 200 and "errorlist" not in response.content.decode()
    return len(get_queries), len(post_queries)


def test_queries_per_step_are_the_same_for_2_and_40_fields(client, home):
    small = step_queries(client, form(home, 2, 1, "klein"), 1)
    large = step_queries(client, form(home, 5, 8, "gross"), 8)
    assert small == large
