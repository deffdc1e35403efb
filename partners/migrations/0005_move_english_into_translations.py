"""Step 2 of 3: the English columns become English translation rows, nothing lost.

Every existing row is the source (the default language, German) with a new translation key; an
English row with the same key gets the English texts (a partner without English texts shows the
German ones, as the site did before), the same lists, contact persons and publishing state.
The field lists are frozen here; reversing writes the English rows back into the columns.
"""

import uuid

from django.conf import settings
from django.db import migrations
from django.db.models import F

VOCABULARIES = ["Service", "City", "TargetGroup", "Language"]
PARTNER_TEXTS = {"description": "description_en", "network_role": "network_role_en"}
PARTNER_LISTS = ["services", "target_groups", "languages", "cities"]
NOT_COPIED = {
    "id",
    "locale",
    "live_revision",
    "latest_revision",
    "locked",
    "locked_by",
    "locked_at",
}
ENGLISH = "en"


def locales(apps):
    Locale = apps.get_model("wagtailcore", "Locale")
    default, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    english, _created = Locale.objects.get_or_create(language_code=ENGLISH)
    return default, english


def vocabularies_forward(apps, default, english):
    for model_name in VOCABULARIES:
        model = apps.get_model("partners", model_name)
        for entry in model.objects.filter(locale__isnull=True):
            entry.translation_key = uuid.uuid4()
            entry.locale = default
            entry.save(update_fields=["translation_key", "locale"])
            if english.pk != default.pk:
                model.objects.create(
                    translation_key=entry.translation_key,
                    locale=english,
                    name=entry.name_en or entry.name,
                    slug=entry.slug,
                    sort_order=entry.sort_order,
                )


def partners_forward(apps, default, english):
    Partner = apps.get_model("partners", "PartnerOrganisation")
    ContactPerson = apps.get_model("partners", "ContactPerson")
    copied = [
        field.attname for field in Partner._meta.concrete_fields if field.name not in NOT_COPIED
    ]
    for partner in Partner.objects.filter(locale__isnull=True):
        partner.translation_key = uuid.uuid4()
        partner.locale = default
        partner.save(update_fields=["translation_key", "locale"])
        if english.pk == default.pk:
            continue
        values = {name: getattr(partner, name) for name in copied}
        for field, column in PARTNER_TEXTS.items():
            values[field] = getattr(partner, column) or getattr(partner, field)
        translation = Partner.objects.create(locale=english, **values)
        for name in PARTNER_LISTS:
            # Through the link table: historical models don't save parental relations.
            through = Partner._meta.get_field(name).remote_field.through
            source_column = f"{Partner._meta.model_name}_id"
            through.objects.bulk_create(
                through(**{**link, source_column: translation.pk})
                for link in through.objects.filter(**{source_column: partner.pk}).values(
                    *(f.attname for f in through._meta.concrete_fields if f.attname != "id")
                )
            )
        for person in ContactPerson.objects.filter(partner=partner):
            person.pk = None
            person.partner = translation
            person.save()


def forward(apps, schema_editor):
    default, english = locales(apps)
    vocabularies_forward(apps, default, english)
    partners_forward(apps, default, english)


def backward(apps, schema_editor):
    """Write the English rows back into the English columns and keep only the source rows."""
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for model_name in VOCABULARIES:
        model = apps.get_model("partners", model_name)
        for entry in model.objects.exclude(locale=default):
            if entry.locale.language_code == ENGLISH:
                model.objects.filter(translation_key=entry.translation_key, locale=default).update(
                    name_en=entry.name
                )
            entry.delete()
        model.objects.filter(name_en="").update(name_en=F("name"))
    Partner = apps.get_model("partners", "PartnerOrganisation")
    for partner in Partner.objects.exclude(locale=default):
        if partner.locale.language_code == ENGLISH:
            Partner.objects.filter(translation_key=partner.translation_key, locale=default).update(
                **{column: getattr(partner, field) for field, column in PARTNER_TEXTS.items()}
            )
        partner.delete()


class Migration(migrations.Migration):
    dependencies = [("partners", "0004_translatable_snippets_schema")]

    operations = [migrations.RunPython(forward, backward)]
