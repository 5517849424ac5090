"""A generator of CIS-style listed persons, realistic query variants, and negatives.

Lists write these names in the native script (Cyrillic, Armenian, Georgian, Azerbaijani
Latin); checkpoints see them romanised by ICAO 9303, BGN/PCGN, ISO 9, English habit, with a
typo, surname first, or without the patronymic. Negatives are people who are NOT listed but
share a surname or a given name with someone who is: the classic false positive.
"""

# ruff: noqa: SIM905  (name lists read and diff better as one string each)
from __future__ import annotations

import random
from dataclasses import dataclass

RU_MALE = (
    "Александр Сергей Дмитрий Андрей Алексей Владимир Николай Евгений Михаил Юрий Игорь Олег "
    "Виктор Павел Константин Вячеслав Григорий Фёдор Илья Максим Артём Роман Борис Геннадий "
    "Валерий Анатолий Леонид Аркадий Эдуард Ярослав"
).split()
RU_FEMALE = (
    "Елена Ольга Наталья Татьяна Ирина Светлана Юлия Анастасия Екатерина Мария Людмила Ксения "
    "Галина Валентина Дарья"
).split()
RU_SURNAMES = (
    "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов "
    "Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев "
    "Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв "
    "Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков "
    "Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров "
    "Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов "
    "Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов "
    "Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин "
    "Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарёв "
    "Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников Трофимов Леонов Соболев "
    "Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин Ефремов Архипов "
    "Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов "
    "Анисимов Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров Симонов "
    "Прокофьев Харитонов Князев Цветков Митрофанов Аксёнов Мальцев Логинов Горшков Савин "
    "Краснов Майоров Демидов Елисеев Рыбаков Сафонов Плотников Хохлов Жданов Щукин Шубин "
    "Вишневский Островский Ковальчук Довгаленко Рыжиков Шувалов Чичерин Юсупов Хрущёв Ежов"
).split()
UA_MALE = "Олександр Андрій Сергій Володимир Микола Іван Василь Петро Богдан Тарас Юрій Олег Дмитро Віталій Євген".split()  # noqa: E501
UA_FEMALE = "Олена Оксана Наталія Тетяна Ірина Юлія Ганна Людмила".split()
UA_SURNAMES = (
    "Шевченко Коваленко Бондаренко Ткаченко Кравченко Олійник Шевчук Коваль Поліщук Бойко "
    "Ткачук Мельник Савченко Руденко Марченко Лисенко Мороз Петренко Клименко Павленко "
    "Кравчук Іваненко Левченко Гончаренко Яценко Зінченко Гаврилюк Кузьменко Пономаренко Литвин"
).split()
# (native, usual romanisation) pairs for scripts without a simple letter table here
AM_MALE = [
    ("Արամ", "Aram"),
    ("Արմեն", "Armen"),
    ("Տիգրան", "Tigran"),
    ("Գևորգ", "Gevorg"),
    ("Դավիթ", "Davit"),
    ("Հայկ", "Hayk"),
    ("Սարգիս", "Sargis"),
    ("Նարեկ", "Narek"),
    ("Վահե", "Vahe"),
    ("Արթուր", "Artur"),
    ("Ռուբեն", "Ruben"),
    ("Կարեն", "Karen"),
]
AM_SURNAMES = [
    ("Պետրոսյան", "Petrosyan"),
    ("Հովհաննիսյան", "Hovhannisyan"),
    ("Սարգսյան", "Sargsyan"),
    ("Խաչատրյան", "Khachatryan"),
    ("Գրիգորյան", "Grigoryan"),
    ("Կարապետյան", "Karapetyan"),
    ("Հարությունյան", "Harutyunyan"),
    ("Մկրտչյան", "Mkrtchyan"),
    ("Ավետիսյան", "Avetisyan"),
    ("Վարդանյան", "Vardanyan"),
    ("Ղազարյան", "Ghazaryan"),
    ("Մարտիրոսյան", "Martirosyan"),
    ("Աբրահամյան", "Abrahamyan"),
    ("Մանուկյան", "Manukyan"),
]
GE_MALE = [
    ("გიორგი", "Giorgi"),
    ("დავით", "Davit"),
    ("ნიკოლოზ", "Nikoloz"),
    ("ლევან", "Levan"),
    ("ირაკლი", "Irakli"),
    ("ზურაბ", "Zurab"),
    ("მიხეილ", "Mikheil"),
    ("ალექსანდრე", "Aleksandre"),
    ("გოჩა", "Gocha"),
    ("თენგიზ", "Tengiz"),
]
GE_SURNAMES = [
    ("ბერიძე", "Beridze"),
    ("კაპანაძე", "Kapanadze"),
    ("გელაშვილი", "Gelashvili"),
    ("მაისურაძე", "Maisuradze"),
    ("გიორგაძე", "Giorgadze"),
    ("ლომიძე", "Lomidze"),
    ("წიკლაური", "Tsiklauri"),
    ("ბოლქვაძე", "Bolkvadze"),
    ("ნოზაძე", "Nozadze"),
    ("ხუციშვილი", "Khutsishvili"),
    ("ჯავახიშვილი", "Javakhishvili"),
    ("ქავთარაძე", "Kavtaradze"),
    ("ჩხეიძე", "Chkheidze"),
    ("შენგელია", "Shengelia"),
]
AZ_MALE = [
    ("İlham", "Ilham"),
    ("Rəşad", "Rashad"),
    ("Elçin", "Elchin"),
    ("Tural", "Tural"),
    ("Nicat", "Nijat"),
    ("Vüqar", "Vugar"),
    ("Əli", "Ali"),
    ("Heydər", "Heydar"),
    ("Orxan", "Orkhan"),
    ("Şahin", "Shahin"),
]
AZ_SURNAMES = [
    ("Məmmədov", "Mammadov"),
    ("Əliyev", "Aliyev"),
    ("Hüseynov", "Huseynov"),
    ("Həsənov", "Hasanov"),
    ("Quliyev", "Guliyev"),
    ("Rzayev", "Rzayev"),
    ("Cəfərov", "Jafarov"),
    ("Abbasov", "Abbasov"),
    ("İsmayılov", "Ismayilov"),
    ("Bağırov", "Bagirov"),
    ("Səfərov", "Safarov"),
    ("Nağıyev", "Nagiyev"),
]
UZ_MALE = [
    ("Шавкат", "Shavkat"),
    ("Жасур", "Jasur"),
    ("Бахтиёр", "Bakhtiyor"),
    ("Ислом", "Islom"),
    ("Дилшод", "Dilshod"),
    ("Фарҳод", "Farhod"),
    ("Азиз", "Aziz"),
    ("Рустам", "Rustam"),
    ("Шуҳрат", "Shukhrat"),
    ("Улуғбек", "Ulugbek"),
]
UZ_SURNAMES = [
    ("Каримов", "Karimov"),
    ("Исломов", "Islomov"),
    ("Тошматов", "Toshmatov"),
    ("Юсупов", "Yusupov"),
    ("Раҳимов", "Rakhimov"),
    ("Абдуллаев", "Abdullaev"),
    ("Рашидов", "Rashidov"),
    ("Умаров", "Umarov"),
    ("Султонов", "Sultonov"),
    ("Мирзиёев", "Mirziyoyev"),
    ("Худойбердиев", "Khudoyberdiev"),
]
KZ_MALE = [
    ("Нұрсұлтан", "Nursultan"),
    ("Ерлан", "Yerlan"),
    ("Асқар", "Askar"),
    ("Дәурен", "Dauren"),
    ("Серік", "Serik"),
    ("Бауыржан", "Bauyrzhan"),
    ("Ержан", "Yerzhan"),
    ("Қайрат", "Kairat"),
    ("Марат", "Marat"),
]
KZ_SURNAMES = [
    ("Назарбаев", "Nazarbayev"),
    ("Тоқаев", "Tokayev"),
    ("Сәтбаев", "Satbayev"),
    ("Жақсыбеков", "Zhaksybekov"),
    ("Әбілов", "Abilov"),
    ("Мұхамедов", "Mukhamedov"),
    ("Құлыбаев", "Kulibayev"),
    ("Ахметов", "Akhmetov"),
    ("Сейітов", "Seitov"),
    ("Омаров", "Omarov"),
    ("Бекмұханбетов", "Bekmukhanbetov"),
]

