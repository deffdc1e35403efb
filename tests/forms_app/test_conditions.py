"""Each condition operator, shown and hidden, with a required field: required exactly when shown."""

import pytest

from forms_app.conditions import condition_met
from forms_app.forms import build_form_class
from tests.forms_app.factories import field, make_form_page, step, when
from tests.forms_app.test_fields import CHOICES, step_form

pytestmark = pytest.mark.django_db

CASES = [
    # operator, values, answer that shows, answer that hides
    ("equals", ["ar"], "ar", "de"),
    ("one_of", ["ar", "fa"], "ar", "de"),
    ("is_not", ["de"], "ar", "de"),
    ("answered", [], "de", ""),
]


@pytest.mark.parametrize(("operator", "values", "shows", "hides"), CASES)
def test_operator_on_a_field_of_the_same_step(home, operator, values, shows, hides):
    fields = [
        field("single_choice", "lang", choices=[*CHOICES, {"value": "fa", "label": "Farsi"}]),
        field(
            "short_text", "interpreter", required=True, condition=when("lang", operator, *values)
        ),
    ]
    shown = step_form(home, *fields, data={"only-lang": shows, "only-interpreter": ""})
    assert not shown.is_valid()
    assert "interpreter" in shown.errors  # required because shown
    shown = step_form(home, *fields, data={"only-lang": shows, "only-interpreter": "Frau A."})
    assert shown.is_valid()
    assert shown.answers["interpreter"] == "Frau A."
    hidden = step_form(home, *fields, data={"only-lang": hides, "only-interpreter": "sent anyway"})
    assert hidden.is_valid(), hidden.errors  # not required when hidden
    assert "interpreter" not in hidden.answers  # and the value sent anyway is discarded


@pytest.mark.parametrize(("operator", "values", "shows", "hides"), CASES)
def test_operator_on_an_earlier_step(home, operator, values, shows, hides):
    dependent = field("short_text", "x", required=True, condition=when("lang", operator, *values))
    page = make_form_page(
        home, step("first", field("short_text", "lang")), step("second", dependent), slug="two"
    )
    form_class = build_form_class(page.form_specs()[1])

    def second(data=None, answer=None):
        return form_class(data=data, prefix="second", prior_answers={"lang": answer})

    assert not second({"second-x": ""}, shows).is_valid()
    hidden = second({"second-x": "y"}, hides or None)
    assert hidden.is_valid() and hidden.answers == {}
    # the server hides the field in the page too (no client-side rule: the answer is earlier)
    item = second(answer=hides or None).items()[0]
    assert item["shown"] is False and item["client_side"] is False
    assert second(answer=shows).items()[0]["shown"] is True


def test_invalid_value_in_a_hidden_field_is_ignored(home):
    fields = [
        field("yes_no", "kids"),
        field("number", "count", condition=when("kids", "equals", "yes")),
    ]
    form = step_form(home, *fields, data={"only-kids": "no", "only-count": "viele"})
    assert form.is_valid() and form.answers == {"kids": False}


def test_yes_no_multiple_choice_and_case():
    assert condition_met(when("k", "equals", "yes"), {"k": True})
    assert not condition_met(when("k", "equals", "yes"), {"k": False})
    assert condition_met(when("k", "one_of", "AR"), {"k": ["de", "ar"]})
    assert condition_met(when("k", "is_not", "x"), {})
    assert not condition_met(when("k", "answered"), {"k": []})
    assert condition_met({"field": "", "operator": "equals", "values": ""}, {})


def test_client_side_rule_is_rendered_as_data_attributes(client, home):
    page = make_form_page(
        home,
        step(
            "only",
            field("yes_no", "kids"),
            field("number", "count", condition=when("kids", "equals", "yes")),
        ),
        slug="js",
    )
    body = client.get(page.url).content.decode()
    assert (
        'data-condition-field="kids" data-condition-operator="equals" '
        'data-condition-values="yes" hidden' in body
    )
    assert "<script>" not in body.split("<main")[1].split("</main>")[0]
