"""Alembic environment: migrations always run on a connection the store hands over."""

from alembic import context

from watchline.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
