"""The embedded VideoConduit sandbox: a real HTTP service on 127.0.0.1 implementing the documented
contract (see ../shared/videoconduit-api.md). It shares no code with ``app.api``: it is written
from the contract alone, so a test cannot pass because both sides share a misunderstanding.

Two origins, like the real service and its CDN:
  * API origin  (``api_base``):  /v1/download, /v1/jobs/{id}, /v1/jobs, /v1/info, /billing,
    and the admin endpoints under /_sandbox/.
  * File origin (``file_base``): /files/{token}/{filename}, expiring links, Range, ETag.

Both bind to loopback only (another ``host`` is refused with ValueError).

Starting it
-----------
Command line::

    python -m app.sandbox [--port N] [--file-port N] [--plan free|starter|pro|growth|business]
                          [--credits N] [--job-seconds F] [--window-seconds F] [--link-ttl F]
                          [--key vc_...]

prints the API base URL, the file origin, the demo key and the top-up page, serves until Ctrl+C
or SIGTERM (exit status 0).

In-process (async, on the running loop)::

    server = SandboxServer(plan="starter", credits=100, job_seconds=0.5)
    await server.start()          # server.api_base, server.file_base, server.api_key
    ...
    await server.stop()

In a background thread with its own event loop (what tests and ``--sandbox`` use)::

    with run_in_thread(plan="free", credits=25) as server:
        server.api_base, server.file_base, server.api_key
        server.admin.set_credits(5)      # the admin helpers below, called synchronously

``run_in_thread`` returns once both origins listen (a failed start, e.g. a taken port, raises
there); without ``with``, call ``server.stop()`` (idempotent). Stopping cuts downloads in flight.
``SandboxServer`` also works as ``async with SandboxServer(...) as server`` and starts only once.

Parameters (all keyword, all optional): ``host="127.0.0.1"``, ``port=0`` and ``file_port=0``
(0 = pick a free port), ``plan="starter"``, ``credits=100``, ``job_seconds=2.0`` (time from
queued to completed; queued for the first 20 %), ``window_seconds=60.0`` (length of the
rate-limit window; tests shorten it), ``link_ttl=600.0`` (download links expire after this many
seconds), ``api_key=None`` (default: a fresh ``vc_sandbox_…`` key), ``default_size=1_048_576``
(bytes of a produced file unless the source URL says otherwise), ``idempotency_seconds=86400``
(how long an Idempotency-Key stays bound; tests shorten it).

Behaviour of the service (our documented choices)
-------------------------------------------------
* Auth: ``Authorization: Bearer <key>``. Missing/unknown key → 401
  ``{"detail": "Invalid or missing API key"}`` (no code). A deactivated key → 403
  ``{"detail": "API key is deactivated", "code": "forbidden"}``.
* Rate limit per key per window: free 10, starter 60, pro 200, growth 500, business 1000.
  Every response on /v1/ (errors too) carries X-RateLimit-Limit, X-RateLimit-Remaining,
  X-RateLimit-Reset (Unix time of the window's end, whole seconds rounded up). Over the limit →
  429 with ``Retry-After: <whole seconds, rounded up>`` and body
  ``{"detail": "Rate limit exceeded. Retry after N seconds.", "retry_after": N}`` (no code).
  Requests answered with 429 or 401 do not count (a 403 does). Windows are fixed: one opens
  with the first counted request after the previous one ended and lasts ``window_seconds``.
  Unknown /v1/ paths → 404 ``{"detail": "Not Found"}``.
* The service's clock: every wall time the service tells — the HTTP ``Date`` header of every
  response of both origins (errors, 429s, faults and admin answers too), job ``created_at`` /
  ``completed_at`` / ``expires_at`` and ``X-RateLimit-Reset`` — is the real time plus the admin's
  clock offset (0 unless set; a change applies to existing jobs' times too, as if the clock had
  always been that far off). Durations (job progress, link and key lifetimes, rate windows,
  Retry-After) run on the monotonic clock and ignore it. A fault's own ``Date`` header is sent
  as given.
* POST /v1/download ``{"url", "format"?, "quality"?, "audio_only"?}`` → 202 with the job object.
  Costs 2 credits (1 when audio_only). Not enough → 402 ``{"detail": "Insufficient credits",
  "code": "insufficient_credits", "required": R, "available": A}``. Missing/invalid fields → 422
  with ``detail`` a list of ``{loc, msg, type}``. Non-http(s) url → 422 too.
* Idempotency-Key (our choice, contract §6): a POST /v1/download carrying ``Idempotency-Key: K``
  whose K already made a job for the same API key within ``idempotency_seconds`` (monotonic)
  gets that job back as it is now — 202, plus the sandbox extra header
  ``Idempotent-Replayed: true`` — and is neither charged nor makes a job (so it is never 402).
  The same K with a different JSON body (compared as parsed JSON: key order and spacing do not
  matter) → 409 ``{"detail": "This Idempotency-Key was already used for a different request",
  "code": "conflict"}``. Only a request that made a job binds its K: one refused (401/403/429,
  422, a trigger URL's 400/404/409, 402) leaves K free. Checked after validation (422), before
  trigger URLs and credits. Without the header nothing changes.
* Trigger URLs (any other http(s) URL is a downloadable video):
    - host contains ``unsupported`` → 404 ``{"detail": "Could not extract info from URL: Unsupported URL"}``
    - path contains ``badrequest``  → 400 ``{"detail": "...", "code": "bad_request"}``
    - path contains ``conflict``    → 409 ``{"detail": "...", "code": "conflict"}``
    - path contains ``fail``        → the job is accepted, then ends ``failed`` with
      ``error: {"detail": "The video platform returned an error", "code": "upstream_error"}``;
      its credits are given back.
    - path contains ``slow``        → the job takes 5 × job_seconds.
    - path contains ``nocredits``   → 402 ``insufficient_credits`` as if the balance were 0
      (``available: 0``), whatever it is: a credits dialog on demand, e.g. in the embedded sandbox.
    - query ``size=N``              → the produced file has N bytes.
    - query ``filename=NAME``       → the job's ``filename`` is exactly NAME, unsanitised (e.g.
      ``…/v?filename=clip.mp4.part`` or ``filename=..%2F..%2Fevil.sh``), to hand a client a
      hostile name; the file origin's Content-Disposition carries it too (below).
  Checked in that order, after auth, rate limit and validation, before credits.
* Job object: job_id (uuid4), job_type "download", url, status queued|processing|completed|failed,
  progress 0-100, created_at/completed_at (ISO 8601 UTC, ``…Z``; completed_at null until the job
  ends), credits_used (0 once failed and refunded), error (failed only), and when completed:
  download_url (on the file origin, expiring), filename, file_size, expires_at, and the sandbox
  extras sha256, format, quality, audio_only (clients must not rely on them). Each GET of a
  completed job returns a freshly signed download_url. GET /v1/jobs/{unknown} → 404
  ``{"detail": "Job not found", "code": "not_found"}``.
  Status is computed from elapsed monotonic time (nothing runs in the background): queued for
  the first 20 %, then processing with growing progress; a failing job fails at 60 %. Completion
  also waits for the file's sha256: instant up to 32 MiB, bigger files are hashed on a worker
  thread (~1.7 s for 2 GiB here). Refunds of failed jobs are settled whenever the balance is read.
* Produced file: the container is ``format`` if given, else mp3 for audio_only, else mp4; the
  name is the source URL's last path segment, sanitised to ``[A-Za-z0-9._-]`` with any media
  suffix replaced (``video`` when empty), e.g. ``…/My%20Clip.webm`` → ``My_Clip.mp4``.
* GET /v1/jobs?limit=N&cursor=C: newest first, limit default 20, max 100 (over → 422),
  ``{"jobs": [...], "next_cursor": str|null}``. With a list lag of N seconds (admin), it leaves
  out jobs created less than N seconds ago, as an eventually consistent index would; GET
  /v1/jobs/{id} still finds them. GET /v1/info?url=: 1 credit, metadata dict.
* File origin: GET/HEAD /files/{token}/{filename}. Deterministic bytes per job (the same job
  always yields the same bytes). Content-Type video/mp4 (audio/mpeg for audio_only),
  Content-Length, ETag (its own per job), Accept-Ranges: bytes,
  Content-Disposition: ``attachment; filename="NAME"`` (backslash and ``"`` escaped; when
  NAME is not printable ASCII also ``; filename*=UTF-8''<NAME percent-encoded>``, and control
  characters show as ``_`` in the plain part); the link's last path segment is NAME
  percent-encoded (``..`` as ``%2E%2E``), so it decodes back to exactly NAME.
  Range → 206 with Content-Range (unsatisfiable → 416; several ranges → the whole file, 200).
  If-Range with another ETag → the whole file; If-None-Match → 304. Expired or unknown token →
  403 ``{"detail": "Link expired"}``; a link expired by /_sandbox/expire-links → 410 with the
  same body; a wrong file name after a valid token → 404. (webm → video/webm, m4a → audio/mp4.)
  The bytes: a container header (an MP4 ``ftyp`` + ``mdat`` box, an ID3 tag, an EBML header),
  then a per-job pattern whose period is a prime just under 1 MiB, so an off-by-N resume changes
  the file's hash. Served in ~1 MiB zero-copy writes (≈1.5–2 GB/s to curl on loopback).
  The file origin never needs Authorization and logs every request's headers.
* GET /billing: an HTML page to top up credits (the demo's "buy credits");
  POST /billing/topup (form field ``amount``, 1–100000) adds credits and answers the page with
  the new balance (200; a bad amount → 400 and nothing changes). Never rate limited.

Admin endpoints (loopback only, no auth, JSON bodies, never rate limited)
-------------------------------------------------------------------------
  GET  /_sandbox/state                      → {"credits", "plan", "jobs": N, "keys": {...}}
        (plus "rate_limit", "pending_faults", "failing_next", "pending_file_replies",
        "list_lag", "clock_offset"; every POST below answers it too)
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
          then answer with this fault instead; simulates a reply lost after the server acted:
          with a status/body (a gateway's 504 page, a 303 + Location), a "drop", or only a
          "delay" (the real answer, late: a 40 s delay outlasts a client's timeout)),
          "drip": seconds (send the answer's status and headers, with the full Content-Length,
          at once, then its body — the fault's or the real one — one byte every ``drip``
          seconds; for API responses, file bodies drip with /_sandbox/file-reply).
        A fault answers with only its own headers (no X-RateLimit-*) and status 500 unless given;
        a raw "body" is sent as text/html if it starts with "<", application/json if with "{"
        or "[", else text/plain (a "Content-Type" header overrides). A fault with only "delay"
        delays the real answer. Faults apply to the file origin too (not after_processing).
  POST /_sandbox/fail-next-job {"count": 1}        the next N accepted jobs fail
  POST /_sandbox/expire-links                       every download link issued so far expires now
  POST /_sandbox/file-faults {"drop_after_bytes": N, "count": 1}   the next N file responses
        close the connection after N body bytes
  POST /_sandbox/file-faults {"bytes_per_second": N}  throttle file responses (0 = off)
        (one call may set both; an omitted setting is left as it is; HEAD is never cut)
  POST /_sandbox/file-reply {"count": 1, "truncate_to"?: K, "extra_bytes"?: M,
        "headers"?: {name: value|null}, "drip"?: seconds}
        queue ``count`` lying replies (after those already queued) for the next file GETs that
        send a body (200/206; HEAD, 304, 403/404/416 take none):
          truncate_to K — only the first K bytes of what would be sent, ``Content-Length: K``,
            ending cleanly: a short file that looks complete (Content-Range stays the real one);
          extra_bytes M — M more bytes past the real end (the pattern goes on), Content-Length
            covering them (not combined with truncate_to);
          headers — set last, overriding any header (a hostile Content-Disposition, another
            ETag, a lying Content-Length: a shorter one cuts the body there, a longer one makes
            the server close after the body; null removes a header, e.g. Accept-Ranges);
          drip — one body byte every ``drip`` seconds (throttling is ignored meanwhile).
        A drop (file-faults) still applies on top.
  POST /_sandbox/list-lag  {"seconds": N}   GET /v1/jobs hides jobs younger than N s (0 = off)
  POST /_sandbox/clock-offset {"seconds": N}  the service's clock runs N s off (may be negative)
  GET  /_sandbox/for-url?url=U              → {"url", "posts": POST /v1/download requests for
        U however answered, "jobs": jobs (= charges) created for U, "idempotency_keys": the
        Idempotency-Key of each of those POSTs in order, null where absent}
  GET  /_sandbox/log?origin=api|files       → [{"time", "method", "path", "query", "status",
        "headers": {lower-case name: value}, "json": request body or null}]
        (``status`` is null for a dropped connection; admin requests are not logged; the
        newest 10000 entries per origin are kept)
  POST /_sandbox/log/clear
All admin helpers also exist as methods of ``server.admin``: set_credits(n), add_credits(n),
set_plan(p), set_key_active(key, active), add_key(key), queue_faults(path, responses,
method=None), fail_next_jobs(n), expire_links(), file_faults(drop_after_bytes=None, count=1,
bytes_per_second=None), file_reply(count=1, *, truncate_to=None, extra_bytes=0, headers=None,
drip=0.0), set_list_lag(seconds), set_clock_offset(seconds), log(origin="api"), clear_log(),
state(), posts_for_url(url) (how many POST /v1/download requests carried that url, however
answered), jobs_for_url(url) (how many jobs — charges — were created for it) and
idempotency_keys_for_url(url) (list of str | None, one per such POST). They are plain synchronous
methods guarded by one lock, so they are safe from any thread, with either way of starting.
"""

from .server import SandboxServer, ThreadedSandbox, run_in_thread

__all__ = ["SandboxServer", "ThreadedSandbox", "run_in_thread"]
