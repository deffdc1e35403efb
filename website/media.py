"""The media library's private collection: documents that no live public page needs.

Wagtail serves documents through its own view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``),
which applies a collection's view restrictions; the private collection, made by migration
``website 0004``, lets only logged-in staff download what is in it. What a page links for the
public goes in another collection (the root or one below it), chosen by whoever uploads or edits
the document. A new document that names no collection but the root lands in the private one,
so nothing is public by accident.
"""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from wagtail.documents import get_document_model_string
from wagtail.models import Collection

PRIVATE_COLLECTION_NAME = "Intern"  # frozen in migration website 0004; find it by this name


def private_collection() -> Collection | None:
    return Collection.objects.filter(depth=2, name=PRIVATE_COLLECTION_NAME).first()


@receiver(pre_save, sender=get_document_model_string())
def keep_new_documents_private(sender, instance, **kwargs):
    """A new document put in the root collection (the upload form's first choice) goes to the
    private collection instead; one put in any other collection stays there."""
    if not instance._state.adding or kwargs.get("raw"):
        return
    root = Collection.get_first_root_node()
    if instance.collection_id in (None, getattr(root, "pk", None)):
        private = private_collection()
        if private is not None:
            instance.collection = private
