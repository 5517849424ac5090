"""``watchline serve`` as a real process on loopback, driven like a client would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import shared

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def cli(home: Path, *args: str) -> str:
    env = {**os.environ, "WATCHLINE_SEED": "0"}
    env.pop("WATCHLINE_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "watchline", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    return done.stdout


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    home = tmp_path_factory.mktemp("serve")
    cli(home, "import", str(shared("un", "consolidated.xml")))
    key = cli(home, "keys", "create", "--agency", "DE-BKA", "--role", "screener").strip()
    port = free_port()
    env = {**os.environ, "WATCHLINE_SEED": "0"}
    process = subprocess.Popen(
        [sys.executable, "-m", "watchline", "--home", str(home), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base, process)
        yield base, key
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert "intact" in cli(home, "audit", "verify")


def _wait_ready(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode() if process.stderr else "")
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise AssertionError("server did not become ready")


def test_screen_one_name_over_loopback(server: tuple[str, str]) -> None:
    base, key = server
    body = {
        "queries": {
            "q1": {
                "schema": "Person",
                "properties": {"name": ["Ayman al-Zawahiri"], "nationality": ["eg"]},
            }
        }
    }
    reply = httpx.post(
        f"{base}/match/default", json=body, headers={"Authorization": f"ApiKey {key}"}, timeout=30
    )
    assert reply.status_code == 200
    results = reply.json()["responses"]["q1"]["results"]
    assert results and "ZAWAHIRI" in results[0]["caption"]
    assert results[0]["match"] is True


def test_openapi_docs_and_auth_over_loopback(server: tuple[str, str]) -> None:
    base, key = server
    assert "/match/{dataset}" in httpx.get(f"{base}/openapi.json").json()["paths"]
    assert httpx.get(f"{base}/docs").status_code == 200
    assert httpx.get(f"{base}/sources").status_code == 401
    body = {"queries": {"q1": {"schema": "Person", "properties": {"name": ["Jane Nobody"]}}}}
    headers = {"Authorization": f"Bearer {key}"}
    # Its own /match call: under xdist this test may get a server no other test has used.
    assert (
        httpx.post(f"{base}/match/default", json=body, headers=headers, timeout=30).status_code
        == 200
    )
    metrics = httpx.get(f"{base}/metrics").text
    assert 'route="/match/{dataset}"' in metrics
