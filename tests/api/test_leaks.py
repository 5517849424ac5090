"""Handling codes: nothing of a record leaks to an agency not entitled to it, on any endpoint.

CHARLIE may see only public records; BRAVO is named on the restricted one; ALPHA made them.
"""

from __future__ import annotations

import re

import pytest

from tests.api.conftest import (
    ALPHA,
    BRAVO,
    CHARLIE,
    RESTRICTED_ID,
    RESTRICTED_NAME,
    SECRET_ID,
    SECRET_NAME,
    Node,
    match_body,
)

HIDDEN = [(RESTRICTED_ID, RESTRICTED_NAME), (SECRET_ID, SECRET_NAME)]
# Words that would give a hidden record away: its id, names, source and legal basis.
TELLTALES = ("alpha-rst", "alpha-sec", "Zanardelli", "Vantongeren", "Secret Act", "agency:ALPHA")


def assert_nothing_leaks(text: str) -> None:
    for word in TELLTALES:
        assert word.lower() not in text.lower(), f"{word!r} leaked in {text[:300]}"


@pytest.mark.parametrize(("entity_id", "name"), HIDDEN)
def test_unentitled_screener_gets_only_a_reference(node: Node, entity_id: str, name: str) -> None:
    response = node.client.post("/match/default", json=match_body(name), headers=node.auth(CHARLIE))
    assert response.status_code == 200
    results = response.json()["responses"]["q1"]["results"]
    assert len(results) == 1
    (result,) = results
    assert result["withheld"] is True and result["originator"] == ALPHA
    assert re.fullmatch(r"WL-[0-9A-F]{10}", result["reference"])
    assert result["reference"] in result["caption"]
    assert result["schema"] == "Thing" and result["properties"] == {}
    assert result["explanation"] is None and result["features"] == {}
    response_text = response.text.replace(name, "")  # the caller's own query is echoed
    assert_nothing_leaks(response_text)


def test_originator_is_notified_of_a_withheld_hit(node: Node) -> None:
    body = match_body(
        SECRET_NAME, birthDate=["1971-03-04"], nationality=["fr"], passportNumber=["X123"]
    )
    reply = node.client.post("/match/default", json=body, headers=node.auth(CHARLIE))
    reference = reply.json()["responses"]["q1"]["results"][0]["reference"]
    hits = node.client.get("/hits", headers=node.auth(ALPHA, "list-manager")).json()
    (hit,) = [h for h in hits if h["reference"] == reference]
    assert hit["entity_id"] == SECRET_ID and hit["screening_agency"] == CHARLIE
    assert hit["disclosed"] is False and hit["score"] > 0.7
    assert hit["query"] == {"name": [SECRET_NAME], "birthDate": "1971-03-04"}
    charlie_hits = node.client.get("/hits", headers=node.auth(CHARLIE, "list-manager"))
    assert charlie_hits.json() == []


def test_shared_agency_sees_the_restricted_record(node: Node) -> None:
    reply = node.client.post(
        "/match/default", json=match_body(RESTRICTED_NAME), headers=node.auth(BRAVO)
    )
    (result,) = reply.json()["responses"]["q1"]["results"]
    assert result["id"] == RESTRICTED_ID and result["withheld"] is False
    secret = node.client.post(
        "/match/default", json=match_body(SECRET_NAME), headers=node.auth(BRAVO)
    )
    assert secret.json()["responses"]["q1"]["results"][0]["withheld"] is True
    looked_up = node.client.get(f"/entities/{RESTRICTED_ID}", headers=node.auth(BRAVO))
    assert looked_up.status_code == 200
    assert looked_up.json()["history"][0]["event"] == "listed"


@pytest.mark.parametrize(("entity_id", "name"), HIDDEN)
def test_hidden_records_look_absent_on_every_other_endpoint(
    node: Node, entity_id: str, name: str
) -> None:
    charlie = node.auth(CHARLIE, "admin")
    missing = node.client.get("/entities/no-such-record", headers=charlie)
    hidden = node.client.get(f"/entities/{entity_id}", headers=charlie)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["detail"].replace(entity_id, "X") == missing.json()["detail"].replace(
        "no-such-record", "X"
    )
    for method, path, body in [
        ("patch", f"/entities/{entity_id}", {"reason": "r"}),
        ("post", f"/entities/{entity_id}/delist", {"reason": "r"}),
    ]:
        changed = node.client.request(method, path, json=body, headers=charlie)
        assert changed.status_code == 404
    search = node.client.get("/search", params={"q": name}, headers=charlie)
    assert search.status_code == 200 and search.json()["results"] == []
    for path in ("/sources", "/hits", f"/search?q={name.split()[1]}"):
        assert_nothing_leaks(node.client.get(path, headers=charlie).text)


def test_source_counts_leave_out_hidden_records(node: Node) -> None:
    from watchline.store import sources_table
    from watchline.store.registry import now

    with node.services.store.transaction() as conn:
        sources_table.upsert_source(
            conn,
            {
                "name": "agency:" + ALPHA,
                "title": "Alpha list",
                "format": "api",
                "publisher": ALPHA,
                "list_date": None,
                "updated_at": now(),
            },
        )

    def active(agency: str) -> int:
        rows = node.client.get("/sources", headers=node.auth(agency)).json()
        return sum(r["active"] for r in rows if r["name"] == "agency:" + ALPHA)

    assert (active(ALPHA), active(BRAVO), active(CHARLIE)) == (3, 2, 1)


def test_dataset_filter_never_reveals_hidden_records(node: Node) -> None:
    reply = node.client.post(
        f"/match/agency:{ALPHA}", json=match_body(SECRET_NAME), headers=node.auth(CHARLIE)
    )
    assert reply.status_code == 200
    assert_nothing_leaks(reply.text.replace(SECRET_NAME, "").replace(f"agency:{ALPHA}", ""))


def test_a_low_threshold_cannot_fish_for_hidden_records(node: Node) -> None:
    body = match_body("Bartholomew Vantongeren")  # scores 0.67, under the node's 0.7
    mine = node.client.post("/match/default?threshold=0.0", headers=node.auth(ALPHA), json=body)
    assert [r["id"] for r in mine.json()["responses"]["q1"]["results"]] == [SECRET_ID]
    reply = node.client.post("/match/default?threshold=0.0", headers=node.auth(CHARLIE), json=body)
    assert reply.json()["responses"]["q1"]["results"] == []
    assert node.client.get("/hits", headers=node.auth(ALPHA, "list-manager")).json() == []
