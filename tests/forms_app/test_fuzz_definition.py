"""Fuzzing the admin's "Import a form definition": any JSON, near-definitions, random bytes.

Each file is first imported directly in a transaction that is rolled back, which says whether
it is a form; the admin view must then agree: a form is created (and the editor opened), or the
upload is refused with the reasons and nothing is created. Never a server error.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from forms_app.definition import SCHEMA, SCHEMA_V1, DefinitionError, import_definition
from forms_app.models import WizardFormPage
from forms_app.registry import field_types
from tests.fuzzing import Tally, assert_no_server_error, fuzz_settings, hostile_text

pytestmark = [pytest.mark.django_db, pytest.mark.proof]

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
OPTION_NAMES = [
    "key", "label", "help", "required", "condition", "choices", "fields", "min_value",
    "max_value", "decimal_places", "default", "min_date", "max_date", "pattern", "max_length",
    "min_length", "extensions", "max_size_mb", "widget", "text", "min_rows", "max_rows",
]  # fmt: skip


def near_field():
    """A field that looks like a field: a known type (mostly), known option names, any values."""
    kind = st.one_of(st.sampled_from(sorted(field_types())), hostile_text())
    options = st.dictionaries(st.sampled_from(OPTION_NAMES), JSON, max_size=6)
    return st.builds(lambda t, o: {**o, "type": t}, kind, options)


def near_definition():
    """A definition whose outline is right and whose contents are anything."""
    step = st.fixed_dictionaries(
        {"key": JSON, "title": hostile_text(), "fields": st.lists(near_field(), max_size=4)},
        optional={"condition": JSON, "intro": JSON},
    )
    return st.fixed_dictionaries(
        {
            "schema": st.sampled_from([SCHEMA, SCHEMA_V1]),
            "title": st.one_of(hostile_text(), JSON),
            "steps": st.one_of(st.lists(step, max_size=3), JSON),
        },
        optional={"slug": JSON, "intro": JSON, "thank_you_text": JSON},
    )


def encoded(data) -> bytes:
    import json

    return json.dumps(data, ensure_ascii=False).encode("utf-8", errors="surrogatepass")


FILES = st.one_of(
    JSON.map(encoded),
    near_definition().map(encoded),
    st.binary(max_size=200),
    hostile_text().map(lambda text: text.encode("utf-8")),
)


def is_a_form(content: bytes, parent) -> bool:
    try:
        with transaction.atomic():
            import_definition(content, parent)
            transaction.set_rollback(True)
    except DefinitionError:
        return False
    return True


def test_the_definition_import_answers_any_file_without_a_server_error(
    admin_client, home, record_property
):
    tally = Tally("form definition import")
    url = reverse("forms_app:definition_import")

    @fuzz_settings(40)
    @given(content=FILES)
    def send(content):
        tally.sent("definition import")
        pages = WizardFormPage.objects.count()
        expected = is_a_form(content, home)
        upload = SimpleUploadedFile("form.json", content, content_type="application/json")
        response = admin_client.post(url, {"definition": upload, "parent": home.pk})
        assert_no_server_error(response, content)
        if expected:
            assert response.status_code == 302
            assert WizardFormPage.objects.count() == pages + 1
        else:
            assert response.status_code == 200
            assert response.context["form"].errors["definition"]
            assert WizardFormPage.objects.count() == pages

    send()
    tally.report(record_property)