_COMMON = dict(zip("абвгдзклмнопрстуф", "abvgdzklmnoprstuf", strict=True))
_KZ_UZ = {
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
    "ў": "u",
    "ҳ": "kh",
}
ICAO = {
    **_COMMON,
    **_KZ_UZ,
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "и": "i",
    "й": "i",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "ie",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "і": "i",
    "ї": "i",
    "є": "ie",
    "ґ": "g",
}
BGN = {**ICAO, "ё": "ë", "й": "y", "ъ": "", "ю": "yu", "я": "ya", "ї": "yi", "є": "ye", "ь": "'"}
ISO9 = {
    **_COMMON,
    **_KZ_UZ,
    "е": "e",
    "ё": "ë",
    "ж": "ž",
    "и": "i",
    "й": "j",
    "х": "h",
    "ц": "c",
    "ч": "č",
    "ш": "š",
    "щ": "ŝ",
    "ъ": "ʺ",
    "ы": "y",
    "ь": "ʹ",
    "э": "è",
    "ю": "û",
    "я": "â",
    "і": "ì",
    "ї": "ï",
    "є": "ê",
    "ґ": "g̀",
    "ҳ": "ḩ",
}
_VOWELS = set("аеёиоуыэюяіїєәөұүў")


def romanise(text: str, table: dict[str, str], ukrainian: bool = False) -> str:
    """Letter-by-letter romanisation; BGN writes word-initial and post-vowel е as 'ye'."""
    out: list[str] = []
    prev = " "
    for char in text:
        low = char.lower()
        latin = table.get(low, char)
        if table is BGN and low == "е" and (prev in _VOWELS or not prev.isalpha()):
            latin = "ye"
        if ukrainian and low == "г" and table is not ISO9:
            latin = "h"
        if ukrainian and low == "и":
            latin = "y"
        out.append(latin.capitalize() if char != low and latin else latin)
        prev = low
    return "".join(out)


