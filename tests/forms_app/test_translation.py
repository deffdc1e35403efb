"""A form in several languages: one structure, texts per language, one submissions list."""

import csv
import io

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import override

from wagtail.models import Locale

import pytest
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from forms_app.models import FormSubmission, WizardFormPage
from forms_app.translation import steps_structure, translate_page
from tests.forms_app.factories import field, make_form_page, step, when
from tests.forms_app.helpers import post_step, submit

pytestmark = pytest.mark.django_db

CHOICES = [{"value": "adopt", "label": "Modell übernehmen"}, {"value": "other", "label": "Anderes"}]
UKRAINIAN = {
    "Kontakt": "Контакт",
    "Ihre Nachricht": "Ваше повідомлення",
    "Name": "Ім'я",
    "Thema": "Тема",
    "Modell übernehmen": "Перейняти модель",
    "Anderes": "Інше",
    "Details": "Подробиці",
}


@pytest.fixture
def contact(home):
    return make_form_page(
        home,
        step(
            "message",
            field("short_text", "name", "Name", required=True),
            field("single_choice", "topic", "Thema", required=True, choices=CHOICES),
            field("long_text", "details", "Details", condition=when("topic", "equals", "other")),
            title="Ihre Nachricht",
        ),
        title="Kontakt",
        slug="kontakt",
    )


def test_a_locale_added_at_run_time_translates_a_form_without_schema_change(client, contact):
    ukrainian = Locale.objects.create(language_code="uk")  # what "add a locale" in the admin does
    page = translate_page(contact, ukrainian, UKRAINIAN)
    assert page.live and page.locale == ukrainian and page.url == "/uk/kontakt/"
    body = client.get(page.url).content.decode()
    assert "Ваше повідомлення" in body and "Перейняти модель" in body and 'lang="uk"' in body
    assert 'value="adopt"' in body  # the stored value is the source's
    assert steps_structure(page) == steps_structure(contact)
    post_step(client, page, "message", name="Олена", topic="other", details="Питання")
    submit(client, page)
    submission = FormSubmission.objects.get()
    assert submission.page_id == page.pk and submission.language == "uk"
    assert submission.answers == {"name": "Олена", "topic": "other", "details": "Питання"}


def test_keys_values_and_conditions_are_not_translatable_segments(contact):
    contact.notify_emails = "team@example.org"
    contact.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(contact)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    paths = list(
        StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
    )
    assert {"Kontakt", "Ihre Nachricht", "Name", "Thema", "Anderes"} <= strings
    assert not {"name", "topic", "adopt", "other", "message", "team@example.org"} & strings
    assert all(path.rsplit(".", 1)[-1] in {"title", "slug", "label", "help"} for path in paths)


def test_keys_and_choice_values_cannot_diverge_between_languages(contact):
    arabic = Locale.objects.create(language_code="ar")
    translation = translate_page(contact, arabic, {"Anderes": "أخرى"})
    # structure changes in the source and reaches the translation on the next sync
    raw = contact.steps.get_prep_value()
    raw[0]["value"]["fields"][1]["value"]["choices"][1]["value"]["value"] = "something_else"
    raw[0]["value"]["fields"][2]["value"]["condition"]["values"] = "something_else"
    contact.steps = raw
    contact.save_revision().publish()
    translation = translate_page(WizardFormPage.objects.get(pk=contact.pk), arabic, {})
    choice = translation.steps[0].value["fields"][1].value["choices"][1]
    assert choice["value"] == "something_else" and choice["label"] == "أخرى"
    assert steps_structure(translation) == steps_structure(
        WizardFormPage.objects.get(pk=contact.pk)
    )
    # a translation taken out of sync and edited in the page editor cannot change structure
    Translation.objects.filter(target_locale=arabic).update(enabled=False)
    for change in ("key", "value"):
        edited = WizardFormPage.objects.get(pk=translation.pk)
        raw = edited.steps.get_prep_value()
        if change == "key":
            raw[0]["value"]["fields"][0]["value"]["key"] = "full_name"
        else:
            raw[0]["value"]["fields"][1]["value"]["choices"][0]["value"]["value"] = "x"
        edited.steps = raw
        with override("de"), pytest.raises(ValidationError, match="lassen sich nur dort ändern"):
            edited.save_revision()
    # its texts it may change
    edited = WizardFormPage.objects.get(pk=translation.pk)
    raw = edited.steps.get_prep_value()
    raw[0]["value"]["fields"][0]["value"]["label"] = "الاسم"
    edited.steps = raw
    edited.save_revision()


