"""The "partner" field type that the partners app registers through the form registry."""

import pytest

from forms_app.models import FormSubmission
from forms_app.registry import field_types
from partners.models import PartnerOrganisation
from tests.forms_app.factories import field, make_form_page, step
from tests.forms_app.helpers import post_step, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(db):
    return {
        "live": PartnerOrganisation.objects.create(name="Diakonie", slug="diakonie", live=True),
        "inactive": PartnerOrganisation.objects.create(
            name="Alt", slug="alt", live=True, active=False
        ),
        "draft": PartnerOrganisation.objects.create(name="Neu", slug="neu", live=False),
    }


def test_registered_by_autodiscovery():
    assert "partner" in field_types()


def test_offers_live_active_partners_and_stores_the_slug(client, home, partners):
    page = make_form_page(home, step("t", field("partner", "partner", "Partner", required=True)))
    body = client.get(page.url).content.decode()
    assert 'value="diakonie"' in body
    assert 'value="alt"' not in body and 'value="neu"' not in body
    response = post_step(client, page, "t", partner="neu")  # not offered, so refused
    assert "partner" in response.context["form"].errors
    response = post_step(client, page, "t", partner="diakonie")
    assert "Diakonie" in response.content.decode()  # the review shows the name
    submit(client, page)
    assert FormSubmission.objects.get().answers == {"partner": "diakonie"}


def test_in_a_repeatable_group(home, partners):
    from forms_app.forms import build_form_class

    page = make_form_page(
        home,
        step("t", field("group", "g", fields=[field("partner", "p"), field("short_text", "n")])),
    )
    form = build_form_class(page.form_specs()[0])(
        data={"t-g-rows": "1", "t-g-0-p": "diakonie", "t-g-0-n": "x"}, prefix="t"
    )
    assert form.is_valid(), form.errors
    assert form.answers == {"g": [{"p": "diakonie", "n": "x"}]}


def test_export_looks_each_partner_up_once_not_once_per_submission(home, partners):
    """Exports and listings format equal answers once: queries grow with the partners named,
    not with the number of submissions."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from forms_app.export import table

    page = make_form_page(home, step("t", field("partner", "partner", "Partner")), slug="p-export")

    def queries_for(count: int) -> int:
        FormSubmission.objects.filter(page=page).delete()
        FormSubmission.objects.bulk_create(
            FormSubmission(page=page, answers={"partner": "diakonie"}) for _ in range(count)
        )
        submissions = list(FormSubmission.objects.filter(page=page).select_related("submitted_by"))
        with CaptureQueriesContext(connection) as queries:
            _header, rows = table(page, submissions)
        assert {row[-1] for row in rows} == {"Diakonie"}
        return len(queries)

    assert queries_for(3) == queries_for(30)