def _anglicise(name: str, rng: random.Random) -> str:
    """English habits: x for ks, -y for -iy, e for yo/ye, -off for -ov, h for kh."""
    rules = [
        ("ks", "x"),
        ("iy ", "y "),
        ("Yo", "Yo"),
        ("yo", "e"),
        ("Ye", "E"),
        ("ov ", "off "),
        ("kh", "h"),
        ("iy", "i"),
    ]
    out = name + " "
    for old, new in rules:
        if rng.random() < 0.7:
            out = out.replace(old, new)
    return out.strip()


def _roman_variant(name: str, rng: random.Random) -> str:
    """Second habits for Armenian, Georgian, Azerbaijani, Uzbek and Kazakh romanisations."""
    rules = [
        ("yan", "ian"),
        ("shvili", "schwili"),
        ("kh", "ch"),
        ("ts", "tz"),
        ("yev", "ev"),
        ("mmad", "med"),
        ("Hu", "Gu"),
        ("j", "dzh"),
        ("Zh", "J"),
        ("yo", "io"),
        ("ay", "ai"),
        ("dze", "dse"),
    ]
    out = name
    for old, new in rules:
        if old in out and rng.random() < 0.8:
            out = out.replace(old, new)
    return out


def typo(name: str, rng: random.Random) -> str:
    """One keyboard-style slip in one part of five letters or more."""
    words = name.split()
    long = [i for i, w in enumerate(words) if len(w) >= 5] or [0]
    i = rng.choice(long)
    w = words[i]
    pos = rng.randrange(1, len(w) - 1) if len(w) > 2 else 0
    kind = rng.randrange(4)
    if kind == 0:
        w = w[:pos] + w[pos + 1 :]
    elif kind == 1:
        w = w[:pos] + rng.choice("aeiounrst") + w[pos:]
    elif kind == 2:
        w = w[:pos] + rng.choice("aeiounrst") + w[pos + 1 :]
    elif pos + 1 < len(w):
        w = w[:pos] + w[pos + 1] + w[pos] + w[pos + 2 :]
    words[i] = w
    return " ".join(words)


