"""The screening interface: names in, explained hits out.

Queries are screened in batches (``batch.py``): for each query name the index proposes
candidate names, all candidates of the batch are scored at once, the best name per entity
is kept, and the entity's other facts (birth date, nationality, gender, document numbers)
add their evidence (``score.py``). Only the returned hits get an explanation built.
A single ``screen`` is a batch of one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from watchline.matching.arrays import IntArray, first_of_runs, true_at
from watchline.matching.batch import Unit, score_units
from watchline.matching.explain import Contribution, Explanation
from watchline.matching.facts import Facts, query_facts
from watchline.matching.index import SCHEMA_CODES, NameIndex
from watchline.matching.names_score import PERSIAN_READ, WRITTEN_APART, NameScores
from watchline.matching.query import Hit, Query
from watchline.matching.score import (
    DEFAULT_THRESHOLD,
    combine,
    feature_contributions,
    name_contributions,
    similarity_floor,
)
from watchline.matching.similarity import warm_listed_views
from watchline.matching.skeleton import from_abjad, vowels_guessed
from watchline.matching.tokens import persian_tokens, tokenize
from watchline.model import Entity

CANDIDATES = 32  # candidate names scored per query name
BATCH = 256  # queries scored together by screen_many
MIN_NAME_SIMILARITY = 0.45  # below this no other evidence makes a name match
GLUED_FROM_PARTS = 3  # see ``written_apart``
_NO_FACTS = Facts()
_ORGS = ("Organization", "Company", "PublicBody", "LegalEntity")
_COMPATIBLE: dict[str, tuple[str, ...]] = {
    "Person": ("Person", "LegalEntity"),
    "LegalEntity": ("Person", *_ORGS),
    "Vessel": ("Vessel",),
    "Airplane": ("Airplane",),
    **{org: _ORGS for org in _ORGS if org != "LegalEntity"},
}


def schema_mask(schema: str) -> np.ndarray:
    """Which indexed schemata a query for ``schema`` may hit (unknown schema: all)."""
    wanted = _COMPATIBLE.get(schema, SCHEMA_CODES)
    return np.array([code in wanted for code in SCHEMA_CODES], dtype=np.bool_)


def written_apart(tokens: list[str]) -> list[tuple[int, list[str]]]:
    """The parts of a name with two neighbours glued into one, for each pair of neighbours
    (the position of the glued part, the parts).

    Arabic script writes apart the compounds that Latin spellings glue: Persian -pour
    (علی اکبر پور, Ali Akbarpour), Turkish -oğlu and Kara- (قره أوغلو, Karaoglu), Indian
    names (اگنی ہوتری, Agnihotri); each neighbour alone meets nothing. A name written in
    Arabic script is therefore also scored as each of these, and the best reading counts.
    Only from ``GLUED_FROM_PARTS`` parts: a two-word name glued whole is already compared
    letter by letter (``names_score.joined_similarity``), and reading it as one part through
    the cross-script views let it meet any listed part with a like skeleton and a cheap
    second part (5 more false positives in the quality bench, and one more name found)."""
    return [
        (at, [*tokens[:at], tokens[at] + tokens[at + 1], *tokens[at + 2 :]])
        for at in range(len(tokens) - 1)
    ]


class _Best:
    """The best-scoring name of one entity for one query."""

    __slots__ = ("k", "name_sim", "query_name", "row", "scores")

    def __init__(
        self, row: int, name_sim: float, query_name: str, scores: NameScores, k: int
    ) -> None:
        self.row = row  # entity row
        self.name_sim = name_sim
        self.query_name = query_name
        self.scores = scores
        self.k = k


class Screener:
    """Screens queries against an in-memory index of listed entities."""

    def __init__(self, entities: Iterable[Entity] = (), index: NameIndex | None = None) -> None:
        self.index = index if index is not None else NameIndex.build(entities)
        warm_listed_views(self.index.vocab)

    def add(self, entity: Entity) -> None:
        """Index a new or amended entity (replaces an earlier version with the same id)."""
        self.index.add(entity)

    def remove(self, entity_id: str) -> bool:
        """Stop an entity from hitting; True if it was indexed."""
        return self.index.remove(entity_id)

    def __len__(self) -> int:
        return len(self.index)

    def screen(self, query: Query, limit: int = 10, threshold: float | None = None) -> list[Hit]:
        """Hits at or above ``threshold`` (default ``DEFAULT_THRESHOLD``), best first."""
        return self.screen_many([query], limit, threshold)[0]

    def screen_many(
        self, queries: Sequence[Query], limit: int = 10, threshold: float | None = None
    ) -> list[list[Hit]]:
        """Screen a batch, vectorised over chunks of ``BATCH`` queries; results in order."""
        cut = DEFAULT_THRESHOLD if threshold is None else threshold
        out: list[list[Hit]] = []
        for start in range(0, len(queries), BATCH):
            chunk = queries[start : start + BATCH]
            facts = [query_facts(q) for q in chunk]
            for query_facts_, best in zip(facts, self._best_names(chunk, facts, cut), strict=True):
                out.append(self._hits(best, query_facts_, cut, limit))
        return out

    def _hits(self, best: list[_Best], facts: Facts, cut: float, limit: int) -> list[Hit]:
        scored = [(self._score(b, facts), b) for b in best]
        scored = [s for s in scored if s[0][0] >= cut]
        scored.sort(key=lambda s: -s[0][0])
        return [self._hit(b, score, why) for (score, why), b in scored[:limit]]

    def _units(self, query: Query, facts: Facts) -> list[Unit]:
        """One unit per query name and per other reading of it (ذ ض ث read as Persian
        writes them, neighbouring words glued); entities holding a query document number are
        added as candidates whatever their names, so a bad transliteration cannot hide them."""
        allowed = schema_mask(query.schema)
        extra = self.index.document_rows(facts.ids) if facts.ids else np.zeros(0, np.int64)
        units = []
        for name in query.names:
            tokens = list(dict.fromkeys(tokenize(name, query.schema)))
            if tokens:
                units.append(Unit(name, tokens, vowels_guessed(name), allowed, extra))
                other = list(dict.fromkeys(persian_tokens(name, query.schema)))
                if other:  # ذ ض ث as z, z, s (فضل: fazl)
                    read = {i: PERSIAN_READ for i, t in enumerate(other) if t not in tokens}
                    units.append(Unit(name, other, True, allowed, extra, read))
                if len(tokens) >= GLUED_FROM_PARTS and from_abjad(name):
                    units += [
                        Unit(name, glued, True, allowed, extra, {at: WRITTEN_APART})
                        for at, glued in written_apart(tokens)
                    ]
        return units

    def _best_names(
        self, queries: Sequence[Query], facts: list[Facts], cut: float
    ) -> list[list[_Best]]:
        """Per query, the best name of each candidate entity, in the order first met.

        Queries that bring no other facts drop entities whose best name cannot reach
        ``cut`` on the name alone: no object is ever made for them.
        """
        per_query = [self._units(q, f) for q, f in zip(queries, facts, strict=True)]
        units = [u for us in per_query for u in us]
        found = score_units(self.index, units, CANDIDATES) if units else []
        unit_query = np.repeat(np.arange(len(queries)), [len(us) for us in per_query])
        floor = similarity_floor(cut)
        floors = np.array([floor if f == _NO_FACTS else -np.inf for f in facts])
        return self._winners(units, found, unit_query, floors)

    def _winners(
        self,
        units: list[Unit],
        found: list[NameScores | None],
        unit_query: IntArray,
        floors: np.ndarray,
    ) -> list[list[_Best]]:
        """Each (query, entity)'s best name, for the whole batch in a few sorts.

        The best is the highest similarity, the first met among equals (units in order,
        candidates in order); entities come in the order their first name was met. Names
        below ``MIN_NAME_SIMILARITY`` count only when found by a query document number."""
        out: list[list[_Best]] = [[] for _ in floors]
        live = [(u, s) for u, s in enumerate(found) if s is not None]
        if not live:
            return out
        cand = _Flat(live, units, unit_query, self.index.name_entity.view)
        winners, first = cand.best()
        ok = cand.sims[winners] >= floors[cand.query[winners]]
        winners, first = winners[ok], first[ok]
        winners = winners[np.lexsort((first, cand.query[winners]))]
        columns = (cand.sims, cand.query, cand.entity, cand.unit, cand.k)
        picked = [c[winners].tolist() for c in columns]
        for sim, query, entity, unit, k in zip(*picked, strict=True):
            scores = found[unit]
            assert scores is not None  # units without candidates have none in ``cand``
            out[query].append(_Best(entity, sim, units[unit].name, scores, k))
        return out

    def _score(self, best: _Best, facts: Facts) -> tuple[float, list[Contribution]]:
        listed_name = self.index.name_text[int(best.scores.rows[best.k])]
        contributions = name_contributions(best.name_sim, best.query_name, listed_name)
        if facts != _NO_FACTS:  # absence is never evidence (features.py): nothing to add
            contributions += feature_contributions(facts, self.index.facts[best.row])
        return combine(contributions), contributions

    def _hit(self, best: _Best, score: float, contributions: list[Contribution]) -> Hit:
        index = self.index
        row = best.row
        name_row = int(best.scores.rows[best.k])
        listed_name = index.name_text[name_row]
        scores, k, query_name = best.scores, best.k, best.query_name
        explanation = Explanation(
            query_name,
            listed_name,
            best.name_sim,
            lambda: scores.explain(index, k, query_name),
            contributions,
            score,
        )
        schema = SCHEMA_CODES[int(index.schema.view[row])]
        return Hit(index.entity_ids[row], score, listed_name, schema, explanation)


class _Flat:
    """The kept candidates of a batch's units, flattened: unit, position, entity, query."""

    __slots__ = ("entity", "k", "query", "sims", "unit")

    def __init__(
        self,
        live: list[tuple[int, NameScores]],
        units: list[Unit],
        unit_query: IntArray,
        name_entity: IntArray,
    ) -> None:
        sizes = [len(s.rows) for _, s in live]
        rows = np.concatenate([s.rows for _, s in live])
        sims = np.concatenate([s.scores for _, s in live])
        unit = np.repeat(np.array([u for u, _ in live], dtype=np.int64), sizes)
        ends = np.cumsum(sizes)
        k = np.arange(len(rows)) - np.repeat(ends - sizes, sizes)
        keep = sims >= MIN_NAME_SIMILARITY
        for (u, scores), end, size in zip(live, ends.tolist(), sizes, strict=True):
            if len(units[u].extra_rows):  # document matches count whatever their names
                keep[end - size : end] |= np.isin(scores.rows, units[u].extra_rows)
        self.unit, self.k, self.sims = unit[keep], k[keep], sims[keep]
        self.entity = name_entity[rows[keep]]
        self.query = unit_query[self.unit]

    def best(self) -> tuple[IntArray, IntArray]:
        """Per (query, entity): the position of its best name, and of its first name."""
        key = self.query * (int(self.entity.max()) + 1) + self.entity if len(self.k) else self.k
        order = np.lexsort((-self.sims, key))  # stable: equal sims keep the order met
        starts = true_at(first_of_runs(key[order]))
        first: IntArray = np.minimum.reduceat(order, starts) if len(starts) else starts
        return order[starts], first
