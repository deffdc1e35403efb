"""The objects the URL access matrix fills its URLs with, the personas it signs in, and one page
of each page type. Partner A (Diakonie) holds an accepted transfer of the case; partner B's
caseworker (Gesa) asks for partner A's objects by their ids."""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction, get_page_models

from axes.models import AccessAttempt

from casework import services
from casework.models import CaseManagerProfile
from dashboards.models import DashboardPage, HistoricalFigure
from dashboards.models.pages import Audience
from forms_app.models import BackgroundJob, FormSubmission, SubmissionFile
from knowledge.models import Theme
from partners.models import City, Language, PartnerDirectoryPage, Service, TargetGroup
from tests.casework import factories
from tests.dashboards.chart_pages import gender_chart
from tests.factories import UserFactory
from tests.forms_app.factories import field, make_form_page, step
from tests.knowledge.factories import (
    GoodPracticeFactory,
    KnowledgeIndexFactory,
    ModelDocumentationFactory,
    NewsFactory,
)
from website import roles
from website.models import ContentPage, HomePage

PERSONAS = (
    "anonymous",
    "deactivated",
    "superuser",
    "programme",
    "case_manager",
    "partner",
    "other_partner",
    "editor",
    "moderator",
)


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _add(parent, page):
    parent.add_child(instance=page)
    return _publish(page)


def _audience(page, restriction_type: str | None):
    PageViewRestriction.objects.filter(page=page).delete()
    if restriction_type:
        PageViewRestriction.objects.create(page=page, restriction_type=restriction_type)


def build_pages(home: HomePage) -> dict[str, object]:
    """One page of each page type, a form and a dashboard both for everyone and staff only."""
    public_form = make_form_page(
        home, step("person", field("short_text", "name", "Name")), title="Kontakt", slug="kontakt"
    )
    public_form.share_definition = True
    _publish(public_form)
    _audience(public_form, None)
    staff_form = make_form_page(
        home,
        step("person", field("short_text", "name", "Name"), field("file", "doc", "Datei")),
        title="Aufnahme",
        slug="aufnahme",
    )
    _audience(staff_form, PageViewRestriction.LOGIN)
    staff_dashboard = _add(
        home, DashboardPage(title="Kennzahlen", slug="kennzahlen", body=[gender_chart()])
    )
    staff_dashboard.audience = Audience.STAFF
    _publish(staff_dashboard)
    index = KnowledgeIndexFactory(parent=home)
    return {
        "HomePage": home,
        "ContentPage": _add(home, ContentPage(title="Impressum", slug="impressum")),
        "WizardFormPage (everyone)": public_form,
        "WizardFormPage (staff only)": staff_form,
        "PartnerDirectoryPage": _add(home, PartnerDirectoryPage(title="Partner", slug="partner")),
        "DashboardPage (everyone)": _add(
            home, DashboardPage(title="Ergebnisse", slug="ergebnisse", body=[gender_chart()])
        ),
        "DashboardPage (staff)": staff_dashboard,
        "KnowledgeIndexPage": index,
        "GoodPracticePage": GoodPracticeFactory(parent=index),
        "ModelDocumentationPage": ModelDocumentationFactory(parent=index),
        "NewsPage": NewsFactory(parent=index),
    }


def page_types_without_a_page(pages: dict[str, object]) -> set[str]:
    """The project's page types with no page in the matrix's tree (each must have one)."""
    present = {type(page.specific).__name__ for page in pages.values()}
    return {model.__name__ for model in get_page_models()[1:]} - present


