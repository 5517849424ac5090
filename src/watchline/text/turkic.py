"""The English/Russian-style reading of names written in the Azerbaijani or Turkish alphabet.

In these alphabets ``c`` is the sound of English ``j`` and (Azerbaijani) ``q`` that of ``g``:
``Cəfərov Nicat`` is the man whom Russian documents call Джафаров Ниджат and English ones
Jafarov Nijat. :func:`watchline.text.fold` keeps the letters as written (so a passport's
``CAFAROV<<NICAT`` still meets the listed spelling exactly); this module gives the second,
sound-based spelling, which the index stores beside the first.

The reading applies only to a name that shows a letter no other Latin alphabet uses for
names: ``ə``, dotless ``ı``, ``ğ`` or dotted capital ``İ``. ``c`` means ``k`` or ``ts`` in
most other alphabets, so a name without such a letter (``Rzayev Nicat``, ``Carlos``) keeps
its one spelling.
"""

from __future__ import annotations

TURKIC_MARKS = frozenset("əƏığĞİ")
_SOUNDS = str.maketrans({"c": "j", "C": "J", "q": "g", "Q": "G"})


def turkic_reading(text: str) -> str | None:
    """``text`` with ``c`` read as ``j`` and ``q`` as ``g``, or None if it is not Turkic.

    Examples: ``turkic_reading("Cəfərov Vüqar")`` is ``"Jəfərov Vügar"``;
    ``turkic_reading("Carlos")`` is None.
    """
    if TURKIC_MARKS.isdisjoint(text):
        return None
    reading = text.translate(_SOUNDS)
    return reading if reading != text else None
