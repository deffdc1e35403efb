import pytest

from tests.forms_app.factories import field, make_form_page, step, when


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    """Uploads go to a temporary private folder per test."""
    settings.FORMS_PRIVATE_ROOT = tmp_path / "private"
    return settings.FORMS_PRIVATE_ROOT


@pytest.fixture(autouse=True)
def fresh_cache():
    """The rate limit counts in the cache; every test starts with none counted."""
    from django.core.cache import cache

    from forms_app import wizard

    cache.clear()
    wizard._BUILT.clear()


@pytest.fixture
def home(home_pages):
    from website.models import HomePage

    return HomePage.objects.get(locale__language_code="de")


@pytest.fixture
def three_step_form(home):
    """name (required) / has_children yes-no + children_count shown only for yes / review."""
    return make_form_page(
        home,
        step("person", field("short_text", "name", "Name", required=True)),
        step(
            "family",
            field("yes_no", "has_children", "Kinder?", required=True),
            field(
                "number",
                "children_count",
                "Anzahl",
                required=True,
                condition=when("has_children", "equals", "yes"),
                min_value=1,
                max_value=20,
            ),
        ),
        step(
            "health",
            field("long_text", "notes", "Notizen"),
            condition=when("has_children", "equals", "yes"),
        ),
        title="Drei Schritte",
        slug="drei-schritte",
    )
