"""canonical / phonetic_key: cross-language and cross-transliteration variants meet."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from tests.conftest import build_script

from watchline.names import canonical, name_tokens, phonetic_key, surname_key
from watchline.names.heldout import is_heldout_cluster

NOVIKOV = "Новиков Андрей Викторович"
NOVIKOV_VARIANTS = [
    "NOVIKOV ANDREI",
    "Andrey Novikov",
    "Andrej Novikov",
    "Andreï Novikov",
    "Andrew Novikov",
    "NOVIKOV, Andrei Viktorovich",
    "Nоvikov Andrei",  # Cyrillic о
    "Novi\u200dkov\u200b Andrei",  # zero-width joiner and space
]


def keys(name: str) -> tuple[set[str], set[str]]:
    tokens = name_tokens(name)
    return {canonical(t) for t in tokens}, {phonetic_key(t) for t in tokens}


@pytest.mark.parametrize("variant", NOVIKOV_VARIANTS)
def test_novikov_variants_share_the_keys_of_the_listed_name(variant: str) -> None:
    ref_canonical, ref_phonetic = keys(NOVIKOV)
    var_canonical, var_phonetic = keys(variant)
    assert len(var_canonical) >= 2
    # Every part of the variant (given name, surname, patronymic) has the canonical key of a
    # part of the listed name ...
    assert var_canonical <= ref_canonical
    # ... and, except for the translated "Andrew", its phonetic key as well.
    if "Andrew" not in variant:
        assert var_phonetic <= ref_phonetic


def _same(a: str, b: str) -> bool:
    """Tokens meet when their canonical keys or their phonetic keys agree."""
    return canonical(a) == canonical(b) or phonetic_key(a) == phonetic_key(b)


def _names_meet(a: str, b: str) -> bool:
    """Every token of the shorter name meets some token of the other."""
    ta, tb = name_tokens(a), name_tokens(b)
    short, other = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return bool(short) and all(any(_same(x, y) for y in other) for x in short)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Олександр", "Александр"),
        ("Oleksandr", "Aleksandr"),
        ("Olexandr", "Alexander"),
        ("Володимир", "Владимир"),
        ("Volodymyr", "Vladimir"),
        ("Wladimir", "Vladimir"),
        ("Hryhorii", "Grigory"),
        ("Григорій", "Григорий"),
        ("Mykola", "Nikolai"),
        ("Mykola", "Nicholas"),
        ("Yuriy", "Iurii"),
        ("Jurij", "Yuri"),
        ("Dmytro", "Dmitry"),
        ("Serhii", "Sergey"),
    ],
)
def test_ukrainian_and_russian_forms_meet(a: str, b: str) -> None:
    assert _names_meet(a, b)


def test_george_is_not_yuri() -> None:
    assert canonical("george") != canonical("yuri")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Սարգսյան Աշոտ", "Ashot Sargsyan"),
        ("Սարգսյան Աշոտ", "Саргсян Ашот"),
        ("Petrosian", "Petrosyan"),
        ("Петросян", "Petrosjan"),
        ("Խաչատրյան", "Khachatryan"),
        ("Խաչատրյան", "Хачатрян"),
        ("მიხეილ სააკაშვილი", "Mikheil Saakashvili"),
        ("მიხეილ სააკაშვილი", "Михаил Саакашвили"),
        ("Saakaschwili", "Saakashvili"),
        ("შევარდნაძე", "Шеварднадзе"),
        ("ჯავახიშვილი", "Dzhavakhishvili"),
    ],
)
def test_armenian_and_georgian_native_russian_latin_meet(a: str, b: str) -> None:
    assert _names_meet(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Heydər Əliyev", "Heydar Aliyev"),
        ("Heydər Əliyev", "Гейдар Алиев"),
        ("Şahin Məmmədov", "Sahin Mammadov"),
        ("İlham Əliyev", "Ilham Aliyev"),
        ("Xədicə Çələbi", "Khadija Chalabi"),
        ("Oʻtkir Gʻulomov", "Otkir Gulomov"),
        ("O'tkir G'ulomov", "Utkir Gulyamov"),
        ("Shavkat Mirziyoyev", "Шавкат Мирзиёев"),
        ("Alirza oğlu", "Alirza ogly"),
    ],
)
def test_azerbaijani_and_uzbek_with_and_without_special_letters_meet(a: str, b: str) -> None:
    assert _names_meet(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("محمد", "Mohammed"),
        ("Muhammad", "Mohamad"),
        ("Mohamed", "Mukhammad"),
        ("Magomed", "Mohammed"),
        ("عبد الرحمن", "Abdul Rahman"),
        ("Abdurrahman", "Abd al-Rahman"),
        ("Abdelrahman", "Abdul-Rahman"),
        ("أسامة بن لادن", "Osama bin Laden"),
        ("Usama ibn Ladin", "Osama bin Laden"),
        ("الظواهري", "al-Zawahiri"),
        ("el-Masri", "Al Masri"),
        ("حسين", "Hussein"),
        ("يوسف", "Youssef"),
        ("خالد", "Khaled"),
        ("بغداد", "Baghdad"),
        ("قاسم", "Qasim"),
        ("إبراهيم", "Avraham"),  # one name in Arabic and Hebrew (hand-reviewed table)
        ("جوانا", "Johanna"),  # Joanna/Juana/Giovanna/Jeanne: one name across languages
        ("Giovanna", "Jeanne"),
    ],
)
def test_arabic_script_and_latin_spellings_meet(a: str, b: str) -> None:
    assert _names_meet(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ivanov", "Petrov"), ("Andrey", "Sergey"), ("Mohammed", "Ahmed"), ("Aliyev", "Mammadov")],
)
def test_different_names_do_not_meet(a: str, b: str) -> None:
    assert not _names_meet(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("petrosian", "petrosyan"),
        ("saakaschwili", "saakashvili"),
        ("novikoff", "novikov"),
        ("aliyev", "aliev"),
        ("zelenskyy", "zelenskiy"),
        ("trotzki", "trotsky"),
        ("przylecka", "przyletskaya"),
        ("zelenskaya", "zelenska"),
        ("iwanowicz", "iwanovich"),
    ],
)
def test_surname_key_normalises_endings(a: str, b: str) -> None:
    assert surname_key(a) == surname_key(b)


def test_surname_key_leaves_short_tokens() -> None:
    assert surname_key("ian") == "ian"


def test_phonetic_key_is_deterministic_and_non_empty() -> None:
    assert phonetic_key("mukhammad") == phonetic_key("mohammed") == "mhmd"
    assert phonetic_key("ea") == "e"


def test_an_initial_rh_is_read_r_but_not_an_inner_one() -> None:
    """Rhonda is Ронда and روندا (runada); Sarhan's r and h are both sounded (سرحان)."""
    assert phonetic_key("rhonda") == phonetic_key("runada") == phonetic_key("ronda")
    assert phonetic_key("sarhan") != phonetic_key("saran")


