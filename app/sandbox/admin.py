"""Admin controls: the ``server.admin`` helper object (plain synchronous methods, safe from any
thread) and the same controls over HTTP under /_sandbox/ (no auth, never rate limited, never
logged or faulted)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from aiohttp import web

from .accounts import check_plan
from .state import STATE, FileReply, SandboxState


def _whole(value: object, name: str, minimum: int | None = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{name} must be an integer")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum}")
    return value


def _seconds(value: object, name: str, minimum: float | None = 0.0) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise ValueError(f"{name} must be a number of seconds")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be at least {minimum:g}")
    return float(value)


def _headers(headers: object) -> dict[str, str | None]:
    """Header overrides: name → value, or None to remove the header. Refuses what could not be
    sent at all (a line break) or what aiohttp could not frame (a non-numeric Content-Length)."""
    if not isinstance(headers, dict):
        raise ValueError("headers must be an object")
    checked: dict[str, str | None] = {}
    for name, value in headers.items():
        if value is not None and not isinstance(value, str | int):
            raise ValueError(f"header {name!r} must be a string, a number or null")
        text = None if value is None else str(value)
        if any(ch in f"{name}{text or ''}" for ch in "\r\n"):
            raise ValueError("header names and values cannot hold line breaks")
        if name.lower() == "content-length" and text is not None and not text.isdigit():
            raise ValueError("a Content-Length must be a whole number")
        checked[str(name)] = text
    return checked


def _key(key: object) -> str:
    if not isinstance(key, str) or not key.startswith("vc_"):
        raise ValueError("API keys start with 'vc_'")
    return key


class Admin:
    """What a test or a demo needs to steer the sandbox. Every method takes the state lock, so
    it may be called from the pytest thread while the server runs on another."""

    def __init__(self, state: SandboxState) -> None:
        self._state = state

    def state(self) -> dict[str, Any]:
        """{"credits", "plan", "jobs", "keys": {key: active}} plus "rate_limit",
        "pending_faults", "failing_next", "pending_file_replies" (the admin's queued failures),
        "list_lag" and "clock_offset"."""
        state = self._state
        with state.lock:
            return {
                "credits": state.balance(),
                "plan": state.account.plan,
                "jobs": len(state.jobs.jobs),
                "keys": dict(state.account.keys),
                "rate_limit": state.account.rate_limit,
                "pending_faults": state.faults.pending(),
                "failing_next": state.jobs.fail_next,
                "pending_file_replies": len(state.file_faults.replies),
                "list_lag": state.list_lag,
                "clock_offset": state.clock_offset,
            }

    def set_credits(self, credits: int) -> None:
        with self._state.lock:
            self._state.balance()  # settle refunds due before the new balance applies
            self._state.account.credits = _whole(credits, "credits")

    def add_credits(self, credits: int) -> None:
        with self._state.lock:
            balance = self._state.balance()
            self._state.account.credits = max(0, balance + _whole(credits, "add", None))

    def set_plan(self, plan: str) -> None:
        with self._state.lock:
            self._state.account.plan = check_plan(plan)

    def set_key_active(self, key: str, active: bool) -> None:
        """Deactivate or (re-)activate a key; an unknown key is added in that state."""
        with self._state.lock:
            self._state.account.keys[_key(key)] = bool(active)

    def add_key(self, key: str) -> None:
        self.set_key_active(key, True)

    def queue_faults(
        self, path: str, responses: list[dict[str, Any]], method: str | None = None
    ) -> None:
        """Answer the next requests whose path starts with ``path`` (and whose method is
        ``method``, if given) with these responses, in order (see the package docstring)."""
        with self._state.lock:
            self._state.faults.add(path, list(responses), method)

    def fail_next_jobs(self, count: int = 1) -> None:
        with self._state.lock:
            self._state.jobs.fail_next = _whole(count, "count")

    def expire_links(self) -> None:
        with self._state.lock:
            self._state.links.expire_all()

    def file_faults(
        self,
        drop_after_bytes: int | None = None,
        count: int = 1,
        bytes_per_second: int | None = None,
    ) -> None:
        """Cut the next ``count`` file responses after ``drop_after_bytes`` body bytes, and/or
        throttle file responses to ``bytes_per_second`` (0 = off). None leaves a setting as is."""
        faults = self._state.file_faults
        with self._state.lock:
            if drop_after_bytes is not None:
                faults.drop_after_bytes = _whole(drop_after_bytes, "drop_after_bytes")
                faults.drops_left = _whole(count, "count")
            if bytes_per_second is not None:
                faults.bytes_per_second = _whole(bytes_per_second, "bytes_per_second")

    def file_reply(
        self,
        count: int = 1,
        *,
        truncate_to: int | None = None,
        extra_bytes: int = 0,
        headers: dict[str, str | None] | None = None,
        drip: float = 0.0,
    ) -> None:
        """Queue ``count`` lying replies for the next GET file responses that send a body (200
        or 206), after those already queued. ``truncate_to``: only that many body bytes, with a
        matching Content-Length (a short file that looks complete). ``extra_bytes``: that many
        more bytes past the real end, Content-Length covering them. ``headers``: set these
        response headers last (None removes one); a Content-Length above what is sent makes the
        server close after the body. ``drip``: one body byte every ``drip`` seconds."""
        if truncate_to is not None and extra_bytes:
            raise ValueError("truncate_to and extra_bytes cannot be combined")
        reply = FileReply(
            truncate_to=None if truncate_to is None else _whole(truncate_to, "truncate_to"),
            extra_bytes=_whole(extra_bytes, "extra_bytes"),
            headers=_headers(headers or {}),
            drip=_seconds(drip, "drip"),
        )
        with self._state.lock:
            self._state.file_faults.replies.extend([reply] * _whole(count, "count"))

    def set_list_lag(self, seconds: float) -> None:
        """GET /v1/jobs leaves out jobs created less than ``seconds`` ago (0 = off); GET
        /v1/jobs/{id} still finds them."""
        with self._state.lock:
            self._state.list_lag = _seconds(seconds, "seconds")

    def set_clock_offset(self, seconds: float) -> None:
        """Every wall time the service tells (Date headers, job timestamps, X-RateLimit-Reset)
        is ``seconds`` off from now on; negative = behind. Durations are not affected."""
        with self._state.lock:
            self._state.clock_offset = _seconds(seconds, "seconds", None)

    def log(self, origin: str = "api") -> list[dict[str, Any]]:
        with self._state.lock:
            return self._state.log.entries(origin)

    def clear_log(self) -> None:
        with self._state.lock:
            self._state.log.clear()

    def _posts_for(self, url: str) -> list[dict[str, Any]]:
        return [
            entry
            for entry in self.log("api")
            if entry["method"] == "POST"
            and entry["path"] == "/v1/download"
            and isinstance(entry["json"], dict)
            and entry["json"].get("url") == url
        ]

    def posts_for_url(self, url: str) -> int:
        """How many POST /v1/download requests carried this source URL, however answered."""
        return len(self._posts_for(url))

    def idempotency_keys_for_url(self, url: str) -> list[str | None]:
        """The Idempotency-Key header of every POST /v1/download for this source URL, oldest
        first, however answered; None where the request carried none."""
        return [entry["headers"].get("idempotency-key") for entry in self._posts_for(url)]

    def jobs_for_url(self, url: str) -> int:
        """How many jobs (so: how many charges) were created for this source URL."""
        with self._state.lock:
            return sum(1 for job in self._state.jobs.jobs if job.url == url)


def _credits(admin: Admin, body: dict[str, Any]) -> None:
    if "add" in body:
        admin.add_credits(body["add"])
    else:
        admin.set_credits(body["credits"])


_ACTIONS: dict[str, Callable[[Admin, dict[str, Any]], None]] = {
    "credits": _credits,
    "plan": lambda admin, body: admin.set_plan(body["plan"]),
    "keys": lambda admin, body: admin.set_key_active(body["key"], body.get("active", True)),
    "faults": lambda admin, body: admin.queue_faults(
        body["path"], _list(body.get("responses")), body.get("method")
    ),
    "fail-next-job": lambda admin, body: admin.fail_next_jobs(body.get("count", 1)),
    "expire-links": lambda admin, body: admin.expire_links(),
    "file-faults": lambda admin, body: admin.file_faults(
        body.get("drop_after_bytes"), body.get("count", 1), body.get("bytes_per_second")
    ),
    "log/clear": lambda admin, body: admin.clear_log(),
    "file-reply": lambda admin, body: admin.file_reply(
        body.get("count", 1),
        truncate_to=body.get("truncate_to"),
        extra_bytes=body.get("extra_bytes", 0),
        headers=body.get("headers"),
        drip=body.get("drip", 0.0),
    ),
    "list-lag": lambda admin, body: admin.set_list_lag(body["seconds"]),
    "clock-offset": lambda admin, body: admin.set_clock_offset(body["seconds"]),
}


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("responses must be a list")
    return value


def _admin(request: web.Request) -> Admin:
    return Admin(request.app[STATE])


async def _post(request: web.Request) -> web.Response:
    action = _ACTIONS.get(request.match_info["action"])
    if action is None:
        return web.json_response({"detail": "Not Found"}, status=404)
    try:
        body = json.loads(await request.read() or b"{}")
        if not isinstance(body, dict):
            raise ValueError("the body must be a JSON object")
        action(_admin(request), body)
    except KeyError as exc:
        return web.json_response({"detail": f"missing field {exc.args[0]!r}"}, status=400)
    except (ValueError, TypeError) as exc:  # JSONDecodeError is a ValueError
        return web.json_response({"detail": str(exc)}, status=400)
    return web.json_response(_admin(request).state())


async def _get_state(request: web.Request) -> web.Response:
    return web.json_response(_admin(request).state())


async def _get_log(request: web.Request) -> web.Response:
    try:
        return web.json_response(_admin(request).log(request.query.get("origin", "api")))
    except ValueError as exc:
        return web.json_response({"detail": str(exc)}, status=400)


async def _get_for_url(request: web.Request) -> web.Response:
    url = request.query.get("url")
    if url is None:
        return web.json_response({"detail": "missing query parameter 'url'"}, status=400)
    admin = _admin(request)
    report = {
        "url": url,
        "posts": admin.posts_for_url(url),
        "jobs": admin.jobs_for_url(url),
        "idempotency_keys": admin.idempotency_keys_for_url(url),
    }
    return web.json_response(report)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/_sandbox/state", _get_state)
    app.router.add_get("/_sandbox/for-url", _get_for_url)
    app.router.add_get("/_sandbox/log", _get_log)
    app.router.add_post("/_sandbox/{action:.+}", _post)
