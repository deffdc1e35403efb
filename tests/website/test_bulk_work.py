"""The collector pause of large imports: nested and failing pauses leave it as they found it;
the remembered field values: what the fields' own ``clean`` gives, and only passed values."""

import gc

from django.core.exceptions import ValidationError

import pytest

from website.bulk_work import CleanedValues, collections_paused


def test_nested_pauses_switch_the_collector_back_on_once_and_after_an_error():
    assert gc.isenabled()
    with collections_paused():
        assert not gc.isenabled()
        with pytest.raises(RuntimeError), collections_paused():
            raise RuntimeError
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_already_off_stays_off():
    gc.disable()
    try:
        with collections_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def partner_field(name: str):
    from partners.models import PartnerOrganisation

    return PartnerOrganisation._meta.get_field(name)


VALUES = {
    "website": ["https://traeger.example.org", "traeger.example.org", "http://", "https://a b.de"],
    "email": ["kontakt@example.org", "kontakt@", "a@b", "x" * 300 + "@example.org"],
    "slug": ["gesa-ggmbh", "gesa ggmbh", "ä-träger", ""],
    "postal_code": ["42103", "421034210342103"],
    "active": [True, False, 1, "yes"],
}


def outcome(clean, value):
    try:
        return "ok", clean(value, None)
    except ValidationError as error:
        return "error", error.messages


@pytest.mark.parametrize("name", sorted(VALUES))
def test_cleaned_values_give_what_the_fields_clean_gives(name):
    """Twice through the remembered path (the second time from memory) and the library's."""
    model_field = partner_field(name)
    values = CleanedValues()
    for _import in range(3):
        values.start()
        clean = values.cleaner(model_field)
        for value in VALUES[name]:
            assert outcome(clean, value) == outcome(model_field.clean, value), value
            assert outcome(clean, value) == outcome(model_field.clean, value), value


def test_only_passed_values_of_the_last_import_are_remembered(monkeypatch):
    model_field = partner_field("website")
    calls = []
    library_clean = model_field.clean

    def spy(value, instance):
        calls.append(value)
        return library_clean(value, instance)

    monkeypatch.setattr(model_field, "clean", spy)
    values = CleanedValues()
    values.start()
    clean = values.cleaner(model_field)
    clean("https://a.example.org", None)
    with pytest.raises(ValidationError):
        clean("kein-link", None)
    values.start()  # the confirmation of that preview
    clean = values.cleaner(model_field)
    assert clean("https://a.example.org", None) == "https://a.example.org"
    with pytest.raises(ValidationError):
        clean("kein-link", None)
    assert calls == ["https://a.example.org", "kein-link", "kein-link"]
    values.start()
    values.start()  # two imports later it is checked again
    values.cleaner(model_field)("https://a.example.org", None)
    assert calls[-1] == "https://a.example.org" and len(calls) == 4


def test_equal_values_of_other_types_and_other_fields_are_apart():
    from django.db import models

    values = CleanedValues()
    values.start()
    active = partner_field("active")
    assert values.cleaner(active)(1, None) is True
    assert values.cleaner(active)(True, None) is True
    assert values.cleaner(partner_field("name"))("x" * 150, None) == "x" * 150
    with pytest.raises(ValidationError):  # the same text is too long for the short name
        values.cleaner(partner_field("short_name"))("x" * 150, None)

    class OwnField(models.CharField):
        pass

    own = OwnField(max_length=3)
    assert not CleanedValues.remembered(own)
    assert not CleanedValues.remembered(partner_field("locale"))


@pytest.mark.parametrize("name", ["name", "short_name", "postal_code", "phone", "description"])
def test_text_fields_accept_what_their_clean_accepts_without_a_call(name):
    model_field = partner_field(name)
    limit = model_field.max_length or 10_000
    values = CleanedValues()
    values.start()
    clean = values.cleaner(model_field)
    for value in ["", None, "a", " ", "x" * limit, "x" * (limit + 1), "ä\x00", 5, ["a"]]:
        assert outcome(clean, value) == outcome(model_field.clean, value), value


def test_only_plain_text_fields_skip_the_call():
    from django.core.validators import MinLengthValidator
    from django.db import models

    from website.bulk_work import text_limit

    assert text_limit(partner_field("name")) == 200
    assert text_limit(partner_field("description")) == float("inf")
    for name in ("slug", "email", "website", "kind", "active"):
        assert text_limit(partner_field(name)) is None, name
    assert text_limit(models.CharField(max_length=5, validators=[MinLengthValidator(2)])) is None
