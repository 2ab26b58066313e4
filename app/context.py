"""The long-lived parts of one run, wired once: sandbox (in demo mode), API client, store, engine.

Built by ``app.main`` (the composition root) and handed whole to the window or the console.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from app.api import errors
from app.api.client import VideoConduitClient
from app.api.models import Plan
from app.api.transport import describe_proxies, preload_request_modules
from app.engine.engine import Engine
from app.engine.store import Store
from app.keys import KeyStore
from app.settings import AppPaths, Settings, SettingsStore

T = TypeVar("T")

log = logging.getLogger("app")


@dataclass(frozen=True)
class SandboxInfo:
    api_base: str
    file_base: str
    api_key: str
    billing_url: str


@dataclass
class AppContext:
    engine: Engine
    settings: Settings
    settings_store: SettingsStore
    key_store: KeyStore
    paths: AppPaths
    sandbox: SandboxInfo | None = None
    log_file: Path | None = None
    open_url: Callable[[str], object] = field(default=lambda url: None)
    # "Try the sandbox" from the welcome dialog; set by the window runner when not in sandbox mode.
    start_sandbox: Callable[[], object] | None = None
    _closers: list[Callable[[], object]] = field(default_factory=list)
    _tested_plan: Plan = Plan.UNKNOWN
    # --api-base / VIDEOCONDUIT_API_BASE: the address this session's client uses, not saved.
    _api_base_override: str | None = None

    def save_settings(self) -> None:
        self.settings_store.save(self.settings)

    def holds_links_from(self, source: str) -> bool:
        """Whether links handed over from `source` wait for the person's OK instead of starting
        (app.instance's sources: a launch, the browser extension, a videoconduit:// link)."""
        from app.instance import EXTENSION, SCHEME

        if source == SCHEME:
            return self.settings.hold_scheme_links
        if source == EXTENSION:
            return self.settings.hold_extension_links
        return False

    @property
    def in_sandbox(self) -> bool:
        """Whether this session talks to the embedded sandbox (what dialogs need to know of it)."""
        return self.sandbox is not None

    @property
    def api_base(self) -> str:
        if self.sandbox:
            return self.sandbox.api_base
        return self._api_base_override or self.settings.api_base

    @property
    def billing_url(self) -> str:
        return self.sandbox.billing_url if self.sandbox else self.settings.billing_url

    @property
    def upgrade_url(self) -> str:
        return self.sandbox.billing_url if self.sandbox else self.settings.upgrade_url

    @property
    def key_settings_url(self) -> str:
        return f"{self.api_base.rstrip('/')}/dashboard/keys"

    async def test_key(self, key: str) -> str | None:
        """None when the key works, else a sentence for a person. Uses a free call (job list)."""
        probe = VideoConduitClient(self.api_base, key, max_attempts=2)
        self._tested_plan = Plan.UNKNOWN
        try:
            await probe.list_jobs(limit=1)
            self._tested_plan = probe.rate_limit.plan if probe.rate_limit else Plan.UNKNOWN
        except errors.UnauthorizedError:
            return "VideoConduit does not recognise this key. Check that you copied all of it."
        except errors.ForbiddenError:
            return "This key has been deactivated or lacks permission."
        except errors.ApiError as exc:
            return f"Could not check the key right now: {exc.detail}"
        finally:
            await probe.aclose()
        return None

    async def read_stored_key(self) -> str | None:
        """Read the key from the keyring on a worker thread (its unlock prompt may keep it for
        minutes) and give it to the engine. The sandbox brings its own key. The thread is a
        daemon: a read stuck in D-Bus must not keep the process alive after Quit. A key set or
        removed while the read was under way wins over what the read returns."""
        if self.sandbox is None and self.engine.client.api_key is None:
            changes = self.key_store.changes
            key = await on_daemon_thread(self.key_store.load, "keyring-read")
            if changes == self.key_store.changes:
                self.engine.set_api_key(key)
        return self.engine.client.api_key

    def plan_after_test(self) -> Plan:
        """The plan of the key last given to test_key (from that reply's X-RateLimit-Limit)."""
        return self._tested_plan

    async def close(self) -> None:
        await self.engine.close()
        await self.engine.client.aclose()
        self.engine.store.close()
        for closer in reversed(self._closers):
            closer()


def build_context(paths: AppPaths, settings: Settings, settings_store: SettingsStore,
                  key_store: KeyStore, *, use_sandbox: bool, api_base: str | None = None,
                  download_dir: Path | None = None, concurrency: int | None = None,
                  log_file: Path | None = None, read_key: bool = True) -> AppContext:
    """`read_key=False` leaves the stored key unread (the window reads it off its UI thread
    with AppContext.read_stored_key); the console session reads it here."""
    closers: list[Callable[[], object]] = []
    sandbox: SandboxInfo | None = None
    if use_sandbox:
        sandbox, stop = start_embedded_sandbox()
        closers.append(stop)
        api_key = sandbox.api_key
        base = sandbox.api_base
    else:
        api_key = key_store.get() if read_key else key_store.env_override
        base = api_base or settings.api_base
    # The sandbox's jobs mean nothing to the real service: it gets a queue of its own.
    database = paths.queue_database(sandbox=use_sandbox)
    database.parent.mkdir(parents=True, exist_ok=True)
    target = Path(download_dir or settings.download_dir)
    # API calls and downloads (the engine's file client) read the same proxy settings.
    client = VideoConduitClient(base, api_key)
    log.info("Proxy for API calls and downloads: %s", describe_proxies())
    preload_request_modules()
    engine = Engine(Store(database), client, download_dir=target,
                    concurrency=concurrency or settings.concurrency,
                    patient_look=float(settings.lookup_seconds))
    return AppContext(engine=engine, settings=settings, settings_store=settings_store,
                      key_store=key_store, paths=paths, sandbox=sandbox, log_file=log_file,
                      _closers=closers, _api_base_override=None if use_sandbox else api_base)


def start_embedded_sandbox() -> tuple[SandboxInfo, Callable[[], object]]:
    # Imported here: only demo mode (and tests) ever reach the sandbox.
    from app.sandbox import run_in_thread

    server = run_in_thread(plan="starter", credits=40, job_seconds=3.0, default_size=8_000_000)
    info = SandboxInfo(server.api_base, server.file_base, server.api_key,
                       f"{server.api_base}/billing")
    log.info("embedded sandbox at %s", server.api_base)
    return info, server.stop


async def on_daemon_thread(work: Callable[[], T], name: str) -> T:
    """`work()` on a thread of its own named `name`, awaited. asyncio.to_thread uses non-daemon
    threads, which Python waits for at exit: a read stuck in D-Bus would keep a quit app alive."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        if not future.done():
            outcome()

    def run() -> None:
        try:
            result = work()
            outcome = lambda: future.set_result(result)  # noqa: E731
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting task
            error = exc
            outcome = lambda: future.set_exception(error)  # noqa: E731
        try:
            loop.call_soon_threadsafe(settle, outcome)
        except RuntimeError:  # the session ended (and closed its loop) while the read waited
            pass

    threading.Thread(target=run, name=name, daemon=True).start()
    return await future
