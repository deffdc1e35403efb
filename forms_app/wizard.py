"""The wizard runtime: formtools' SessionWizardView, built from a WizardFormPage per request."""

import uuid
from collections import OrderedDict

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.http import HttpResponseRedirect
from django.utils.datastructures import MultiValueDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from formtools.wizard.views import SessionWizardView

from .actions import start_context
from .conditions import condition_met
from .forms import build_form_class
from .progress import step_progress
from .session_timing import session_timing, warning_seconds
from .storage import wizard_upload_storage
from .submit import RateLimited, already_submitted, save_submission
from .wizard_uploads import KeptUploadsMixin

REVIEW = "review"


class ReviewForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)


def wizard_prefix(page) -> str:
    """One prefix per page, so two wizards never share state."""
    return f"page_{page.pk}"


def session_key(page) -> str:
    """Where formtools' session storage keeps a page's wizard."""
    return f"wizard_{wizard_prefix(page)}"


def quiet(form: forms.Form) -> forms.Form:
    """Show a bound form's data without validating it (drafts, "Add row", going back, the next
    step's stored answers)."""
    form._errors = ErrorDict()
    form.cleaned_data = {}
    return form


class PageWizardView(KeptUploadsMixin, SessionWizardView):
    page = None
    specs: OrderedDict = None
    template_name = "forms_app/wizard_form_page.html"
    file_storage = wizard_upload_storage

    # -- state -------------------------------------------------------------------------------
    def get_prefix(self, request, *args, **kwargs) -> str:
        return wizard_prefix(self.page)

    def stored_answers(self) -> dict:
        return self.storage.extra_data.get("answers", {})

    def answers_until(self, step: str) -> dict:
        """Answers of the shown steps before ``step``, from what earlier steps stored."""
        answers, stored = {}, self.stored_answers()
        for key, spec in self.specs.items():
            if key == step:
                break
            if condition_met(spec.condition, answers):
                answers.update(stored.get(key, {}))
        return answers

    def get_form_kwargs(self, step=None) -> dict:
        if step == REVIEW:
            return {}
        prior = getattr(self, "_prior_override", None)
        return {"prior_answers": prior if prior is not None else self.answers_until(step)}

    def get_form_initial(self, step) -> dict:
        if step == REVIEW:
            return {"token": self.storage.extra_data.get("token", "")}
        return super().get_form_initial(step)

    def start(self) -> None:
        """Begin afresh. Uploads a saved draft still holds (after resuming it) stay in place."""
        self.release_uploads_held_by_drafts()
        self.storage.reset()
        self.storage.current_step = self.steps.first
        context = start_context(self.page, self.request)  # ?<param>=<id> for the form's action
        self.storage.extra_data = {"token": uuid.uuid4().hex, "answers": {}, **context}

    def release_uploads_held_by_drafts(self) -> None:
        step_files = self.storage.data.get(self.storage.step_files_key) or {}
        if not step_files:
            return
        held = self.held_by_drafts()
        for step, files in step_files.items():
            step_files[step] = {k: v for k, v in files.items() if v["tmp_name"] not in held}

    def process_step(self, form):
        if self.steps.current != REVIEW:
            extra = self.storage.extra_data
            extra.setdefault("answers", {})[self.steps.current] = form.answers
            self.storage.extra_data = extra
        return super().process_step(form)

    def get_form(self, step=None, data=None, files=None):
        """Files uploaded before stay attached when the step is sent again without them."""
        step = step or self.steps.current
        if isinstance(files, MultiValueDict) and step != REVIEW:
            merged = MultiValueDict()
            for name, upload in (self.storage.get_step_files(step) or {}).items():
                merged[name] = upload
            for name in files:
                merged.setlist(name, files.getlist(name))
            files = merged
        return super().get_form(step=step, data=data, files=files)

    def keep_raw(self) -> None:
        """Store what was posted for the current step without validating it, and its uploads
        where they pass their own field's checks (type, size), so a draft or Back loses none."""
        form = self.get_form(data=self.request.POST, files=self.request.FILES)
        self.storage.set_step_data(self.steps.current, self.get_form_step_data(form))
        self.store_uploads(self.steps.current, self.accepted_uploads(form))

    # -- requests ----------------------------------------------------------------------------
    def get(self, request, *args, **kwargs):
        if request.GET.get("resume") and self.storage.current_step in self.get_form_list():
            form = self.get_form(
                data=self.storage.current_step_data, files=self.storage.current_step_files
            )
            return self.render(form)
        self.start()
        return self.render(self.get_form())

    def post(self, *args, **kwargs):
        request = self.request
        existing = already_submitted(self.page, request.POST.get(f"{REVIEW}-token"))
        if existing:
            messages.info(request, _("This form was already submitted."))
            return HttpResponseRedirect(self.page.url + "done/")
        posted_step = request.POST.get(f"{self.prefix}-current_step")
        form_list = self.get_form_list()
        if posted_step is not None and posted_step not in form_list:
            messages.error(request, _("The form was sent incomplete or changed; please check it."))
            return self.render(quiet(self.get_form(data=self.storage.current_step_data)))
        if self.storage.current_step is None or not self.storage.extra_data.get("token"):
            if self.storage.extra_data.get("submitted"):
                return self.submitted_before()
            return self.expired(posted_step)
        if posted_step is not None and posted_step != self.storage.current_step:
            first_open = next((s for s in form_list if not self.storage.get_step_data(s)), None)
            keys = list(form_list)
            if first_open and keys.index(posted_step) > keys.index(first_open):
                messages.error(request, _("Please fill in this step first."))
                self.storage.current_step = first_open
                return self.render(self.get_form(data=None))
            self.storage.current_step = posted_step
        if request.POST.get("wizard_add_row"):
            return self.add_row(request.POST["wizard_add_row"])
        if request.POST.get(self.remove_button_name):
            return self.remove_upload(request.POST[self.remove_button_name])
        if "wizard_save_draft" in request.POST:
            from .drafts import save_draft

            return save_draft(self)
        return super().post(*args, **kwargs)

    def submitted_before(self):
        """A step of a wizard that was already submitted came back (Back, then Send)."""
        messages.info(
            self.request,
            _(
                "This form was already submitted; nothing more was saved. To send it again "
                "with other answers, fill in the form again."
            ),
        )
        return HttpResponseRedirect(self.page.url + self.page.reverse_subpage("done"))

    def expired(self, posted_step):
        """The session ended (or never began): keep this step's answers, start again."""
        self.start()
        if posted_step and posted_step in self.specs:
            form = self.get_form(step=posted_step, data=self.request.POST)
            self.storage.set_step_data(posted_step, self.get_form_step_data(form))
        messages.warning(
            self.request,
            _(
                "Your session had expired, so the earlier steps were lost. The answers of the "
                "step you just sent were kept; please fill in the other steps again."
            ),
        )
        return self.render(quiet(self.get_form(data=self.storage.current_step_data)))

    def add_row(self, key: str):
        data = self.request.POST.copy()
        rows_name = f"{self.steps.current}-{key}-rows"
        try:
            data[rows_name] = str(int(data.get(rows_name, 1)) + 1)
        except ValueError:
            data[rows_name] = "2"
        form = self.get_form(data=data)
        self.storage.set_step_data(self.steps.current, self.get_form_step_data(form))
        return self.render(quiet(form))

    def render_goto_step(self, goto_step, **kwargs):
        if self.steps.current != REVIEW:
            self.keep_raw()
        self.storage.current_step = goto_step
        form = self.get_form(
            data=self.storage.get_step_data(goto_step), files=self.storage.get_step_files(goto_step)
        )
        return self.render(form, **kwargs)

    def render_done(self, form, **kwargs):
        """Re-validate every shown step in order with the answers before it, then save once."""
        answers, final_forms = {}, OrderedDict()
        for key, spec in self.specs.items():
            if not condition_met(spec.condition, answers):
                continue
            self._prior_override = answers
            try:
                step_form = self.get_form(
                    step=key,
                    data=self.storage.get_step_data(key),
                    files=self.storage.get_step_files(key),
                )
            finally:
                self._prior_override = None
            if not step_form.is_valid():
                messages.error(self.request, _("Please check this step again."))
                return self.render_revalidation_failure(key, step_form, **kwargs)
            answers.update(step_form.answers)
            final_forms[key] = step_form
        if form.cleaned_data.get("token") != self.storage.extra_data.get("token"):
            messages.error(
                self.request, _("The form was sent incomplete or changed; please check it.")
            )
            return self.render(self.get_form(step=REVIEW))
        try:
            submission = save_submission(self, final_forms, answers)
        except ValidationError as refusal:  # the form's action refused: nothing was stored
            for message in refusal.messages:
                messages.error(self.request, message)
            return self.render(self.get_form(step=REVIEW))
        except RateLimited:
            messages.error(
                self.request,
                _("Too many submissions from your network; please try again in a few minutes."),
            )
            return self.render(self.get_form(step=REVIEW))
        self.storage.reset()
        self.storage.extra_data = {"submitted": True}  # tells a resent old step what happened
        outcome = getattr(submission, "action_outcome", None)
        if outcome and outcome.message:
            messages.success(self.request, outcome.message)
        if outcome and outcome.url:
            return HttpResponseRedirect(outcome.url)
        return HttpResponseRedirect(self.page.url + "done/")

    # -- display -----------------------------------------------------------------------------
    def render(self, form=None, **kwargs):
        """Errors show only on a step the person sent in this request.

        A form bound to stored answers (the next step after Back, a resumed draft, a step
        reached from the review) was not validated here; it is shown quiet. A sent step that
        failed keeps the files that passed their own checks, so they need not be chosen again.
        """
        form = form or self.get_form()
        if form.is_bound and form._errors is None:
            quiet(form)
        elif form.is_bound and form.data is self.request.POST and self.request.FILES:
            self.store_uploads(self.steps.current, self.accepted_uploads(form))
        return super().render(form, **kwargs)

    def get_context_data(self, form, **kwargs) -> dict:
        context = super().get_context_data(form=form, **kwargs)
        context.pop("answers", None)
        steps = [key for key in self.get_form_list() if key != REVIEW]
        current = self.steps.current
        if current != REVIEW:
            form.show_kept_files(self.kept_uploads(current))
        progress = step_progress(self, form, steps)
        context.update(
            page=self.page,
            step_spec=self.specs.get(current),
            is_review=current == REVIEW,
            step_number=progress.number,
            step_count=progress.total,
            progress=progress,
            error_summary=form.error_summary() if current != REVIEW else [],
            has_required=current != REVIEW
            and any(item.value.get("required") for item in self.specs[current].inputs),
            can_save_draft=self.request.user.is_authenticated,
            session_timing=session_timing(self.request),
            session_warning_seconds=warning_seconds(),
        )
        if current == REVIEW:
            context["review"] = self.review_rows(steps)
        return context

    def review_rows(self, steps: list[str]) -> list[dict]:
        stored = self.stored_answers()
        review = []
        for key in steps:
            spec = self.specs[key]
            answers = stored.get(key, {})
            rows = []
            for item in spec.inputs:
                if item.field_type.is_file:
                    data = self.storage.get_step_files(key) or {}
                    upload = data.get(f"{key}-{item.key}")
                    shown = upload.name if upload else "–"
                elif item.key in answers:
                    shown = item.field_type.display(answers[item.key], item.value)
                else:
                    continue
                rows.append({"label": item.label, "value": shown})
            review.append({"key": key, "title": spec.title, "rows": rows})
        return review


