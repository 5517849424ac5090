"""The services one API process uses, built once at start-up from the settings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from watchline.services.access import KeyService, agency_names, source_names
from watchline.services.audit import AuditLog
from watchline.services.hits import GuardedScreening, Screens
from watchline.services.registry import Registry
from watchline.settings import Settings
from watchline.store.db import Store


@dataclass
class ApiServices:
    """Everything the handlers reach: one store, shared by the services built over it."""

    settings: Settings
    store: Store
    registry: Registry
    keys: KeyService
    audit: AuditLog
    screening: GuardedScreening

    def close(self) -> None:
        self.screening.close()
        self.store.close()


def build_services(
    settings: Settings, screening_factory: Callable[[Registry], Screens] | None = None
) -> ApiServices:
    """Open the store and the screening index (tests may build another screener).

    The index gets its own ``Registry`` so that it changes only through ``refresh()``,
    under the screening lock, and never under a running query.
    """
    store = Store.open(settings.database_url)
    registry = Registry(store)
    if screening_factory is None:
        from watchline.services.screening import ScreeningService

        screening: Screens = ScreeningService(Registry(store), settings.index_dir)
    else:
        screening = screening_factory(Registry(store))
    audit = AuditLog(store)
    guarded = GuardedScreening(
        screening,
        store,
        audit,
        lambda: source_names(store),
        settings.screening_threshold,
        lambda: agency_names(store),
    )
    return ApiServices(settings, store, registry, KeyService(store), audit, guarded)
