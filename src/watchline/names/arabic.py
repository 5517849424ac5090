"""Arabic name particles: articles dropped, compounds joined to one token.

``Abd al-Rahman``, ``Abdul Rahman``, ``Abdel Rahman``, ``Abdurrahman`` and ``Abdulrahman``
are one name written with one, two or three words; so are ``Abu Bakr`` and ``Abubakr``. We
write every ``abd`` compound as ``abdul`` + root (``abdulrahman``), with the article's sun
letter assimilation undone (``abdurrahman`` -> ``abdulrahman``), and ``allah`` compounds as
``abdullah``; ``abu``/``abou``/``abo`` + name as ``abu`` + name; theophoric and Persian
compounds as one word (``Nur Allah`` -> ``nurullah``, ``Jalal al-Din`` -> ``jalaluddin``,
``Akhund Zada`` -> ``akhundzade``) and so are Pashto tribal endings (``Shahid Khel`` ->
``shahidkhel``, ``Ishaq Zai`` -> ``ishaqzai``), since Latin spellings usually join them.
"""

from __future__ import annotations

import re

#: Standalone articles. ``al``/``el``/``ul`` always; the sun-letter assimilated forms
#: (``an-Nasir``, ``as-Sayyid``, ``ad-Din``) only before a word that starts with the letter
#: they assimilated to, since ``An``, ``As`` or ``Ad`` alone may be names (Vietnamese ``An``).
CORE_ARTICLES = frozenset({"al", "el", "ul"})
SUN_ARTICLES = frozenset(
    {"ar", "ad", "as", "at", "az", "an", "ash", "adh", "ud", "ed", "ur", "us", "un", "ut"}
)
ARTICLES = CORE_ARTICLES | SUN_ARTICLES
FILIATION = frozenset({"bin", "ibn", "ben", "bint", "binti", "ould", "ibnu", "walad", "wuld"})
ABD_WORDS = frozenset(
    {"abd", "abdul", "abdel", "abdal", "abdol", "abdu", "abdur", "abdus", "abdar", "abdoul",
     "abdou", "abdil"}
)  # fmt: skip
ABU_WORDS = frozenset({"abu", "abou", "abo", "abul", "aboul"})
_ALLAH = frozenset({"lah", "la", "llah", "lla", "allah", "alla", "ullah", "ulla", "loh", "laye"})
_ABD = re.compile(r"^abd(?:ul|ol|el|al|il|ou|u|e|a|o)?(.*)$")
_SUN = frozenset("tdrzsnl")


def _root(rest: str) -> str:
    """Undo a doubled sun letter left by the article (``rrahman`` -> ``rahman``)."""
    if len(rest) > 3 and rest[0] == rest[1] and rest[0] in _SUN:
        return rest[1:]
    if rest.startswith("shsh"):
        return rest[2:]
    return rest


def _abd_compound(root: str, fallback: str) -> str:
    """``abdul`` + root, ``abdullah`` for the divine name, ``fallback`` if no real root."""
    root = _root(root)
    if root in _ALLAH:
        return "abdullah"
    if len(root) < 2:
        return fallback
    return "abdul" + root


def abd_form(token: str) -> str:
    """Rewrite a one-word ``abd`` compound as ``abdul`` + root; other tokens pass through."""
    match = _ABD.match(token)
    return token if match is None else _abd_compound(match.group(1), token)


# Theophoric names: "Nur Allah" / "Nurullah" / "Nourollah", "Jalal al-Din" / "Jalaluddin" /
# "Djalal Eddine". Written ``name`` + ``ullah`` / ``uddin`` as one token.
_ALLAH_WORDS = frozenset({"allah", "ullah", "ulla", "ollah", "illah", "lah", "llah"})
# not "udin": as a word of its own it is the Russian surname Yudin in ISO 9 (Ûdin), not ad-Din
_DIN_WORDS = frozenset({"din", "deen", "dine", "uddin", "eddin", "eddine", "addin"})
# Persian "son of" (Akhund-zada): a separate word in Arabic script, joined in Latin.
_ZADE_WORDS = frozenset({"zada", "zadah", "zadeh", "zade", "zoda"})
_ZADE_END = re.compile(r"(?<=.{2})(?:zada|zadah|zadeh|zoda)$")
# Pashto tribal endings (Shahid Khel / Shahidkhel, Ishaq Zai / Ishaqzai): never names alone.
_KHEL_WORDS = frozenset({"khel", "khail", "khil", "kheyl", "khayl"})
_ZAI_WORDS = frozenset({"zai", "zay"})
_KHEL_END = re.compile(r"(?<=.{2})(?:khail|khil|kheyl|khayl)$")
_ALLAH_END = re.compile(r"(?<=.{2})(?:ullah|ulla|ollah|illah|allah|ullo)$")
_DIN_END = re.compile(
    r"(?<=.{2})(?:uddin|uddine|uddeen|udeen|eddin|eddine|addin|aldin|eldin|oddin|iddin|"
    r"ouddine|oudine|ouddin|edine|udin)$"
)
#: A cheap test on a folded name: may it hold an ``ab...`` word or a theophoric ending?
NEEDS_JOIN = re.compile(
    r"(?:^| )(?:ab|binal|benal|ibnal)"
    r"|(?:llah|ulla|ullo|zada|zadah|zadeh|zoda|din|dine|deen|khel|khail|khil|khayl|zai|zay)(?: |$)"
)


