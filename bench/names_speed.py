"""Speed of the names layer on the index-build path: name_tokens + canonical + phonetic_key.

Synthesises a list of person names (Latin, Cyrillic and Arabic-script, with a large surname
vocabulary so that per-token caches see realistic miss rates) and prints names per second.
Target: 3,000,000 names in under 30 s on the reference machine (2 cores).

Run: ``python bench/names_speed.py [--count 3000000] [--seed 1]``
"""

from __future__ import annotations

import argparse
import random
import time

from watchline.names import canonical, name_tokens, phonetic_key

GIVEN = [
    "Ivan",
    "Andrei",
    "Oleksandr",
    "Mohammed",
    "Ahmad",
    "Abdul Rahman",
    "Sergey",
    "Olga",
    "Андрей",
    "Владимир",
    "Олександр",
    "Ashot",
    "Giorgi",
    "Heydər",
    "محمد",
    "عبد الله",
]
PATRONYMIC = ["Petrovich", "Viktorovich", "Ivanovna", "Викторович", "Олегович", ""]
ARABIC = ["Al-Hashimi", "bin Laden", "الهاشمي", "Abu Bakr", "el-Masri", "al-Baghdadi"]
SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "sha",
    "tov",
    "len",
    "ko",
    "dar",
    "vi",
    "zu",
    "an",
    "bek",
    "gor",
    "ya",
    "lin",
    "mur",
    "sid",
    "pet",
    "nov",
    "ras",
]
ENDINGS = ["ov", "ev", "enko", "yan", "shvili", "sky", "in", "ova", "i", "zade", ""]
CYR = str.maketrans("aekmnoprstuvyzgdbil", "аекмнопрстувызгдбил")


def surnames(rng: random.Random, count: int) -> list[str]:
    """A vocabulary of made-up surnames, a third of them in Cyrillic."""
    out = []
    for _ in range(count):
        stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        word = (stem + rng.choice(ENDINGS)).capitalize()
        out.append(word.lower().translate(CYR).capitalize() if rng.random() < 0.33 else word)
    return out


def make_names(count: int, seed: int) -> list[str]:
    """``count`` synthetic full names."""
    rng = random.Random(seed)
    family = surnames(rng, 200_000)
    names = []
    for _ in range(count):
        if rng.random() < 0.25:
            name = f"{rng.choice(GIVEN)} {rng.choice(GIVEN)} {rng.choice(ARABIC)}"
        else:
            name = f"{rng.choice(GIVEN)} {rng.choice(PATRONYMIC)} {rng.choice(family)}"
        names.append(name.upper() if rng.random() < 0.2 else name)
    return names


def run(names: list[str]) -> tuple[float, float]:
    """Fold every name into tokens, canonical keys and phonetic keys.

    Returns wall-clock and process CPU seconds (CPU time is what to compare when other jobs
    share the machine).
    """
    start, cpu = time.perf_counter(), time.process_time()
    for name in names:
        tokens = name_tokens(name)
        for token in tokens:
            canonical(token)
            phonetic_key(token)
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=3_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    names = make_names(args.count, args.seed)
    wall, cpu = run(names)
    print(
        f"{len(names):,} names in {wall:.1f} s wall, {cpu:.1f} s CPU: "
        f"{len(names) / wall:,.0f} names/s wall, {len(names) / cpu:,.0f} names/s CPU"
    )


if __name__ == "__main__":
    main()
