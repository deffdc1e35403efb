"""Admin screens Wagtail has no generic view for: the forms overview, a submission's page, its
edit with a reason and history, private files, and a form definition's export and import.
The submissions listing, its export and deletion are in ``viewsets``."""

from collections import OrderedDict

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from .audit import log_submission, submission_log
from .columns import AnswerColumn, form_columns
from .conditions import condition_met
from .definition import DefinitionError, export_definition, import_definition
from .export import display_answer, form_versions
from .forms import build_form_class
from .models import FormSubmission, SubmissionChange, SubmissionFile, WizardFormPage
from .uploads import download_response

VIEW = "forms_app.view_formsubmission"
ADD = "forms_app.add_formsubmission"
CHANGE = "forms_app.change_formsubmission"
DELETE = "forms_app.delete_formsubmission"
AUDIT_ENTRIES_SHOWN = 50


class ChangeReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for the change"),
        help_text=gettext_lazy(
            "Kept in the change history, e.g. “Spelling of the name corrected”."
        ),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def require_submissions_access(request) -> None:
    """Holders of "view" see every submission; those who may only submit see their own."""
    if not (request.user.has_perm(VIEW) or request.user.has_perm(ADD)):
        raise PermissionDenied


def form_index(request):
    """One row per form: its language versions share one list, named after the source form."""
    require_submissions_access(request)
    counted = Q(submissions__in=FormSubmission.objects.visible_to(request.user))
    pages = WizardFormPage.objects.annotate(
        submission_count=Count("submissions", filter=counted)
    ).select_related("locale")
    forms_by_key: dict = {}
    for page in pages:
        forms_by_key.setdefault(page.translation_key, []).append(page)
    rows = []
    for versions in forms_by_key.values():
        source = versions[0].source_form()
        source.submission_count = sum(version.submission_count for version in versions)
        source.languages = sorted(version.locale.language_code for version in versions)
        rows.append(source)
    return TemplateResponse(
        request,
        "forms_app/admin/index.html",
        {
            "page_title": _("Form submissions"),
            "header_icon": "form",
            "pages": sorted(rows, key=lambda page: page.title.casefold()),
            "may_import": bool(import_parents(request.user)),
        },
    )


def get_form_page(page_id: int) -> WizardFormPage:
    """The source language version of the form ``page_id`` is a version of."""
    return get_object_or_404(WizardFormPage, pk=page_id).source_form()


def get_submission(request, page_id: int, submission_id: int) -> FormSubmission:
    """A submission to any language version of the form ``page_id``."""
    page = get_object_or_404(WizardFormPage, pk=page_id)
    return get_object_or_404(
        FormSubmission.objects.visible_to(request.user)
        .for_page(page)
        .select_related("page", "submitted_by"),
        pk=submission_id,
    )


def submission_detail(request, page_id: int, submission_id: int):
    require_submissions_access(request)
    submission = get_submission(request, page_id, submission_id)
    columns = form_columns(submission.page.source_form())
    labels = {column.key: column.heading for column in columns}
    items = {column.key: column.item for column in columns}
    files = {f.key: f for f in submission.files.all()}
    # Answers under a key the form never published (e.g. imported data) are shown too.
    listed = [
        *columns,
        *(AnswerColumn(key, key) for key in sorted(set(submission.answers) - set(labels))),
    ]
    answers = [
        {
            "label": column.heading,
            "key": column.key,
            "value": display_answer(column.item, submission.answers.get(column.key)),
            "file": files.get(column.key),
        }
        for column in listed
        if column.key in submission.answers or column.key in files
    ]
    changes = [
        {
            "change": change,
            "fields": [
                {
                    "label": labels.get(key, key),
                    "old": display_answer(items.get(key), values.get("old")),
                    "new": display_answer(items.get(key), values.get("new")),
                }
                for key, values in change.changes.items()
            ],
        }
        for change in submission.changes.select_related("changed_by")
    ]
    log_submission(submission, "forms_app.submission.view", request=request, screen="detail")
    return TemplateResponse(
        request,
        "forms_app/admin/submission_detail.html",
        {
            "page_title": str(submission),
            "header_icon": "form",
            "submission": submission,
            "version": form_versions(submission.page).get(submission.revision_id),
            "answers": answers,
            "changes": changes,
            "audit_entries": submission_log(submission)[:AUDIT_ENTRIES_SHOWN],
            "can_edit": request.user.has_perm(CHANGE),
            "can_delete": request.user.has_perm(DELETE),
        },
    )


def initial_for(item, stored):
    if item.type_name == "yes_no" and isinstance(stored, bool):
        return "yes" if stored else "no"
    return stored


