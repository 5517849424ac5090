"""Request counts and latency histograms in the Prometheus text format.

Kept in this process's memory (no client library needed for two metric families); the
route label is the path template, so ids never become label values.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections import defaultdict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    """Counters per (method, route, status) and a latency histogram per route."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.requests: dict[tuple[str, str, int], int] = defaultdict(int)
        self.buckets: dict[str, list[int]] = defaultdict(lambda: [0] * (len(BUCKETS) + 1))
        self.sums: dict[str, float] = defaultdict(float)

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self.requests[(method, route, status)] += 1
            self.buckets[route][bisect.bisect_left(BUCKETS, seconds)] += 1
            self.sums[route] += seconds

    def render(self) -> str:
        lines = [
            "# HELP watchline_http_requests_total HTTP requests answered.",
            "# TYPE watchline_http_requests_total counter",
        ]
        with self._lock:
            for (method, route, status), n in sorted(self.requests.items()):
                lines.append(
                    f'watchline_http_requests_total{{method="{method}",'
                    f'route="{route}",status="{status}"}} {n}'
                )
            lines += [
                "# HELP watchline_http_request_seconds Time to answer a request.",
                "# TYPE watchline_http_request_seconds histogram",
            ]
            for route, counts in sorted(self.buckets.items()):
                lines += _histogram(route, counts, self.sums[route])
        return "\n".join(lines) + "\n"


def _histogram(route: str, counts: list[int], total: float) -> list[str]:
    name, lines, running = "watchline_http_request_seconds", [], 0
    for bound, count in zip([*map(str, BUCKETS), "+Inf"], counts, strict=True):
        running += count
        lines.append(f'{name}_bucket{{route="{route}",le="{bound}"}} {running}')
    lines.append(f'{name}_sum{{route="{route}"}} {total:.6f}')
    lines.append(f'{name}_count{{route="{route}"}} {running}')
    return lines


class MetricsMiddleware:
    """Time every HTTP request and record it under its route template."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), 500

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            route = _route(scope)
            self.metrics.observe(scope["method"], route, status, time.perf_counter() - started)


def _route(scope: Scope) -> str:
    """The matched route's template (the router leaves it in the scope), else 'other'."""
    route = scope.get("route")
    return str(getattr(route, "path", "other"))
