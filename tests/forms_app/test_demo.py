"""The demo forms load from the fixtures, idempotently, with the intended access."""

import io

from django.core.management.base import BaseCommand

import pytest

from forms_app import demo
from forms_app.models import WizardFormPage

pytestmark = pytest.mark.django_db


def load():
    command = BaseCommand(stdout=io.StringIO())
    demo.load(command)


def test_demo_forms_load_once(home):
    load()
    revisions = {p.slug: p.revisions.count() for p in WizardFormPage.objects.all()}
    load()
    assert {p.slug: p.revisions.count() for p in WizardFormPage.objects.all()} == revisions
    intake = WizardFormPage.objects.get(slug="erstgespraech")
    assert intake.live and not intake.is_public_form()
    assert {g.name for g in intake.get_view_restrictions().get().groups.all()} == set(
        demo.STAFF_GROUPS
    )
    assert [s.key for s in intake.form_specs()] == [
        "background",
        "health",
        "plan",
        "transfer",
        "training",
    ]
    assert intake.form_specs()[1].condition["field"] == "health_restrictions"
    contact = WizardFormPage.objects.get(slug="kontakt")
    assert contact.live and contact.is_public_form()
    english = WizardFormPage.objects.get(slug="intake")
    assert english.live and not english.is_public_form()
    assert WizardFormPage.objects.get(slug="contact").is_public_form()


def test_english_pages_show_english_labels(client, home):
    load()
    body = client.get("/en/contact/").content.decode()
    assert "Your message" in body and "Step 1 of 1" in body
    assert "Ihre Nachricht" not in body
    assert "Ihre Nachricht" in client.get("/kontakt/").content.decode()
