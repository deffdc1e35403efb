"""Translate test content the way the admin does, through wagtail-localize."""

from wagtail.models import Locale

from website.translating import translate


def translate_partner(partner, language_code: str, **texts):
    """The partner translated into ``language_code`` with ``texts`` (description, network_role)
    in place of the source's; other strings fall back to the source."""
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    strings = {getattr(partner, field): value for field, value in texts.items()}
    return translate(partner, locale, strings)
