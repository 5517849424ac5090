"""Screening on behalf of an agency: handling codes, hit notifications and audit.

A hit on a record the caller may not see comes back as a bare reference to quote to the
originating agency, never as the record (its id, names, schema and source stay hidden),
and the originator is told. Every call is written to the audit log in the same
transaction as its notifications (group-committed with other calls under load). What a
caller sees of a hit and what an originator is told are defined in ``disclosure``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, Protocol

from watchline.errors import NotFoundError
from watchline.matching.query import Query
from watchline.services.access import Action, Caller
from watchline.services.audit import AuditLog, Entry, GroupCommit, SerialLane
from watchline.services.disclosure import (
    AGENCY_SOURCE,
    Disclosed,
    Outcome,
    Withheld,
    disclose,
    hit_notice,
    match_summary,
    new_reference,
    originator_hears,
)
from watchline.services.screening import ScreenResult
from watchline.store import access as repo
from watchline.store.db import Store

__all__ = [
    "AGENCY_SOURCE",
    "DEFAULT_DATASET",
    "Disclosed",
    "GuardedScreening",
    "Outcome",
    "Screens",
    "Withheld",
    "new_reference",
]
REFRESH_INTERVAL_S = 1.0
DEFAULT_DATASET = "default"


class Screens(Protocol):
    """What this module needs of the screening service (a fake in tests)."""

    @property
    def default_threshold(self) -> float: ...

    def screen_many(
        self, queries: Sequence[Query], limit: int = 10, threshold: float | None = None
    ) -> list[list[ScreenResult]]: ...

    def refresh(self) -> int: ...


class GuardedScreening:
    """Screen for a caller, applying handling codes.

    The index is used from one thread only, in arrival order: refreshes (which change it
    in place) never overlap a screening, and under load requests are served first come,
    first served rather than fighting over the interpreter lock, which measured both
    slower and with far longer latency tails.
    """

    def __init__(
        self,
        screening: Screens,
        store: Store,
        audit: AuditLog,
        datasets: Callable[[], set[str]] | None = None,
        threshold: float | None = None,
        agencies: Callable[[], set[str]] | None = None,
    ) -> None:
        self.screening = screening
        self.threshold = screening.default_threshold if threshold is None else threshold
        self.store = store
        self.audit = audit
        self.commits = GroupCommit(audit)
        self.known_datasets = datasets
        self.datasets: set[str] | None = None
        self.known_agencies = agencies
        self.agencies: set[str] | None = None
        self._lane = SerialLane(self.commits, "index")
        self._refreshed = 0.0

    def close(self) -> None:
        """Finish queued screenings, then their audit commits, and stop the helper threads."""
        self._lane.close()
        self.commits.close()

    def invalidate(self) -> None:
        """Make the next call pick up registry changes (after this process wrote some)."""
        self._refreshed = 0.0

    def match(
        self,
        caller: Caller,
        queries: Mapping[str, Query],
        dataset: str = DEFAULT_DATASET,
        limit: int = 5,
        threshold: float | None = None,
    ) -> dict[str, list[Outcome]]:
        """Screen several queries; notify originators and audit the call atomically."""
        return self.submit_match(caller, queries, dataset, limit, threshold).result(timeout=120)

    def submit_match(
        self,
        caller: Caller,
        queries: Mapping[str, Query],
        dataset: str = DEFAULT_DATASET,
        limit: int = 5,
        threshold: float | None = None,
    ) -> Future[dict[str, list[Outcome]]]:
        """``match`` without waiting: the future settles once the audit entry is committed.

        The whole screening runs as one job on the index thread, which also commits the
        audit entries of the calls it screened whenever it runs out of work (a group
        commit without a writer thread), so a call costs two thread hand-overs, and an
        async handler holds no thread while it waits.
        """
        caller.require(Action.SCREEN)
        done: Future[dict[str, list[Outcome]]] = Future()
        done.set_running_or_notify_cancel()  # a call once begun is screened and audited
        job = _MatchJob(caller, queries, dataset, limit, threshold)
        self._lane.submit(partial(self._run_match, job, done))
        return done

    def _run_match(self, job: _MatchJob, done: Future[dict[str, list[Outcome]]]) -> None:
        """On the index thread: screen, decide what the caller sees, stage the audit entry."""
        try:
            if self._refresh_due():
                self._refresh()
            self._check_dataset(job.dataset)
            outcomes, notices = self._outcomes(job)
            summary = match_summary(job.dataset, job.queries, outcomes)
            entry = Entry(job.caller.agency, job.caller.key_id, "match", job.dataset, summary)
            committed = self.commits.stage(entry, partial(repo.insert_hits, rows=notices))
        except Exception as error:  # the waiter must hear of any failure, whatever it is
            done.set_exception(error)
            return
        committed.add_done_callback(lambda c: _settle(done, c, outcomes))

    def _outcomes(self, job: _MatchJob) -> tuple[dict[str, list[Outcome]], list[dict[str, Any]]]:
        """Each query's results as the caller may see them, and the notices they cause."""
        cut = self.threshold if job.threshold is None else job.threshold
        queries = list(job.queries.values())
        batches = self._screen_here(queries, job.limit, cut, job.dataset)
        notices: list[dict[str, Any]] = []
        outcomes: dict[str, list[Outcome]] = {}
        for key, query, results in zip(job.queries, queries, batches, strict=True):
            found = (self._outcome(job.caller, query, r, cut, notices) for r in results)
            outcomes[key] = [o for o in found if o is not None]
        return outcomes, notices

    def search(self, caller: Caller, query: Query, limit: int = 10) -> list[ScreenResult]:
        """Ranked lookup by name; records the caller may not see are simply left out."""
        caller.require(Action.SCREEN)
        self._maybe_refresh()
        results = self._screen([query], limit * 2, 0.0, DEFAULT_DATASET)[0]
        visible = [r for r in results if r.record.listing.visible_to(caller.agency)][:limit]
        summary = {"q": list(query.names), "schema": query.schema, "results": len(visible)}
        self.audit.append(caller.agency, caller.key_id, "search", None, summary)
        return visible

    def notifications(
        self, caller: Caller, after: datetime | None = None, limit: int = 100
    ) -> list[repo.HitRow]:
        """Hits on records the caller's agency originated, newest first."""
        caller.require(Action.HITS)
        with self.store.reader() as conn:
            rows = repo.list_hits(conn, caller.agency, after, limit)
        summary = {"returned": len(rows)}
        self.audit.append(caller.agency, caller.key_id, "list-hits", None, summary)
        return rows

    def _maybe_refresh(self) -> None:
        """Pick up changes made by other processes, at most once a second."""
        if self._refresh_due():
            self._lane.submit(self._refresh).result()

    def _refresh_due(self) -> bool:
        return time.monotonic() - self._refreshed >= REFRESH_INTERVAL_S

    def _refresh(self) -> None:
        """On the index thread: registry changes, then the known datasets and agencies."""
        self.screening.refresh()
        self._refreshed = time.monotonic()
        if self.known_datasets is not None:
            self.datasets = self.known_datasets()
        if self.known_agencies is not None:
            self.agencies = self.known_agencies()

    def _check_dataset(self, dataset: str) -> None:
        """``default``, a loaded source, or an agency's own records (``agency:NAME``)."""
        if dataset == DEFAULT_DATASET or dataset.startswith(AGENCY_SOURCE):
            return
        if self.datasets is not None and dataset not in self.datasets:
            raise NotFoundError(f"no dataset {dataset!r}")

    def _screen(
        self, queries: list[Query], limit: int, threshold: float, dataset: str
    ) -> list[list[ScreenResult]]:
        job = partial(self._screen_here, queries, limit, threshold, dataset)
        result: list[list[ScreenResult]] = self._lane.submit(job).result()
        return result

    def _screen_here(
        self, queries: list[Query], limit: int, threshold: float, dataset: str
    ) -> list[list[ScreenResult]]:
        """On the index thread: the results, kept to ``dataset`` when one is named."""
        wide = limit if dataset == DEFAULT_DATASET else limit * 4
        batches = self.screening.screen_many(queries, wide, threshold)
        if dataset == DEFAULT_DATASET:
            return batches
        return [[r for r in rs if r.record.listing.source == dataset][:limit] for rs in batches]

    def _outcome(
        self,
        caller: Caller,
        query: Query,
        result: ScreenResult,
        threshold: float,
        notices: list[dict[str, Any]],
    ) -> Outcome | None:
        """The result as the caller may see it (``disclosure.disclose``), noting the notice
        its originator is owed, if any."""
        outcome, reference = disclose(caller.agency, result, threshold, self.threshold)
        listing = result.record.listing
        strong = result.hit.score >= self.threshold
        if reference and strong and originator_hears(listing, caller.agency, self.agencies):
            visible = isinstance(outcome, Disclosed)
            notices.append(hit_notice(caller, query, result, reference, visible))
        return outcome


@dataclass(frozen=True, slots=True)
class _MatchJob:
    """One ``match`` call's arguments, carried to the index thread."""

    caller: Caller
    queries: Mapping[str, Query]
    dataset: str
    limit: int
    threshold: float | None


def _settle(done: Future[Any], committed: Future[int], outcomes: Any) -> None:
    """Answer the caller once its audit entry is committed; fail if the commit did."""
    error = committed.exception()
    if error is not None:
        done.set_exception(error)
    else:
        done.set_result(outcomes)
