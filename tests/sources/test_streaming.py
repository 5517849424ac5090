"""Importers stream: memory does not grow with the size of the list."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

CHILD = """
import resource, sys
from pathlib import Path
from watchline.sources import open_source
source = open_source(Path(sys.argv[1]))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
count = sum(1 for _ in source.records())
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(count, (after - before) // 1024)
"""


def big_un_list(original: Path, target: Path, copies: int) -> int:
    """The real UN individuals repeated ``copies`` times under fresh DATAIDs."""
    text = original.read_text("utf-8")
    head = text[: text.index("<INDIVIDUALS>") + len("<INDIVIDUALS>")]
    individuals = re.findall(r"<INDIVIDUAL>.*?</INDIVIDUAL>", text, re.S)
    count = 0
    with target.open("w", encoding="utf-8") as out:
        out.write(head)
        for _ in range(copies):
            for individual in individuals:
                count += 1
                out.write(re.sub(r"<DATAID>\d+", f"<DATAID>{count}", individual, count=1))
        out.write("</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>")
    return count


@pytest.mark.slow
def test_un_import_memory_is_bounded(data: Callable[[str], Path], tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    subjects = big_un_list(data("un/consolidated.xml"), big, copies=12)
    assert big.stat().st_size > 19_000_000
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(big)], capture_output=True, text=True, check=True
    )
    count, growth_mib = (int(v) for v in result.stdout.split())
    assert count > subjects  # subjects plus their Sanction and document records
    assert growth_mib < 25, f"peak RSS grew {growth_mib} MiB on a 20 MB file"
