"""The data migration: German/English columns become source rows and English translations."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

# serialized_rollback restores the migrated database afterwards (and skips post_migrate).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [("partners", "0003_seed_vocabularies"), ("knowledge", "0002_themes_workflow_roles")]
AFTER = [
    ("partners", "0006_translatable_snippets_constraints"),
    ("knowledge", "0005_translatable_themes_constraints"),
]


@pytest.fixture(autouse=True)
def back_to_the_latest_migrations():
    """Each test ends where the others expect the schema: at every app's latest migration
    (``serialized_rollback`` restores data, not the schema)."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_english_columns_move_into_english_translation_rows():
    old = migrate(BEFORE)
    Service = old.get_model("partners", "Service")
    Partner = old.get_model("partners", "PartnerOrganisation")
    coaching = Service.objects.get(slug="job-coaching")
    partner = Partner.objects.create(
        name="Diakonie",
        slug="diakonie",
        description_de="Begleitung",
        description_en="Support",
        network_role_de="Jobcoaching",
        network_role_en="",
        live=True,
    )
    # historical models don't save parental relations: write the link row itself
    Partner.services.through.objects.create(partnerorganisation=partner, service=coaching)
    old.get_model("partners", "ContactPerson").objects.create(
        partner=partner, name="Jonas", sort_order=0
    )

    new = migrate(AFTER)
    Partner = new.get_model("partners", "PartnerOrganisation")
    rows = {row.locale.language_code: row for row in Partner.objects.filter(slug="diakonie")}
    assert set(rows) == {"de", "en"}
    german, english = rows["de"], rows["en"]
    assert german.translation_key == english.translation_key
    assert (german.description, german.network_role) == ("Begleitung", "Jobcoaching")
    # no English role: the German one, as the site showed before
    assert (english.description, english.network_role) == ("Support", "Jobcoaching")
    assert english.live and english.name == "Diakonie"
    assert list(english.services.values_list("slug", flat=True)) == ["job-coaching"]
    assert list(english.contact_persons.values_list("name", flat=True)) == ["Jonas"]
    assert list(german.contact_persons.values_list("name", flat=True)) == ["Jonas"]

    Service = new.get_model("partners", "Service")
    names = dict(
        Service.objects.filter(slug="job-coaching").values_list("locale__language_code", "name")
    )
    assert names == {"de": "Jobcoaching", "en": "Job coaching"}
    Theme = new.get_model("knowledge", "Theme")
    themes = dict(Theme.objects.filter(slug="work").values_list("locale__language_code", "name"))
    assert themes == {"de": "Arbeit", "en": "Work"}


def test_reversing_writes_the_english_rows_back_into_the_columns():
    migrate(AFTER)
    old = migrate(BEFORE)
    Service = old.get_model("partners", "Service")
    assert Service.objects.filter(slug="job-coaching").count() == 1
    assert Service.objects.get(slug="job-coaching").name_en == "Job coaching"
    migrate(AFTER)
