from django.utils import translation

import pytest

from tests.dashboards.factories import small_programme


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English (the site's default language is German)."""
    with translation.override("en"):
        yield


@pytest.fixture
def programme(db):
    return small_programme()
