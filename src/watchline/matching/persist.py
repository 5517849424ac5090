"""Saving and loading a :class:`NameIndex`: numpy arrays in ``.npz``, strings in JSON.

No pickle: both files can be inspected and are safe to load from a less trusted place.
Loading restores the key tables from the saved part forms without calling the names
layer, so a node starts in seconds; a changed names layer needs a rebuild, which the
format version (bumped whenever the layout or the keys change) enforces.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from watchline.errors import InputError
from watchline.matching.facts import Facts
from watchline.matching.vocab import Vocab

if TYPE_CHECKING:
    from watchline.matching.index import NameIndex

FORMAT_VERSION = 4
ARRAYS = ("schema", "alive", "name_entity", "name_ptr", "name_parts", "df")


def save_index(index: NameIndex, path: Path) -> None:
    """Write ``index.npz`` (arrays) and ``index.json`` (strings and facts)."""
    path.mkdir(parents=True, exist_ok=True)
    arrays = {name: getattr(index, name).view for name in ARRAYS}
    np.savez(
        path / "index.npz",
        abjad=index.vocab.abjad.view,
        latin=index.vocab.latin.view,
        post_ptr=index.post_ptr,
        post_rows=index.post_rows,
        **arrays,
    )
    meta = {
        "version": FORMAT_VERSION,
        "vocab": index.vocab.state(),
        "entity_ids": index.entity_ids,
        "name_text": index.name_text,
        "facts": [f.to_dict() for f in index.facts],
    }
    (path / "index.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")


def load_index(index: NameIndex, path: Path) -> NameIndex:
    """Fill an empty index from files written by :func:`save_index`."""
    try:
        meta: dict[str, Any] = json.loads((path / "index.json").read_text("utf-8"))
        arrays = np.load(path / "index.npz", allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the screening index: {exc}", str(path)) from exc
    if meta.get("version") != FORMAT_VERSION:
        raise InputError("screening index written by another format version", str(path))
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
