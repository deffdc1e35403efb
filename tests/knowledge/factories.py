"""Synthetic knowledge entries: pages added under a parent and published, like an editor would."""

import datetime
from uuid import uuid4

import factory

from knowledge.models import (
    GoodPracticeOrganisation,
    GoodPracticePage,
    KnowledgeIndexPage,
    ModelDocumentationPage,
    NewsPage,
    Theme,
)


class PageFactory(factory.django.DjangoModelFactory):
    """``XFactory(parent=page, themes=["work"], publish=True)`` adds the page under ``parent``."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Eintrag {n}")
    slug = factory.LazyFunction(lambda: f"eintrag-{uuid4().hex[:12]}")
    live = False

    @classmethod
    def _create(cls, model_class, *args, parent, publish=True, themes=(), **kwargs):
        page = model_class(*args, **kwargs)
        if themes:
            page.themes = list(Theme.objects.filter(slug__in=themes, locale__language_code="de"))
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
            page.refresh_from_db()
        return page


class KnowledgeIndexFactory(PageFactory):
    class Meta:
        model = KnowledgeIndexPage

    title = "Wissen"
    slug = "wissen"


class EntryFactory(PageFactory):
    class Meta:
        abstract = True

    date = factory.Sequence(lambda n: datetime.date(2013, 1, 1) + datetime.timedelta(days=n))
    standfirst = factory.Sequence(lambda n: f"Kurz gesagt, Eintrag {n}.")


class GoodPracticeFactory(EntryFactory):
    class Meta:
        model = GoodPracticePage

    city = "Wuppertal"
    country = "Deutschland"
    practical = "Klare Aufgaben für sechs Monate."
    organisations = factory.LazyFunction(
        lambda: [GoodPracticeOrganisation(role="host", name="Stadtverwaltung Beispielstadt")]
    )


class ModelDocumentationFactory(EntryFactory):
    class Meta:
        model = ModelDocumentationPage

    city = "Wuppertal"
    country = "Deutschland"
    problem = "<p>Geflüchtete finden keinen Zugang zu Arbeit.</p>"


class NewsFactory(EntryFactory):
    class Meta:
        model = NewsPage

    kind = "event"
