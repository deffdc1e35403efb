"""Who may see a submission: the engine's rule, narrowed by the rules domain apps register.

The engine's own rule: holders of the view permission see every submission, everyone else the
ones they submitted. A domain app that owns some submissions (an intake that belongs to a
record of its own, say) narrows that in ``<app>/form_visibility.py`` (found by
:func:`autodiscover`, like field types and submission actions)::

    register_visibility_rule("myapp.records", lambda submissions, user: submissions.filter(...))

A rule receives a queryset of submissions and the user and returns the ones of them that user
may see; it may only take away. ``FormSubmission.objects.visible_to(user)`` applies every rule,
and every screen of the submissions admin (listing, detail, edit, delete, export, files) loads
submissions through it, so a submission a rule hides answers 404 everywhere.

The engine knows nothing of the rules' domain: this module imports nothing of the project.
"""

from collections.abc import Callable

from django.db.models import QuerySet
from django.utils.module_loading import autodiscover_modules

VisibilityRule = Callable[[QuerySet, object], QuerySet]

_rules: dict[str, VisibilityRule] = {}


def register_visibility_rule(name: str, rule: VisibilityRule) -> VisibilityRule:
    """Add (or replace, for tests) the rule called ``name``."""
    _rules[name] = rule
    return rule


def unregister_visibility_rule(name: str) -> None:
    _rules.pop(name, None)


def narrow(submissions: QuerySet, user) -> QuerySet:
    """``submissions`` less those a registered rule hides from ``user``."""
    for rule in _rules.values():
        submissions = rule(submissions, user)
    return submissions


def autodiscover() -> None:
    """Import ``form_visibility`` of every installed app, as Wagtail finds ``wagtail_hooks``."""
    autodiscover_modules("form_visibility")
