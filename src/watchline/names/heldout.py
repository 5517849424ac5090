"""The held-out split of the rigour person-name clusters.

The generated equivalence table is built from OpenSanctions' rigour ``persons.txt`` clusters,
and the quality benchmark is evaluated on the same clusters. To keep that evaluation honest,
one cluster in five (chosen by a hash of its Wikidata QID, so the split is stable and needs no
stored list) never enters the table; the build script and the benchmark both call
:func:`is_heldout_cluster` so they agree on exactly the same split.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

#: One cluster in ``HELDOUT_MODULUS`` is held out.
HELDOUT_MODULUS = 5


def is_heldout_cluster(qid: str) -> bool:
    """Whether the cluster with Wikidata id ``qid`` (e.g. ``"Q15732892"``) is held out.

    Args:
        qid: the QID string exactly as written after ``=>`` in ``persons.txt``.
    """
    return zlib.crc32(qid.encode("utf-8")) % HELDOUT_MODULUS == 0


def training_clusters(lines: Iterable[str]) -> Iterator[list[str]]:
    """The forms of each training-split cluster among ``persons.txt`` lines
    (``form, form, ... => QID``), in order: what the build scripts learn from."""
    for line in lines:
        forms, _, qid = line.rpartition("=>")
        if forms and not is_heldout_cluster(qid.strip()):
            yield [f.strip() for f in forms.split(",") if f.strip()]