def read_csv(response) -> list[list[str]]:
    """The export as German users get it: UTF-8 with a BOM, ``;`` between cells."""
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content), delimiter=";"))


def test_a_translated_form_shares_the_submissions_list_and_export(client, admin_client, contact):
    arabic = translate_page(contact, Locale.objects.create(language_code="ar"), {"Name": "الاسم"})
    post_step(client, contact, "message", name="Greta", topic="adopt")
    submit(client, contact)
    client.cookies.clear()
    post_step(client, arabic, "message", name="Amal", topic="adopt")
    submit(client, arabic)
    assert sorted(FormSubmission.objects.values_list("language", flat=True)) == ["ar", "de"]
    index = admin_client.get(reverse("forms_app:index")).content.decode()
    assert index.count(reverse("forms_app:submissions", args=[contact.pk])) == 1
    assert reverse("forms_app:submissions", args=[arabic.pk]) not in index
    for page in (contact, arabic):  # either version's list is the one list
        body = admin_client.get(reverse("forms_app:submissions", args=[page.pk])).content.decode()
        assert "Greta" in body and "Amal" in body and "Arabisch" in body
    export = reverse("forms_app:submissions", args=[arabic.pk]) + "?export=csv"
    rows = read_csv(admin_client.get(export))
    header = rows[0]
    assert header[3] == "Sprache" and "Name" in header  # the source's labels
    by_name = {row[header.index("Name")]: row for row in rows[1:]}
    assert by_name["Amal"][3] == "ar" and by_name["Greta"][3] == "de"
    amal = FormSubmission.objects.get(language="ar")
    detail = admin_client.get(reverse("forms_app:submission", args=[contact.pk, amal.pk]))
    assert detail.status_code == 200 and "Amal" in detail.content.decode()


def test_editing_a_synced_translation_offers_its_texts_only(admin_client, contact):
    """wagtail-localize replaces the page editor of a synced translation by its translation
    editor, whose segments are texts only; the structure is not there to change."""
    page = translate_page(contact, Locale.objects.create(language_code="uk"), UKRAINIAN)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    body = response.content.decode()
    assert "Ihre Nachricht" in body and "steps-0-value-key" not in body


def test_drafts_belong_to_the_language_version_they_were_saved_in(client, make_user, contact):
    from forms_app.models import FormDraft

    arabic = translate_page(contact, Locale.objects.create(language_code="ar"), {"Name": "الاسم"})
    client.force_login(make_user("Case managers", username="fatma"))
    client.get(arabic.url)
    post_step(
        client, arabic, "message", {"wizard_save_draft": "1", "draft_label": "مسودة"}, name="أمل"
    )
    draft = FormDraft.objects.get()
    assert draft.page_id == arabic.pk
    assert "مسودة" in client.get(arabic.url + "drafts/").content.decode()
    assert "مسودة" not in client.get(contact.url + "drafts/").content.decode()
    client.post(arabic.url + f"drafts/{draft.pk}/")  # resume in Arabic
    body = client.get(arabic.url + "?resume=1").content.decode()
    assert 'value="أمل"' in body and "الاسم" in body


def test_a_form_first_written_in_another_language_is_the_source(home_pages):
    from website.models import HomePage

    english_home = HomePage.objects.get(locale__language_code="en")
    english = make_form_page(english_home, step("s", field("short_text", "name", "Name")))
    german = translate_page(english, Locale.objects.get(language_code="de"), {"Name": "Name"})
    assert german.source_form() == english and english.source_form() == english
    raw = english.steps.get_prep_value()
    raw[0]["value"]["fields"][0]["value"]["key"] = "full_name"
    english.steps = raw
    english.save_revision()  # the source may change its structure
    german.refresh_from_db()
    german.steps = raw
    with pytest.raises(ValidationError):
        german.save_revision()  # its translation may not, until synchronised
