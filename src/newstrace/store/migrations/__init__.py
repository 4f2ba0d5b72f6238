"""The store's one migration history (Alembic), for SQLite and PostgreSQL alike.

Each revision in versions/ is written once with Alembic's operations and SQLAlchemy types; the
few objects one database has and the other lacks (FTS5 table and triggers, the tsvector column,
insertion-order columns) are made in the revision under ``if is_postgresql():``. Revisions
0001-0041 are the migrations the store had before Alembic (numbered as they were); a database
made then carries a ``_migrations`` table and is stamped at its last one, then upgraded in place
(store/migrate.py). A new revision: copy the newest file, set ``down_revision`` to its id, name
it ``00NN_what.py`` and bump :data:`HEAD` (a test checks HEAD is the history's head).
"""

HEAD = "0062"
