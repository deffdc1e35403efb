"""An office's spreadsheet: headings in German, English or technical names, close matches for
near-miss values, and the template workbook (website/spreadsheets.py and its partner use)."""

import io

from django.utils import translation

import pytest
from openpyxl import load_workbook

from partners import importing
from partners.import_template import template_file
from website.spreadsheets import Column, match_header, normalise, suggest

pytestmark = pytest.mark.django_db

TECHNICAL = ["name", "short_name", "kind", "services", "cities", "languages", "email"]


@pytest.mark.parametrize(
    "header",
    [
        "Name;Kurzname;Art;Dienstleistungen;Städte;Sprachen;E-Mail",
        "Name;Kurzname;Art;Angebote;Städte;Gesprochene Sprachen;E-Mail",
        "Name;Short name;Kind;Services;Cities served;Languages spoken;Email",
        "name;short_name;kind;services;cities;languages;email",
        "NAME ;kurzname*;ART:;SERVICES;cities;Languages;e-mail",
    ],
)
def test_headings_in_german_english_or_technical_names_find_their_columns(header):
    data = header + "\nGesa gGmbH;Gesa;Bildungsträger;Qualifizierung;Wuppertal;Deutsch;a@b.de\n"
    parsed = importing.parse(data.encode(), "csv")
    assert parsed.dataset.headers == [*TECHNICAL, "slug"]
    assert parsed.dataset.dict[0]["slug"] == "gesa-ggmbh"  # no slug column: the name's


def test_the_headings_of_both_languages_are_accepted_whatever_the_admins_language():
    data = "Kürzel (Slug);Name;Short name;Art\nx;X;Kurz;Sonstige\n".encode()
    for language in ("de", "en"):
        with translation.override(language):
            assert importing.parse(data, "csv").dataset.headers == [
                "slug",
                "name",
                "short_name",
                "kind",
            ]


def test_unknown_and_repeated_headings_are_named_with_the_allowed_ones():
    with translation.override("de"), pytest.raises(importing.ImportFileError) as refused:
        importing.parse("Name;Farbe;Städte;Cities served\nX;rot;;\n".encode(), "csv")
    text = " ".join(refused.value.messages)
    assert "Unbekannte Spalten: Farbe." in text
    assert "Kurzname (short_name)" in text  # the allowed ones, as the admin shows them
    assert "Doppelte Spalten: Städte." in text


def test_match_header_reports_missing_required_columns():
    columns = [Column("name", ("Name",), required=True), Column("town", ("Ort",))]
    match = match_header(["Ort", "", ""], columns)
    assert match.columns == ["town"] and match.missing == ["name"] and not match.ok
    assert normalise("  Short_Name * ") == "short name"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Farsi", "Persisch (Farsi)"),
        ("farsi", "Persisch (Farsi)"),
        ("Persisch", "Persisch (Farsi)"),
        ("Jobcoching", "Jobcoaching"),
        ("Qualifzierung", "Qualifizierung"),
    ],
)
def test_did_you_mean_finds_near_misses_and_words_in_parentheses(value, expected):
    choices = ["Persisch (Farsi)", "Deutsch", "Jobcoaching", "Qualifizierung", "Fallmanagement"]
    assert suggest(value, choices)[0] == expected


def test_did_you_mean_offers_nothing_for_an_unrelated_value():
    assert suggest("Astrologie", ["Persisch (Farsi)", "Deutsch", "Jobcoaching"]) == []


def test_template_has_the_admins_headings_a_sample_row_and_the_allowed_values():
    with translation.override("de"):
        workbook = load_workbook(io.BytesIO(template_file()))
    data, values = workbook.worksheets
    headings = [cell.value for cell in data[1]]
    assert headings[:4] == ["Kürzel (Slug)", "Name", "Kurzname", "Art"]
    assert "Städte" in headings and "Gesprochene Sprachen" in headings
    assert all(cell.font.bold for cell in data[1])
    sample = [cell.value for cell in data[2]]
    assert len(sample) == len(headings) and sample[1].startswith("Beispiel")
    columns = {
        column[0].value: [c.value for c in column[1:] if c.value] for column in values.columns
    }
    assert "Persisch (Farsi)" in columns["Gesprochene Sprachen"]
    assert "Wuppertal" in columns["Städte"]
    assert "Gemeinnütziger Träger" in columns["Art"]
    assert "Jobcoaching" in columns["Angebote"]


def test_template_in_english_and_its_sample_row_imports_without_errors(make_user):
    with translation.override("en"):
        content = template_file()
        workbook = load_workbook(io.BytesIO(content))
        assert [cell.value for cell in workbook.worksheets[0][1]][:3] == [
            "Slug",
            "Name",
            "Short name",
        ]
        report = importing.run_import(importing.parse(content, "xlsx"), make_user(), dry_run=True)
    assert [row.action for row in report.rows] == ["new"], report.errors
