"""Admin screens: submissions per form (list, filter, search, open, edit with history, export),
private files, and a form definition's export and import."""

from collections import OrderedDict

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from .conditions import condition_met
from .definition import DefinitionError, export_definition, import_definition
from .export import (
    AnswerFormatter,
    as_csv,
    as_xlsx,
    columns_for,
    current_fields,
    display_answer,
    table,
)
from .forms import build_form_class
from .models import FormSubmission, SubmissionChange, SubmissionFile, WizardFormPage
from .uploads import download_response

VIEW = "forms_app.view_formsubmission"
ADD = "forms_app.add_formsubmission"
CHANGE = "forms_app.change_formsubmission"


def require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def require_submissions_access(request) -> None:
    """Holders of "view" see every submission; those who may only submit see their own."""
    if not (request.user.has_perm(VIEW) or request.user.has_perm(ADD)):
        raise PermissionDenied


class SubmissionFilterForm(forms.Form):
    q = forms.CharField(required=False, label=gettext_lazy("Search answers"))
    submitted_from = forms.DateField(
        required=False, label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    submitted_to = forms.DateField(
        required=False, label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"})
    )
    submitted_by = forms.CharField(required=False, label=gettext_lazy("Submitted by (username)"))

    def filter(self, queryset):
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        if data["submitted_from"]:
            queryset = queryset.filter(submitted_at__date__gte=data["submitted_from"])
        if data["submitted_to"]:
            queryset = queryset.filter(submitted_at__date__lte=data["submitted_to"])
        if data["submitted_by"]:
            queryset = queryset.filter(submitted_by__username__icontains=data["submitted_by"])
        return queryset.search(data["q"])


def form_index(request):
    """One row per form: its language versions share one list, named after the source form."""
    require_submissions_access(request)
    counted = Q() if request.user.has_perm(VIEW) else Q(submissions__submitted_by=request.user)
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
        },
    )


def filtered_submissions(request, page):
    filters = SubmissionFilterForm(request.GET or None)
    queryset = (
        FormSubmission.objects.visible_to(request.user)
        .for_page(page)
        .select_related("submitted_by")
    )
    return filters, (filters.filter(queryset) if request.GET else queryset)


def get_form_page(page_id: int) -> WizardFormPage:
    """The source language version of the form ``page_id`` is a version of."""
    return get_object_or_404(WizardFormPage, pk=page_id).source_form()


def submission_list(request, page_id: int):
    require_submissions_access(request)
    page = get_form_page(page_id)
    filters, submissions = filtered_submissions(request, page)
    paginator = Paginator(submissions, 50)
    page_obj = paginator.get_page(request.GET.get("p"))
    columns = columns_for(page)[:4]
    answer = AnswerFormatter(current_fields(page))
    rows = [
        {
            "submission": s,
            "cells": [answer(key, s.answers.get(key)) for key, _l in columns],
        }
        for s in page_obj
    ]
    return TemplateResponse(
        request,
        "forms_app/admin/submission_list.html",
        {
            "page_title": _("Submissions: %(title)s") % {"title": page.title},
            "header_icon": "form",
            "form_page": page,
            "filters": filters,
            "columns": [label for _key, label in columns],
            "rows": rows,
            "page_obj": page_obj,
            "query": request.GET.urlencode(),
            "can_edit": request.user.has_perm(CHANGE),
        },
    )


def export_submissions(request, page_id: int, fmt: str):
    require_submissions_access(request)
    page = get_form_page(page_id)
    _filters, submissions = filtered_submissions(request, page)
    header, rows = table(page, list(submissions))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "xlsx":
        response = HttpResponse(
            as_xlsx(header, rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(as_csv(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-{stamp}.{fmt}"'
    return response


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
    fields = current_fields(submission.page)
    files = {f.key: f for f in submission.files.all()}
    answers = [
        {
            "label": label,
            "key": key,
            "value": display_answer(fields.get(key), submission.answers.get(key)),
            "file": files.get(key),
        }
        for key, label in columns_for(submission.page)
        if key in submission.answers or key in files
    ]
    return TemplateResponse(
        request,
        "forms_app/admin/submission_detail.html",
        {
            "page_title": str(submission),
            "header_icon": "form",
            "submission": submission,
            "answers": answers,
            "changes": submission.changes.select_related("changed_by"),
            "can_edit": request.user.has_perm(CHANGE),
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
    step_forms = edit_forms(page, submission, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        answers, valid = {}, True
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
            save_changes(submission, page, answers, request.user)
            messages.success(request, _("The submission was saved."))
            return redirect("forms_app:submission", page.pk, submission.pk)
        messages.error(request, _("The submission could not be saved; please check the fields."))
    return TemplateResponse(
        request,
        "forms_app/admin/submission_edit.html",
        {
            "page_title": _("Edit %(submission)s") % {"submission": submission},
            "header_icon": "form",
            "submission": submission,
            "step_forms": step_forms.values(),
        },
    )


@transaction.atomic
def save_changes(submission, page, answers: dict, user) -> SubmissionChange | None:
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
    return SubmissionChange.objects.create(submission=submission, changed_by=user, changes=changes)


def submission_file(request, file_id: int):
    """A private upload, to the person who submitted it or holders of the view permission."""
    record = get_object_or_404(SubmissionFile.objects.select_related("submission"), pk=file_id)
    allowed = request.user.has_perm(VIEW) or (
        record.submission.submitted_by_id is not None
        and record.submission.submitted_by_id == request.user.pk
    )
    if not allowed:
        raise PermissionDenied
    return download_response(record.file.open("rb"), record.original_name)


def definition_export(request, page_id: int):
    page = get_object_or_404(WizardFormPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    response = JsonResponse(
        export_definition(page), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.form.json"'
    return response


class ImportForm(forms.Form):
    definition = forms.FileField(label=gettext_lazy("Definition file (JSON)"))
    parent = forms.ModelChoiceField(
        queryset=Page.objects.none(), label=gettext_lazy("Create the form under")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Page.objects.type(*WizardFormPage.allowed_parent_page_models())
        self.fields["parent"].queryset = parents
        self.user = user

    def clean_parent(self):
        parent = self.cleaned_data["parent"]
        if not parent.permissions_for_user(self.user).can_add_subpage():
            raise forms.ValidationError(_("You may not add pages there."))
        return parent


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
