"""Links from knowledge pages into the public partner directory."""

from django.http import HttpRequest

from wagtail.models import Locale


def partner_directory_url(locale: Locale, request: HttpRequest) -> str | None:
    """The address of the live partner directory in ``locale``; a partner's page is
    ``<address><slug>/``. None when there is no public directory in that language."""
    from partners.models import PartnerDirectoryPage

    directory = PartnerDirectoryPage.objects.live().public().filter(locale=locale).first()
    return directory.get_url(request) if directory is not None else None
