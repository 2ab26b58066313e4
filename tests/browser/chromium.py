"""Debian's Chromium, headless, with our unpacked extension and a private profile, driven over
the DevTools protocol (aiohttp's WebSocket client: no extra driver to pin).

The profile's ``NativeMessagingHosts/`` folder is where Chromium looks for per-user host
manifests when --user-data-dir is given, so the browser reaches exactly the host this test put
there, and nothing of the machine's own set-up."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
# The network is closed here and root cannot use Chromium's sandbox: only what the test needs.
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
         "--disable-background-networking", "--disable-component-update",
         "--no-default-browser-check", "--remote-debugging-port=0")


class DevToolsError(Exception):
    pass


class Chromium:
    """One browser process; `targets()` lists pages and service workers, `evaluate()` runs
    JavaScript in one of them and returns its (awaited) value."""

    def __init__(self, profile: Path, extension: Path, env: dict[str, str]) -> None:
        assert CHROMIUM, "chromium is not installed (make installs it when run as root)"
        self.profile = profile
        self.log = (profile.parent / "chromium.log").open("wb")
        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--load-extension={extension}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT, env=env)
        self.port = 0
        self._ids = itertools.count(1)

    async def wait_ready(self, timeout: float) -> None:
        """Until Chromium writes its DevTools port (into the profile)."""
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise DevToolsError(f"Chromium exited with {self.process.returncode}")
            with contextlib.suppress(OSError, ValueError):
                self.port = int(port_file.read_text().split()[0])
                return
            await asyncio.sleep(0.05)
        raise DevToolsError(f"Chromium gave no DevTools port within {timeout} s")

    async def targets(self) -> list[dict[str, Any]]:
        async with aiohttp.ClientSession() as session, session.get(
                f"http://127.0.0.1:{self.port}/json/list") as reply:
            return await reply.json(content_type=None)

    async def wait_target(self, kind: str, url_prefix: str, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for target in await self.targets():
                if target.get("type") == kind and target.get("url", "").startswith(url_prefix):
                    return target
            await asyncio.sleep(0.1)
        raise DevToolsError(f"no {kind} target at {url_prefix} within {timeout} s")

    async def evaluate(self, target: dict[str, Any], expression: str, timeout: float) -> Any:
        """Run `expression` in `target` (awaiting a promise) and return its JSON value."""
        async with aiohttp.ClientSession() as session, session.ws_connect(
                target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            call_id = next(self._ids)
            await ws.send_json({"id": call_id, "method": "Runtime.evaluate", "params": {
                "expression": expression, "awaitPromise": True, "returnByValue": True}})
            async with asyncio.timeout(timeout):
                async for message in ws:
                    data = json.loads(message.data)
                    if data.get("id") != call_id:
                        continue
                    result = data.get("result", {})
                    if "exceptionDetails" in result or "error" in data:
                        raise DevToolsError(json.dumps(data)[:2000])
                    return result["result"].get("value")
        raise DevToolsError("the DevTools connection closed without an answer")

    async def open_page(self, url: str, timeout: float) -> dict[str, Any]:
        async with aiohttp.ClientSession() as session, session.put(
                f"http://127.0.0.1:{self.port}/json/new?{url}") as reply:
            target = await reply.json(content_type=None)
        # A new tab is about:blank (already "complete") until the navigation commits: wait for
        # the page itself, loaded.
        loaded = f"document.readyState === 'complete' && location.href === {json.dumps(url)}"
        await self.wait_true(target, loaded, timeout, f"{url} loaded")
        return target

    async def wait_true(self, target: dict[str, Any], expression: str, timeout: float,
                        what: str) -> None:
        """Until `expression` is true in `target` (an error, e.g. a name not defined yet, counts
        as not yet)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(DevToolsError):
                if await self.evaluate(target, expression, max(deadline - time.monotonic(), 0.1)) is True:
                    return
            await asyncio.sleep(0.1)
        raise DevToolsError(f"not {what} within {timeout} s")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.log.close()


def chromium_env(base: dict[str, str] | None = None, **extra: str) -> dict[str, str]:
    env = dict(os.environ if base is None else base)
    env.update(extra)
    return env
