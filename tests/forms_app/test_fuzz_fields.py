"""Fuzzing every field type of the form engine through the wizard, as the public and as staff.

The form holds one field of every type in the registry (a repeatable group holds one column of
every groupable type), so a type a domain app registers is fuzzed without a change here. Each
example sends one step of hostile answers (any text, NUL, huge numbers, impossible dates, lists
where one value belongs, random uploads under random names) and checks the wizard against the
step's own form, validated apart: a step that fails shows its errors (200) and saves nothing; a
step that passes reaches the review, and submitting it saves exactly the answers validated; a
draft (staff) is saved whatever the answers. Never a server error.
"""

import itertools

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http.multipartparser import MultiPartParser
from django.utils.datastructures import MultiValueDict

from wagtail import blocks

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from forms_app.forms import build_form_class
from forms_app.group import GroupField
from forms_app.models import FormDraft, FormSubmission
from forms_app.registry import field_types
from forms_app.wizard import wizard_prefix
from tests.factories import UserFactory
from tests.forms_app.factories import make_form_page, step
from tests.fuzzing import (
    Tally,
    assert_no_server_error,
    file_contents,
    file_names,
    fuzz_settings,
    hostile_text,
    query_values,
)
from tests.partners.factories import PartnerFactory
from website.roles import CASE_MANAGERS

pytestmark = [pytest.mark.django_db, pytest.mark.proof]

STEP = "alles"
EXAMPLES = 20  # per persona