def patronymic(father: str, female: bool, ukrainian: bool = False) -> str:
    """Russian/Ukrainian patronymic from the father's given name."""
    if father.endswith(("а", "я")):
        return father[:-1] + ("ична" if female else "ич")
    if ukrainian:
        stem = father[:-1] if father.endswith("о") else father
        return stem + ("івна" if female else "ович")
    if father.endswith(("й", "ь")):
        return father[:-1] + ("евна" if female else "евич")
    return father + ("овна" if female else "ович")


@dataclass(frozen=True)
class Person:
    """One generated person: the listed (native) form and its romanisations."""

    key: str
    nation: str
    given: str
    surname: str
    patronymic: str
    given_roman: str
    surname_roman: str
    cyrillic: bool
    female: bool

    @property
    def listed_name(self) -> str:
        parts = [self.surname, self.given, self.patronymic]
        return " ".join(p for p in parts if p)


def _cyrillic_person(rng: random.Random, nation: str, key: str) -> Person:
    ukrainian = nation == "UA"
    female = rng.random() < 0.25
    if ukrainian:
        given = rng.choice(UA_FEMALE if female else UA_MALE)
        surname, father = rng.choice(UA_SURNAMES), rng.choice(UA_MALE)
    else:
        given = rng.choice(RU_FEMALE if female else RU_MALE)
        surname, father = rng.choice(RU_SURNAMES), rng.choice(RU_MALE)
        surname = (
            surname + "а"
            if female and surname.endswith(("ов", "ев", "ёв", "ин"))
            else (surname[:-2] + "ая" if female and surname.endswith("ий") else surname)
        )
    pat = patronymic(father, female, ukrainian)
    return Person(key, nation, given, surname, pat, "", "", True, female)


_NATIVE = {
    "AM": (AM_MALE, AM_SURNAMES),
    "GE": (GE_MALE, GE_SURNAMES),
    "AZ": (AZ_MALE, AZ_SURNAMES),
    "UZ": (UZ_MALE, UZ_SURNAMES),
    "KZ": (KZ_MALE, KZ_SURNAMES),
}


def _native_person(rng: random.Random, nation: str, key: str) -> Person:
    males, surnames = _NATIVE[nation]
    (given, given_r), (surname, surname_r) = rng.choice(males), rng.choice(surnames)
    pat = ""
    if nation in ("UZ", "KZ") and rng.random() < 0.6:
        pat = patronymic(rng.choice(RU_MALE), False)
    return Person(
        key, nation, given, surname, pat, given_r, surname_r, nation in ("UZ", "KZ"), False
    )


NATIONS = ("RU", "RU", "RU", "UA", "UA", "AM", "GE", "AZ", "UZ", "KZ")


def make_people(count: int, rng: random.Random) -> list[Person]:
    """Listed persons, mostly Russian and Ukrainian, unique by (given, surname)."""
    people: dict[tuple[str, str], Person] = {}
    while len(people) < count:
        nation = rng.choice(NATIONS)
        key = f"cis-{len(people)}"
        person = (_cyrillic_person if nation in ("RU", "UA") else _native_person)(rng, nation, key)
        people.setdefault((person.given, person.surname), person)
    return list(people.values())


def _roman(person: Person, table: dict[str, str]) -> tuple[str, str, str]:
    """Given, surname, patronymic romanised with a table (or the usual form)."""
    ukrainian = person.nation == "UA"
    if person.nation in ("RU", "UA"):
        return tuple(
            romanise(p, table, ukrainian)
            for p in (person.given, person.surname, person.patronymic)  # type: ignore[return-value]
        )
    pat = romanise(person.patronymic, table) if person.patronymic else ""
    return person.given_roman, person.surname_roman, pat


