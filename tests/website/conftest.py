import pytest

from tests.factories import UserFactory
from website import roles


@pytest.fixture
def accounts(db):
    """A superuser, two programme administrators (the first one acts), and one per other role."""
    return {
        "superuser": UserFactory(username="technik", is_superuser=True, is_staff=True),
        "programme": UserFactory(username="programm", role=roles.PROGRAMME_ADMINISTRATORS),
        "other_programme": UserFactory(username="programm2", role=roles.PROGRAMME_ADMINISTRATORS),
        "case_manager": UserFactory(username="fall", role=roles.CASE_MANAGERS),
        "partner": UserFactory(username="partner", role=roles.PARTNER_CASEWORKERS),
        "editor": UserFactory(username="redaktion", role=roles.EDITORS),
        "moderator": UserFactory(username="moderation", role=roles.MODERATORS),
    }


@pytest.fixture
def programme_client(client, accounts):
    client.force_login(accounts["programme"])
    return client