def edit_forms(page, submission, data=None):
    """One generated form per step (prefix = step key), filled with the stored answers."""
    result = OrderedDict()
    for spec in page.form_specs():
        form_class = build_form_class(spec)
        for item in spec.inputs:
            if item.field_type.is_file:
                form_class.base_fields.pop(item.key, None)
        spec_inputs = [i for i in spec.inputs if not i.field_type.is_file]
        form_class.spec = type(spec)(
            spec.key,
            spec.value,
            spec.condition,
            [i for i in spec.items if not i.has_input or i in spec_inputs],
        )
        initial = {
            item.key: initial_for(item, submission.answers.get(item.key)) for item in spec_inputs
        }
        result[spec.key] = form_class(data=data, prefix=spec.key, initial=initial, honeypot=False)
    return result


def submission_edit(request, page_id: int, submission_id: int):
    require(request, CHANGE)
    submission = get_submission(request, page_id, submission_id)
    page = submission.page
    data = request.POST if request.method == "POST" else None
    step_forms = edit_forms(page, submission, data)
    reason_form = ChangeReasonForm(data, prefix="change")
    if request.method == "POST":
        answers, valid = {}, reason_form.is_valid()
        for form in step_forms.values():
            shown = condition_met(form.spec.condition, answers)
            form.prior_answers = dict(answers)
            if not shown:
                continue
            if form.is_valid():
                answers.update(form.answers)
            else:
                valid = False
        if valid:
            save_changes(
                submission,
                page,
                answers,
                request.user,
                reason_form.cleaned_data["reason"],
                request=request,
            )
            messages.success(request, _("The submission was saved."))
            return redirect("forms_app:submission", page.pk, submission.pk)
        messages.error(request, _("The submission could not be saved; please check the fields."))
    # The form shows the stored answers: opening it is a read.
    log_submission(submission, "forms_app.submission.view", request=request, screen="edit")
    return TemplateResponse(
        request,
        "forms_app/admin/submission_edit.html",
        {
            "page_title": _("Edit %(submission)s") % {"submission": submission},
            "header_icon": "form",
            "submission": submission,
            "step_forms": step_forms.values(),
            "reason_form": reason_form,
        },
    )


@transaction.atomic
def save_changes(
    submission, page, answers: dict, user, reason: str = "", request=None
) -> SubmissionChange | None:
    """Store the new answers; keys the current form no longer has (or files) stay as they were."""
    current = {
        item.key
        for spec in page.form_specs()
        for item in spec.inputs
        if not item.field_type.is_file
    }
    old = submission.answers
    new = {key: value for key, value in old.items() if key not in current}
    new.update(answers)
    changes = {
        key: {"old": old.get(key), "new": new.get(key)}
        for key in sorted(set(old) | set(new))
        if old.get(key) != new.get(key)
    }
    if not changes:
        return None
    submission.answers = new
    submission.save(update_fields=["answers"])
    log_submission(
        submission, "forms_app.submission.edit", user=user, request=request, keys=sorted(changes)
    )
    return SubmissionChange.objects.create(
        submission=submission, changed_by=user, changes=changes, reason=reason
    )


def submission_file(request, file_id: int):
    """A private upload, to whoever may see its submission (``FormSubmission.visible_to``)."""
    require_submissions_access(request)
    record = get_object_or_404(
        SubmissionFile.objects.filter(
            submission__in=FormSubmission.objects.visible_to(request.user)
        ).select_related("submission__page"),
        pk=file_id,
    )
    opened = record.file.open("rb")
    # The file's name is the sender's and may name the person: only its id and field are kept.
    log_submission(
        record.submission,
        "forms_app.submission.file",
        request=request,
        file=record.pk,
        keys=[record.key],
    )
    return download_response(opened, record.original_name)


def definition_export(request, page_id: int):
    page = get_object_or_404(WizardFormPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    response = JsonResponse(
        export_definition(page), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.form.json"'
    return response


def import_parents(user) -> list[Page]:
    """The pages ``user`` may create an imported form under (none: the import is not theirs)."""
    parents = Page.objects.type(*WizardFormPage.allowed_parent_page_models())
    return [page for page in parents if page.permissions_for_user(user).can_add_subpage()]


class ImportForm(forms.Form):
    definition = forms.FileField(label=gettext_lazy("Definition file (JSON)"))
    parent = forms.ModelChoiceField(
        queryset=Page.objects.none(), label=gettext_lazy("Create the form under")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        parents = import_parents(user)
        if not parents:
            raise PermissionDenied
        self.fields["parent"].queryset = Page.objects.filter(pk__in=[p.pk for p in parents])


def definition_import(request):
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["definition"]
        if upload.size > 1024 * 1024:
            form.add_error("definition", _("The file is too big (at most 1 MB)."))
        else:
            try:
                page = import_definition(
                    upload.read(), form.cleaned_data["parent"].specific, request.user
                )
            except DefinitionError as error:
                for message in error.errors:
                    form.add_error("definition", message)
            else:
                messages.success(
                    request,
                    _("The form “%(title)s” was imported as a draft.") % {"title": page.title},
                )
                return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "forms_app/admin/import.html",
        {"page_title": _("Import a form definition"), "header_icon": "upload", "form": form},
    )
