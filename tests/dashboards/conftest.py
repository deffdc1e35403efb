import pytest

from tests.dashboards.factories import small_programme


@pytest.fixture
def programme(db):
    return small_programme()
