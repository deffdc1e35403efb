import pytest

from knowledge.models import KnowledgeIndexPage
from tests.knowledge.factories import KnowledgeIndexFactory
from website.models import HomePage


@pytest.fixture
def german_home(home_pages) -> HomePage:
    return HomePage.objects.get(locale__language_code="de")


@pytest.fixture
def knowledge_index(german_home) -> KnowledgeIndexPage:
    """A published German knowledge index with a published English translation."""
    from wagtail.models import Locale

    index = KnowledgeIndexFactory(parent=german_home)
    english = index.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.slug = "Knowledge", "knowledge"
    english.save_revision().publish()
    return index


@pytest.fixture
def english_index(knowledge_index) -> KnowledgeIndexPage:
    from wagtail.models import Locale

    return knowledge_index.get_translation(Locale.objects.get(language_code="en")).specific


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Renditions are cached by image id, and ids repeat between tests: start each test clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
