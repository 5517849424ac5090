"""Armenian and Georgian romanisation, written from the published standards.

* ``armenian``: BGN/PCGN 1981 for Armenian (aspirates marked with ``’``), which gives the
  common ``-yan`` surname ending (``Սարգսյան`` -> ``Sargsyan``) and ``Ye``/``Vo`` word-initially.
* ``georgian``: the Georgian national system of 2002 (also BGN/PCGN 2009), ejectives marked
  with ``’``; passports drop the marks, and so does :func:`watchline.text.fold`.
"""

from __future__ import annotations

from watchline.text.engine import System

ARMENIAN = System(
    name="armenian",
    base={
        "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y",
        "թ": "t’", "ժ": "zh", "ի": "i", "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h",
        "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y", "ն": "n", "շ": "sh", "ո": "o",
        "չ": "ch’", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r",
        "ց": "ts’", "ւ": "w", "փ": "p’", "ք": "k’", "օ": "o", "ֆ": "f", "և": "ev",
    },
    initial={"ե": "ye", "ո": "vo", "և": "yev"},
    # BGN/PCGN: ե is "ye" also after a vowel, and ու is the vowel u.
    after_vowel={"ե": "ye"},
    vowels=frozenset("աեէըիոօու"),
    sequences={"ու": "u"},
)  # fmt: skip

GEORGIAN = System(
    name="georgian",
    base={
        "ა": "a", "ბ": "b", "გ": "g", "დ": "d", "ე": "e", "ვ": "v", "ზ": "z", "თ": "t",
        "ი": "i", "კ": "k’", "ლ": "l", "მ": "m", "ნ": "n", "ო": "o", "პ": "p’", "ჟ": "zh",
        "რ": "r", "ს": "s", "ტ": "t’", "უ": "u", "ფ": "p", "ქ": "k", "ღ": "gh", "ყ": "q’",
        "შ": "sh", "ჩ": "ch", "ც": "ts", "ძ": "dz", "წ": "ts’", "ჭ": "ch’", "ხ": "kh",
        "ჯ": "j", "ჰ": "h",
    },
)  # fmt: skip

# Georgian Mtavruli capitals (U+1C90..) carry no case meaning in names; map them to Mkhedruli.
_MTAVRULI = {chr(0x1C90 + i): chr(0x10D0 + i) for i in range(0x2B)}
GEORGIAN_CAPITALS = str.maketrans(_MTAVRULI)
