"""Load the synthetic demo content, idempotently: running it twice changes nothing the second time.

Each installed app may have a ``demo`` module with a ``load(command)`` function; they run in
the order of ``INSTALLED_APPS``, so the shell never imports the feature apps. A demo module may
also have ``add_arguments(parser)`` for options of its own, which it reads from
``command.options`` (casework's ``--cases N``). Last, the shell fills the home pages' entry
points, the footer's links and the main menu from the pages the apps' demos made.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from website.demo import DEMO_USERS
from website.demo_home import load_home_content


def demo_modules():
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.demo"
        if find_spec(module_name) is not None:
            yield import_module(module_name)


class Command(BaseCommand):
    help = "Load synthetic demo content and demo logins (never on a production site)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. Demo logins have published passwords.",
        )
        for module in demo_modules():
            if hasattr(module, "add_arguments"):
                module.add_arguments(parser)

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo logins with published passwords while DEBUG is off. "
                "Use --force on a throwaway installation only."
            )
        self.options = options
        with transaction.atomic():
            for module in demo_modules():
                module.load(self)
            load_home_content(self)
        self.stdout.write(self.style.SUCCESS("\nDemo logins (synthetic, for local use only):"))
        width = max(len(user.username) for user in DEMO_USERS)
        for user in DEMO_USERS:
            role = user.role or "Superuser (technical administration)"
            self.stdout.write(f"  {user.username:<{width}}  {user.password:<20}  {role}")
