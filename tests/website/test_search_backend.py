"""The site's SQLite search index writes the entries the stock one writes, in one walk."""

from django.db import connection

from wagtail.search.backends import get_search_backend

import pytest

from partners.models import PartnerOrganisation
from tests.partners.factories import PartnerFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite index only"),
]


def entries() -> list[tuple]:
    from modelsearch.backends.database.sqlite.sqlite import IndexEntry

    return sorted(
        IndexEntry.objects.values_list(
            "content_type_id", "object_id", "title", "autocomplete", "body", "title_norm"
        )
    )


def test_one_pass_indexer_equals_the_stock_indexer():
    from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer

    from website.search_backend import quoted_sqlite_backend_class

    _stock, _quoted, one_pass = quoted_sqlite_backend_class()
    backend = get_search_backend()
    partner = PartnerFactory(
        name="Gesa gGmbH", short_name="Gesa", description="Beratung", network_role="Träger"
    )
    stock, ours = ObjectIndexer(partner, backend), one_pass(partner, backend)
    for part in ("id", "title", "body", "autocomplete"):
        assert getattr(ours, part) == getattr(stock, part), part
    assert "Gesa gGmbH" in ours.body and "Gesa" in ours.autocomplete


def test_add_bulk_writes_and_updates_what_the_stock_index_does():
    from modelsearch.backends.database.sqlite.sqlite import SQLiteIndex

    backend = get_search_backend()
    assert type(backend.get_index_for_model(PartnerOrganisation)) is not SQLiteIndex
    partners = [PartnerFactory(name=f"Träger {n}", description=f"Angebot {n}") for n in range(3)]
    SQLiteIndex(backend).add_items(PartnerOrganisation, partners)
    stock = entries()
    backend.get_index_for_model(PartnerOrganisation).reset()
    backend.add_bulk(PartnerOrganisation, partners)
    assert entries() == stock
    partners[0].description = "Neu"
    SQLiteIndex(backend).add_items(PartnerOrganisation, partners[:1])
    stock = entries()
    partners[0].description = "Alt"
    backend.add_bulk(PartnerOrganisation, partners[:1])
    partners[0].description = "Neu"
    backend.add_bulk(PartnerOrganisation, partners[:1])
    assert entries() == stock


def test_plain_fields_read_the_attribute_the_stock_get_value_reads():
    """The fast path of the one-pass indexer is taken only where the stock ``get_value`` is a
    ``getattr``; it gives the stock's text for partners and pages, with empty and missing
    values too."""
    from wagtail.models import Page

    from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer

    from website.search_backend import plain_fields, quoted_sqlite_backend_class

    _stock, _quoted, one_pass = quoted_sqlite_backend_class()
    backend = get_search_backend()
    plan = {
        field.field_name: attname
        for field, attname in plain_fields(
            PartnerOrganisation, tuple(PartnerOrganisation.get_search_fields())
        )
    }
    assert plan["name"] == "name" and plan["description"] == "description"
    assert "active" not in plan  # a filter field: no text
    objects = [
        PartnerFactory(name="Träger", short_name="", description="", network_role=""),
        *(page.specific for page in Page.objects.all()),
    ]
    for obj in objects:
        stock, ours = ObjectIndexer(obj, backend), one_pass(obj, backend)
        for part in ("title", "body", "autocomplete"):
            assert getattr(ours, part) == getattr(stock, part), (obj, part)
