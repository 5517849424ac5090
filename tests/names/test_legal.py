"""Organisation legal forms compact to one token per family."""

from __future__ import annotations

import pytest

from watchline.names import compact_legal_form, name_tokens

SAME_COMPANY = [
    ('ООО "Ромашка"', "Romashka LLC"),
    ("ООО «Ромашка»", "Romashka Ltd."),
    ("OOO Romashka", "Romashka Limited"),
    ("Romashka L.L.C.", "Romashka Limited Liability Company"),
    ("ТОО Ромашка", "Romashka LLC"),
    ("ТОВ «Ромашка»", "Romashka GmbH"),
    ("Общество с ограниченной ответственностью «Ромашка»", "Romashka LLC"),
    ("АО «Газпром»", "Gazprom JSC"),
    ("ОАО Газпром", "Gazprom OJSC"),
    ("ПАО «Газпром»", "PJSC Gazprom"),
    ("ЗАО Газпром", "Gazprom CJSC"),
    ("Акционерное общество «Газпром»", "Gazprom Joint Stock Company"),
    ("Siemens AG", "Siemens Aktiengesellschaft"),
    ("Acme Corp.", "Acme Incorporated"),
    ("Acme Co., Ltd.", "Acme LLC"),
    ("Acme FZE", "Acme FZCO"),
]


@pytest.mark.parametrize(("a", "b"), SAME_COMPANY)
def test_legal_forms_compact_to_the_same_tokens(a: str, b: str) -> None:
    assert name_tokens(a, "Company") == name_tokens(b, "Company")


@pytest.mark.parametrize(
    ("a", "b"),
    [("Romashka LLC", "Romashka JSC"), ("Acme Inc", "Acme LP"), ("ООО Ромашка", "АО Ромашка")],
)
def test_different_families_stay_apart(a: str, b: str) -> None:
    assert name_tokens(a, "Company") != name_tokens(b, "Company")


def test_ambiguous_short_forms_only_at_the_edges() -> None:
    assert name_tokens("Holdings Sa Trading", "Company") == ("holdings", "sa", "trading")
    assert name_tokens("Holdings Sa", "Company") == ("holdings", "jsc")
    assert name_tokens("Ao Trading", "Company") == ("trading", "jsc")


def test_compact_legal_form_keeps_order() -> None:
    assert compact_legal_form("Romashka Limited Liability Company") == "romashka llc"
    assert compact_legal_form('ООО "Ромашка"') == "llc romashka"


def test_legal_forms_are_not_compacted_for_persons() -> None:
    assert name_tokens("Ivan Ltd") == ("ivan", "ltd")
