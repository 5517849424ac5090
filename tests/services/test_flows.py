"""Counterparty screening and the analysis pipeline over the batch screener."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from watchline.errors import ConflictError, InputError, NotFoundError
from watchline.model import Entity
from watchline.services import flows as service
from watchline.services import flows_cases as cases
from watchline.services.counterparties import (
    COUNTERPARTY_THRESHOLD,
    holder_schema,
    screen_accounts,
    split_roles,
)
from watchline.sources.transactions import read_transactions
from watchline.store import Store

HEADER = (
    "Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,"
    "Amount Paid,Payment Currency,Payment Format,Is Laundering\n"
)


def _entities() -> list[Entity]:
    listed = Entity.build(
        "l1",
        "Person",
        {"name": ["Абу Бакр Аль-Багдади"], "alias": ["Abu Bakr al-Baghdadi"]},
        target=True,
    )
    brother = Entity.build("a1", "Person", {"name": ["Ahmad al-Baghdadi"]})
    family = Entity.build("f1", "Family", {"person": ["l1"], "relative": ["a1"]})
    return [listed, brother, family]


def _files(tmp_path: Path) -> tuple[Path, Path]:
    rows = [
        f"2022/09/01 10:{i:02d},1,D{i},1,C1,200,US Dollar,200,US Dollar,ACH,0" for i in range(10)
    ]
    rows += [
        "2022/09/03 10:00,1,C1,2,L1,1800,US Dollar,1800,US Dollar,Wire,0",
        "2022/09/03 11:00,1,D0,3,A1,500,US Dollar,500,US Dollar,Wire,0",
    ]
    tx = tmp_path / "tx.csv"
    tx.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    acc = tmp_path / "acc.csv"
    acc.write_text(
        "Bank Name,Bank ID,Account Number,Entity ID,Entity Name\n"
        "B2,2,L1,E1,ABU BAKR AL BAGHDADI\nB3,3,A1,E2,Ahmed Al-Baghdadi\n"
        "B1,1,C1,E3,Corporation #7\n",
        encoding="utf-8",
    )
    return tx, acc


def test_split_roles_finds_associates_through_relations() -> None:
    matchable, associates = split_roles(_entities())
    assert {e.id for e in matchable} == {"l1", "a1"}
    assert associates == {"a1"}


def test_screening_marks_listed_and_associate_accounts(tmp_path: Path) -> None:
    run = service.run_analysis(*_files(tmp_path), _entities())
    acc = run.tx.accounts
    listed = {acc.label(int(i)) for i in np.flatnonzero(run.screening.listed)}
    assoc = {acc.label(int(i)) for i in np.flatnonzero(run.screening.associates)}
    assert listed == {"2/L1"} and assoc == {"3/A1"}
    hit = next(h for h in run.screening.hits if h.role == "listed")
    assert hit.entity_id == "l1" and hit.explanation


def test_outputs_follow_the_contract(tmp_path: Path) -> None:
    run = service.run_analysis(*_files(tmp_path), _entities())
    service.write_alerts(run, tmp_path / "alerts.csv")
    service.write_flagged(run, tmp_path / "flagged.csv")
    lines = (tmp_path / "alerts.csv").read_text().splitlines()
    assert lines[0] == "bank,account,score,typologies,reasons"
    by_account = {ln.split(",")[1]: ln for ln in lines[1:]}
    assert "listed-party" in by_account["L1"] and "listed match l1" in by_account["L1"]
    assert "associate" in by_account["A1"]
    assert "collector" in by_account["C1"]
    flagged = (tmp_path / "flagged.csv").read_text().splitlines()
    assert flagged[0] == "row,score,typology"
    assert "10,1.000,listed-party" in flagged


def test_without_screening_nothing_is_listed(tmp_path: Path) -> None:
    run = service.run_analysis(*_files(tmp_path), None)
    assert not run.screening.listed.any()


def test_case_life_cycle(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'w.sqlite'}")
    run = service.run_analysis(*_files(tmp_path), _entities())
    ids = cases.save_alerts(store, run, "tx.csv", top=5)
    clock = lambda: datetime(2024, 1, 1, tzinfo=UTC)  # noqa: E731
    case_id = cases.open_case(store, ids[0], "Listed party", "ana", clock)
    cases.add_note(store, case_id, "bank asked for KYC", "ana", clock)
    with pytest.raises(InputError):
        cases.close_case(store, case_id, "forgotten", "", "ana", clock)
    cases.close_case(store, case_id, "reported", "STR filed", "ana", clock)
    with pytest.raises(ConflictError):
        cases.add_note(store, case_id, "late", "ana", clock)
    view = cases.get_case(store, case_id)
    assert view.case.status == "reported"
    assert [e.kind for e in view.case.events] == ["opened", "note", "closed"]
    with pytest.raises(NotFoundError):
        cases.open_case(store, 999, "", "ana", clock)
    result = cases.goaml_report(store, case_id, clock=clock)
    assert b"<report_code>STR</report_code>" in result.xml


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("Ivan Petrov", "Person"),
        ("KLEMPNER, Magritte", "Person"),
        ("Corporation #33520", "Organization"),
        ("Al Rashid Trust", "Organization"),
        ("Relief Fund #3", "Organization"),
        ("Acme Trading Ltd.", "Organization"),
    ],
)
def test_holder_schema(name: str, schema: str) -> None:
    assert holder_schema(name) == schema


def test_listed_paths_and_shares(tmp_path: Path) -> None:
    run = service.run_analysis(*_files(tmp_path), _entities())
    assert service.write_listed_paths(run, tmp_path / "paths.csv") > 0
    lines = (tmp_path / "paths.csv").read_text().splitlines()
    assert lines[0] == "direction,listed_bank,listed_account,hops,amount,path,rows"
    # donor D0 -> collector C1 -> listed L1, in two hops, rows 0 and 10
    assert any(ln.startswith("to-listed,2,L1,2,") and ln.endswith(",0;10") for ln in lines)
    service.write_listed_share(run, tmp_path / "share.csv")
    share = dict(ln.rsplit(",", 1) for ln in (tmp_path / "share.csv").read_text().splitlines())
    assert share["1,C1"] == "1.0000"


def test_account_holders_are_screened_at_the_stricter_counterparty_cut(tmp_path: Path) -> None:
    """'Masoud Pezeshfar' scores 0.66 against a listed 'Masoud Pezeshkian': a hit for a
    traveller (default 0.65), not for a bare name in a payment file (0.70)."""
    tx_path, acc_path = _files(tmp_path)
    acc_path.write_text(
        acc_path.read_text(encoding="utf-8").replace("ABU BAKR AL BAGHDADI", "Masoud Pezeshfar"),
        encoding="utf-8",
    )
    tx, _ = read_transactions(tx_path, acc_path)
    listed = [Entity.build("p1", "Person", {"name": ["Masoud Pezeshkian"]}, target=True)]
    assert COUNTERPARTY_THRESHOLD == 0.70
    assert not screen_accounts(tx, listed).listed.any()
    assert screen_accounts(tx, listed, threshold=0.65).listed.sum() == 1
