"""The screening index on disk: ``index.npz`` (numpy arrays) and ``index.json`` (the rest).

The matching core says what an index keeps (``NameIndex.state``); this adapter writes and
reads it. No pickle: ``np.load`` runs with ``allow_pickle=False`` and the JSON is plain, so a
node can load an index from a less trusted place. A file written by another format version,
or one that cannot be read, is an ``InputError``: the caller rebuilds from the registry.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from watchline.errors import InputError
from watchline.matching import NameIndex, Screener

ARRAYS_FILE = "index.npz"
META_FILE = "index.json"


def save_screener(screener: Screener, directory: Path) -> None:
    """Write the screener's index under ``directory`` (created if missing)."""
    arrays, meta = screener.index.state()
    directory.mkdir(parents=True, exist_ok=True)
    named: dict[str, Any] = dict(arrays)  # numpy's stub reads any keyword as allow_pickle
    np.savez(directory / ARRAYS_FILE, **named)
    (directory / META_FILE).write_text(json.dumps(meta, ensure_ascii=False), "utf-8")


def load_screener(directory: Path) -> Screener:
    """A screener over the index saved under ``directory`` (InputError if unreadable or of
    another format version)."""
    try:
        meta: dict[str, Any] = json.loads((directory / META_FILE).read_text("utf-8"))
        with np.load(directory / ARRAYS_FILE, allow_pickle=False) as files:
            arrays = {name: files[name] for name in files.files}
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the screening index: {exc}", str(directory)) from exc
    try:
        index = NameIndex.from_state(arrays, meta)
    except InputError as exc:
        raise InputError(exc.reason, str(directory)) from exc
    return Screener(index=index)
