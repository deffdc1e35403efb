"""The partner model: what counts as public, the filters' questions, both languages."""

from django.utils import translation

import pytest

from partners.models import City, Language, PartnerMembership, PartnerOrganisation, Service
from tests.partners.factories import PartnerFactory
from tests.partners.translations import translate_partner

pytestmark = pytest.mark.django_db


def test_public_means_published_and_active(published_partner):
    shown = published_partner()
    published_partner(active=False)
    PartnerFactory()  # a draft that was never published
    assert list(PartnerOrganisation.objects.public()) == [shown]
    assert PartnerOrganisation.objects.active().count() == 2


def test_querysets_name_the_directory_questions(published_partner):
    coach = published_partner(services=["job-coaching"], cities=["wuppertal"])
    trainer = published_partner(services=["qualification"], cities=["solingen", "remscheid"])
    job_coaching = Service.objects.get(locale__language_code="de", slug="job-coaching")
    solingen = City.objects.get(locale__language_code="de", slug="solingen")
    assert list(PartnerOrganisation.objects.offering(job_coaching)) == [coach]
    assert list(PartnerOrganisation.objects.in_city(solingen)) == [trainer]
    trainer.languages.set([Language.objects.get(locale__language_code="de", slug="arabic")])
    trainer.save()
    assert list(
        PartnerOrganisation.objects.speaking(
            Language.objects.get(locale__language_code="de", slug="arabic")
        )
    ) == [trainer]


def test_matching_needs_every_word(published_partner):
    published_partner(
        name="Gesa gGmbH", description="Qualifizierung und Praktika", network_role="Training"
    )
    published_partner(name="Diakonie", description="Jobcoaching")
    assert [p.name for p in PartnerOrganisation.objects.matching("gesa praktika")] == ["Gesa gGmbH"]
    assert not PartnerOrganisation.objects.matching("gesa jobcoaching").exists()


def test_texts_follow_the_active_language_with_german_fallback(published_partner):
    partner = published_partner(description="Deutsch", network_role="Jobcoaching")
    translate_partner(partner, "en", network_role="Job coaching")
    service = Service.objects.get(locale__language_code="de", slug="job-coaching")
    with translation.override("en"):
        assert partner.localized.description == "Deutsch"
        assert partner.localized.network_role == "Job coaching"
        assert service.label == "Job coaching"
        shown = PartnerOrganisation.objects.public().in_locale().get()
        assert (shown.locale.language_code, shown.network_role) == ("en", "Job coaching")
    with translation.override("de"):
        assert service.label == "Jobcoaching"
        assert PartnerOrganisation.objects.public().in_locale().get() == partner


def test_vocabularies_are_seeded_and_found_by_any_name():
    assert set(City.objects.filter(locale__language_code="de").values_list("name", flat=True)) >= {
        "Wuppertal",
        "Solingen",
        "Remscheid",
    }
    assert Service.objects.named("JOB COACHING").get().slug == "job-coaching"
    assert Service.objects.named("Jobcoaching").get().slug == "job-coaching"


def test_history_means_published_once_or_members(make_user):
    draft = PartnerFactory()
    assert not draft.has_history()
    PartnerMembership.objects.create(user=make_user(), partner=draft)
    assert draft.has_history()
    assert PartnerFactory(publish=True).has_history()


def test_drafts_keep_the_published_content_in_the_row():
    partner = PartnerFactory(publish=True, name="Veröffentlicht")
    partner.name = "Entwurf"
    partner.save_revision()
    partner.refresh_from_db()
    assert partner.name == "Veröffentlicht"
    assert partner.has_unpublished_changes
