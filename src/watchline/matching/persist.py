"""What of a :class:`NameIndex` is kept between runs: numpy arrays and JSON-ready values.

No file is touched here (the core does no I/O): ``watchline.store.index_files`` writes the
arrays to ``.npz`` and the rest to JSON, without pickle, so both can be inspected and are safe
to load from a less trusted place. Restoring rebuilds the key tables from the saved part
forms without calling the names layer, so a node starts in seconds; a changed names layer
needs a rebuild, which the format version (bumped whenever the layout or the keys change)
enforces.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from watchline.errors import InputError
from watchline.matching.facts import Facts
from watchline.matching.vocab import Vocab

if TYPE_CHECKING:
    from watchline.matching.index import NameIndex

FORMAT_VERSION = 9  # 5: Turkic readings; 6: particles, initial rh; 7: Arabic-script initials;
# 8: tone numbers dropped, partly vowelled Arabic script, gh as qaf; 9: hamza seats read
ARRAYS = ("schema", "alive", "name_entity", "name_ptr", "name_parts", "df")
VOCAB_ARRAYS = ("abjad", "latin")


def index_state(index: NameIndex) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """The index as arrays and JSON-ready values (postings merged first by the caller)."""
    arrays = {name: getattr(index, name).view for name in ARRAYS}
    arrays.update({name: getattr(index.vocab, name).view for name in VOCAB_ARRAYS})
    arrays.update(post_ptr=index.post_ptr, post_rows=index.post_rows)
    meta = {
        "version": FORMAT_VERSION,
        "vocab": index.vocab.state(),
        "entity_ids": index.entity_ids,
        "name_text": index.name_text,
        "facts": [f.to_dict() for f in index.facts],
    }
    return arrays, meta


def restore_index(
    index: NameIndex, arrays: Mapping[str, np.ndarray], meta: Mapping[str, Any]
) -> NameIndex:
    """Fill an empty index from :func:`index_state`'s output (InputError if foreign)."""
    if meta.get("version") != FORMAT_VERSION:
        raise InputError("screening index written by another format version", "index")
    missing = [n for n in (*ARRAYS, *VOCAB_ARRAYS, "post_ptr", "post_rows") if n not in arrays]
    if missing:
        raise InputError(f"screening index lacks arrays {missing}", "index")
    index.vocab = Vocab.restore(meta["vocab"], arrays["abjad"], arrays["latin"])
    index.entity_ids = list(meta["entity_ids"])
    index.name_text = list(meta["name_text"])
    index.facts = [Facts.from_dict(f) for f in meta["facts"]]
    for name in ARRAYS:
        getattr(index, name).size = 0
        getattr(index, name).extend(arrays[name])
    index.post_ptr, index.post_rows = arrays["post_ptr"], arrays["post_rows"]
    index.sync_name_lengths()
    index.rebuild_derived()  # from the name arrays in one pass each: not worth storing
    alive = index.alive.view
    index.entity_row = {e: i for i, e in enumerate(index.entity_ids) if alive[i]}
    index.reindex_documents()
    return index
