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
