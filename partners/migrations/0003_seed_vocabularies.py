"""Every installation starts with the network's services, cities, target groups and languages.

The lists stay editable in the admin; this only adds missing entries (matched by slug).
"""

from django.db import migrations

SERVICES = [
    ("case-management", "Fallmanagement", "Case management"),
    ("job-coaching", "Jobcoaching", "Job coaching"),
    ("qualification", "Qualifizierung", "Qualification"),
    ("internship-placement", "Praktikumsvermittlung", "Internship placement"),
    ("low-threshold-training", "Niedrigschwellige Trainings", "Low-threshold training"),
    ("activation-motivation", "Aktivierung und Motivation", "Activation and motivation"),
    ("language-course-advice", "Sprachkursberatung", "Language course advice"),
    ("offers-for-women", "Angebote für Frauen", "Offers for women"),
    ("offers-for-young-people", "Angebote für junge Menschen", "Offers for young people"),
    ("health-employability", "Gesundheit und Erwerbsfähigkeit", "Health and employability"),
    ("placement-into-work", "Vermittlung in Arbeit", "Placement into work"),
]
CITIES = [
    ("wuppertal", "Wuppertal", "Wuppertal"),
    ("solingen", "Solingen", "Solingen"),
    ("remscheid", "Remscheid", "Remscheid"),
]
TARGET_GROUPS = [
    ("asylum-seekers", "Asylsuchende", "Asylum seekers"),
    ("tolerated-stay", "Menschen mit Duldung", "People with a tolerated stay (Duldung)"),
    (
        "humanitarian-residence",
        "Menschen mit humanitärem Aufenthaltstitel",
        "People with a humanitarian residence permit",
    ),
    ("women", "Frauen", "Women"),
    ("young-people", "Junge Menschen unter 25", "Young people under 25"),
    ("older-people", "Ältere Menschen", "Older people"),
]
LANGUAGES = [
    ("german", "Deutsch", "German"),
    ("english", "Englisch", "English"),
    ("arabic", "Arabisch", "Arabic"),
    ("french", "Französisch", "French"),
    ("persian", "Persisch (Farsi)", "Persian (Farsi)"),
    ("kurdish", "Kurdisch", "Kurdish"),
    ("russian", "Russisch", "Russian"),
    ("serbo-croatian", "Serbokroatisch", "Serbo-Croatian"),
    ("tigrinya", "Tigrinya", "Tigrinya"),
    ("turkish", "Türkisch", "Turkish"),
]


def seed(apps, schema_editor):
    for model_name, entries in (
        ("Service", SERVICES),
        ("City", CITIES),
        ("TargetGroup", TARGET_GROUPS),
        ("Language", LANGUAGES),
    ):
        model = apps.get_model("partners", model_name)
        for position, (slug, name_de, name_en) in enumerate(entries, start=1):
            model.objects.get_or_create(
                slug=slug,
                defaults={"name_de": name_de, "name_en": name_en, "sort_order": position * 10},
            )


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_roles")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
