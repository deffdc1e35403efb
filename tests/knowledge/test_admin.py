"""Editors work in the Wagtail admin: every page type's form opens, a draft is submitted to the
Moderators, and themes are managed as snippets."""

import pytest

from knowledge.models import GoodPracticePage
from website import roles

pytestmark = pytest.mark.django_db

PAGE_TYPES = ["goodpracticepage", "modeldocumentationpage", "newspage"]


@pytest.mark.parametrize("model_name", PAGE_TYPES)
def test_editor_opens_the_add_form_of_each_entry_type(
    client, make_user, knowledge_index, model_name
):
    client.force_login(make_user(roles.EDITORS))
    response = client.get(f"/admin/pages/add/knowledge/{model_name}/{knowledge_index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="title"' in html and 'name="standfirst"' in html


def test_index_add_form_opens_under_the_english_home(client, make_user, home_pages):
    """A new knowledge index is site structure: programme administrators add it (Moderators and
    Editors have rights inside the knowledge base only)."""
    from website.models import HomePage

    english_home = HomePage.objects.get(locale__language_code="en")
    url = f"/admin/pages/add/knowledge/knowledgeindexpage/{english_home.pk}/"
    client.force_login(make_user(roles.MODERATORS))
    assert client.get(url).status_code == 302  # Wagtail's "permission denied" redirect
    client.force_login(make_user(roles.PROGRAMME_ADMINISTRATORS))
    assert client.get(url).status_code == 200


def _inline(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        data.update({f"{prefix}-{number}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{number}-ORDER"] = str(number + 1)
    return data


def _good_practice_form(**overrides) -> dict:
    data = {
        "title": "Aus dem Admin",
        "slug": "aus-dem-admin",
        "standfirst": "Ein Satz.",
        "date": "2013-08-31",
        "city": "Wuppertal",
        "country": "Deutschland",
        "themes": [],
        "body-count": "0",
        **_inline("organisations", [{"role": "host", "name": "Beispielamt", "partner": ""}]),
        **_inline("contacts", []),
        **_inline("resources", []),
        "action-submit": "Zur Moderation einreichen",
    }
    data.update(overrides)
    return data


def test_editor_submits_a_new_page_for_moderation_from_the_admin(
    client, make_user, knowledge_index
):
    editor = make_user(roles.EDITORS)
    client.force_login(editor)
    url = f"/admin/pages/add/knowledge/goodpracticepage/{knowledge_index.pk}/"
    response = client.post(url, _good_practice_form())
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    page = GoodPracticePage.objects.get(slug="aus-dem-admin")
    assert not page.live
    state = page.current_workflow_state
    assert state is not None and state.current_task_state.task.name == "Moderation"
    assert client.get("/wissen/aus-dem-admin/").status_code == 404


def test_admin_refuses_an_organisation_both_chosen_and_named(client, make_user, knowledge_index):
    from tests.partners.factories import PartnerFactory

    partner = PartnerFactory(publish=True)
    client.force_login(make_user(roles.MODERATORS))
    data = _good_practice_form(**{"organisations-0-partner": str(partner.pk)})
    url = f"/admin/pages/add/knowledge/goodpracticepage/{knowledge_index.pk}/"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "nicht beides" in response.content.decode()
    assert not GoodPracticePage.objects.filter(slug="aus-dem-admin").exists()


def test_programme_administrators_manage_themes(client, make_user):
    client.force_login(make_user(roles.PROGRAMME_ADMINISTRATORS))
    response = client.get("/admin/snippets/knowledge/theme/")
    assert response.status_code == 200
    assert "Arbeit" in response.content.decode()
    client.force_login(make_user(roles.EDITORS))
    assert client.get("/admin/snippets/knowledge/theme/").status_code in (302, 403)