class World:
    """Everything the matrix's URLs and personas need, made once for the module's test."""

    def __init__(self):
        home = HomePage.objects.get(locale__language_code="de")
        self.pages = build_pages(home)
        today = factories.TODAY
        self.partner = factories.partner(name="Diakonie Wuppertal", slug="diakonie")
        self.other_partner = factories.partner(name="Gesa gGmbH", slug="gesa")
        manager = factories.case_manager("wuppertal", username="fall")
        partner_worker = factories.caseworker(self.partner, username="diakonie")
        self.users = {
            "superuser": UserFactory(username="technik", is_superuser=True, is_staff=True),
            "programme": UserFactory(username="programm", role=roles.PROGRAMME_ADMINISTRATORS),
            "case_manager": manager,
            "partner": partner_worker,
            "other_partner": factories.caseworker(self.other_partner, username="gesa"),
            "editor": UserFactory(username="redaktion", role=roles.EDITORS),
            "moderator": UserFactory(username="moderation", role=roles.MODERATORS),
            "deactivated": factories.case_manager("wuppertal", username="ehemals"),
        }
        self.case = factories.CaseFactory(case_manager=manager)
        services.save_support_plan(
            self.case, user=manager, expected_version=0, summary="", goals=[{"text": "Arbeit"}]
        )
        self.transfer = services.create_transfer(
            self.case, partner=self.partner, user=manager, today=today, consent_to_share=True
        )
        services.accept_transfer(self.transfer, user=partner_worker, today=today)
        waiting_case = factories.CaseFactory(case_manager=manager)
        self.waiting = services.create_transfer(
            waiting_case, partner=self.partner, user=manager, today=today, consent_to_share=True
        )
        self.submission = FormSubmission.objects.create(
            page=self.pages["WizardFormPage (staff only)"],
            submitted_by=manager,
            answers={"name": "Beispiel"},
        )
        self.file = SubmissionFile(submission=self.submission, key="doc", original_name="a.pdf")
        self.file.file.save("a.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
        # a finished export of the case manager's, its file not yet fetched
        self.job = BackgroundJob.objects.create(
            user=manager, kind="export", title="Export", status=BackgroundJob.Status.DONE
        )
        self.job.filename, self.job.content_type = "export.csv", "text/csv"
        self.job.file.save("export.csv", ContentFile(b"a;b\n"), save=True)
        self.partner_revision = self.partner.latest_revision
        self.account = UserFactory(username="konto", role=roles.EDITORS)
        wuppertal = City.objects.sources().get(slug="wuppertal")
        self.figure = HistoricalFigure.objects.create(
            period_start=date(2008, 10, 1),
            period_end=date(2013, 8, 31),
            city=wuppertal,
            measure="participants_entered",
            value=Decimal(1042),
            source="Vortrag 2013",
        )
        self.lockout = AccessAttempt.objects.create(
            username="jemand", ip_address="127.0.0.1", failures_since_start=5, user_agent="t"
        )
        self.image = Image.objects.create(title="Bild", file=get_test_image_file())
        self.document = Document.objects.create(
            title="Flyer", file=ContentFile(b"%PDF-1.4\n", name="flyer.pdf")
        )
        self.snippets = {
            "knowledge_theme": Theme.objects.first(),
            "partners_partnerorganisation": self.partner,
            "partners_service": Service.objects.first(),
            "partners_city": wuppertal,
            "partners_targetgroup": TargetGroup.objects.first(),
            "partners_language": Language.objects.first(),
        }
        self.by_namespace = {
            "partner_memberships": partner_worker.partner_membership,
            "casework_manager_cities": CaseManagerProfile.objects.get(user=manager),
            "historical_figures": self.figure,
            "wagtailusers_users": self.account,
            "wagtailusers_groups": Group.objects.get(name=roles.EDITORS),
            "login_lockouts": self.lockout,
        }

    def clients(self) -> dict[str, Client]:
        """A signed-in client per persona; the deactivated one was signed in, then deactivated."""
        clients = {"anonymous": Client()}
        for persona in PERSONAS[1:]:
            clients[persona] = Client()
            clients[persona].force_login(self.users[persona])
        deactivated = self.users["deactivated"]
        deactivated.is_active = False
        deactivated.save()
        return clients


def _pk_for(route, world: World):
    namespace = route.name.rsplit(":", 1)[0]
    if route.name == "casework:answer":
        return world.waiting.pk
    if namespace == "casework":
        return world.case.pk
    if namespace == "forms_app":
        return world.submission.pk
    for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
        if namespace.startswith(prefix):
            return world.snippets[namespace.removeprefix(prefix)].pk
    api = {
        "wagtailapi:pages": world.pages["GoodPracticePage"],
        "wagtailapi:partners": world.partner,
        "wagtailapi:dashboards": world.pages["DashboardPage (everyone)"],
        "wagtailadmin_api:images": world.image,
        "wagtailadmin_api:documents": world.document,
    }
    return (api.get(namespace) or world.by_namespace[namespace]).pk


def url_kwargs(route, world: World, variant: str = "") -> dict:
    """The route's arguments filled with the world's objects (partner A's, the manager's)."""
    page_for = {
        "forms_app": "WizardFormPage (staff only)",
        "forms_public": "WizardFormPage (everyone)",
        "dashboards": "DashboardPage (everyone)",
    }
    if route.name == "dashboards:staff_chart_csv":
        page_for["dashboards"] = "DashboardPage (staff)"
    if variant:
        app, label = VARIANTS[route.name][variant]
        page_for[app] = label
    values = {
        "pk": lambda: _pk_for(route, world),
        "page_id": lambda: world.pages[page_for[route.name.split(":")[0]]].pk,
        "submission_id": lambda: world.submission.pk,
        "file_id": lambda: world.file.pk,
        "job_id": lambda: world.job.pk,
        "index": lambda: 0,
        "language": lambda: "de",
        "user_id": lambda: world.account.pk,
        "transfer": lambda: world.transfer.pk,
        "exchange": lambda: world.transfer.exchanges.first().pk,
        "conference": lambda: world.transfer.conference.pk,
        "revision_id": lambda: world.partner_revision.pk,
        "revision_id_a": lambda: "earliest",
        "revision_id_b": lambda: "latest",
    }
    return {argument: values[argument]() for argument in route.arguments}


# URLs asked a second time with another object: ``{url name: {variant: (app, page label)}}``.
VARIANTS = {
    name: {"staff dashboard": ("dashboards", "DashboardPage (staff)")}
    for name in ("dashboards:chart_csv", "dashboards:open_data_csv")
}
