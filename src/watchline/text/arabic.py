"""Rule-based romanisation of Arabic-script names into their common English forms.

Arabic writes short vowels only as optional marks, so no table can restore them; this module
(1) keeps the marks where present (a name is often marked on one letter only, to settle a
reading: فرِيد, محَمد), (2) spells the long-vowel letters (ا و ي) as vowels or glides
by position, (3) uses a small lexicon for the most frequent name words, whose English spelling
is conventional (``محمد`` -> ``muhammad``), and (4) otherwise inserts a neutral ``a`` between
consonants only for readability. Matching does not rely on those guessed vowels: the
phonetic key of :mod:`watchline.names.keys` drops vowels, so only the consonant skeleton,
which Arabic does write, has to agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "ة": "a", "ى": "a", "ء": "", "ؤ": "u", "ئ": "i", "ع": "", "و": "w",
    # Persian and Urdu letters, and those used for foreign sounds.
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ڤ": "v", "ڭ": "g",
    "ٹ": "t", "ڈ": "d", "ڑ": "r", "ځ": "z", "څ": "s", "ښ": "sh", "ږ": "zh", "ټ": "t",
    "ډ": "d", "ړ": "r", "ڼ": "n", "ھ": "h", "ہ": "h", "ۃ": "a",
}  # fmt: skip
_PERSIAN_CONSONANTS = _CONSONANTS | {
    "ذ": "z", "ث": "s", "ض": "z", "ظ": "z", "ص": "s",
}  # fmt: skip
_ALIFS = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a"}
_MARKS = {"\u064e": "a", "\u0650": "i", "\u064f": "u", "\u0652": "", "\u064b": "an",
          "\u064d": "in", "\u064c": "un", "\u0670": "a"}  # fmt: skip
_SHADDA = "\u0651"
_SUKUN = "\u0652"
_SHORT_VOWELS = frozenset("\u064e\u0650\u064f")
_JOIN = "\ue000"  # private use: an Urdu aspirate's h joins its consonant (see _ASPIRATED)
_TATWEEL = "\u0640"
_BARE = str.maketrans("", "", "".join(_MARKS) + _SHADDA)
# A long vowel's letter after the mark of the same short vowel adds nothing (فرِيد: farid),
# nor after a hamza seat that already says the vowel (جبرائيل: jabrail, رؤوف: rauf).
_LONG_AFTER = {"ي": "\u0650", "و": "\u064f"}
_LONG_AFTER_SEAT = {"ي": "ئ", "و": "ؤ"}

# Frequent name words whose English spelling is a convention, not a rule.
LEXICON = {
    "محمد": "muhammad", "احمد": "ahmad", "أحمد": "ahmad", "محمود": "mahmud",
    "مصطفى": "mustafa", "علي": "ali", "عمر": "umar", "عثمان": "uthman", "حسن": "hasan",
    "حسين": "husayn", "خالد": "khalid", "يوسف": "yusuf", "ابراهيم": "ibrahim",
    "إبراهيم": "ibrahim", "عبد": "abd", "الله": "allah", "عبدالله": "abdullah",
    "اسماعيل": "ismail", "إسماعيل": "ismail", "سعيد": "said", "سليمان": "sulayman",
    "عيسى": "isa", "موسى": "musa", "يحيى": "yahya", "صالح": "salih", "فاطمة": "fatima",
    "عائشة": "aisha", "مريم": "maryam", "أسامة": "usama", "اسامة": "usama", "بن": "bin",
    "ابن": "ibn", "إبن": "ibn", "بنت": "bint", "أبو": "abu", "ابو": "abu", "بكر": "bakr",
    "جعفر": "jafar",
    "طارق": "tariq", "رشيد": "rashid", "جمال": "jamal", "كمال": "kamal", "حمزة": "hamza",
    "أيمن": "ayman", "ايمن": "ayman", "عزيز": "aziz", "رحمن": "rahman", "الرحمن": "al-rahman",
    "الدين": "al-din", "الدولة": "al-dawla", "نور": "nur", "حسيني": "husayni", "عباس": "abbas",
    "زيد": "zayd",
    "سيف": "sayf", "أنور": "anwar", "انور": "anwar", "منصور": "mansur", "ناصر": "nasir",
    "هاشم": "hashim", "الهاشمي": "al-hashimi", "قاسم": "qasim", "ياسين": "yasin",
}  # fmt: skip

_VOWELS = frozenset("aiu")
_ARTICLE = re.compile(r"^[اٱ]ل(?=.{2,})")


def _double_last_consonant(word: str, i: int, out: list[str]) -> None:
    """Apply a shadda: double the consonant before ``word[i]`` (marks may sit in between),
    a digraph whole (بشّار: Bashshar)."""
    for k in range(i - 1, -1, -1):
        if word[k] not in _MARKS and out[k]:
            out[k] += out[k]
            return


def _waw(word: str, i: int, glide: str) -> str:
    """``و`` is a consonant word-initially and before a long vowel (مروان, موسوي), else ``u``."""
    nxt = word[i + 1 : i + 2]
    if i == 0 or nxt == "ا" or (nxt == "ي" and i + 2 == len(word)):
        return glide
    return "u"


def _letter(word: str, i: int, out: list[str], table: dict[str, str]) -> str:
    """Romanise the letter at ``word[i]`` given what has been written so far."""
    ch = word[i]
    first = i == 0
    after_vowel = bool(out) and out[-1][-1:] in _VOWELS
    if (ch in _ALIFS or (ch == "ع" and first)) and word[i + 1 : i + 2] in _SHORT_VOWELS:
        return ""  # the mark on it says which vowel (عُمَر: umar, أُسامة: usama)
    if ch in _ALIFS:
        return _ALIFS[ch]
    if i > 0 and word[i - 1] in (_LONG_AFTER.get(ch), _LONG_AFTER_SEAT.get(ch)):
        return ""
    if ch == "ع" and first:
        return "a"
    if ch == "و":
        return _waw(word, i, table["و"])
    if ch == "ي":
        return "y" if first or after_vowel else "i"
    if ch == "ت" and word[i + 1 : i + 2] == "ش":
        return "ch"
    if ch == "ش" and i > 0 and word[i - 1] == "ت":
        return ""
    if ch == _SHADDA:
        _double_last_consonant(word, i, out)
        return ""
    if ch in (_SUKUN, _JOIN):
        return ch
    if ch in _MARKS:
        return _MARKS[ch]
    return table.get(ch, ch)


# Two letters that Latin would read as one sound (k+h as kh): kept apart by a vowel even
# where a sukun says there is none.
_DIGRAPHS = frozenset({"kh", "sh", "th", "dh", "gh", "ch", "zh", "ph", "tc"})


def _with_vowels(parts: list[str]) -> str:
    """Join letter outputs, putting a neutral ``a`` between two consonants for readability,
    except where a sukun says that no vowel is there (and no digraph is made) or an Urdu
    aspirate joins its h."""
    text = ""
    silent = joined = False
    for part in parts:
        if part in (_SUKUN, _JOIN):
            silent, joined = part == _SUKUN, part == _JOIN
            continue
        if not part:
            continue
        if text and text[-1] not in "aeiou" and part[0] not in "aeiou" and text[-1].isalpha():
            apart = not joined and (not silent or text[-1] + part[0] in _DIGRAPHS)
            text += "a" if apart else ""
        silent = joined = False
        text += part
    return text


# Persian/Urdu letter shapes written for the Arabic ones in Afghan and Pakistani names.
_PERSIAN = str.maketrans(
    {"ی": "ي", "ک": "ك", "ۀ": "ة", "ہ": "ه", "ھ": "ه", "ۃ": "ة", _TATWEEL: None}
)
# Urdu writes an aspirated consonant as the consonant and do-chashmi he (بھٹو: Bhutto, لکھوی:
# Lakhvi, چودھری: Chaudhry): an h joined to it, with no vowel between.
_ASPIRATED = re.compile("(?<=[^\\sاآأإٱوؤيیئىهةعء\u064b-\u0652])\u06be")
_ABD = "عبد"
# Theophoric endings written joined to the name (نورالدين, عتيق‌الله): split off and spelt
# as the joined Latin forms do.
_SUFFIXES = {"الدين": "uddin", "الله": "ullah"}


def _compound(word: str, persian: bool) -> str | None:
    """Romanise ``abd``-prefixed and ``-allah``/``-al-din`` compounds, or None if not one."""
    if word.startswith(_ABD) and len(word) > len(_ABD) + 1:
        return "abd" + romanize_word(word[len(_ABD) :], persian)
    for suffix, latin in _SUFFIXES.items():
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return romanize_word(word[: -len(suffix)], persian) + latin
    return None


def _lexical(word: str) -> bool:
    """Whether ``word`` is a lexicon name: unmarked, or marked as the lexicon spells it (محَمد
    is Muhammad; عَمّر, with its shadda, is Ammar, not Umar)."""
    bare = word.translate(_BARE)
    if bare not in LEXICON:
        return False
    if bare == word:
        return True
    if _SHADDA in word or _SUKUN in word:
        return False
    marked = iter(vowel for vowel in LEXICON[bare] if vowel in _VOWELS)
    return all(_MARKS[ch] in marked for ch in word if ch in _MARKS)


@lru_cache(maxsize=65536)
def romanize_word(word: str, persian: bool = False) -> str:
    """Romanise one Arabic-script word (lexicon, compounds and article first).

    Args:
        word: one word in Arabic script.
        persian: the name is Persian/Dari/Pashto/Urdu (it has a letter Arabic lacks), so
            the letters Persian pronounces differently follow Persian (ذ ض ظ = z, ث ص = s:
            ``ذبیح`` -> ``zabih``). ``ق`` stays ``q`` (Afghan names on lists: Haqqani) and
            ``و`` stays ``w``: Persian script writes foreign names' u and o with it too
            (مويس: Moyes), so reading it v lost more names than it found.
    """
    word = _ASPIRATED.sub(_JOIN + "ه", word).translate(_PERSIAN)
    if _lexical(word):
        return LEXICON[word.translate(_BARE)]
    compound = _compound(word, persian)
    if compound is not None:
        return compound
    prefix = ""
    if _ARTICLE.match(word):
        prefix, word = "al-", word[2:]
        if _lexical(word):
            return prefix + LEXICON[word.translate(_BARE)]
    out: list[str] = []
    table = _PERSIAN_CONSONANTS if persian else _CONSONANTS
    for i in range(len(word)):
        out.append(_letter(word, i, out, table))
    return prefix + _with_vowels(out)


_WORD = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")


#: Letters of Persian, Dari, Pashto and Urdu that Arabic lacks; one marks a name as Persian.
PERSIAN_LETTERS = frozenset("پچژگیکځښټډړڼہھ")


def romanize_arabic(text: str, persian: bool | None = None) -> str:
    """Romanise every Arabic-script run in ``text``; other characters pass through.

    Args:
        text: any text.
        persian: force Persian readings on or off; by default on when ``text`` has a letter
            of :data:`PERSIAN_LETTERS`.
    """
    if persian is None:
        persian = not PERSIAN_LETTERS.isdisjoint(text)
    return _WORD.sub(lambda m: romanize_word(m.group(0), persian), text)


#: Letters whose Persian, Urdu and Turkish value (z, z, s) differs from the Arabic one (dh, d, th).
_READ_OTHERWISE = frozenset("ذضث")


def persian_reading(text: str) -> str | None:
    """``text`` romanised with the Persian values of ذ ض ث, where it holds one of them and no
    letter of :data:`PERSIAN_LETTERS` (which already selects that reading); else None.

    Arabic script does not say which language wrote it. Names of Pakistan, Afghanistan and
    Iran written without a letter Arabic lacks (فضل محمد مظلوم, UN-listed as Fazl Mohammad
    Mazloom; رضا, Reza; الرضوي, Rizvi) are read with these values, and so are Spanish names
    that write c and z as ث (Cisneros: ثيسنيروس); the Arabic reading (fadl, rada) misses them.
    """
    if _READ_OTHERWISE.isdisjoint(text) or not PERSIAN_LETTERS.isdisjoint(text):
        return None
    return romanize_arabic(text, persian=True)
