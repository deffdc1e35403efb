"""What an uploaded file is, by its content, and how a stored one is handed out.

A file's name is whatever the sender typed: a PNG renamed ``.pdf`` or a program renamed ``.png``
passes an extension check. ``filetype`` (installed with Wagtail) reads the first bytes and knows the
signatures of common types; a file whose name claims one of those types must carry its signature,
and a file whose content is recognised must be named for what it is. Types without a signature
(plain text, CSV) are judged by their name, as before.
"""

import mimetypes
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.forms import FileInput
from django.http import FileResponse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext

import filetype

# Several names for one type; the key is the name filetype reports.
ALIASES = {"jpg": {"jpeg", "jpe", "jfif"}, "tif": {"tiff"}, "mpg": {"mpeg"}, "heic": {"heif"}}
# Office and e-book formats are zip files; filetype may see only the zip around them.
ZIP_CONTAINERS = {"docx", "xlsx", "pptx", "odt", "ods", "odp", "epub"}
# Types a browser could run or render as a page: always handed out as plain bytes.
SAFE_CONTENT_TYPES = {
    "application/pdf",
    "text/plain",
    "text/csv",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/heic",
    "image/tiff",
    "application/zip",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}


def canonical(extension: str) -> str:
    extension = extension.lower().lstrip(".")
    return next((name for name, others in ALIASES.items() if extension in others), extension)


def with_aliases(extensions: list[str]) -> list[str]:
    """The extensions and every other name of the same types (``jpg`` brings ``jpeg``)."""
    names = set()
    for extension in extensions:
        name = canonical(extension)
        names |= {extension.lower(), name, *ALIASES.get(name, ())}
    return sorted(names)


def has_signature(extension: str) -> bool:
    return any(kind.extension == extension for kind in filetype.types)


def detected_extension(upload) -> str | None:
    """The type filetype recognises in the upload's first bytes (the file is left unmoved)."""
    kind = filetype.guess(upload)
    return canonical(kind.extension) if kind else None


def content_matches(upload, extension: str) -> bool:
    claimed = canonical(extension)
    found = detected_extension(upload)
    if found is None:
        return not has_signature(claimed)
    return found == claimed or (found == "zip" and claimed in ZIP_CONTAINERS)


@deconstructible
class FileContentValidator:
    """Refuse an upload whose content is not of the type its name says."""

    def __call__(self, upload) -> None:
        extension = PurePath(upload.name or "").suffix.lstrip(".")
        if not extension or content_matches(upload, extension):
            return
        found = detected_extension(upload)
        if found:
            message = gettext(
                "The content of this file is not of the type “%(extension)s” its name says; it "
                "looks like a “%(found)s” file. Please upload the original file under its own name."
            )
        else:
            message = gettext(
                "The content of this file is not of the type “%(extension)s” its name says. "
                "Please upload the original file under its own name."
            )
        raise ValidationError(
            message % {"extension": extension.lower(), "found": found}, code="content_mismatch"
        )

    def __eq__(self, other) -> bool:
        return isinstance(other, FileContentValidator)


def upload_validators(extensions: list[str]) -> list:
    """Name and content checks of a file field that accepts ``extensions``."""
    return [FileExtensionValidator(with_aliases(extensions)), FileContentValidator()]


def download_response(file, filename: str) -> FileResponse:
    """A stored upload as a download: never inline, and never of a type a browser would run.

    SVG, HTML, XML and unknown types go out as ``application/octet-stream``.
    """
    guessed, _encoding = mimetypes.guess_type(filename)
    content_type = guessed if guessed in SAFE_CONTENT_TYPES else "application/octet-stream"
    response = FileResponse(file, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


class KeptFileInput(FileInput):
    """A file input that says which file the step already holds and offers to replace or remove it.

    The wizard keeps an upload between requests (Back, a draft) where the browser cannot: a file
    input always comes back empty. ``kept`` (``{"name", "size"}``, set by the form before it is
    shown) names the kept file; choosing another file replaces it once that file is accepted, and
    the remove button (a submit button the wizard answers, so it works without JavaScript) drops it.
    """

    template_name = "forms_app/widgets/kept_file.html"
    remove_button_name = "wizard_remove_file"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.kept: dict | None = None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["kept"] = self.kept
        widget["remove_button_name"] = self.remove_button_name
        if self.kept and widget["attrs"].get("id"):
            own = f"{widget['attrs']['id']}_kept"
            described = widget["attrs"].get("aria-describedby", "")
            widget["attrs"]["aria-describedby"] = f"{own} {described}".strip()
            widget["attrs"].pop("required", None)
            widget["attrs"].pop("aria-required", None)
        return context