def sample_value(block: blocks.Block, name: str, numbers: itertools.count):
    """A plain (definition-file) value for ``block`` with every required child filled in."""
    if isinstance(block, blocks.StructBlock):
        return {n: sample_value(child, n, numbers) for n, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        count = max(block.meta.min_num or 0, 3)
        return [sample_value(block.child_block, name, numbers) for _ in range(count)]
    if isinstance(block, blocks.StreamBlock):
        return []
    default = block.get_default()
    if default not in (None, "") or not block.required:
        return block.get_prep_value(default)
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return f"{name} {next(numbers)}"
    if isinstance(block, blocks.IntegerBlock | blocks.DecimalBlock):
        return 1
    if isinstance(block, blocks.DateBlock):
        return "2020-01-01"
    if isinstance(block, blocks.ChoiceBlock):
        return next(value for value, _label in block.field.choices if value)
    raise AssertionError(f"Say here how to fill the required {type(block).__name__} “{name}”.")


def field_definition(type_name: str, prefix: str, numbers: itertools.count) -> dict:
    field_type = field_types()[type_name]
    value = sample_value(field_type.block, type_name, numbers)
    if "key" in value:
        value.update(key=f"{prefix}_{type_name}", label=f"{type_name} ({prefix})")
    if "required" in value:
        value["required"] = False  # a step passes when every field does; optional makes it likelier
    if "extensions" in value:
        value["extensions"] = "pdf, png, txt"  # with a signature (pdf, png) and without (txt)
    if field_type.is_group:
        value["fields"] = [
            field_definition(name, "col", numbers)
            for name, other in field_types().items()
            if other.groupable and not other.is_group
        ]
    return {"type": type_name, **value}


@pytest.fixture
def every_field_form(home):
    PartnerFactory(publish=True, name="Gesa gGmbH", slug="gesa")  # the partner field's one option
    numbers = itertools.count(1)
    fields = [field_definition(name, "f", numbers) for name in field_types()]
    return make_form_page(home, step(STEP, *fields), title="Alle Feldtypen", slug="alle-feldtypen")


def one_value(form_field: forms.Field) -> st.SearchStrategy[str]:
    """A value this kind of field takes, or one near it."""
    if isinstance(form_field, forms.ModelChoiceField):
        to_field = form_field.to_field_name or "pk"
        return st.sampled_from([str(getattr(o, to_field)) for o in form_field.queryset] or [""])
    if isinstance(form_field, forms.ChoiceField):
        return st.sampled_from([str(value) for value, _label in form_field.choices] or [""])
    if isinstance(form_field, forms.DecimalField):
        return st.one_of(
            st.decimals(allow_nan=True, allow_infinity=True).map(str),
            st.integers().map(str),
            st.floats().map(repr),
        )
    if isinstance(form_field, forms.DateField):
        return st.dates().flatmap(
            lambda day: st.sampled_from(
                [day.isoformat(), f"{day.day:02}.{day.month:02}.{day.year}"]
            )
        )
    if isinstance(form_field, forms.EmailField):
        return st.emails()
    if isinstance(form_field, forms.BooleanField):
        return st.sampled_from(["on", "", "false", "0", "yes"])
    return hostile_text()


def values(form_field: forms.Field) -> st.SearchStrategy[list[str]]:
    fitting = one_value(form_field)
    return st.one_of(
        fitting.map(lambda v: [v]), st.lists(st.one_of(fitting, hostile_text()), max_size=4)
    )


def post_for(form_field: forms.Field, name: str):
    """(data, files) that a browser, or anyone, could send for this field."""
    if isinstance(form_field, GroupField):
        rows = st.one_of(st.integers(-3, 25).map(str), hostile_text()).map(lambda r: [r])
        cells = [
            post_for(sub_field, f"{name}-{row}-{key}")
            for row in range(3)
            for key, sub_field in form_field.widget.sub_fields()
        ]
        return st.tuples(rows, *cells).map(
            lambda parts: (
                {f"{name}-rows": parts[0], **{k: v for d, _f in parts[1:] for k, v in d.items()}},
                {},
            )
        )
    if isinstance(form_field, forms.FileField):
        upload = st.tuples(file_names(), file_contents())
        return st.tuples(query_values(), st.lists(upload, max_size=2)).map(
            lambda parts: (
                {name: parts[0]} if parts[0] else {},
                {name: parts[1]} if parts[1] else {},
            )
        )
    return values(form_field).map(lambda answers: ({name: answers} if answers else {}, {}))


def uploads(files: dict[str, list[tuple[str, bytes]]]) -> dict[str, list[SimpleUploadedFile]]:
    return {
        name: [SimpleUploadedFile(file_name, content) for file_name, content in sent]
        for name, sent in files.items()
    }


def as_received(files: dict[str, list[tuple[str, bytes]]]) -> dict:
    """The uploads as Django's parser hands them to the view (names cleaned, empty ones gone)."""
    received = {}
    for name, sent in files.items():
        kept = []
        for file_name, content in sent:
            clean = MultiPartParser.sanitize_file_name(None, file_name)
            if clean:
                kept.append(SimpleUploadedFile(clean, content))
        if kept:
            received[name] = kept
    return received


def expected_answers(form) -> dict:
    answers = dict(form.answers)
    for item in form.spec.inputs:
        upload = form.cleaned_data.get(item.key) if item.field_type.is_file else None
        if upload:
            answers[item.key] = {"name": upload.name, "size": upload.size}
    return answers


@pytest.mark.parametrize("persona", ["public", "staff"])
def test_every_field_type_answers_any_input_without_a_server_error(
    client, every_field_form, persona, settings, record_property
):
    settings.FORMS_RATE_LIMIT = (10**6, 600)
    page = every_field_form
    if persona == "staff":
        client.force_login(UserFactory(role=CASE_MANAGERS))
    spec = next(spec for spec in page.form_specs() if spec.key == STEP)
    form_class = build_form_class(spec)
    names = {key: f"{STEP}-{key}" for key in form_class.base_fields}
    answer = st.fixed_dictionaries(
        {
            key: post_for(form_field, names[key])
            for key, form_field in form_class.base_fields.items()
        }
    )
    draft = st.booleans() if persona == "staff" else st.just(False)
    tally = Tally("form field types")
    outcomes = {"refused": 0, "saved": 0, "drafts": 0}

    nothing = {key: ({}, {}) for key in form_class.base_fields}  # saved: every field is optional

    @fuzz_settings(EXAMPLES)
    @example(answer=nothing, save_draft=False, label="")
    @given(answer=answer, save_draft=draft, label=hostile_text())
    def send(answer, save_draft, label):
        data = {k: v for field_data, _files in answer.values() for k, v in field_data.items()}
        files = {k: v for _data, field_files in answer.values() for k, v in field_files.items()}
        tally.sent(*field_types())
        assert_no_server_error(client.get(page.url), "start")
        submissions, drafts = FormSubmission.objects.count(), FormDraft.objects.count()
        posted = {f"{wizard_prefix(page)}-current_step": [STEP], **data}
        if save_draft:
            posted.update(wizard_save_draft=["1"], draft_label=[label])
        response = client.post(page.url, {**posted, **uploads(files)})
        assert_no_server_error(response, data)
        if save_draft:
            assert response.status_code == 302, response.status_code
            assert FormDraft.objects.count() == drafts + 1
            outcomes["drafts"] += 1
            return
        form = form_class(
            data=MultiValueDict(data),
            files=MultiValueDict(as_received(files)),
            prefix=STEP,
            prior_answers={},
        )
        assert response.status_code == 200
        if not form.is_valid():
            assert response.context["form"].errors, form.errors
            assert response.context["error_summary"]
            assert FormSubmission.objects.count() == submissions
            outcomes["refused"] += 1
            return
        assert response.context["is_review"], response.context["form"].errors
        token = client.session[f"wizard_{wizard_prefix(page)}"]["extra_data"]["token"]
        done = client.post(
            page.url, {f"{wizard_prefix(page)}-current_step": "review", "review-token": token}
        )
        assert_no_server_error(done, "submit")
        assert done.status_code == 302
        assert FormSubmission.objects.count() == submissions + 1
        saved = FormSubmission.objects.latest("pk")
        assert saved.answers == expected_answers(form)
        outcomes["saved"] += 1

    send()
    assert outcomes["refused"] and outcomes["saved"], outcomes  # both ways were taken
    shown = ", ".join(f"{count} {outcome}" for outcome, count in outcomes.items() if count)
    tally.area = f"{len(field_types())} form field types, {persona} wizard: {shown}"
    tally.report(record_property)


def test_the_fuzzed_form_holds_every_registered_type(every_field_form):
    """The guard of the test above: no type is left out, and the group has its columns."""
    spec = every_field_form.form_specs()[0]
    assert {item.type_name for item in spec.items} == set(field_types())
    group = next(item for item in spec.items if item.field_type.is_group)
    assert len(group.value["fields"]) == sum(
        1 for t in field_types().values() if t.groupable and not t.is_group
    )


def test_a_file_name_too_long_for_the_disk_is_refused_with_a_message(client, every_field_form):
    """Found fuzzing uploads: the wizard keeps a file under its own name, which a file system
    refuses beyond 255 bytes (a server error); the field now asks for a shorter name."""
    from django.core.files.base import ContentFile

    from forms_app.storage import wizard_upload_storage

    name = "n" * 300 + ".pdf"
    with pytest.raises(OSError):
        wizard_upload_storage.save(name, ContentFile(b"%PDF-1.4\n"))
    page = every_field_form
    client.get(page.url)
    response = client.post(
        page.url,
        {
            f"{wizard_prefix(page)}-current_step": STEP,
            f"{STEP}-f_file": SimpleUploadedFile(name, b"%PDF-1.4\n"),
        },
    )
    assert response.status_code == 200
    assert "Der Dateiname ist zu lang" in response.content.decode()
    assert not FormSubmission.objects.exists()
