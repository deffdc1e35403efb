"""Django's database sessions, except that a database that is unavailable stays unavailable.

Django's ``db`` session store turns every ``DatabaseError`` while saving an existing session into
``UpdateError``, which the session middleware answers with 400 ("the session was deleted before
the request completed"). When the database is restarting or read-only that is wrong twice: the
person did nothing bad, and ``website.db_unavailable`` would have answered 503 with the page that
says their answers are kept. This store lets exactly those errors through; a session really
deleted meanwhile (no row updated) is still ``UpdateError``.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import UpdateError

from .db_unavailable import database_unavailable


class SessionStore(db.SessionStore):
    def save(self, must_create=False):
        try:
            return super().save(must_create=must_create)
        except UpdateError as error:
            cause = error.__context__
            if database_unavailable(cause):
                raise cause from None
            raise
