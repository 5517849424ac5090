"""Authentication and authorisation: no key, bad key, revoked key, wrong role, other agency."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api.conftest import ALPHA, BRAVO, PUBLIC_ID, Node, make_settings, match_body, open_node

PROTECTED = [
    ("get", "/search?q=Ferdinand"),
    ("get", "/sources"),
    ("get", "/hits"),
    ("get", "/audit"),
    ("get", f"/entities/{PUBLIC_ID}"),
]


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_every_endpoint_but_health_needs_a_key(node: Node, method: str, path: str) -> None:
    response = node.client.request(method, path)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert node.client.post("/match/default", json=match_body("x")).status_code == 401


def test_health_needs_no_key(node: Node) -> None:
    assert node.client.get("/healthz").status_code == 200
    assert node.client.get("/readyz").json()["status"] == "ready"
    assert "watchline_http_requests_total" in node.client.get("/metrics").text


@pytest.mark.parametrize(
    "header", ["Bearer wl_unknown", "Bearer", "Basic abc", "wl_x", "Bearer not-a-watchline-key"]
)
def test_unknown_or_malformed_keys_are_refused(node: Node, header: str) -> None:
    response = node.client.get("/sources", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json()["error"] == "unauthenticated"


def test_bearer_and_yente_apikey_schemes_both_work(node: Node) -> None:
    key = node.key(BRAVO, "screener")
    for scheme in ("Bearer", "ApiKey", "apikey"):
        response = node.client.get("/sources", headers={"Authorization": f"{scheme} {key}"})
        assert response.status_code == 200, scheme


def test_revoked_key_is_refused(node: Node) -> None:
    headers = node.auth(BRAVO)
    assert node.client.get("/sources", headers=headers).status_code == 200
    node.services.keys.revoke(node.key(BRAVO, "screener")[:11])
    assert node.client.get("/sources", headers=headers).status_code == 401


@pytest.mark.parametrize(
    ("role", "method", "path", "body"),
    [
        ("screener", "post", "/entities", {"schema": "Person", "properties": {"name": ["A B"]}}),
        ("screener", "get", "/audit", None),
        ("screener", "get", "/hits", None),
        ("auditor", "post", "/match/default", match_body("Ferdinand Quispe")),
        ("auditor", "get", "/search?q=Ferdinand", None),
        ("list-manager", "get", "/audit", None),
    ],
)
def test_roles_are_enforced(node: Node, role: str, method: str, path: str, body: object) -> None:
    response = node.client.request(method, path, json=body, headers=node.auth(BRAVO, role))
    assert response.status_code == 403
    assert role in response.json()["detail"]


@pytest.mark.parametrize("role", ["list-manager", "admin"])
def test_no_key_changes_another_agencys_record(node: Node, role: str) -> None:
    headers = node.auth(BRAVO, role)
    amend = node.client.patch(
        f"/entities/{PUBLIC_ID}",
        headers=headers,
        json={"reason": "takeover", "properties": {"name": ["X"]}},
    )
    delist = node.client.post(
        f"/entities/{PUBLIC_ID}/delist", headers=headers, json={"reason": "takeover"}
    )
    assert (amend.status_code, delist.status_code) == (403, 403)
    record = node.services.registry.get(PUBLIC_ID)
    assert record.version == 1 and record.listing.status.value == "active"


def test_the_originator_may_change_its_record(node: Node) -> None:
    response = node.client.post(
        f"/entities/{PUBLIC_ID}/delist",
        headers=node.auth(ALPHA, "list-manager"),
        json={"reason": "court ruling 2026/17"},
    )
    assert response.status_code == 200
    assert response.json()["listing"]["status"] == "delisted"


def test_rate_limit_per_key(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path, f"sqlite:///{tmp_path / 'db.sqlite'}", rate_limit_per_minute=3
    )
    for node in open_node(settings):
        headers = node.auth(BRAVO)
        codes = [node.client.get("/sources", headers=headers).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = node.client.get("/sources", headers=headers)
        assert int(limited.headers["retry-after"]) >= 1
        assert node.client.get("/sources", headers=node.auth(ALPHA)).status_code == 200
