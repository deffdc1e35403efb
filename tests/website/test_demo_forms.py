"""The demo forms load from the fixtures, idempotently, with the intended access and the
intake's action; their language versions are wagtail-localize translations."""

from wagtail.models import Locale

import pytest
from wagtail_localize.models import Translation

from forms_app.actions import get_action
from forms_app.models import WizardFormPage
from forms_app.translation import steps_structure
from website import demo_forms, roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(home_pages):
    from website.models import HomePage

    return HomePage.objects.get(locale__language_code="de")


def load():
    demo_forms.load_forms()


def test_demo_forms_load_once(home):
    load()
    revisions = {p.pk: p.revisions.count() for p in WizardFormPage.objects.all()}
    load()
    assert {p.pk: p.revisions.count() for p in WizardFormPage.objects.all()} == revisions
    intake = WizardFormPage.objects.get(slug="erstgespraech")
    assert intake.live and not intake.is_public_form()
    assert {g.name for g in intake.get_view_restrictions().get().groups.all()} == {
        roles.CASE_MANAGERS,
        roles.PROGRAMME_ADMINISTRATORS,
    }
    action = get_action(intake.submission_action)
    assert action is not None and action.name == "casework.case"
    assert intake.action_errors() == []  # every mapped field exists, the required ones mapped
    assert set(intake.action_mapping) <= {a.name for a in action.attributes}
    assert intake.live_revision.as_object().submission_action == "casework.case"
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
    assert english.submission_action == "casework.case"
    assert english.action_mapping == intake.action_mapping
    assert english.live and not english.is_public_form()
    assert WizardFormPage.objects.get(slug="contact", locale__language_code="en").is_public_form()


def test_language_versions_are_synced_translations(home):
    load()
    contact = WizardFormPage.objects.get(slug="kontakt")
    for code in ("en", "ar"):
        version = contact.get_translation(Locale.objects.get(language_code=code)).specific
        assert version.live
        assert Translation.objects.filter(
            source__object_id=contact.translation_key, target_locale=version.locale
        ).exists()
        assert steps_structure(version) == steps_structure(contact)
        assert version.source_form() == contact


def test_english_and_arabic_pages_show_their_texts(client, home):
    load()
    body = client.get("/en/contact/").content.decode()
    assert "Your message" in body and "Step 1 of 1" in body
    assert "Questions about the PartizipationPlus model? Write to us." in body
    assert "Ihre Nachricht" not in body and "Schreiben Sie uns" not in body
    assert "Ihre Nachricht" in client.get("/kontakt/").content.decode()
    arabic = client.get("/ar/contact/").content.decode()
    assert "رسالتك" in arabic and 'lang="ar"' in arabic
