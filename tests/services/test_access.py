"""API keys and roles: keys shown once and stored hashed, revocation, role grants."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from watchline.errors import ConflictError, InputError, NotFoundError, PermissionDeniedError
from watchline.services.access import GRANTS, Action, KeyService, Role, hash_key
from watchline.services.audit import AuditLog
from watchline.store import Store
from watchline.store.tables import api_keys


def test_only_the_hash_of_a_key_is_stored(store: Store) -> None:
    new = KeyService(store).create("FR-DGSI", "screener", label="border post 4")
    with store.reader() as conn:
        stored = conn.execute(sa.select(api_keys)).one()
    assert new.secret not in str(tuple(stored))
    assert stored.key_hash == hash_key(new.secret) and stored.prefix == new.secret[:11]
    caller = KeyService(store).authenticate(new.secret)
    assert caller is not None
    assert (caller.agency, caller.role, caller.key_id) == ("FR-DGSI", Role.SCREENER, new.row.id)


def test_revoked_and_unknown_keys_do_not_authenticate(store: Store) -> None:
    keys = KeyService(store)
    new = keys.create("FR-DGSI", "admin")
    assert keys.authenticate(new.secret + "x") is None
    assert keys.authenticate("not-a-key") is None
    keys.revoke(new.row.prefix)
    assert keys.authenticate(new.secret) is None
    with pytest.raises(ConflictError):
        keys.revoke(str(new.row.id))
    with pytest.raises(NotFoundError):
        keys.revoke("wl_nothing")


def test_revoking_needs_an_unambiguous_name(store: Store) -> None:
    keys = KeyService(store)
    keys.create("A", "screener")
    keys.create("A", "screener")
    with pytest.raises(InputError):
        keys.revoke("wl_")


def test_bad_roles_and_agencies_are_refused(store: Store) -> None:
    with pytest.raises(InputError, match="unknown role"):
        KeyService(store).create("A", "superuser")
    with pytest.raises(InputError):
        KeyService(store).create("  ", "screener")


def test_key_changes_are_audited(store: Store) -> None:
    keys = KeyService(store)
    new = keys.create("A", "auditor")
    keys.revoke(new.row.prefix)
    actions = [e.action for e in AuditLog(store).entries(newest_first=False)]
    assert actions == ["key-create", "key-revoke"]


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.SCREENER, {Action.SCREEN, Action.READ}),
        (Role.LIST_MANAGER, {Action.SCREEN, Action.READ, Action.WRITE, Action.HITS}),
        (Role.AUDITOR, {Action.READ, Action.AUDIT}),
        (Role.ADMIN, set(Action)),
    ],
)
def test_role_grants(role: Role, allowed: set[Action]) -> None:
    assert GRANTS[role] == allowed
    from watchline.services.access import Caller

    caller = Caller("A", role, 1, "wl_x")
    for action in set(Action) - allowed:
        with pytest.raises(PermissionDeniedError):
            caller.require(action)
