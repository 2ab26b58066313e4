"""The API origin's /v1/ endpoints, and the guard in front of them: authentication, the rate
limit, and the X-RateLimit-* headers on every answer (errors too)."""

from __future__ import annotations

import hashlib
from typing import Any

from aiohttp import web

from . import clock
from .content import (
    CONTENT_TYPES,
    container_for,
    content_of,
    filename_for,
    hash_content,
    path_segment,
)
from .faults import Handler
from .idempotency import REUSED, KeyReused
from .jobs import UPSTREAM_ERROR, Job
from .state import STATE, SandboxState
from .triggers import refusal, traits
from .validation import (
    FieldError,
    missing,
    parse_json_body,
    parse_limit,
    url_errors,
    validate_download,
)

UNAUTHORIZED = {"detail": "Invalid or missing API key"}
DEACTIVATED = {"detail": "API key is deactivated", "code": "forbidden"}
JOB_NOT_FOUND = {"detail": "Job not found", "code": "not_found"}
SLOW_FACTOR = 5


def _json(body: Any, status: int = 200) -> web.Response:
    return web.json_response(body, status=status)


def _invalid(errors: list[FieldError]) -> web.Response:
    return _json({"detail": errors}, status=422)


def _bearer_key(request: web.Request) -> str | None:
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    return (key.strip() or None) if scheme.lower() == "bearer" else None


def v1_guard(state: SandboxState) -> Any:
    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith("/v1/"):
            return await handler(request)
        key = _bearer_key(request)
        now = clock.now()
        with state.lock:
            active = state.account.key_active(key)
            limit = state.account.rate_limit
            offset = state.clock_offset
            # 401s do not count; they report the window of whatever credential was presented.
            rate = (state.limiter.peek if active is None else state.limiter.take)(
                key or "", limit, now
            )
        if active is None:
            response: web.StreamResponse = _json(UNAUTHORIZED, status=401)
        elif not rate.allowed:
            seconds = rate.retry_after(now)
            detail = f"Rate limit exceeded. Retry after {seconds} seconds."
            response = _json({"detail": detail, "retry_after": seconds}, status=429)
        elif not active:
            response = _json(DEACTIVATED, status=403)
        else:
            try:
                response = await handler(request)
            except web.HTTPException as exc:  # unknown path or method, FastAPI-style bodies
                response = _json({"detail": exc.reason}, status=exc.status)
        response.headers.update(rate.headers(now, offset))
        return response

    return guard


def job_json(state: SandboxState, job: Job, now: float) -> dict[str, Any]:
    """The job object; each look at a completed job signs a fresh download link."""
    status, progress = job.phase(now)
    finished = status in ("completed", "failed")
    body: dict[str, Any] = {
        "job_id": job.job_id,
        "job_type": "download",
        "url": job.url,
        "format": job.container,
        "quality": job.quality,
        "audio_only": job.audio_only,
        "status": status,
        "progress": progress,
        "created_at": clock.iso_utc(job.created_wall + state.clock_offset),
        "completed_at": clock.iso_utc(state.wall(job.finished_mono())) if finished else None,
        "credits_used": 0 if status == "failed" else job.credits,
    }
    if status == "failed":
        body["error"] = dict(UPSTREAM_ERROR)
    elif status == "completed":
        token, expires = state.links.issue(job.job_id, now)
        body.update(
            download_url=f"{state.file_base}/files/{token}/{path_segment(job.filename)}",
            filename=job.filename,
            file_size=job.size,
            expires_at=clock.iso_utc(state.wall(expires)),
            sha256=job.sha256,
        )
    return body


def _insufficient(required: int, available: int) -> web.Response:
    body = {
        "detail": "Insufficient credits",
        "code": "insufficient_credits",
        "required": required,
        "available": available,
    }
    return _json(body, status=402)


