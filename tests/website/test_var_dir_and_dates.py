"""A fresh clone needs no `make run` before `manage.py migrate`: loading the settings creates
VAR_DIR. Dates follow the language of the page."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from django.utils import formats, translation

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def test_loading_the_settings_creates_var_dir(tmp_path):
    var_dir = tmp_path / "fresh" / "var"
    env = {**os.environ, "VAR_DIR": str(var_dir)}
    subprocess.run(
        [sys.executable, "-c", "import website.settings.dev"], cwd=BASE_DIR, env=env, check=True
    )
    assert var_dir.is_dir()


@pytest.mark.parametrize(
    ("language", "expected"), [("de", "31. August 2013"), ("en", "31 August 2013")]
)
def test_dates_follow_the_language(language, expected):
    with translation.override(language):
        assert formats.date_format(date(2013, 8, 31)) == expected
        assert formats.date_format(date(2013, 8, 31), "DATE_FORMAT") == expected
