"""Alembic's entry: runs the revisions on the connection store/migrate.py hands over."""

from __future__ import annotations

from alembic import context

from newstrace.store.migrations.legacy import stamp_legacy

connection = context.config.attributes["connection"]
# One transaction for the whole upgrade: it applies completely or not at all.
context.configure(connection=connection, transactional_ddl=True, transaction_per_migration=False)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":  # several processes may open a new store at once
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(1852143475)")  # 0x6E657773: "news"
    stamp_legacy(connection, context.get_context(), context.script)
    context.run_migrations()
