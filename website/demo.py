"""Synthetic demo content of the site shell: the home pages in both languages and one demo
login per role. Nothing here is a real person. The home pages' blocks link other apps' pages,
so ``website.demo_home`` fills them after every app's demo has run."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale

from . import roles
from .models import HomePage
from .translating import translate


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: str | None
    first_name: str
    last_name: str
    is_superuser: bool = False


DEMO_USERS = [
    DemoUser("admin", "demo-admin-2026", None, "Ada", "Technik", is_superuser=True),
    DemoUser("programm", "demo-programm-2026", roles.PROGRAMME_ADMINISTRATORS, "Paula", "Programm"),
    DemoUser("fallmanagement", "demo-fall-2026", roles.CASE_MANAGERS, "Fatma", "Fallmanagerin"),
    DemoUser("partner", "demo-partner-2026", roles.PARTNER_CASEWORKERS, "Piet", "Partner"),
    DemoUser("redaktion", "demo-redaktion-2026", roles.EDITORS, "Rita", "Redaktion"),
    DemoUser("moderation", "demo-moderation-2026", roles.MODERATORS, "Moritz", "Moderation"),
]

HOME_CONTENT = {
    "de": {
        "title": "PartizipationPlus",
        "standfirst": (
            "Ein Netzwerk aus Kommune und freien Trägern bringt geflüchtete Menschen in Arbeit "
            "– nach dem Wuppertaler Modell „Netzwerk Partizipation“."
        ),
    },
    "en": {
        "title": "PartizipationPlus",
        "standfirst": (
            "A network of the city and non-profit partners getting refugees into work – after "
            "Wuppertal's “Netzwerk Partizipation” model."
        ),
    },
}


def _publish_if_changed(page: HomePage, content: dict[str, str]) -> None:
    if all(getattr(page, field) == value for field, value in content.items()) and page.live:
        return
    for field, value in content.items():
        setattr(page, field, value)
    page.draft_title = page.title
    page.save_revision().publish()


def load_home_pages() -> None:
    german = HomePage.objects.get(locale__language_code="de", depth=2)
    _publish_if_changed(german, HOME_CONTENT["de"])
    english_locale = Locale.objects.get(language_code="en")
    english = german.get_translation_or_none(english_locale)
    if english is None:
        english = german.copy_for_translation(english_locale)
    _publish_if_changed(english.specific, HOME_CONTENT["en"])


ARABIC_HOME = {
    "PartizipationPlus": "PartizipationPlus",
    HOME_CONTENT["de"]["standfirst"]: (
        "شبكة من المدينة والجهات غير الربحية تساعد اللاجئين على الوصول إلى العمل."
    ),
    "Worum es geht": "عن ماذا يدور الأمر",
}


def load_arabic_home() -> HomePage:
    """An Arabic home page, translated through wagtail-localize (the demo's right-to-left
    language); strings without an Arabic text fall back to German."""
    german = HomePage.objects.get(locale=Locale.get_default(), depth=2)
    arabic, _created = Locale.objects.get_or_create(language_code="ar")
    existing = german.get_translation_or_none(arabic)
    if (
        existing is not None
        and existing.live
        and existing.specific.standfirst == (ARABIC_HOME[HOME_CONTENT["de"]["standfirst"]])
    ):
        return existing.specific
    return translate(german, arabic, ARABIC_HOME)


def load_users() -> list[DemoUser]:
    User = get_user_model()
    for demo in DEMO_USERS:
        user, _created = User.objects.get_or_create(username=demo.username)
        user.first_name, user.last_name = demo.first_name, demo.last_name
        user.email = f"{demo.username}@demo.partizipationplus.invalid"
        user.is_superuser = user.is_staff = demo.is_superuser
        user.is_active = True
        user.set_password(demo.password)
        user.save()
        user.groups.set(Group.objects.filter(name=demo.role) if demo.role else [])
    return DEMO_USERS


def load(command) -> None:
    from .demo_forms import load_forms

    load_home_pages()
    load_arabic_home()
    load_users()
    load_forms()
    command.stdout.write(
        "Home pages (de, en, ar), demo users and demo forms (intake wizard, contact form) "
        "are in place."
    )
