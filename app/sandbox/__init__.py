"""The embedded VideoConduit sandbox: a real HTTP service on 127.0.0.1 implementing the documented
contract (see ../shared/videoconduit-api.md). It shares no code with ``app.api``: it is written
from the contract alone, so a test cannot pass because both sides share a misunderstanding.

Two origins, like the real service and its CDN:
  * API origin  (``api_base``):  /v1/download, /v1/jobs/{id}, /v1/jobs, /v1/info, /billing,
    and the admin endpoints under /_sandbox/.
  * File origin (``file_base``): /files/{token}/{filename}, expiring links, Range, ETag.

Starting it
-----------
Command line::

    python -m app.sandbox [--port N] [--file-port N] [--plan free|starter|pro|growth|business]
                          [--credits N] [--job-seconds F] [--window-seconds F] [--link-ttl F]
                          [--key vc_...]

prints the API base URL and the demo key, serves until Ctrl+C.

In-process (async, on the running loop)::

    server = SandboxServer(plan="starter", credits=100, job_seconds=0.5)
    await server.start()          # server.api_base, server.file_base, server.api_key
    ...
    await server.stop()

In a background thread with its own event loop (what tests and ``--sandbox`` use)::

    with run_in_thread(plan="free", credits=25) as server:
        server.api_base, server.file_base, server.api_key
        server.admin.set_credits(5)      # the admin helpers below, called synchronously

Parameters (all keyword, all optional): ``host="127.0.0.1"``, ``port=0`` and ``file_port=0``
(0 = pick a free port), ``plan="starter"``, ``credits=100``, ``job_seconds=2.0`` (time from
queued to completed; queued for the first 20 %), ``window_seconds=60.0`` (length of the
rate-limit window; tests shorten it), ``link_ttl=600.0`` (download links expire after this many
seconds), ``api_key=None`` (default: a fresh ``vc_sandbox_…`` key), ``default_size=1_048_576``
(bytes of a produced file unless the source URL says otherwise).

Behaviour of the service (our documented choices)
-------------------------------------------------
* Auth: ``Authorization: Bearer <key>``. Missing/unknown key → 401
  ``{"detail": "Invalid or missing API key"}`` (no code). A deactivated key → 403
  ``{"detail": "API key is deactivated", "code": "forbidden"}``.
* Rate limit per key per window: free 10, starter 60, pro 200, growth 500, business 1000.
  Every response on /v1/ (errors too) carries X-RateLimit-Limit, X-RateLimit-Remaining,
  X-RateLimit-Reset (Unix time of the window's end). Over the limit → 429 with
  ``Retry-After: <whole seconds, rounded up>`` and body
  ``{"detail": "Rate limit exceeded. Retry after N seconds.", "retry_after": N}`` (no code).
  Requests answered with 429 or 401 do not count.
* POST /v1/download ``{"url", "format"?, "quality"?, "audio_only"?}`` → 202 with the job object.
  Costs 2 credits (1 when audio_only). Not enough → 402 ``{"detail": "Insufficient credits",
  "code": "insufficient_credits", "required": R, "available": A}``. Missing/invalid fields → 422
  with ``detail`` a list of ``{loc, msg, type}``. Non-http(s) url → 422 too.
* Trigger URLs (any other http(s) URL is a downloadable video):
    - host contains ``unsupported`` → 404 ``{"detail": "Could not extract info from URL: Unsupported URL"}``
    - path contains ``badrequest``  → 400 ``{"detail": "...", "code": "bad_request"}``
    - path contains ``conflict``    → 409 ``{"detail": "...", "code": "conflict"}``
    - path contains ``fail``        → the job is accepted, then ends ``failed`` with
      ``error: {"detail": "The video platform returned an error", "code": "upstream_error"}``;
      its credits are given back.
    - path contains ``slow``        → the job takes 5 × job_seconds.
    - query ``size=N``              → the produced file has N bytes.
  Checked in that order, after auth, rate limit and validation, before credits.
* Job object: job_id (uuid4), job_type "download", url, status queued|processing|completed|failed,
  progress 0-100, created_at/completed_at (ISO 8601 UTC), credits_used, error (failed only), and
  when completed: download_url (on the file origin, expiring), filename, file_size, expires_at,
  and the sandbox extra sha256 (clients must not rely on it). Each GET of a completed job returns a
  freshly signed download_url.
* GET /v1/jobs?limit=N&cursor=C: newest first, limit default 20, max 100 (over → 422),
  ``{"jobs": [...], "next_cursor": str|null}``. GET /v1/info?url=: 1 credit, metadata dict.
* File origin: GET/HEAD /files/{token}/{filename}. Deterministic bytes per job (the same job
  always yields the same bytes). Content-Type video/mp4 (audio/mpeg for audio_only),
  Content-Length, ETag, Accept-Ranges: bytes, Content-Disposition: attachment; filename="…",
  Range → 206 with Content-Range (unsatisfiable → 416). Expired or unknown token → 403
  ``{"detail": "Link expired"}`` (410 after /_sandbox/expire-links ... see below).
  The file origin never needs Authorization and logs every request's headers.
* GET /billing: an HTML page to top up credits (the demo's "buy credits");
  POST /billing/topup (form field ``amount``) adds credits and shows the new balance.

Admin endpoints (loopback only, no auth, JSON bodies, never rate limited)
-------------------------------------------------------------------------
  GET  /_sandbox/state                      → {"credits", "plan", "jobs": N, "keys": {...}}
  POST /_sandbox/credits   {"credits": N}   set the balance ({"add": N} adds)
  POST /_sandbox/plan      {"plan": "free"} change plan (and so the rate limit)
  POST /_sandbox/keys      {"key": "vc_…", "active": bool}   add, re-activate or deactivate a key
  POST /_sandbox/faults    {"path": "/v1/download", "method": "POST", "responses": [R, …]}
        queue responses answered instead of the real one, in order, for requests whose path
        starts with ``path`` (and method, if given). Each R has any of:
          "status": int, "headers": {…}, "json": any (sent as JSON) or "body": str (sent raw,
          e.g. HTML or truncated JSON), "delay": seconds before answering,
          "drop": true (close the connection without any response),
          "after_processing": true (do the real work first — e.g. create and charge the job —
          then answer with this fault instead; simulates a reply lost after the server acted).
  POST /_sandbox/fail-next-job {"count": 1}        the next N accepted jobs fail
  POST /_sandbox/expire-links                       every download link issued so far expires now
  POST /_sandbox/file-faults {"drop_after_bytes": N, "count": 1}   the next N file responses
        close the connection after N body bytes
  POST /_sandbox/file-faults {"bytes_per_second": N}  throttle file responses (0 = off)
  GET  /_sandbox/log?origin=api|files       → [{"time", "method", "path", "query", "status",
        "headers": {lower-case name: value}, "json": request body or null}]
  POST /_sandbox/log/clear
All admin helpers also exist as methods of ``server.admin`` (sync in the thread runner).
"""
