"""The bulk import writes what the row-by-row path wrote, reads a constant number of queries
however many rows a file has, and makes revisions only for partners that change."""

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, ModelLogEntry, Revision
from wagtail.search.backends import get_search_backend

import pytest

from partners import importing
from partners.bulk_import import PartnerRowChecker
from partners.bulk_write import RevisionContent
from partners.models import ContactPerson, PartnerOrganisation, Service
from partners.resources import LIST_COLUMNS, PartnerResource
from tests.partners.factories import PartnerFactory
from website.roles import PROGRAMME_ADMINISTRATORS

pytestmark = pytest.mark.django_db

FILE = (
    "slug;name;kind;active;services;cities;languages;target_groups;description;email;website\n"
    "gesa;Gesa gGmbH (neu);training_provider;ja;Qualifizierung | Jobcoaching;Wuppertal;;;"
    "Neue Beschreibung;info@gesa.example.org;https://gesa.example.org\n"
    "skf;SkF;non_profit;ja;;;;;Beschreibung auf Deutsch;skf@example.org;\n"
    "werkstatt;Werkstatt Süd gGmbH;non_profit;nein;Jobcoaching;Solingen|Remscheid;;;"
    "'=Formel bleibt Text;werkstatt@example.org;\n"
    "NEU-2;Neuer Träger;other;;;;;;;;\n"
)
# Fields that differ between any two imports by nature (keys, times, random ids).
VOLATILE = {
    "pk",
    "id",
    "translation_key",
    "latest_revision",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "locked_at",
}


@pytest.fixture
def user(make_user):
    return make_user(PROGRAMME_ADMINISTRATORS, username="importerin")


@pytest.fixture
def known_partners():
    gesa = PartnerFactory(
        slug="gesa", name="Gesa gGmbH", services=["qualification"], cities=["solingen"]
    )
    ContactPerson.objects.create(partner=gesa, name="Frau Beispiel", email="b@example.org")
    gesa.save_revision().publish()
    skf = PartnerFactory(slug="skf", name="SkF", email="skf@example.org", website="", publish=True)
    return gesa, skf


def without_volatile(data: dict) -> dict:
    return {
        key: (
            [without_volatile(item) for item in value]
            if isinstance(value, list) and value and isinstance(value[0], dict)
            else value
        )
        for key, value in data.items()
        if key not in VOLATILE and key != "partner"
    }


def snapshot() -> dict:
    """What an import leaves behind, by slug: fields, lists, revisions, log and search."""
    state = {}
    for partner in PartnerOrganisation.objects.filter(locale=Locale.get_default()):
        revisions = Revision.objects.filter(
            base_content_type=partner.get_base_content_type(), object_id=str(partner.pk)
        ).order_by("pk")
        logs = ModelLogEntry.objects.filter(object_id=str(partner.pk)).order_by("pk")
        state[partner.slug] = {
            "fields": without_volatile(partner.serializable_data()),
            "published": (
                partner.live,
                partner.has_unpublished_changes,
                partner.latest_revision_id == partner.live_revision_id == revisions.last().pk,
                partner.first_published_at is not None,
            ),
            "lists": {
                column: sorted(getattr(partner, column).values_list("slug", flat=True))
                for column in LIST_COLUMNS
            },
            "revisions": [
                (without_volatile(revision.content), revision.object_str, revision.user_id)
                for revision in revisions
            ],
            "log": [
                (entry.action, entry.label, entry.user_id, entry.content_changed) for entry in logs
            ],
            "found": partner in get_search_backend().search(partner.name, PartnerOrganisation),
        }
    return state


