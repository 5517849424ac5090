"""canonical / phonetic_key: cross-language and cross-transliteration variants meet."""

from __future__ import annotations

import pytest

from watchline.names import canonical, name_tokens, phonetic_key, surname_key

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
