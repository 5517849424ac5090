"""Readings of Latin spellings as Russian and Arab transcribers hear them, and their view."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchline.matching import Query, Screener, views
from watchline.matching.pronounce import (
    READINGS,
    arabic_heard,
    arabic_written,
    dutch_reading,
    english_ow_au_reading,
    english_reading,
    french_reading,
    german_reading,
    hungarian_reading,
    italian_reading,
    pinyin_reading,
    polish_reading,
    spanish_reading,
    turkish_reading,
)
from watchline.model import Entity

# (reading, folded Latin part, reading in the letters our romaniser writes for Cyrillic)
READ_AS: list[tuple[Callable[[str], str], str, str]] = [
    (french_reading, "arnault", "arno"),  # -ault: au is o, final lt mute
    (french_reading, "giraud", "zhiro"),  # soft g, au, final d mute
    (french_reading, "girard", "zhirar"),  # a final d after r is mute too
    (french_reading, "dutoit", "dyutua"),  # u is [y], oi is [wa]
    (french_reading, "rousseau", "russo"),  # ou, eau
    (french_reading, "chirac", "shirak"),  # ch is sh, a final c is heard
    (french_reading, "guillaumin", "giyomen"),  # gu before i, ill, nasal in
    (french_reading, "laurent", "loran"),  # nasal en
    (french_reading, "charles", "sharl"),  # mute final -es
    (french_reading, "boulanger", "bulanzhe"),  # -er is [e]
    (french_reading, "montagne", "montany"),  # gn, mute e
    (english_reading, "jaycee", "dzheysi"),  # j, ay, soft c, ee
    (english_reading, "lowe", "lou"),  # ow before a mute e
    (english_reading, "dow", "dou"),  # ow read o (دوو) ...
    (english_ow_au_reading, "dow", "dau"),  # ... and au (داو): both are read
    (english_ow_au_reading, "chow", "chau"),
    (english_reading, "hugh", "khyu"),  # initial h heard as kh, ugh
    (english_reading, "wheat", "uit"),  # wh, ea
    (english_reading, "yale", "yeyl"),  # a before consonant and mute e
    (english_reading, "beulah", "byula"),  # eu, h after a vowel mute
    (english_reading, "brinkley", "brinkli"),  # final -ey
    (english_reading, "wright", "rayt"),  # igh
    (english_reading, "james", "dzheyms"),  # magic e before a final s: Джеймс
    (english_reading, "reeves", "rivz"),  # final -es after a voiced consonant: Ривз
    (english_reading, "charles", "charlz"),  # Чарльз
    (english_reading, "rhodes", "roudz"),  # initial rh: Родс
    (english_reading, "wade", "ueyd"),  # initial w before a magic-e vowel
    (spanish_reading, "julieta", "khulieta"),  # j is kh
    (spanish_reading, "guillermo", "giyermo"),  # gu before e, ll
    (spanish_reading, "ramalho", "ramalyo"),  # Portuguese lh
    (german_reading, "sachs", "zaks"),  # s before a vowel is z, chs is ks: Закс
    (german_reading, "schneider", "shnayder"),  # sch, ei: Шнайдер
    (german_reading, "stein", "shtayn"),  # initial st: Штайн
    (german_reading, "neumann", "noymann"),  # eu: Нойман
    (german_reading, "lehmann", "lemann"),  # a vowel's lengthening h is mute
    (german_reading, "nitsche", "niche"),  # tsch: Ниче
    (german_reading, "westheimer", "vestkhaymer"),  # w, s+th is not th: Вестхаймер
    (german_reading, "volker", "folker"),  # v is f: Фолькер
    (german_reading, "dschiris", "dzhiris"),  # dsch writes a foreign j: Джирис
    (dutch_reading, "hintjens", "khintyens"),  # h, j is y
    (dutch_reading, "wauters", "vauters"),  # w, au: Ваутерс
    (dutch_reading, "dijk", "deyk"),  # ij: Дейк
    (dutch_reading, "hoekstra", "khukstra"),  # oe: Хукстра
    (dutch_reading, "bosch", "bos"),  # final sch: Бос
    (dutch_reading, "gogh", "khokh"),  # g and gh: Хох
    (dutch_reading, "koesjnir", "kushnir"),  # oe, sj: Кушнир
    (dutch_reading, "chroesjtsjov", "khrushchov"),  # ch, sj, tsj: Хрущёв
    (italian_reading, "giuseppe", "dzhuzeppe"),  # gi before a vowel, s between vowels
    (italian_reading, "luciano", "luchano"),  # ci before a vowel: Лучано
    (italian_reading, "angelo", "andzhelo"),  # g before e: Анджело
    (italian_reading, "sciascia", "shasha"),  # sci: Шаша
    (italian_reading, "chiara", "kiara"),  # ch is hard: Кьяра
    (hungarian_reading, "jozsef", "yozhef"),  # j, zs: Йожеф
    (hungarian_reading, "nagy", "nad"),  # final gy: Надь
    (hungarian_reading, "gyula", "dyula"),  # gy before a vowel: Дьюла
    (hungarian_reading, "sandor", "shandor"),  # s: Шандор
    (hungarian_reading, "szabo", "sabo"),  # sz: Сабо
    (hungarian_reading, "kocsis", "kochish"),  # cs: Кочиш
    (hungarian_reading, "ferenc", "ferents"),  # c: Ференц
    (polish_reading, "jurhialewicz", "yurkhyalevich"),  # h, soft i, w, cz: Юргялевич
    (polish_reading, "zbigniew", "zbignev"),  # ie: Збигнев
    (polish_reading, "grzegorz", "gzhegozh"),  # rz: Гжегож
    (polish_reading, "szczepanski", "shchepanski"),  # szcz: Щепаньский
    (polish_reading, "wojciech", "voytsekh"),  # w, j, c, ie, ch: Войцех
    (polish_reading, "jastrzebowska", "yastshebovska"),  # rz after t is sh: Ястшембовска
    (polish_reading, "przybysz", "pshybysh"),  # and after p: Пшибыш
    (turkish_reading, "civan", "dzhivan"),  # c: Дживан, جوان
    (turkish_reading, "gokcek", "gokdzhek"),  # c (the folded ö reads as o)
    (turkish_reading, "aghca", "aghdzha"),  # Ağca folds to aghca: ğ is written
    (pinyin_reading, "cai", "tsay"),  # c, ai: Цай, تساي
    (pinyin_reading, "jiang", "tszyan"),  # j, ia, ng: Цзян
    (pinyin_reading, "xiaoping", "syaopin"),  # x: Сяопин
    (pinyin_reading, "zhou", "chzhou"),  # zh: Чжоу
    (pinyin_reading, "renqiong", "zhentsyun"),  # r, q, iong: Жэньцюн
    (pinyin_reading, "xu", "syuy"),  # u after x is ü: Сюй
    (pinyin_reading, "si", "sy"),  # i after s, z, c: Сы
    (pinyin_reading, "schneider", "schneider"),  # not a run of Pinyin syllables
    (pinyin_reading, "jang", "jang"),  # j only before i or u: Korean Jang is no Pinyin
    (pinyin_reading, "cho", "cho"),  # a bare o only after a labial
]

# Spellings that a language pronounces alike (the reading is what a transcriber writes).
READ_ALIKE: list[tuple[Callable[[str], str], str, str]] = [
    (german_reading, "voss", "foss"),  # v is f
    (dutch_reading, "bosch", "bos"),  # a final sch is s
    (hungarian_reading, "nagy", "nad"),  # a final gy is d
    (polish_reading, "wozniak", "vozniak"),  # w is v
]

# Pairs of different names that a careless rule would read alike, and each language keeps apart.
READ_APART: list[tuple[Callable[[str], str], str, str]] = [
    (german_reading, "westheimer", "westeimer"),  # th only where it is not s+h
    (dutch_reading, "schouten", "souten"),  # an initial sch is skh
    (italian_reading, "chiara", "ciara"),  # ch hard, c before i soft
    (hungarian_reading, "szabo", "sabo"),  # sz is s, s is sh
    (polish_reading, "rzepa", "zepa"),  # rz is zh
    (turkish_reading, "cem", "chem"),  # c is dzh, ç (folded ch) is ch
    (pinyin_reading, "xi", "shi"),  # x is s, sh is sh
    (pinyin_reading, "zhi", "zi"),  # zh is chzh, z is tsz
]


@pytest.mark.parametrize(("reading", "spelt", "heard"), READ_AS)
def test_reading(reading: Callable[[str], str], spelt: str, heard: str) -> None:
    assert reading(spelt) == heard


@pytest.mark.parametrize(("reading", "one", "other"), READ_ALIKE)
def test_spellings_read_alike(reading: Callable[[str], str], one: str, other: str) -> None:
    assert reading(one) == reading(other)


@pytest.mark.parametrize(("reading", "one", "other"), READ_APART)
def test_names_read_apart(reading: Callable[[str], str], one: str, other: str) -> None:
    assert reading(one) != reading(other)


def test_every_language_has_readings_and_pairs_that_stay_apart() -> None:
    """Each language in ``READINGS`` is pinned by the tables above, not only exercised."""
    tested = {reading for reading, _, _ in READ_AS}
    apart = {reading for reading, _, _ in READ_APART}
    for language, reading in READINGS:
        assert reading in tested, language
        assert reading in apart or language in ("French", "English", "Spanish"), language


@given(st.from_regex(r"(?:zh|ch|sh|[bdfgjklmnpqrstwxyz])?[aeiou]{1,2}n?g?", fullmatch=True))
def test_pinyin_reads_only_what_it_parses(syllable: str) -> None:
    """A part that is not a run of Pinyin syllables reads as itself, and pays nothing."""
    word = syllable + "vr"  # v and a final r after a consonant are no Pinyin
    assert pinyin_reading(word) == word


@given(st.text(max_size=30))
def test_readings_are_total_and_lowercase_latin(text: str) -> None:
    for _, reading in READINGS:
        assert re.fullmatch(r"[a-z]*", reading(text))


@given(st.from_regex(r"[a-z]{1,12}", fullmatch=True))
def test_readings_keep_what_they_cannot_read_and_are_pure(token: str) -> None:
    """Pure functions of the string (the vocabulary caches each once per part); a reading
    never grows a part beyond what its digraphs write (dzh for j, ks for x)."""
    for _, reading in READINGS:
        heard = reading(token)
        assert heard == reading(token)
        assert len(heard) <= 3 * len(token)


@pytest.mark.parametrize(
    ("romanised", "heard"), [("buniyah", "buniye"), ("jakih", "jake"), ("haba", "haba")]
)
def test_arabic_final_ha_is_a_vowel(romanised: str, heard: str) -> None:
    assert arabic_heard(romanised) == heard


def test_arabic_writes_one_letter_for_dzh_and_zh_and_doubles() -> None:
    assert arabic_written("dzhoanna") == "joana" and arabic_written("zhake") == "jake"
    assert arabic_written("pottie") == "potie"


def _hit(listed: str, query: str) -> tuple[float, list[str]]:
    screener = Screener([Entity.build("t", "Person", {"name": [listed]})])
    hits = screener.screen(Query(query), threshold=0.0)
    if not hits:
        return 0.0, []
    return hits[0].score, [part.how for part in hits[0].explanation.parts]


def test_view_finds_a_name_heard_in_french_and_says_so() -> None:
    score, how = _hit("Jacques Arnault", "Жак Арно")
    assert score >= 0.65
    assert any("pronounced as French spelling reads" in h for h in how)


def test_view_only_for_parts_we_romanised(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Latin query spelt like the Russian rendering gets no reading: between two Latin
    spellings the readings would merge names that are spelt, and listed, apart."""
    assert _hit("Jacques Arnault", "Zhak Arno")[0] < 0.65
    monkeypatch.setattr(views, "PRONOUNCED_FACTOR", 0.0)
    assert _hit("Jacques Arnault", "Жак Арно")[0] < 0.65