# Built wizards of live pages, by (page, live revision, publication time, language): the form
# classes are the same for every request until the page is published again. Bounded.
_BUILT: dict[tuple, tuple] = {}
_BUILT_MAX = 256


def wizard_parts(page, request) -> tuple[OrderedDict, list, dict]:
    """The page's step specs, one form class per step (+ review) and the step conditions."""
    cacheable = page.live and not getattr(request, "is_preview", False)
    key = (page.pk, page.live_revision_id, page.last_published_at, get_language())
    if cacheable and key in _BUILT:
        return _BUILT[key]
    specs = OrderedDict((spec.key, spec) for spec in page.form_specs())
    form_list = [(key, build_form_class(spec)) for key, spec in specs.items()]
    form_list.append((REVIEW, ReviewForm))
    condition_dict = {
        key: (
            lambda wizard, key=key: condition_met(
                wizard.specs[key].condition, wizard.answers_until(key)
            )
        )
        for key, spec in specs.items()
        if spec.condition.get("field")
    }
    parts = (specs, form_list, condition_dict)
    if cacheable:
        if len(_BUILT) >= _BUILT_MAX:
            _BUILT.clear()
        _BUILT[key] = parts
    return parts


def serve_wizard(page, request):
    """Build the page's wizard (one form class per step, conditions) and let it answer."""
    specs, form_list, condition_dict = wizard_parts(page, request)
    view = PageWizardView.as_view(
        form_list=form_list,
        condition_dict=condition_dict,
        page=page,
        specs=specs,
    )
    return view(request)
