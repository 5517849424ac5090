"""Who may do what: agencies, API keys, roles, and what each role is allowed.

Keys are random 256-bit tokens shown once; only their SHA-256 is stored. A fast unsalted
hash is enough for tokens of that entropy (nothing to brute-force) and keeps the per-request
check to one indexed lookup.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from watchline.errors import ConflictError, InputError, NotFoundError, PermissionDeniedError
from watchline.model import Handling, Listing
from watchline.services.audit import AuditLog
from watchline.store import access as repo
from watchline.store import sources_table
from watchline.store.db import Store
from watchline.store.registry import now

KEY_PREFIX = "wl_"
OPERATOR = "local"  # how the audit names the node's operator (the CLI)
PREFIX_LENGTH = 11  # "wl_" and 8 random characters: enough to name a key, useless to use it


class Role(StrEnum):
    SCREENER = "screener"
    LIST_MANAGER = "list-manager"
    AUDITOR = "auditor"
    ADMIN = "admin"


class Action(StrEnum):
    """What a request wants to do; each role is granted a fixed set of actions."""

    SCREEN = "screen"  # match and search
    READ = "read"  # entity lookup and sources
    WRITE = "write"  # publish, amend, delist the agency's own records
    HITS = "hits"  # hit notifications about the agency's own records
    AUDIT = "audit"


GRANTS: dict[Role, frozenset[Action]] = {
    Role.SCREENER: frozenset({Action.SCREEN, Action.READ}),
    Role.LIST_MANAGER: frozenset({Action.SCREEN, Action.READ, Action.WRITE, Action.HITS}),
    Role.AUDITOR: frozenset({Action.READ, Action.AUDIT}),
    Role.ADMIN: frozenset(Action),
}


@dataclass(frozen=True, slots=True)
class Caller:
    """An authenticated key: its agency bounds what it sees and changes, whatever the role."""

    agency: str
    role: Role
    key_id: int
    prefix: str

    @property
    def actor(self) -> str:
        """How history and audit name this caller."""
        return f"{self.agency}/key:{self.prefix}"

    def require(self, action: Action) -> None:
        if action not in GRANTS[self.role]:
            raise PermissionDeniedError(f"role {self.role.value!r} may not {action.value}")


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class NewKey:
    """A freshly created key: ``secret`` exists only here and is never stored."""

    row: repo.KeyRow
    secret: str


class KeyService:
    """Create, revoke, list and check API keys."""

    def __init__(self, store: Store, audit: AuditLog | None = None) -> None:
        self.store = store
        self.audit = audit or AuditLog(store)

    def create(self, agency: str, role: str, label: str | None = None) -> NewKey:
        agency = agency.strip()
        if not agency:
            raise InputError("an agency name is required", where="agency")
        role_value = _role(role)
        secret = KEY_PREFIX + secrets.token_urlsafe(32)
        at = now()
        values = {
            "key_hash": hash_key(secret),
            "prefix": secret[:PREFIX_LENGTH],
            "agency": agency,
            "role": role_value.value,
            "label": label,
            "created_at": at,
        }
        with self.store.transaction() as conn:
            repo.ensure_agency(conn, agency, at)
            row = repo.insert_key(conn, values)
            self.audit.write(
                conn,
                OPERATOR,
                None,
                "key-create",
                row.prefix,
                {"key_id": row.id, "agency": agency, "role": row.role},
            )
        return NewKey(row, secret)

    def revoke(self, id_or_prefix: str) -> repo.KeyRow:
        """Revoke exactly one key, named by its id or (a unique start of) its prefix."""
        with self.store.transaction() as conn:
            found = repo.find_keys(conn, id_or_prefix.strip())
            if not found:
                raise NotFoundError(f"no key {id_or_prefix!r}")
            if len(found) > 1:
                raise InputError(f"{len(found)} keys match {id_or_prefix!r}; give more of it")
            if found[0].revoked_at is not None:
                raise ConflictError(f"key {found[0].prefix} is already revoked")
            repo.revoke_key(conn, found[0].id, now())
            self.audit.write(
                conn,
                OPERATOR,
                None,
                "key-revoke",
                found[0].prefix,
                {"key_id": found[0].id, "agency": found[0].agency},
            )
            return repo.find_keys(conn, str(found[0].id))[0]

    def list(self) -> list[repo.KeyRow]:
        with self.store.reader() as conn:
            return repo.list_keys(conn)

    def authenticate(self, secret: str) -> Caller | None:
        """The caller a key stands for, or None when it is unknown or revoked."""
        if not secret.startswith(KEY_PREFIX):
            return None
        with self.store.reader() as conn:
            row = repo.key_by_hash(conn, hash_key(secret))
        if row is None or row.revoked_at is not None:
            return None
        return Caller(row.agency, Role(row.role), row.id, row.prefix)


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        roles = ", ".join(r.value for r in Role)
        raise InputError(f"unknown role {role!r}; one of {roles}", where="role") from None


def visible_counts(
    store: Store, agency: str, totals: dict[str, dict[str, int]]
) -> dict[str, dict[str, int]]:
    """Per-source active/delisted counts minus the records ``agency`` may not see.

    ``totals`` are the registry's counts over every record; counting what is hidden and
    subtracting it keeps restricted records out of the figures a caller sees.
    """
    with store.reader() as conn:
        rows = repo.restricted_listings(conn)
    hidden: Counter[tuple[str, str]] = Counter()
    for source, status, originator, handling, shared_with in rows:
        listing = Listing(
            source, originator, handling=Handling(handling), shared_with=tuple(shared_with)
        )
        if not listing.visible_to(agency):
            hidden[(source, status)] += 1
    return {
        source: {status: n - hidden[(source, status)] for status, n in counts.items()}
        for source, counts in totals.items()
    }


def source_names(store: Store) -> set[str]:
    """Names of the loaded sources (the datasets a match may name)."""
    with store.reader() as conn:
        return {row.name for row in sources_table.list_sources(conn)}


def agency_names(store: Store) -> set[str]:
    """Agencies known to this node (each got a row when its first key was created)."""
    with store.reader() as conn:
        return repo.agency_names(conn)
