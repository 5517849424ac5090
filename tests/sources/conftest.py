"""Shared fixtures: the real list files in /work/shared/data (skipped cleanly when absent)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).parents[2] / ".." / "shared" / "data"
DOCS = Path(__file__).parents[2] / "docs" / "formats"


def data_file(relative: str) -> Path:
    """A file under the shared data folder, or a clean skip when it is not there."""
    path = DATA / relative
    if not path.exists():
        pytest.skip(f"shared data file {relative} is absent")
    return path


@pytest.fixture(scope="session")
def data() -> Callable[[str], Path]:
    """``data("un/consolidated.xml")``: a shared data file, or a clean skip."""
    return data_file


@pytest.fixture
def un_xml() -> Path:
    return data_file("un/consolidated.xml")


@pytest.fixture
def national_example() -> Path:
    return DOCS / "national-list-example.csv"
