"""Everything the sandbox knows, behind one lock.

Handlers run on the server's event loop while ``server.admin`` may be called from any thread
(tests call it from the pytest thread), so every read or change of shared state happens under
``SandboxState.lock``. Each critical section is short and never awaits.
"""

from __future__ import annotations

import email.utils
import ipaddress
import threading
from collections import deque
from dataclasses import dataclass, field

from aiohttp import web

from . import clock
from .accounts import Account, RateLimiter, check_plan, new_api_key
from .faults import FaultQueue
from .idempotency import IdempotencyStore
from .jobs import JobStore
from .links import LinkStore
from .requestlog import RequestLog


@dataclass(frozen=True)
class SandboxConfig:
    host: str = "127.0.0.1"
    port: int = 0
    file_port: int = 0
    plan: str = "starter"
    credits: int = 100
    job_seconds: float = 2.0
    window_seconds: float = 60.0
    link_ttl: float = 600.0
    api_key: str | None = None
    default_size: int = 1_048_576
    idempotency_seconds: float = 24 * 3600.0  # how long an Idempotency-Key stays bound

    def __post_init__(self) -> None:
        check_plan(self.plan)
        if not _is_loopback(self.host):
            raise ValueError(f"the sandbox binds to loopback only, not {self.host!r}")
        if self.api_key is not None and not self.api_key.startswith("vc_"):
            raise ValueError("API keys start with 'vc_'")
        if min(self.job_seconds, self.link_ttl, self.default_size, self.idempotency_seconds) < 0:
            raise ValueError(
                "job_seconds, link_ttl, default_size and idempotency_seconds cannot be negative"
            )
        if self.window_seconds <= 0:
            raise ValueError("window_seconds must be positive")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class FileReply:
    """How one file response lies (admin ``file_reply``); see the package docstring."""

    truncate_to: int | None = None  # send only this many body bytes, Content-Length to match
    extra_bytes: int = 0  # send this many bytes beyond the real end, Content-Length covering them
    headers: dict[str, str | None] = field(default_factory=dict)  # None removes a header
    drip: float = 0.0  # seconds between body bytes (0 = off)


@dataclass
class FileFaults:
    drops_left: int = 0
    drop_after_bytes: int = 0
    bytes_per_second: int = 0  # 0 = unthrottled
    replies: deque[FileReply] = field(default_factory=deque)

    def take_reply(self) -> FileReply | None:
        return self.replies.popleft() if self.replies else None

    def take_drop(self) -> int | None:
        """Body bytes after which this response is cut, if a drop is queued."""
        if self.drops_left <= 0:
            return None
        self.drops_left -= 1
        return self.drop_after_bytes


class SandboxState:
    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.lock = threading.RLock()
        self.api_key = config.api_key or new_api_key()
        self.account = Account(config.plan, config.credits, self.api_key)
        self.limiter = RateLimiter(config.window_seconds)
        self.jobs = JobStore()
        self.links = LinkStore(config.link_ttl)
        self.faults = FaultQueue()
        self.file_faults = FileFaults()
        self.log = RequestLog()
        self.idempotency = IdempotencyStore(config.idempotency_seconds)
        self.list_lag = 0.0  # GET /v1/jobs hides jobs younger than this (seconds)
        self.clock_offset = 0.0  # added to every wall time the service tells
        self.file_base = ""  # set once the file origin listens
        self.closing = threading.Event()  # tells digest threads to give up

    def balance(self, now: float | None = None) -> int:
        """Credits after giving back those of every job that has failed by now. Failures are
        computed lazily, so every read or change of the balance settles them first."""
        with self.lock:
            self.account.credits += self.jobs.due_refunds(clock.now() if now is None else now)
            return self.account.credits

    def wall(self, mono: float) -> float:
        """The Unix time the service's (possibly skewed) clock shows at monotonic ``mono``."""
        return clock.wall_at(mono) + self.clock_offset

    def http_date(self) -> str:
        """Now on the service's clock, as an HTTP ``Date`` (IMF-fixdate)."""
        return email.utils.formatdate(self.wall(clock.now()), usegmt=True)


STATE = web.AppKey("sandbox_state", SandboxState)
