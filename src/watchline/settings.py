"""Settings, read once (from the environment and command-line flags) and passed down.

Nothing in the package reads the environment anywhere else, so tests build a ``Settings``
directly and never have to patch globals.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_HOME = Path("~/.local/share/watchline")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable about one watchline node."""

    home: Path
    database_url: str
    seed_bundled_list: bool = True
    max_body_bytes: int = 1_000_000
    max_queries_per_request: int = 100
    rate_limit_per_minute: int = 6000
    screening_threshold: float | None = None  # None: the matcher's documented default

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, home: Path | None = None) -> Settings:
        """Build settings from ``WATCHLINE_*`` variables; an explicit ``home`` wins."""
        env = os.environ if env is None else env
        home_dir = (home or Path(env.get("WATCHLINE_HOME", str(DEFAULT_HOME)))).expanduser()
        url = env.get("WATCHLINE_DATABASE_URL") or sqlite_url(home_dir)
        settings = cls(home=home_dir, database_url=url)
        return replace(
            settings,
            seed_bundled_list=env.get("WATCHLINE_SEED", "1") not in {"0", "false", "no"},
            rate_limit_per_minute=int(
                env.get("WATCHLINE_RATE_LIMIT", settings.rate_limit_per_minute)
            ),
        )

    @property
    def index_dir(self) -> Path:
        """Where the persisted screening index lives, for a fast start."""
        return self.home / "index"


def sqlite_url(home: Path) -> str:
    return f"sqlite:///{home / 'watchline.sqlite'}"
