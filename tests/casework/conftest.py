import pytest

from tests.casework import factories


@pytest.fixture
def today():
    return factories.TODAY


@pytest.fixture
def wuppertal_manager(db):
    return factories.case_manager("wuppertal", username="fatma")


@pytest.fixture
def diakonie(db):
    return factories.partner(name="Diakonie Wuppertal", slug="diakonie")


@pytest.fixture
def gesa(db):
    return factories.partner(name="Gesa gGmbH", slug="gesa")


@pytest.fixture
def case(wuppertal_manager):
    return factories.CaseFactory(case_manager=wuppertal_manager)
