"""Countries: names, ICAO/ISO alpha-3 and alpha-2 codes, reduced to FtM's alpha-2 codes.

Lists spell countries in many ways ("Iran (Islamic Republic of)", "Russian Federation",
"Türkiye"); FtM stores lowercase ISO 3166-1 alpha-2 codes; travel documents carry ICAO
alpha-3 codes ("RUS", and "D" for Germany). Importers and the matcher share this one table
so that a nationality read from a list and one read from a passport compare.
The names come from the reviewed table ``watchline/data/countries.tsv``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Final

_ALPHA3 = """
abw:aw afg:af ago:ao aia:ai ala:ax alb:al and:ad are:ae arg:ar arm:am atg:ag aus:au aut:at
aze:az bdi:bi bel:be ben:bj bfa:bf bgd:bd bgr:bg bhr:bh bhs:bs bih:ba blr:by blz:bz bmu:bm
bol:bo bra:br brb:bb brn:bn btn:bt bwa:bw caf:cf can:ca cck:cc che:ch chl:cl chn:cn civ:ci
cmr:cm cod:cd cog:cg cok:ck col:co com:km cpv:cv cri:cr cub:cu cuw:cw cxr:cx cym:ky cyp:cy
cze:cz d:de ddr:dd deu:de dji:dj dma:dm dnk:dk dom:do dza:dz ecu:ec egy:eg eri:er esh:eh esp:es
est:ee eth:et fin:fi fji:fj flk:fk fra:fr fro:fo fsm:fm gab:ga gbd:gb gbn:gb gbo:gb gbp:gb
gbr:gb gbs:gb geo:ge ggy:gg gha:gh gib:gi gin:gn gmb:gm gnb:gw gnq:gq grc:gr grd:gd grl:gl
gtm:gt guy:gy hnd:hn hrv:hr hti:ht hun:hu idn:id imn:im ind:in iot:io irl:ie irn:ir irq:iq
isl:is isr:il ita:it jam:jm jey:je jor:jo jpn:jp kaz:kz ken:ke kgz:kg khm:kh kir:ki kna:kn
kor:kr kwt:kw lao:la lbn:lb lbr:lr lby:ly lca:lc lie:li lka:lk lso:ls ltu:lt lux:lu lva:lv
mar:ma mco:mc mda:md mdg:mg mdv:mv mex:mx mhl:mh mkd:mk mli:ml mlt:mt mmr:mm mne:me mng:mn
moz:mz mrt:mr msr:ms mus:mu mwi:mw mys:my nam:na ner:ne nfk:nf nga:ng nic:ni niu:nu nld:nl
nor:no npl:np nru:nr nzl:nz omn:om pak:pk pan:pa pcn:pn per:pe phl:ph plw:pw png:pg pol:pl
prk:kp prt:pt pry:py qat:qa rks:xk rou:ro rus:ru rwa:rw sau:sa sdn:sd sen:sn sgp:sg sgs:gs
shn:sh slb:sb sle:sl slv:sv smr:sm som:so srb:rs ssd:ss stp:st sur:sr svk:sk svn:si swe:se
swz:sz sxm:sx syc:sc syr:sy tca:tc tcd:td tgo:tg tha:th tjk:tj tkm:tm tls:tl ton:to tto:tt
tun:tn tur:tr tuv:tv twn:tw tza:tz uga:ug ukr:ua ury:uy usa:us uzb:uz vat:va vct:vc ven:ve
vgb:vg vnm:vn vut:vu wlf:wf wsm:ws xkx:xk yem:ye zaf:za zar:zr zmb:zm zwe:zw
"""

ALPHA3: Final[dict[str, str]] = dict(p.split(":") for p in _ALPHA3.split())
_NON_WORD = re.compile(r"[^\w]+")


def _key(name: str) -> str:
    """A spelling-insensitive key: no accents, case, punctuation or leading 'the'."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _NON_WORD.sub(" ", plain.replace("'", "")).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def _names() -> dict[str, str]:
    """Load the names table once; it is immutable package data, so caching it is safe."""
    text = resources.files("watchline").joinpath("data/countries.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, name = line.partition("\t")
        table[_key(name)] = code.strip()
    return table


@cache
def _codes() -> frozenset[str]:
    return frozenset(_names().values()) | frozenset(ALPHA3.values())


def is_country_code(code: str) -> bool:
    """Whether ``code`` (any case) is an alpha-2 code the tables know."""
    return code.strip().lower() in _codes()


def country_code(value: str) -> str | None:
    """The alpha-2 code for a country name, alpha-2 or alpha-3 code; None when unknown."""
    key = _key(value)
    if not key:
        return None
    if len(key) == 2:
        return key if key in _codes() else None
    return ALPHA3.get(key) or code_for_name(value)


def code_for_name(name: str) -> str | None:
    """The alpha-2 code for a country *name* only.

    Importers use this on list text, where a two-letter value is not a code: the UN list
    writes "na" for "not available", which must not become Namibia.
    """
    found = _names().get(_key(name))
    if found is None and "(" in name:  # "Iran (Islamic Republic of)"
        found = _names().get(_key(name.split("(")[0]))
    return found


def to_country(name: str) -> str:
    """The code for a country name if known, else the text unchanged (never lost)."""
    return code_for_name(name) or name.strip()
