"""One instance of every model of the project apps that holds admin text, built as the admin
would and then filled with payloads (``tests.website.escaping_fields.poison``).

``build_site()`` returns the instances, children before their parents: a page or partner is
read again and published after its inline rows hold their payloads, so its revision (what the
admin's edit view shows) and its live version (what the site shows) carry them both.
"""

from dataclasses import dataclass, field

from wagtail.models import Locale, Page

from casework.models import (
    CaseConference,
    EmployabilityCheck,
    Exchange,
    ExchangeProgress,
    Placement,
    PlanGoal,
    PlanStep,
    SupportPlan,
    Training,
    Transfer,
    TransferTask,
)
from dashboards.models import DashboardPage, HistoricalFigure
from knowledge.models import (
    GoodPracticeContact,
    GoodPracticeOrganisation,
    GoodPracticeResource,
    Theme,
)
from partners.models import (
    City,
    ContactPerson,
    Language,
    PartnerDirectoryPage,
    Service,
    TargetGroup,
)
from tests.casework.factories import TODAY, CaseFactory, case_manager
from tests.casework.test_privacy import full_case
from tests.knowledge.factories import (
    GoodPracticeFactory,
    KnowledgeIndexFactory,
    ModelDocumentationFactory,
    NewsFactory,
)
from tests.partners.factories import PartnerFactory
from website.models import ContentPage, HomePage, SiteIdentity


@dataclass
class Site:
    instances: list = field(default_factory=list)
    manager: object = None
    caseworker: object = None
    case: object = None
    transfer: object = None
    directory: object = None
    partner: object = None
    knowledge: object = None
    entries: list = field(default_factory=list)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_site() -> Site:
    from wagtail.models import Site as WagtailSite

    site = Site()
    home = HomePage.objects.get(locale__language_code="de")
    default = Locale.get_default()
    vocabularies = [
        model.objects.create(
            name=f"Escaping {model.__name__}", slug=f"esc-{model.__name__.lower()}", locale=default
        )
        for model in (Service, City, TargetGroup, Language)
    ]
    theme = Theme.objects.create(name="Escaping", slug="escaping", locale=default)
    site.directory = publish(
        home.add_child(instance=PartnerDirectoryPage(title="Partner", slug="partner", live=False))
    )
    partner = PartnerFactory(publish=True, slug="escaping-partner")
    partner.services.set([vocabularies[0]])
    partner.cities.set([vocabularies[1]])
    partner.target_groups.set([vocabularies[2]])
    partner.languages.set([vocabularies[3]])
    partner.save()
    contact = ContactPerson.objects.create(partner=partner, name="Kontakt", show_publicly=True)
    site.partner = partner
    content = publish(
        home.add_child(instance=ContentPage(title="Inhalt", slug="inhalt", live=False))
    )
    dashboard = publish(
        home.add_child(instance=DashboardPage(title="Zahlen", slug="zahlen", live=False))
    )
    site.knowledge = KnowledgeIndexFactory(parent=home)
    practice = GoodPracticeFactory(parent=site.knowledge, themes=["escaping"])
    GoodPracticeResource.objects.create(page=practice, title="Bericht", url="https://example.org/")
    GoodPracticeContact.objects.create(
        page=practice, office="Büro", phone="0202 555", email="a@example.org"
    )
    documentation = ModelDocumentationFactory(parent=site.knowledge)
    news = NewsFactory(parent=site.knowledge)
    site.entries = [practice, documentation, news]
    figure = HistoricalFigure.objects.create(
        period_start=TODAY,
        period_end=TODAY,
        city=vocabularies[1],
        measure="participants",
        value=5,
        source="Bericht",
    )

    site.manager = case_manager("wuppertal", username="fall-escaping")
    site.case = CaseFactory(case_manager=site.manager)
    site.caseworker = full_case(site.case, site.manager, partner, TODAY)
    site.transfer = Transfer.objects.get(case=site.case)
    casework_rows = [
        site.case,
        *EmployabilityCheck.objects.filter(case=site.case),
        *SupportPlan.objects.filter(case=site.case),
        *PlanGoal.objects.filter(plan__case=site.case),
        *PlanStep.objects.filter(goal__plan__case=site.case),
        site.transfer,
        *TransferTask.objects.filter(transfer=site.transfer),
        *Exchange.objects.filter(transfer=site.transfer),
        *ExchangeProgress.objects.filter(exchange__transfer=site.transfer),
        *CaseConference.objects.filter(case=site.case),
        *Training.objects.filter(case=site.case),
        *Placement.objects.filter(case=site.case),
    ]
    site.instances = [
        SiteIdentity.for_site(WagtailSite.objects.get(is_default_site=True)),
        *vocabularies,
        theme,
        contact,
        partner,
        *GoodPracticeOrganisation.objects.filter(page=practice),
        *GoodPracticeContact.objects.filter(page=practice),
        *GoodPracticeResource.objects.filter(page=practice),
        home,
        site.directory,
        content,
        dashboard,
        site.knowledge,
        *site.entries,
        figure,
        *casework_rows,
    ]
    return site


def save_poisoned(instance) -> None:
    """Store the payloads the way the admin does: pages and partners as a published revision."""
    if isinstance(instance, Page):
        instance.save_revision().publish()
    elif hasattr(instance, "save_revision"):
        instance.save()
        instance.save_revision().publish()
    else:
        instance.save()


def fresh(instance):
    model = type(instance.specific) if isinstance(instance, Page) else type(instance)
    return model._default_manager.get(pk=instance.pk)
