"""SQLite as configured waits for a concurrent writer instead of answering "database is locked"."""

import threading
import time

from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper

import pytest

pytestmark = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"), reason="SQLite only"
)


@pytest.fixture(autouse=True)
def _own_connections(django_db_blocker):
    """These tests open their own file databases, not the test database."""
    with django_db_blocker.unblock():
        yield


def connect(path) -> DatabaseWrapper:
    config = {**settings.DATABASES["default"], "NAME": str(path), "TEST": {}}
    wrapper = DatabaseWrapper(config, alias=f"concurrency-{id(config)}")
    wrapper.ensure_connection()
    return wrapper


def test_file_databases_run_in_wal_mode(tmp_path):
    wrapper = connect(tmp_path / "db.sqlite3")
    with wrapper.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    wrapper.close()


def test_a_second_writer_waits_for_the_first_instead_of_failing(tmp_path):
    path = tmp_path / "db.sqlite3"
    first, second = connect(path), connect(path)
    with first.cursor() as cursor:
        cursor.execute("CREATE TABLE intake (id INTEGER PRIMARY KEY, who TEXT)")

    holding = threading.Event()

    def hold_the_write_lock():
        writer = connect(path)
        with writer.cursor() as cursor:
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("INSERT INTO intake (who) VALUES ('first')")
            holding.set()
            time.sleep(0.5)
            cursor.execute("COMMIT")
        writer.close()

    thread = threading.Thread(target=hold_the_write_lock)
    thread.start()
    assert holding.wait(5)
    second.set_autocommit(False)  # Django's atomic(): BEGIN IMMEDIATE under the busy timeout
    with second.cursor() as cursor:
        cursor.execute("INSERT INTO intake (who) VALUES ('second')")
    second.commit()
    second.set_autocommit(True)
    thread.join()
    with second.cursor() as cursor:
        cursor.execute("SELECT who FROM intake ORDER BY id")
        assert [row[0] for row in cursor.fetchall()] == ["first", "second"]
    first.close()
    second.close()
