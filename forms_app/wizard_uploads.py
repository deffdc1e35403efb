"""The files a wizard keeps between requests: shown by name, replaced once a new one is accepted,
removed on request, and never copied again on each pass through their step.

formtools stores a step's uploads in its file storage and hands them back as the step's files;
it neither deletes a file another upload of the same field replaced, nor avoids saving a kept file
anew each time the step is sent (the kept file comes back in the step's files). A file a saved
draft still holds is never deleted here: the draft owns it until it is saved again or deleted.
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from .models import FormDraft


class KeptUploadsMixin:
    """For ``PageWizardView``: ``self.storage`` is formtools' storage, ``self.page`` the page."""

    remove_button_name = "wizard_remove_file"

    def stored_files(self, step: str) -> dict[str, dict]:
        """formtools' record of a step's uploads, by input name (``<step>-<key>``)."""
        return (self.storage.data.get(self.storage.step_files_key) or {}).get(step) or {}

    def kept_uploads(self, step: str) -> dict[str, dict]:
        """Name and size of each file the step holds, by field key."""
        return {
            name.removeprefix(f"{step}-"): {"name": record["name"], "size": record["size"]}
            for name, record in self.stored_files(step).items()
        }

    def held_by_drafts(self) -> set[str]:
        user = self.request.user
        if not user.is_authenticated:
            return set()
        return {name for draft in FormDraft.objects.of(user, self.page) for name in draft.uploads()}

    def discard(self, step: str, names: list[str]) -> list[dict]:
        """Forget the step's uploads under these input names; delete their files after the
        response unless a draft holds them. Returns the records forgotten."""
        stored = self.stored_files(step)
        records = [stored.pop(name) for name in names if name in stored]
        if not records:
            return []
        held = self.held_by_drafts()
        for name in names:
            cached = self.storage._files.pop((step, name), None)  # formtools' open-file cache
            if cached is not None:
                cached.close()
        self.storage._tmp_files.extend(  # formtools deletes these once the response is rendered
            record["tmp_name"] for record in records if record["tmp_name"] not in held
        )
        return records

    def accepted_uploads(self, form) -> dict:
        """The files sent with this request for ``form``'s step that pass their field's own
        checks (type, content, size), whatever the rest of the step holds."""
        form.is_valid()
        prefix = f"{form.prefix}-"
        return {
            name: upload
            for name, upload in self.request.FILES.items()
            if name.startswith(prefix)
            and name.removeprefix(prefix) in form.fields
            and name.removeprefix(prefix) not in form.errors
        }

    def store_uploads(self, step: str, uploads: dict) -> None:
        """Keep newly accepted uploads, each replacing the file its field held."""
        if uploads:
            self.discard(step, list(uploads))
            self.storage.set_step_files(step, uploads)

    def process_step_files(self, form) -> dict:
        """Store only what this request uploaded (formtools would save the kept files again)."""
        self.store_uploads(self.steps.current, self.accepted_uploads(form))
        return {}

    def remove_upload(self, name: str):
        """The remove button of a kept file: keep what the step holds otherwise, drop the file."""
        step = self.steps.current
        self.keep_raw()
        removed = self.discard(step, [name]) if name.startswith(f"{step}-") else []
        for record in removed:
            messages.success(
                self.request, _("The file “%(name)s” was removed.") % {"name": record["name"]}
            )
        form = self.get_form(
            data=self.storage.get_step_data(step), files=self.storage.get_step_files(step)
        )
        key = name.removeprefix(f"{step}-")
        if removed and key in form.fields:
            form.fields[key].widget.attrs["autofocus"] = True  # where the person goes on
        return self.render(form)