def import_row_by_row(parsed, user) -> None:
    """The path this replaced: django-import-export saved each row and set its lists, then the
    resource saved a revision and published it (``save_revision`` + ``publish``)."""
    resource = PartnerResource()
    for values in parsed.dataset.dict:
        slug = resource.fields["slug"].clean(values)
        partner = PartnerOrganisation.objects.filter(
            locale=Locale.get_default(), slug__iexact=slug
        ).first() or PartnerOrganisation(locale=Locale.get_default())
        original = {name: getattr(partner, name) for name in values if name not in LIST_COLUMNS}
        lists = {column: resource.fields[column].clean(values) for column in LIST_COLUMNS}
        for name in values:
            if name not in LIST_COLUMNS:
                resource.fields[name].save(partner, values)
        unchanged = partner.pk and all(
            getattr(partner, name) == value for name, value in original.items()
        )
        unchanged = unchanged and all(
            {item.pk for item in getattr(partner, column).all()} == {item.pk for item in items}
            for column, items in lists.items()
            if column in values
        )
        if unchanged:
            continue
        partner.save()
        for column, items in lists.items():
            if column in values:
                getattr(partner, column).set(items)
        partner.save_revision(user=user, log_action=True).publish(user=user)


def test_bulk_import_writes_what_the_row_by_row_path_wrote(
    known_partners, user, django_capture_on_commit_callbacks
):
    parsed = importing.parse(FILE.encode(), "csv")
    with transaction.atomic():
        with django_capture_on_commit_callbacks(execute=True):
            import_row_by_row(parsed, user)
        expected = snapshot()
        transaction.set_rollback(True)
    with django_capture_on_commit_callbacks(execute=True):
        report = importing.run_import(parsed, user, dry_run=False)
    assert [row.action for row in report.rows] == ["update", "skip", "new", "new"]
    actual = snapshot()
    assert actual.keys() == expected.keys()
    for slug, parts in expected.items():
        for part, value in parts.items():
            assert actual[slug][part] == value, (slug, part)
    werkstatt = PartnerOrganisation.objects.get(slug="werkstatt")
    assert werkstatt.description == "=Formel bleibt Text" and not werkstatt.active
    assert PartnerOrganisation.objects.get(slug="neu-2").name == "Neuer Träger"


def test_reimport_makes_no_revision_and_a_change_makes_exactly_one(known_partners, user):
    parsed = importing.parse(FILE.encode(), "csv")
    importing.run_import(parsed, user, dry_run=False)
    revisions, logs = Revision.objects.count(), ModelLogEntry.objects.count()
    report = importing.run_import(importing.parse(FILE.encode(), "csv"), user, dry_run=False)
    assert {row.action for row in report.rows} == {"skip"}
    assert (Revision.objects.count(), ModelLogEntry.objects.count()) == (revisions, logs)

    changed = FILE.replace("Neuer Träger;other", "Neuer Träger e.V.;other")
    report = importing.run_import(importing.parse(changed.encode(), "csv"), user, dry_run=False)
    assert [row.action for row in report.rows] == ["skip", "skip", "skip", "update"]
    assert Revision.objects.count() == revisions + 1
    partner = PartnerOrganisation.objects.get(slug="neu-2")
    assert partner.name == "Neuer Träger e.V." and partner.live
    assert partner.live_revision.content["name"] == "Neuer Träger e.V."


def test_a_list_change_alone_updates_the_partner(known_partners, user):
    gesa, _skf = known_partners
    report = importing.run_import(
        importing.parse(b"slug,name,cities\ngesa,Gesa gGmbH,Wuppertal\n", "csv"),
        user,
        dry_run=False,
    )
    assert [row.action for row in report.rows] == ["update"]
    assert list(gesa.cities.values_list("slug", flat=True)) == ["wuppertal"]
    assert list(gesa.services.values_list("slug", flat=True)) == ["qualification"]  # kept
    gesa.refresh_from_db()
    assert gesa.live_revision.content["cities"] == [gesa.cities.get().pk]
    assert gesa.live_revision.content["contact_persons"][0]["name"] == "Frau Beispiel"


def rows(count: int, offset: int = 0, domain: str = "example.org") -> bytes:
    lines = ["slug;name;kind;services;cities;languages;target_groups;email"]
    lines += [
        f"p-{n};Partner {n};non_profit;Qualifizierung|Jobcoaching;Wuppertal|Solingen;;;"
        f"p{n}@{domain}"
        for n in range(offset, offset + count)
    ]
    return ("\n".join(lines) + "\n").encode()


