"""Once granted the directory's permissions; ``website.roles.sync_roles`` now does after every
migrate, from ``partners.roles``."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = []
