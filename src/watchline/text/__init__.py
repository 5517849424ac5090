"""Text normalisation, script detection and transliteration (pure core, no I/O)."""

from watchline.text.fold import fold
from watchline.text.romanize import romanize
from watchline.text.scripts import scripts

__all__ = ["fold", "romanize", "scripts"]
