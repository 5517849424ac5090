"""Load benchmark of ``POST /match/default`` over loopback with wrk.

Starts ``watchline serve`` on 127.0.0.1 in a temporary home, loads the UN list (and, with
``--entities N``, N synthetic entities from ``bench/screening_synthetic.py``), creates a
screener key, then runs wrk for a bounded time with single-query requests (half of them
names on the list, half not) and prints requests/s and p50/p99 latency.

    python bench/api_load.py --duration 20 --connections 16
    python bench/api_load.py --entities 1000000 --duration 20 --runs 3 --home /tmp/wl-1m

``--home`` keeps the loaded data for the next call (the 1,000,000 take minutes to load);
``--runs`` repeats the load against one server, each line with the load average at its
start, since the figures move with whatever else the machine runs; ``--warmup S`` first
sends S seconds of load that are not counted (the first seconds after a start are slower).

Needs ``wrk`` (Debian: ``apt-get install -y wrk``). Only loopback traffic.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

BENCH = Path(__file__).resolve().parent
DATA = BENCH.parents[0] / ".." / "shared" / "data"
UN_LIST = DATA / "un" / "consolidated.xml"
MISSES = [
    "Johann Sebastian Bachmann",
    "Maria Fernanda Oliveira",
    "Chen Wei Liang",
    "Olusegun Adebayo Bello",
    "Anna Kowalczyk Nowak",
    "Pierre-Louis Marchand",
    "Hiroshi Tanaka Kenji",
    "Aleksandr Petrovich Sokolov",
]


def cli(home: Path, env: dict[str, str], *args: str) -> str:
    command = [sys.executable, "-m", "watchline", "--home", str(home), *args]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout


def load_data(home: Path, env: dict[str, str], entities: int) -> list[str]:
    """Import the lists; return names on them to screen (the 'hit' half of the mix)."""
    cli(home, env, "import", str(UN_LIST), "--format", "un-xml", "--source", "un-sc")
    if entities:
        sys.path.insert(0, str(BENCH))
        from screening_synthetic import entities as synthetic
        from watchline.sources import write_ftm

        path = home / "synthetic.ftm.json"
        started = time.perf_counter()
        with path.open("w", encoding="utf-8") as out:
            write_ftm(synthetic(entities)[1], out)
        cli(home, env, "import", str(path), "--format", "ftm", "--source", "synthetic")
        print(f"loaded {entities:,} synthetic entities in {time.perf_counter() - started:.0f} s")
    text = UN_LIST.read_text(encoding="utf-8")
    firsts = re.findall(r"<FIRST_NAME>([^<]+)</FIRST_NAME>\s*<SECOND_NAME>([^<]+)<", text)
    return [f"{a} {b}" for a, b in firsts[:200]]


def wrk_script(path: Path, hits: list[str], key: str) -> None:
    """A Lua script cycling through single-query bodies, hits and misses alternating."""
    names = [
        n for pair in zip(hits, MISSES * (len(hits) // len(MISSES) + 1), strict=False) for n in pair
    ]
    bodies = [
        json.dumps({"queries": {"q1": {"schema": "Person", "properties": {"name": [n]}}}})
        for n in names
    ]
    lua = (
        ["bodies = {"]
        + [f"  {json.dumps(b)}," for b in bodies]
        + [
            "}",
            "i = 0",
            'wrk.method = "POST"',
            f'wrk.headers["Authorization"] = "Bearer {key}"',
            'wrk.headers["Content-Type"] = "application/json"',
            "request = function()",
            "  i = i % #bodies + 1",
            '  return wrk.format(nil, "/match/default", nil, bodies[i])',
            "end",
        ]
    )
    path.write_text("\n".join(lua) + "\n")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(
    home: Path, env: dict[str, str], port: int, workers: int
) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "watchline",
        "--home",
        str(home),
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    log = (home / "server.log").open("wb")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 1800
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("server died:\n" + (home / "server.log").read_text()[-3000:])
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("server did not start")


def _found(pattern: str, output: str) -> tuple[str, ...]:
    match = re.search(pattern, output, re.M)
    if match is None:
        raise SystemExit(f"unexpected wrk output (no {pattern!r}):\n{output}")
    return match.groups()


def parse_wrk(output: str) -> dict[str, float]:
    """Requests/s, p50 and p99 in ms, and non-2xx count from ``wrk --latency``."""

    def ms(label: str) -> float:
        value, unit = _found(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", output)
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(_found(r"Requests/sec:\s+([\d.]+)", output)[0]),
        "p50_ms": ms("50%"),
        "p99_ms": ms("99%"),
        "non_2xx": float(errors.group(1)) if errors else 0.0,
    }


def cpu_ticks(root: int) -> dict[int, int]:
    """CPU time (user + system, in clock ticks) of ``root`` and its children, by pid.

    Linux only (``/proc``); empty elsewhere. On a shared machine the server's CPU time per
    request moves far less than requests/s, and the split shows how wrk's few keep-alive
    connections landed on the workers (all on one happens).
    """
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid = int(stat.parent.name)
        if pid == root or int(fields[1]) == root:  # fields[1] is the parent pid
            ticks[pid] = int(fields[11]) + int(fields[12])  # utime + stime
    return ticks


def cpu_figures(before: dict[int, int], after: dict[int, int], requests: float) -> str:
    """Server CPU ms per request, and each busy process's share of that CPU time."""
    used = {pid: after[pid] - before.get(pid, 0) for pid in after}
    total = sum(used.values())
    if not total or not requests:
        return "cpu n/a"
    per_request = total / os.sysconf("SC_CLK_TCK") * 1000 / requests
    shares = sorted((100 * n / total for n in used.values() if n * 20 >= total), reverse=True)
    return f"cpu {per_request:.2f} ms/req, split " + "/".join(f"{s:.0f}%" for s in shares)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=0, help="synthetic entities to add")
    parser.add_argument("--duration", type=int, default=20, help="seconds of load")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes")
    parser.add_argument("--runs", type=int, default=1, help="wrk runs against one server")
    parser.add_argument("--warmup", type=int, default=0, help="seconds of load not counted")
    parser.add_argument("--home", type=Path, help="keep the data here, reuse it next time")
    parser.add_argument("--database-url", help="an EMPTY database to use instead of SQLite")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")
    home = args.home or Path(tempfile.mkdtemp(prefix="watchline-bench-"))
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "WATCHLINE_SEED": "0", "WATCHLINE_RATE_LIMIT": str(10**9)}
    env.pop("WATCHLINE_DATABASE_URL", None)
    if args.database_url:
        env["WATCHLINE_DATABASE_URL"] = args.database_url
    try:
        run(home, env, args)
    finally:
        if args.home is None:
            shutil.rmtree(home, ignore_errors=True)


