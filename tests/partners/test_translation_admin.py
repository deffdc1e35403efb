"""The partners and their lists are translated with wagtail-localize's own admin workflow."""

from django.urls import reverse

from wagtail.models import Locale

import pytest

from partners.models import PartnerOrganisation, Service

pytestmark = pytest.mark.django_db


def test_translate_submits_a_partner_and_keeps_its_structure(admin_client, published_partner):
    arabic = Locale.objects.create(language_code="ar")
    partner = published_partner(slug="gesa", services=["job-coaching"], internal_notes="intern")
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["partners", "partnerorganisation", partner.pk],
    )
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"locales": [arabic.pk]})
    assert response.status_code == 302
    translation = PartnerOrganisation.objects.get(locale=arabic, slug="gesa")
    assert translation.translation_key == partner.translation_key
    assert list(translation.services.values_list("slug", flat=True)) == ["job-coaching"]
    assert translation.services.get().locale.language_code == "de"  # points at the source
    assert translation.internal_notes == "intern" and translation.name == partner.name


def test_vocabulary_listing_offers_translate(admin_client):
    Locale.objects.create(language_code="ar")
    service = Service.objects.get(locale__language_code="de", slug="job-coaching")
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["partners", "service", service.pk]
    )
    assert admin_client.get(url).status_code == 200
