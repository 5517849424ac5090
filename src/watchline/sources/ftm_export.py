"""Writing entities as FtM JSON lines, the exchange format OpenSanctions and FtM tools read."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from watchline.model import Entity


def write_ftm(entities: Iterable[Entity], out: TextIO) -> int:
    """Write one entity per line (sorted keys, UTF-8 text kept as is); return the count."""
    count = 0
    for entity in entities:
        out.write(json.dumps(entity.to_ftm(), sort_keys=True, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count
