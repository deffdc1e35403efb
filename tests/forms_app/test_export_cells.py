"""The export's shortcuts for the usual cells give what the general path gives, cell for cell."""

import datetime
from decimal import Decimal

import pytest

from forms_app.columns import form_columns
from forms_app.export import AnswerFormatter, CsvDialect, answer_reader, typed_answer
from forms_app.registry import plain_display
from forms_app.xlsx import cell_xml, column_letters, row_xml
from tests.forms_app.factories import field, make_form_page, step

CELLS = [
    None,
    "",
    "Müller",
    "'=1+1",
    " leading space",
    "trailing space ",
    "line\nbreak",
    "control\x01character",
    "<&>",
    0,
    7,
    -3,
    2.5,
    1e-07,
    Decimal("12.50"),
    Decimal("NaN"),
    True,
    False,
    datetime.date(2024, 5, 1),
    datetime.date(999, 1, 2),
    datetime.date(5, 3, 4),
    datetime.datetime(2024, 5, 1, 13, 7, 59),
    datetime.datetime(999, 12, 31, 23, 59),
    datetime.datetime(2024, 5, 1, 13, 7, tzinfo=datetime.UTC),
]


@pytest.mark.parametrize("excel", [True, False])
def test_csv_texts_are_the_general_text_of_each_cell(excel):
    dialect = CsvDialect(excel=excel)
    assert dialect.texts(CELLS) == [dialect.text(cell) for cell in CELLS]
    day, moment = datetime.date(2024, 5, 1), datetime.datetime(2024, 5, 1, 13, 7)
    if excel:
        assert dialect.texts([day, moment, Decimal("1.5")]) == [
            "01.05.2024",
            "01.05.2024 13:07",
            "1,5",
        ]
    else:
        assert dialect.texts([day, moment, Decimal("1.5")]) == [
            "2024-05-01",
            "2024-05-01 13:07",
            "1.5",
        ]


def test_xlsx_row_is_the_cells_of_cell_xml():
    letters = [column_letters(index) for index in range(len(CELLS))]
    cells = "".join(
        cell_xml(f"{letter}7", value) for letter, value in zip(letters, CELLS, strict=True)
    )
    assert row_xml(7, CELLS, letters) == f'<row r="7">{cells}</row>'


STORED = [None, "", [], {}, "7", "7,5", " 4 ", "abc", "2020-01-01", "20200101", "2020-13-01"]
STORED += [0, 3, 2.5, True, False, ["a", "b"], ["a", 3], "=SUM(A1)", "-5"]


@pytest.mark.django_db
def test_column_readers_give_what_typed_answer_gives(home):
    choices = [{"value": "a", "label": "=Eins"}, {"value": "b", "label": "Zwei"}]
    page = make_form_page(
        home,
        step(
            "s",
            field("short_text", "name", "Name"),
            field("number", "age", "Alter"),
            field("date", "arrived", "Eingereist am"),
            field("yes_no", "kids", "Kinder?"),
            field("multiple_choice", "languages", "Sprachen", choices=choices),
            field("file", "upload", "Datei"),
        ),
    )
    yes_no = (plain_display(True), plain_display(False))
    for column in form_columns(page):
        formatter = AnswerFormatter(column)
        read = answer_reader(column, formatter, yes_no)
        for stored in STORED:
            expected = typed_answer(column, formatter, stored)
            assert read(stored) == expected and type(read(stored)) is type(expected), (
                column.key,
                stored,
            )