def queries(data: bytes, user, *, dry_run: bool, search_index: bool = True) -> int:
    parsed = importing.parse(data, "csv")
    with CaptureQueriesContext(connection) as captured:
        report = importing.run_import(parsed, user, dry_run=dry_run)
    assert not report.has_errors
    return sum(
        1
        for query in captured.captured_queries
        if search_index or "wagtailsearch_indexentry" not in query["sql"]
    )


def test_preview_queries_do_not_grow_with_the_rows(known_partners, user):
    assert queries(rows(10), user, dry_run=True) == queries(rows(100), user, dry_run=True)
    importing.run_import(importing.parse(rows(100), "csv"), user, dry_run=False)
    # the same with 10 and 100 known partners to update (only the file's partners are read)
    changed = rows(100, domain="example.net")
    ten = queries(rows(10, domain="example.net"), user, dry_run=True)
    assert ten == queries(changed, user, dry_run=True)


def test_confirm_queries_grow_per_batch_not_per_row(known_partners, user):
    """Bulk writes still split into batches (SQLite takes at most 999 parameters a query).
    Updates count the search index too: the site's SQLite index updates known entries in one
    statement (the stock one sent a query per entry; PostgreSQL's is counted without it)."""
    ten = queries(rows(10), user, dry_run=False)
    hundred = queries(rows(100, 1000), user, dry_run=False)
    assert hundred - ten < 20
    updates = queries(
        rows(100, 1000, domain="example.net"),
        user,
        dry_run=False,
        search_index=connection.vendor == "sqlite",
    )
    assert updates - ten < 20


def test_ten_thousand_rows_import_within_the_limits(user):
    data = rows(10_000)
    assert len(data) < importing.max_upload_bytes()
    report = importing.run_import(importing.parse(data, "csv"), user, dry_run=False)
    assert report.count("new") == 10_000 and not report.has_errors
    assert PartnerOrganisation.objects.public().count() == 10_000
    assert Revision.objects.count() == 10_000
    partner = PartnerOrganisation.objects.get(slug="p-9999")
    assert sorted(partner.cities.values_list("slug", flat=True)) == ["solingen", "wuppertal"]


def test_errors_anywhere_write_nothing_on_confirm(known_partners, user):
    data = rows(300) + b"bad;Falsch;spaceship;Astrologie;;;;keine-mail\n"
    before = Revision.objects.count()
    report = importing.run_import(importing.parse(data, "csv"), user, dry_run=False)
    assert report.count("error") == 1 and report.count("new") == 300
    errors = report.errors
    assert any(line == 302 and column == "kind" for line, column, _m in errors)
    assert (302, "services", "Unbekannt (Angebot): “Astrologie”.") in errors
    assert any(line == 302 and column == "email" for line, column, _m in errors)
    assert PartnerOrganisation.objects.count() == 2
    assert Revision.objects.count() == before


def test_a_slug_written_in_lower_case_over_another_partners_is_an_error(user):
    PartnerFactory(slug="Gesa", name="Gesa alt")
    PartnerFactory(slug="gesa", name="Gesa neu")
    report = importing.run_import(
        importing.parse(b"slug,name\nGESA,Gesa alt\n", "csv"), user, dry_run=False
    )
    assert [row.action for row in report.rows] == ["error"]
    assert [column for _line, column, _m in report.errors] == ["slug"]
    assert sorted(PartnerOrganisation.objects.values_list("slug", flat=True)) == ["Gesa", "gesa"]


def test_revision_content_is_what_serializable_data_returns(known_partners):
    gesa, _skf = known_partners
    slugs = ["job-coaching", "qualification"]
    services = Service.objects.filter(locale=gesa.locale, slug__in=slugs)
    gesa.services.set(services)
    gesa.save()
    partner = PartnerOrganisation.objects.prefetch_related("contact_persons", *LIST_COLUMNS).get(
        pk=gesa.pk
    )
    lists = {column: list(getattr(partner, column).all())[::-1] for column in LIST_COLUMNS}
    content = RevisionContent()(partner, {"contact_persons": partner.contact_persons.all()}, lists)
    assert content == partner.serializable_data()
    assert len(content["services"]) == 2 and content["contact_persons"]


