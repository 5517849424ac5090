"""Opening a store: engine creation and schema migration to the newest revision."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    """WAL lets readers (the API) work while an import writes; foreign keys on."""
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _normalise_url(url: str) -> str:
    """Use psycopg 3 for plain ``postgresql://`` URLs (psycopg2 is not a dependency)."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


class Store:
    """A handle on one database; every write happens inside ``transaction()``."""

    def __init__(self, url: str) -> None:
        self.url = _normalise_url(url)
        if self.url.startswith("sqlite:///"):
            Path(self.url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = sa.create_engine(self.url, future=True, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)

    @property
    def url_fingerprint(self) -> str:
        """Identifies the database (without its password) for caches kept beside it."""
        return self.engine.url.render_as_string(hide_password=True)

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect and bring the schema up to date."""
        store = cls(url)
        store.migrate()
        return store

    def migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic unit of work: everything inside commits together or not at all."""
        with self.engine.begin() as conn:
            yield conn

    def writer(self) -> Writer:
        """A connection for one thread that writes often (see ``Writer``)."""
        return Writer(self.engine)

    @contextmanager
    def reader(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()


class Writer:
    """One connection kept open by a single busy writing thread.

    Taking a pooled connection for each transaction (checkout, liveness ping, reset on
    return) cost more than a small audit commit itself; this keeps one instead, and drops
    it after any failure so that the next transaction starts on a fresh connection.
    Not thread-safe: one thread uses it at a time.
    """

    IDLE_PING_S = 2.0  # after this long unused, check the connection before trusting it

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conn: Connection | None = None
        self._used = 0.0

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Like ``Store.transaction``: everything inside commits together or not at all."""
        conn = self._connection()
        try:
            with conn.begin():
                yield conn
        except BaseException:
            self.close()
            raise
        finally:
            self._used = time.monotonic()

    def _connection(self) -> Connection:
        """The kept connection; after an idle spell it is pinged first, so that a database
        restarted meanwhile costs a reconnect rather than a failed call."""
        if self._conn is not None and time.monotonic() - self._used > self.IDLE_PING_S:
            try:
                self._conn.exec_driver_sql("SELECT 1")
                self._conn.rollback()
            except Exception:
                self.close()
        if self._conn is None:
            self._conn = self.engine.connect()
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()
