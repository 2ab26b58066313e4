"""Starting and stopping the sandbox: on the running event loop (``SandboxServer``) or on a
private loop in a daemon thread (``run_in_thread``)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import socket
import sys
import threading
from typing import Any

from aiohttp import web

from . import admin, billing, files, keys_page, v1
from .admin import Admin
from .dates import date_on_every_response
from .faults import fault_middleware, track_lingering
from .requestlog import log_middleware
from .state import STATE, SandboxConfig, SandboxState

SHUTDOWN_SECONDS = 1.0  # how long stop() lets a running download finish before cutting it
THREAD_TIMEOUT = 15.0


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        if sys.platform != "win32":  # on Windows this flag would allow stealing a bound port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


class SandboxServer:
    """The two origins on the running event loop (plain asyncio, qasync, …).

    Keyword arguments are those of the package docstring. ``admin`` works before ``start()``.
    """

    def __init__(self, **options: Any) -> None:
        self.state = SandboxState(SandboxConfig(**options))
        self.admin = Admin(self.state)
        self._runners: list[web.AppRunner] = []
        self._bases: dict[str, str] = {}
        self._used = False

    @property
    def api_key(self) -> str:
        return self.state.api_key

    @property
    def api_base(self) -> str:
        return self._base("api")

    @property
    def file_base(self) -> str:
        return self._base("files")

    def _base(self, origin: str) -> str:
        if origin not in self._bases:
            raise RuntimeError("the sandbox is not started")
        return self._bases[origin]

    def _app(self, origin: str) -> web.Application:
        middlewares = [log_middleware(self.state, origin), fault_middleware(self.state)]
        if origin == "api":
            middlewares.append(v1.v1_guard(self.state))
        app = web.Application(middlewares=middlewares)
        app[STATE] = self.state
        app.on_response_prepare.append(date_on_every_response(self.state))
        track_lingering(app)
        if origin == "api":
            for module in (v1, billing, keys_page, admin):
                module.add_routes(app)
        else:
            files.add_routes(app)
        return app

    async def _serve(self, origin: str, port: int) -> str:
        runner = web.AppRunner(
            self._app(origin), access_log=None, shutdown_timeout=SHUTDOWN_SECONDS
        )
        await runner.setup()
        self._runners.append(runner)
        sock = _listen(self.state.config.host, port)
        await web.SockSite(runner, sock).start()
        host, bound_port = sock.getsockname()[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{bound_port}"

    async def start(self) -> None:
        if self._used:
            raise RuntimeError("a SandboxServer starts only once; make a new one")
        self._used = True
        config = self.state.config
        try:
            # The file origin first: job objects need its base URL.
            self.state.file_base = await self._serve("files", config.file_port)
            self._bases["files"] = self.state.file_base
            self._bases["api"] = await self._serve("api", config.port)
        except BaseException:
            await self.stop()
            raise

    async def stop(self) -> None:
        self.state.closing.set()
        runners, self._runners = self._runners, []
        for runner in reversed(runners):
            await runner.cleanup()

    async def __aenter__(self) -> SandboxServer:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()


class ThreadedSandbox:
    """A started ``SandboxServer`` on its own loop in a daemon thread. Use it as a context
    manager, or call ``stop()`` yourself (it is idempotent). ``admin`` methods are synchronous
    and safe to call from any thread."""

    def __init__(self, **options: Any) -> None:
        self.server = SandboxServer(**options)
        self.admin = self.server.admin
        self._loop = asyncio.new_event_loop()
        self._started: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._thread = threading.Thread(target=self._run, name="videoconduit-sandbox", daemon=True)
        self._thread.start()
        self._started.result(timeout=THREAD_TIMEOUT)  # re-raises a failed start (port in use…)

    @property
    def api_key(self) -> str:
        return self.server.api_key

    @property
    def api_base(self) -> str:
        return self.server.api_base

    @property
    def file_base(self) -> str:
        return self.server.file_base

    def _run(self) -> None:
        loop = self._loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self.server.start())
        except BaseException as exc:
            self._started.set_exception(exc)
        else:
            self._started.set_result(None)
            loop.run_forever()
        finally:
            pending = asyncio.all_tasks(loop)
            for task in pending:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    def stop(self) -> None:
        if self._loop.is_closed() or not self._thread.is_alive():
            return
        stopping = asyncio.run_coroutine_threadsafe(self.server.stop(), self._loop)
        try:
            stopping.result(timeout=THREAD_TIMEOUT)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=THREAD_TIMEOUT)

    def __enter__(self) -> ThreadedSandbox:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def run_in_thread(**options: Any) -> ThreadedSandbox:
    """Start the sandbox on a private loop in a daemon thread; returns once it listens."""
    return ThreadedSandbox(**options)