_ENDINGS = (
    "llah", "ulla", "ullo", "zada", "zadah", "zadeh", "zoda", "din", "dine", "deen", "khail",
    "khil", "kheyl", "khayl",
)  # fmt: skip
#: "bin al-Shibh" written as one word (Binalshibh): the filiation and article are dropped.
_GLUED_FILIATION = re.compile(r"^(?:binal|benal|ibnal)(?=.{4})")


def theophoric_form(token: str) -> str:
    """Spell joined ``-allah`` / ``-al-din`` / ``-zadeh`` endings ``ullah``/``uddin``/``zade``."""
    if not token.endswith(_ENDINGS):
        return token
    token = _ALLAH_END.sub("ullah", token, count=1)
    token = _ZADE_END.sub("zade", token, count=1)
    token = _KHEL_END.sub("khel", token, count=1)
    return _DIN_END.sub("uddin", token, count=1)


_SHORT_TAILS = ("ullah", "uddin")
MIN_SHORT_FORM = 3


def short_form(token: str) -> str:
    """The name a joined compound is shortened to in daily use, or ``""`` if none.

    Sirajuddin Haqqani is "Siraj Haqqani", Shafiqullah is "Shafiq", and a man named Abd
    al-Basir is called "Basir": the theophoric ending or the ``abd`` (servant of) head is
    dropped. Works on joined tokens as :func:`join_particles` writes them (``uddin``,
    ``ullah``, ``abdul``); ``abdullah`` has no shorter form, nor has a stem under three
    letters."""
    if token.startswith("abdul"):
        stem = token[5:]
    elif token.endswith(_SHORT_TAILS):
        stem = token[:-5]
    else:
        return ""
    return stem if len(stem) >= MIN_SHORT_FORM and stem not in _ALLAH else ""


#: An article written joined to the name, as French and Maghrebi spellings do: ``el``/``al``
#: before a consonant (Elkaim, Alqahtani) or assimilated to a doubled sun letter (Essaid,
#: Ettayeb, Ennasr, Echchaoui).
_GLUED_ARTICLE = re.compile(
    r"^(?:(?:al|el|ul)(?=[b-df-hj-km-np-tv-z])|[aeu](?=(sh|ch|[tdrzsn])\1))"
)
MIN_ARTICLE_STEM = 3


def article_stem(token: str) -> str:
    """The name without an article glued to its front, or ``""`` if it has none.

    Arabic script writes the article as part of the word (السعيد), so romanising it and
    dropping the article leaves ``said``, while a Latin list may hold ``Essaid``. Whether the
    front really is an article is for the caller to judge: Elkhan, Elnur and Albina look
    the same, so matching asks this only of a part whose counterpart went through Arabic
    script, where the two readings cannot be told apart anyway."""
    match = _GLUED_ARTICLE.match(token)
    if match is None:
        return ""
    stem = token[match.end() + len(match.group(1) or "") :]
    return stem if len(stem) >= MIN_ARTICLE_STEM else ""


def _join_theophoric(tokens: list[str]) -> list[str]:
    """Join ``allah``/``din`` words to the preceding name and normalise joined endings."""
    out: list[str] = []
    for tok in tokens:
        if out and tok in _ALLAH_WORDS and out[-1] != "abdullah":
            out[-1] = theophoric_form(out[-1]) + "ullah"
        elif out and tok in _DIN_WORDS:
            out[-1] = theophoric_form(out[-1]) + "uddin"
        elif out and tok in _ZADE_WORDS:
            out[-1] = theophoric_form(out[-1]) + "zade"
        elif out and tok in _KHEL_WORDS:
            out[-1] = theophoric_form(out[-1]) + "khel"
        elif out and tok in _ZAI_WORDS:
            out[-1] = theophoric_form(out[-1]) + "zai"
        else:
            out.append(theophoric_form(tok))
    return out


def is_article(tokens: list[str], i: int) -> bool:
    """Whether ``tokens[i]`` is an Arabic article (see :data:`SUN_ARTICLES` for the rule)."""
    tok = tokens[i]
    if tok in CORE_ARTICLES:
        return True
    return tok in SUN_ARTICLES and i + 1 < len(tokens) and tokens[i + 1].startswith(tok[1:])


def join_particles(tokens: list[str]) -> list[str]:
    """Join ``abd``/``abu`` to the following name (skipping an article) and drop articles.

    Filiation words (``bin``, ``ibn``) are dropped as well: ``Osama bin Laden`` and
    ``Usama ibn Ladin`` both leave ``usama``/``osama`` and ``laden``/``ladin``.
    """
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if (tok in ABD_WORDS or tok in ABU_WORDS) and i + 1 < n:
            j = i + 1
            if j + 1 < n and is_article(tokens, j):
                j += 1
            nxt = tokens[j]
            out.append("abu" + nxt if tok in ABU_WORDS else _abd_compound(nxt, tok + nxt))
            i = j + 1
            continue
        if tok in FILIATION or is_article(tokens, i):
            i += 1
            continue
        out.append(abd_form(tok) if tok.startswith("abd") else _GLUED_FILIATION.sub("", tok))
        i += 1
    return _join_theophoric(out)
