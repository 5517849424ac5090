"""Evidence besides the name, one function per kind, each adding log-odds to a name match.

A feature returns ``None`` when it has nothing to say (a side lacks the fact): absence is
never evidence. Positive values confirm, negative ones discount. The sizes are log-odds
steps, so they add up and every score can be read back as a sum (see ``score.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from watchline.matching.facts import Facts

Feature = Callable[[Facts, Facts], "tuple[float, str] | None"]

ID_MATCH = 12.0  # a shared document number outweighs even an unrelated name
DOB_EXACT = 1.2
DOB_YEAR = 0.5
DOB_NEAR = 0.3
DOB_CONFLICT = -3.0
DOB_YEAR_CONFLICT = -1.5
COUNTRY_MATCH = 0.4
COUNTRY_CONFLICT = -0.6
GENDER_CONFLICT = -1.5


def identifier(query: Facts, listed: Facts) -> tuple[float, str] | None:
    """A passport/ID/tax/registration number on both sides that is the same.

    Numbers are unique to one holder, so a match dominates everything else. Different
    numbers prove nothing (people hold several documents), so they are not a penalty.
    """
    shared = set(query.ids).intersection(listed.ids)
    if shared:
        return ID_MATCH, f"document number {min(shared)} matches"
    return None


def birth_date(query: Facts, listed: Facts) -> tuple[float, str] | None:
    """Birth dates: exact, same year only, near (digits transposed or off by one), or conflict.

    Lists often know only a year, or hold several candidate dates, so the best pairing
    counts. Two full dates that differ and are not near are strong evidence of two people.
    """
    if not query.birth_dates or not listed.birth_dates:
        return None
    best = max(
        (_compare_dates(q, c) for q in query.birth_dates for c in listed.birth_dates),
        key=lambda r: r[0],
    )
    return best


def _compare_dates(query: str, listed: str) -> tuple[float, str]:
    if query == listed:
        return DOB_EXACT, f"birth date {query} matches"
    if query[:4] == listed[:4]:
        if len(query) == 4 or len(listed) == 4 or (query[:7] == listed[:7] and len(query) < 10):
            return DOB_YEAR, f"birth year {query[:4]} matches"
        if _near_full_date(query, listed):
            return DOB_NEAR, f"birth date {query} is near {listed}"
        return DOB_CONFLICT / 2, f"birth date {query} differs from {listed} in the same year"
    if len(query) >= 10 and len(listed) >= 10 and _near_full_date(query, listed):
        return DOB_NEAR, f"birth date {query} is near {listed}"
    if abs(int(query[:4]) - int(listed[:4])) <= 1:
        return DOB_NEAR / 2, f"birth year {query[:4]} is next to {listed[:4]}"
    full = len(query) >= 10 and len(listed) >= 10
    penalty = DOB_CONFLICT if full else DOB_YEAR_CONFLICT
    return penalty, f"birth date {query} conflicts with {listed}"


def _near_full_date(a: str, b: str) -> bool:
    """Same date with day and month swapped, two digits transposed, or one digit wrong."""
    if len(a) < 10 or len(b) < 10:
        return False
    if a[:4] == b[:4] and a[5:7] == b[8:10] and a[8:10] == b[5:7]:
        return True
    da, db = a.replace("-", ""), b.replace("-", "")
    diffs = [i for i in range(8) if da[i] != db[i]]
    if len(diffs) == 1:
        return True
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and da[diffs[0]] == db[diffs[1]]
        and da[diffs[1]] == db[diffs[0]]
    )


def nationality(query: Facts, listed: Facts) -> tuple[float, str] | None:
    """Nationality/citizenship/country codes: any shared code confirms, none shared discounts.

    The discount is mild: listed persons often hold nationalities the list does not know.
    """
    if not query.countries or not listed.countries:
        return None
    shared = set(query.countries).intersection(listed.countries)
    if shared:
        return COUNTRY_MATCH, f"country {min(shared)} matches"
    listed_codes = ",".join(sorted(listed.countries))
    return COUNTRY_CONFLICT, f"country {min(query.countries)} not in {listed_codes}"


def gender(query: Facts, listed: Facts) -> tuple[float, str] | None:
    """Different recorded genders discount the match; the same gender says little."""
    if query.gender is None or listed.gender is None or query.gender == listed.gender:
        return None
    return GENDER_CONFLICT, f"gender {query.gender} differs from {listed.gender}"


FEATURES: dict[str, Feature] = {
    "identifier": identifier,
    "birth_date": birth_date,
    "nationality": nationality,
    "gender": gender,
}
