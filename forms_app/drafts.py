"""Saving an unfinished wizard and coming back to it from "My drafts"."""

import copy

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import FormDraft
from .storage import wizard_upload_storage
from .wizard import session_key


def answered_keys(step_data: dict) -> list[str]:
    """Field keys with a value in raw step data (``<step>-<key>[-row-column]``)."""
    keys = set()
    for step, data in step_data.items():
        for name, values in (data or {}).items():
            if not name.startswith(f"{step}-") or not any(str(v).strip() for v in values):
                continue
            key = name[len(step) + 1 :].split("-")[0]
            if key and not name.endswith("-rows"):
                keys.add(key)
    return sorted(keys)


def without_nul(data):
    """Raw answers without NUL characters: no field accepts them, and PostgreSQL cannot store
    them in JSON (a draft holding one failed with a server error)."""
    if isinstance(data, str):
        return data.replace("\x00", "")
    if isinstance(data, list):
        return [without_nul(item) for item in data]
    if isinstance(data, dict):
        return {key: without_nul(value) for key, value in data.items()}
    return data


def save_draft(wizard) -> HttpResponseRedirect:
    request, page = wizard.request, wizard.page
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    wizard.keep_raw()
    state = without_nul(wizard.storage.data)
    label = without_nul(request.POST.get("draft_label", "")).strip()[:255]
    label = label or _("Draft of %(when)s") % {
        "when": formats.date_format(timezone.localtime(), "SHORT_DATETIME_FORMAT")
    }
    data = {"wizard": state, "keys": answered_keys(state.get("step_data", {}))}
    draft_id = state.get("extra_data", {}).get("draft_id")
    draft = FormDraft.objects.unexpired().of(request.user, page).filter(pk=draft_id).first()
    if draft:
        before = set(draft.uploads())
        draft.label, draft.data = label, data
        draft.save()
        release_replaced_uploads(wizard, before - set(draft.uploads()))
    else:
        draft = FormDraft.objects.create(user=request.user, page=page, label=label, data=data)
    wizard.storage.init_data()  # the draft owns the uploads now: clear, don't delete them
    messages.success(request, _("The draft “%(label)s” was saved.") % {"label": label})
    return HttpResponseRedirect(page.url + "drafts/")


def release_replaced_uploads(wizard, names: set[str]) -> None:
    """Files the draft held before this save and no longer does (removed or replaced while it
    was resumed) go, unless another of the person's drafts holds them."""
    names -= wizard.held_by_drafts()
    if names:
        transaction.on_commit(lambda: [wizard_upload_storage.delete(name) for name in names])


def draft_list(page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    drafts = FormDraft.objects.unexpired().of(request.user, page)
    return page.render(
        request, template="forms_app/draft_list.html", context_overrides={"drafts": drafts}
    )


def get_draft(page, request, draft_id: int) -> FormDraft:
    if not request.user.is_authenticated:
        raise Http404
    return get_object_or_404(FormDraft.objects.unexpired().of(request.user, page), pk=draft_id)


def resume_draft(page, request, draft_id: int):
    """Load a draft into the wizard. A POST, as it replaces the wizard under way."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    draft = get_draft(page, request, draft_id)
    if request.method != "POST":
        return HttpResponseRedirect(page.url + "drafts/")
    state = copy.deepcopy(draft.data.get("wizard", {}))
    state.setdefault("extra_data", {})["draft_id"] = draft.pk
    specs = page.form_specs()
    current_keys = {item.key for spec in specs for item in spec.inputs}
    step_keys = [spec.key for spec in specs]
    if state.get("step") not in [*step_keys, "review"]:
        state["step"] = step_keys[0] if step_keys else None
    request.session[session_key(page)] = state
    removed = [key for key in draft.data.get("keys", []) if key not in current_keys]
    if removed:
        messages.warning(
            request,
            _(
                "The form was changed since this draft was saved: the field(s) %(keys)s no longer "
                "exist, so those answers were dropped. All other answers were kept."
            )
            % {"keys": ", ".join(removed)},
        )
    return HttpResponseRedirect(page.url + "?resume=1")


def delete_draft(page, request, draft_id: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    draft = get_draft(page, request, draft_id)
    draft.delete()
    messages.success(request, _("The draft “%(label)s” was deleted.") % {"label": draft.label})
    return HttpResponseRedirect(page.url + "drafts/")
