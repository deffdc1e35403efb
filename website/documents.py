"""The media library's document form, with the form engine's check of a file's content.

Wagtail checks a document's extension only; this form also refuses a file whose content is not
of the type its name says (a PNG renamed .pdf, a program renamed .docx). Otherwise it is Wagtail's
form, configured as ``WAGTAILDOCS_DOCUMENT_FORM_BASE``: single and multiple upload both use it.
"""

from wagtail.documents.forms import BaseDocumentForm

from forms_app.uploads import FileContentValidator


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            FileContentValidator()(upload)
        return upload