def variants(person: Person, rng: random.Random) -> list[tuple[str, str]]:
    """(category, query name) pairs for one listed person."""
    given, surname, pat = _roman(person, ICAO)
    full = " ".join(p for p in (given, pat, surname) if p)
    out = [("cis_icao", f"{given} {surname}")]
    if person.nation in ("RU", "UA", "UZ", "KZ") and person.cyrillic:
        bgn = " ".join(p for p in _roman(person, BGN) if p)
        out.append(
            (
                "cis_bgn",
                " ".join(
                    p
                    for p in (
                        _roman(person, BGN)[0],
                        _roman(person, BGN)[2],
                        _roman(person, BGN)[1],
                    )
                    if p
                ),
            )
        )
        out.append(("cis_iso9", " ".join(p for p in _roman(person, ISO9) if p)))
        out.append(("cis_anglicised", _anglicise(bgn, rng)))
    if person.nation not in ("RU", "UA"):
        out.append(("cis_other_habit", _roman_variant(f"{given} {surname}", rng)))
    out.append(("cis_typo", typo(f"{given} {surname}", rng)))
    out.append(("cis_swapped", f"{surname.upper()} {given}"))
    if pat:
        out.append(("cis_full_with_patronymic", full))
    return out


def negatives(people: list[Person], count: int, rng: random.Random) -> list[tuple[str, str]]:
    """Unlisted people sharing a surname or a given name with a listed one, romanised."""
    listed = {(p.given, p.surname) for p in people}
    out: list[tuple[str, str]] = []
    while len(out) < count:
        a, b = rng.choice(people), rng.choice(people)
        if a.nation != b.nation or a.female != b.female or (a.given, b.surname) in listed:
            continue
        mixed = Person(
            "neg",
            a.nation,
            a.given,
            b.surname,
            "",
            a.given_roman,
            b.surname_roman,
            a.cyrillic,
            a.female,
        )
        given, surname, _ = _roman(mixed, rng.choice([ICAO, BGN]))
        kind = "neg_shared_given" if rng.random() < 0.5 else "neg_shared_surname"
        out.append((kind, f"{given} {surname}"))
    return out


def negatives_with_sources(
    people: list[Person], count: int, rng: random.Random
) -> list[tuple[str, str, str, str]]:
    """Like :func:`negatives`, with the keys of the two listed people each one borrows from:
    (kind, name, key of the given-name donor, key of the surname donor)."""
    listed = {(p.given, p.surname) for p in people}
    out: list[tuple[str, str, str, str]] = []
    while len(out) < count:
        a, b = rng.choice(people), rng.choice(people)
        if a.nation != b.nation or a.female != b.female or (a.given, b.surname) in listed:
            continue
        mixed = Person(
            "neg",
            a.nation,
            a.given,
            b.surname,
            "",
            a.given_roman,
            b.surname_roman,
            a.cyrillic,
            a.female,
        )
        given, surname, _ = _roman(mixed, rng.choice([ICAO, BGN]))
        out.append(("neg_shared_parts", f"{given} {surname}", a.key, b.key))
    return out


def native_negatives(people: list[Person], count: int, rng: random.Random) -> list[str]:
    """Unlisted people sharing one part with a listed one, written in the native script.

    A query in a non-Latin script gets the cross-script allowances of the scorer, so these
    check that the allowances do not turn a shared surname or given name into a hit."""
    listed = {(p.given, p.surname) for p in people}
    native = [p for p in people if p.nation not in ("AZ",)]  # Azerbaijani is Latin script
    out: list[str] = []
    while len(out) < count:
        a, b = rng.choice(native), rng.choice(native)
        if a.nation != b.nation or a.female != b.female or (a.given, b.surname) in listed:
            continue
        out.append(f"{a.given} {b.surname}")
    return out