# The generated table (scripts/build_name_equivalents.py): one class per name across
# languages, without the chains that one Wikidata cluster's nicknames, mislabels and short
# syllables used to make (issue 3).
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("mikhail", "michael"),
        ("yusuf", "joseph"),
        ("yusuf", "josef"),
        ("grigory", "hryhorii"),
        ("oleksandr", "aleksandr"),
        ("aleksandr", "alexander"),
        ("pyotr", "petr"),
        ("pyotr", "peter"),
        ("evgeniy", "yevhenii"),
        ("giovanni", "dzhovanni"),
        ("guliyev", "kuliev"),
        ("hans", "hanns"),
        ("paraskevi", "praskovya"),
        ("zhak", "jacques"),  # Cyrillic reading of a French name
        ("hawi", "hoy"),  # Arabic reading: vowels guessed, consonants kept
        ("fuzi", "fauzi"),
    ],
)
def test_generated_table_keeps_one_name_in_one_class(a: str, b: str) -> None:
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("bois", "boris"),
        ("bois", "pak"),
        ("boris", "bobby"),
        ("yang", "kang"),
        ("yang", "kim"),
        ("kang", "kim"),
        ("kholl", "chol"),
        ("paraskevi", "paule"),
        ("paraskevi", "pavel"),
    ],
)
def test_generated_table_does_not_chain_different_names(a: str, b: str) -> None:
    assert canonical(a) != canonical(b)


def _builder() -> ModuleType:
    return build_script("build_name_equivalents")


def _write_clusters(folder: Path, clusters: list[str]) -> Path:
    qids = (f"Q{n}" for n in range(1, 10_000) if not is_heldout_cluster(f"Q{n}"))
    lines = [f"{forms} => {qid}\n" for forms, qid in zip(clusters, qids, strict=False)]
    (folder / "persons.part00.txt").write_text("".join(lines), encoding="utf-8")
    return folder


def test_builder_links_spellings_and_readings_but_not_chains(tmp_path: Path) -> None:
    source = _write_clusters(
        tmp_path,
        [
            "Boris, Borys, Борис",
            "Barys, Baris, Boris, Bobby",  # Belarusian spelling, and a nickname
            "Paris, Parisi, Parisz, باريس",  # Arabic reads "baris": a second name's form
            "Kim, Kang, Gam",  # short syllables of unrelated names
        ],
    )
    classes = {form: tuple(c) for c in _builder().build(source) for form in c}
    assert classes["boris"] == classes["borys"] == classes["barys"] == classes["baris"]
    assert "bobby" not in classes  # unalike and seen once: a nickname, not a spelling
    assert classes["paris"] == classes["parisi"]
    assert classes["paris"] != classes["boris"]
    assert not {"kim", "kang", "gam"} & classes.keys()


def test_builder_joins_a_translation_that_several_clusters_assert(tmp_path: Path) -> None:
    source = _write_clusters(tmp_path, ["Mikhail, Michael", "Michael, Mikhail, Michel"])
    (forms,) = _builder().build(source)
    assert set(forms) == {"mikhail", "michael", "michel"}