def test_a_new_partner_never_gets_a_deleted_partners_id(user):
    gone = PartnerFactory(slug="weg", name="Weg")
    gone_pk = gone.pk
    gone.delete()
    importing.run_import(importing.parse(rows(2), "csv"), user, dry_run=False)
    assert min(PartnerOrganisation.objects.values_list("pk", flat=True)) > gone_pk
    assert not ModelLogEntry.objects.filter(object_id=str(gone_pk), action="wagtail.publish")


def test_a_rows_working_copy_equals_a_partner_built_by_its_constructor(known_partners, user):
    """The checker copies attribute values instead of calling ``__init__``; the copy must be the
    partner ``PartnerOrganisation(**values)`` makes, new (fresh translation key) or stored."""
    gesa, _skf = known_partners
    checker = PartnerRowChecker(PartnerResource(), user)
    original = checker.by_slug["gesa"]
    copy = checker._working_copy(original)
    built = PartnerOrganisation(
        **{f.attname: getattr(original, f.attname) for f in original._meta.fields}
    )
    assert copy.__dict__.keys() >= {f.attname for f in built._meta.fields}
    for model_field in built._meta.fields:
        assert getattr(copy, model_field.attname) == getattr(built, model_field.attname)
    assert not copy._state.adding and copy.pk == gesa.pk and copy.locale == gesa.locale
    first, second = checker._working_copy(None), checker._working_copy(None)
    fresh = PartnerOrganisation(locale_id=checker.locale.pk)
    assert first._state.adding and first.pk is None
    assert first.translation_key != second.translation_key
    for model_field in fresh._meta.fields:
        if model_field.name != "translation_key":
            assert getattr(first, model_field.attname) == getattr(fresh, model_field.attname)
    first.name = "Geändert"
    assert second.name == fresh.name


CELLS = ["", "  Gesa  ", "'=SUMME(A1)", "ja", "nein", "vielleicht", "Träger", "other", "GESA-Neu"]
LIST_CELLS = ["", "Qualifizierung | Jobcoaching", "qualification;Unbekannt", "Wuppertal"]


def outcome(call, *args, **kwargs):
    try:
        return "ok", call(*args, **kwargs)
    except ValueError as error:  # the widgets' errors, UnknownValuesError among them
        return "error", str(error)


def test_row_cleaner_and_saver_give_what_import_exports_field_gives(known_partners):
    """The checker's own path through the resource's fields equals ``Field.clean`` and
    ``Field.save`` for every column, cell by cell (values set, values left, errors)."""
    from import_export import fields

    from partners.resources import row_cleaner, row_saver

    resource = PartnerResource()
    for name, import_field in resource.fields.items():
        cells = LIST_CELLS if name in LIST_COLUMNS else CELLS
        for cell in [*cells, None]:
            row = {name: cell}
            assert outcome(row_cleaner(import_field), row) == outcome(import_field.clean, row), (
                name,
                cell,
            )
            if name in LIST_COLUMNS:
                continue
            ours, theirs = PartnerOrganisation(name="vorher"), PartnerOrganisation(name="vorher")
            assert outcome(row_saver(import_field), ours, row) == outcome(
                import_field.save, theirs, row, is_m2m=False
            ), (name, cell)
            assert getattr(ours, import_field.attribute) == getattr(
                theirs, import_field.attribute
            ), (name, cell)
    with_default = fields.Field("name", "name", default="ohne Namen", saves_null_values=False)
    for cell in ["", None, "Gesa"]:
        assert row_cleaner(with_default)({"name": cell}) == with_default.clean({"name": cell})

    class OwnField(fields.Field):
        pass

    own = OwnField("name", "name")
    assert row_cleaner(own) == own.clean  # another kind of field: the library's own method