def prepare(home: Path, env: dict[str, str], entities: int) -> int:
    """Load the data and write the wrk script, unless a kept home has them; returns the
    number of synthetic entities loaded there."""
    done = home / "bench.json"
    if done.exists():
        return int(json.loads(done.read_text())["entities"])
    hits = load_data(home, env, entities)
    key = cli(home, env, "keys", "create", "--agency", "BENCH", "--role", "screener").strip()
    wrk_script(home / "match.lua", hits, key)
    done.write_text(json.dumps({"entities": entities}))
    return entities


def run(home: Path, env: dict[str, str], args: argparse.Namespace) -> None:
    entities = prepare(home, env, args.entities)
    port = free_port()
    started = time.perf_counter()
    server = start_server(home, env, port, args.workers)
    print(f"server ready in {time.perf_counter() - started:.0f} s")
    listed = "UN list" + (f" + {entities:,} synthetic" if entities else "")
    listed += " on PostgreSQL" if args.database_url else " on SQLite"
    try:
        if args.warmup > 0:  # the first seconds after start are slower (cold caches)
            load_run(home, port, args, args.warmup)
        for _ in range(args.runs):
            load, before = os.getloadavg()[0], cpu_ticks(server.pid)
            figures = parse_wrk(load_run(home, port, args))
            cpu = cpu_figures(before, cpu_ticks(server.pid), figures["rps"] * args.duration)
            print(
                f"{listed}: {figures['rps']:.0f} req/s, p50 {figures['p50_ms']:.1f} ms, "
                f"p99 {figures['p99_ms']:.1f} ms, non-2xx {figures['non_2xx']:.0f}, {cpu} "
                f"({args.connections} connections, {args.workers} worker(s), "
                f"{args.duration} s, load average {load:.2f} at start)"
            )
    finally:
        server.terminate()
        server.wait(timeout=60)


def load_run(home: Path, port: int, args: argparse.Namespace, seconds: int = 0) -> str:
    """One wrk run (``--duration`` long unless ``seconds`` is given); its report."""
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{seconds or args.duration}s",
        "--latency",
        "-s",
        str(home / "match.lua"),
        f"http://127.0.0.1:{port}",
    ]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


if __name__ == "__main__":
    main()
