"""Once granted the roles' form permissions; roles are now synced after every migrate by the
project (``website.roles``), so the engine's migrations name no role and import nothing."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("forms_app", "0001_initial")]

    operations = []