# A listed name, its rendering by ear in another script, and the language whose reading finds it.
HEARD: list[tuple[str, str, str]] = [
    ("Paula Sachs", "باولا زاكس", "German"),
    ("Jozsef Nagy", "Йожеф Надь", "Hungarian"),
    ("Dirk Hoekstra", "Дирк Хукстра", "Dutch"),
    ("Giuseppe Luciano", "Джузеппе Лучано", "Italian"),
    ("Zbigniew Wojciech", "Збигнев Войцех", "Polish"),
    ("Cevat Civan", "Джеват Дживан", "Turkish"),
]


@pytest.mark.parametrize(("listed", "query", "language"), HEARD)
def test_view_finds_names_heard_in_each_language(listed: str, query: str, language: str) -> None:
    score, how = _hit(listed, query)
    assert score >= 0.65
    assert any(f"pronounced as {language} spelling reads" in h for h in how)


def test_a_reading_does_not_make_another_name_alike() -> None:
    """Zaki is not Sachs read as German: one shared sound leaves the pair below a hit."""
    assert _hit("Paula Sachs", "باولا زاكي")[0] < 0.65


def test_novel_readings_filled_at_build_equal_the_per_part_function() -> None:
    """The build fills the novel-readings bits from the reading views at once; a part
    added later gets them from the function itself: both must agree."""
    from watchline.matching import Screener
    from watchline.matching.pronounce import novel_readings
    from watchline.model import Entity

    names = ["Paula Sachs", "Hintjens Julieta", "Legault Jaycee", "Cai Xiaoping", "Jozsef Nagy"]
    screener = Screener(
        [Entity.build(f"e{i}", "Person", {"name": [n]}) for i, n in enumerate(names)]
    )
    vocab = screener.index.vocab
    values, known = vocab.views[("tokens", novel_readings)]
    assert known[: len(vocab)].all()
    assert [int(v) for v in values[: len(vocab)]] == [novel_readings(t) for t in vocab.tokens]
    german = [language for language, _ in READINGS].index("German")
    assert novel_readings("sachs") & 1 << german  # German reads it anew: zaks
