"""The media library's private collection "Intern": only logged-in staff download its documents.

Issue 8: every document downloaded anonymously by its URL. New documents go here unless put in
another collection (``website.media``). The collection is a child of the root, written with
treebeard's materialised path by hand because historical models have no tree methods.
"""

from django.db import migrations

NAME = "Intern"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's MP_Node default, 4 per level
STEP = 4


def _step(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEP, "0")


def _number(step: str) -> int:
    return int(step, len(ALPHABET))


def create_private_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")

    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    collection = Collection.objects.filter(depth=2, name=NAME).first()
    if collection is None:
        children = Collection.objects.filter(depth=2, path__startswith=root.path)
        last = children.order_by("-path").values_list("path", flat=True).first()
        next_number = _number(last[-STEP:]) + 1 if last else 1
        collection = Collection.objects.create(
            name=NAME, path=root.path + _step(next_number), depth=2, numchild=0
        )
        root.numchild = children.count()
        root.save(update_fields=["numchild"])
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0003_roles_and_locales"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_private_collection, migrations.RunPython.noop)]