async def post_download(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    body, errors = parse_json_body(await request.read())
    order, errors = validate_download(body) if not errors else (None, errors)
    if order is None:
        return _invalid(errors)
    # The guard let only known keys through; the Idempotency-Key is bound per API key. No await
    # from this look-up to the binding below, so two concurrent re-sends cannot both make a job.
    api_key, idempotency_key = _bearer_key(request) or "", request.headers.get("Idempotency-Key")
    if idempotency_key is not None:
        with state.lock:
            try:
                job_id = state.idempotency.job_for(api_key, idempotency_key, body, clock.now())
            except KeyReused:
                return _json(REUSED, status=409)
            if job_id is not None:  # a re-send: the same job as it is now, charged once
                response = _json(job_json(state, state.jobs.by_id[job_id], clock.now()), status=202)
                response.headers["Idempotent-Replayed"] = "true"
                return response
    refused = refusal(order.url)
    if refused is not None:
        return _json(refused[1], status=refused[0])
    url_traits = traits(order.url, state.config.default_size)
    cost = 1 if order.audio_only else 2
    container = container_for(order.format, order.audio_only)
    now = clock.now()
    with state.lock:
        available = 0 if url_traits.no_credits else state.balance(now)
        if available < cost:
            return _insufficient(cost, available)
        state.account.credits -= cost
        job = state.jobs.create(
            url=order.url,
            container=container,
            quality=order.quality,
            audio_only=order.audio_only,
            credits=cost,
            size=url_traits.size,
            filename=url_traits.filename or filename_for(order.url, container),
            fails=url_traits.fails,
            created_mono=now,
            created_wall=clock.wall_at(now),
            duration=state.config.job_seconds * (SLOW_FACTOR if url_traits.slow else 1),
        )
        if idempotency_key is not None:  # only a request that made a job binds its key
            state.idempotency.bind(api_key, idempotency_key, body, job.job_id, now)

    def digest_ready(sha256: str) -> None:
        with state.lock:
            job.sha256, job.hashed_mono = sha256, clock.now()

    hash_content(content_of(job.job_id, job.size, container), digest_ready, state.closing)
    with state.lock:
        return _json(job_json(state, job, now), status=202)


async def get_job(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    with state.lock:
        job = state.jobs.get(request.match_info["job_id"])
        if job is None:
            return _json(JOB_NOT_FOUND, status=404)
        state.balance()  # a job seen failed has given its credits back
        return _json(job_json(state, job, clock.now()))


async def list_jobs(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    limit, errors = parse_limit(request.query.get("limit"))
    if errors:
        return _invalid(errors)
    now = clock.now()
    with state.lock:
        state.balance(now)
        try:
            # A lagging list (admin list-lag) shows only jobs older than the lag.
            visible = state.jobs.count_created_before(now - state.list_lag)
            page, next_cursor = state.jobs.page(limit, request.query.get("cursor"), visible)
        except ValueError:
            msg, type_ = "invalid pagination cursor", "value_error.cursor"
            return _invalid([{"loc": ["query", "cursor"], "msg": msg, "type": type_}])
        jobs = [job_json(state, job, now) for job in page]
    return _json({"jobs": jobs, "next_cursor": next_cursor})


async def get_info(request: web.Request) -> web.StreamResponse:
    state = request.app[STATE]
    url = request.query.get("url")
    errors = [missing(("query", "url"))] if url is None else url_errors(url, ("query", "url"))
    if url is None or errors:
        return _invalid(errors)
    refused = refusal(url)
    if refused is not None:
        return _json(refused[1], status=refused[0])
    with state.lock:
        available = state.balance()
        if available < 1:
            return _insufficient(1, available)
        state.account.credits -= 1
    return _json(_metadata(url, state.config.default_size))


def _metadata(url: str, default_size: int) -> dict[str, Any]:
    """Plausible, deterministic metadata for any URL."""
    stem = filename_for(url, "mp4").removesuffix(".mp4")
    seed = int.from_bytes(hashlib.sha256(url.encode()).digest()[:4], "big")
    return {
        "url": url,
        "title": f"Sandbox video {stem}",
        "duration": 30 + seed % 600,
        "uploader": "VideoConduit Sandbox",
        "thumbnail": None,
        "filesize_approx": traits(url, default_size).size,
        "formats": list(CONTENT_TYPES),
        "extractor": "sandbox",
    }


def add_routes(app: web.Application) -> None:
    app.router.add_post("/v1/download", post_download)
    app.router.add_get("/v1/jobs", list_jobs)
    app.router.add_get("/v1/jobs/{job_id}", get_job)
    app.router.add_get("/v1/info", get_info)
