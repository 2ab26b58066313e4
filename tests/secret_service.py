"""A real, private Secret Service for tests: its own D-Bus session bus and gnome-keyring-daemon.

Everything lives in a temporary directory (HOME, XDG_RUNTIME_DIR, XDG_DATA_HOME where the
keyring files go, the bus socket), so a developer's own keyring is never touched. Both daemons
are stopped by PID. If they cannot start, SecretServiceError carries their stderr so a CI log
shows why (engineering notes §4).
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

SECRETS_BUS_NAME = "org.freedesktop.secrets"
KEYRING_PASSWORD = b"videoconduit-test-keyring"
START_TIMEOUT_SECONDS = 15.0
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child: get SIGTERM when pytest dies, even by SIGKILL, so no daemon outlives it."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: the fixture's teardown still stops the daemons


class SecretServiceError(RuntimeError):
    """The private Secret Service could not be started."""


class PrivateSecretService:
    """Start with start(), stop with stop(); `env` is what a child process needs to use it."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="vc-secret-service-"))
        self.home = self.root / "home"
        self.overrides: dict[str, str] = {}
        self._processes: list[tuple[str, subprocess.Popen[bytes]]] = []

    @property
    def env(self) -> dict[str, str]:
        """The current environment with the private bus, HOME and XDG directories."""
        return {**os.environ, **self.overrides}

    @property
    def bus_address(self) -> str:
        return self.overrides["DBUS_SESSION_BUS_ADDRESS"]

    def backend(self):
        """A keyring SecretService backend talking to this service.

        secretstorage finds the bus through os.environ, so the caller must have put
        DBUS_SESSION_BUS_ADDRESS there (the `secret_service` fixture does).
        """
        from keyring.backends import SecretService

        if os.environ.get("DBUS_SESSION_BUS_ADDRESS") != self.bus_address:
            raise SecretServiceError("DBUS_SESSION_BUS_ADDRESS does not point to the private bus")
        return SecretService.Keyring()

    def start(self) -> None:
        try:
            self._start()
        except SecretServiceError:
            raise
        except Exception as exc:
            raise SecretServiceError(self._failure(f"{type(exc).__name__}: {exc}")) from exc

    def _start(self) -> None:
        for tool in ("dbus-daemon", "gnome-keyring-daemon"):
            if shutil.which(tool) is None:
                raise SecretServiceError(
                    f"{tool} is not installed (apt-get install dbus dbus-x11 gnome-keyring "
                    "libsecret-tools; `make test` does this when run as root)"
                )
        runtime = self.root / "runtime"
        data_home = self.home / ".local" / "share"
        for directory in (runtime, data_home, self.home / ".config", self.home / ".cache"):
            directory.mkdir(parents=True, mode=0o700)
        self.overrides = {
            "HOME": str(self.home),
            "XDG_RUNTIME_DIR": str(runtime),
            "XDG_DATA_HOME": str(data_home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
        }
        self.overrides["DBUS_SESSION_BUS_ADDRESS"] = self._start_bus()
        self._start_keyring_daemon()
        self._wait_for_secrets_owner()

    def stop(self) -> None:
        # Keyring daemon first: it is a client of the bus.
        for _, process in reversed(self._processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=5)
        self._processes.clear()
        shutil.rmtree(self.root, ignore_errors=True)

    def _spawn(
        self, name: str, args: list[str], stdin: int | None = None
    ) -> subprocess.Popen[bytes]:
        # Output goes to files, not pipes: a daemon never blocks on a full pipe, and its stderr
        # is still there to quote when something goes wrong.
        out_path, err_path = self.root / f"{name}.out", self.root / f"{name}.err"
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            process = subprocess.Popen(
                args, stdin=stdin, stdout=out, stderr=err, env=self.env, cwd=self.root,
                preexec_fn=_die_with_parent,
            )
        self._processes.append((name, process))
        return process

    def _start_bus(self) -> str:
        socket_path = self.root / "bus"
        process = self._spawn(
            "dbus-daemon",
            ["dbus-daemon", "--session", "--nofork", "--print-address=1",
             f"--address=unix:path={socket_path}"],
        )
        address_file = self.root / "dbus-daemon.out"
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            lines = address_file.read_text().splitlines()
            if lines and socket_path.exists():
                return lines[0].strip()
            if process.poll() is not None:
                break
            time.sleep(0.02)
        raise SecretServiceError(self._failure("dbus-daemon did not print its bus address"))

    def _start_keyring_daemon(self) -> None:
        process = self._spawn(
            "gnome-keyring",
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
        )
        assert process.stdin is not None
        # --unlock reads the login keyring's password until EOF; without it the default
        # collection cannot be created headless ("Prompt dismissed").
        process.stdin.write(KEYRING_PASSWORD)
        process.stdin.close()

    def _wait_for_secrets_owner(self) -> None:
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        with open_dbus_connection(bus=self.bus_address) as connection:
            while time.monotonic() < deadline:
                reply = connection.send_and_get_reply(
                    message_bus.NameHasOwner(SECRETS_BUS_NAME), timeout=2
                )
                if reply.body[0]:
                    return
                if any(process.poll() is not None for _, process in self._processes):
                    break
                time.sleep(0.05)
        raise SecretServiceError(self._failure(f"{SECRETS_BUS_NAME} never appeared on the bus"))

    def _failure(self, what: str) -> str:
        parts = [what]
        for name, process in self._processes:
            state = "running" if process.poll() is None else f"exited with {process.returncode}"
            stderr = (self.root / f"{name}.err").read_text(errors="replace").strip()
            parts.append(f"--- {name} ({state}) stderr:\n{stderr or '(empty)'}")
        return "\n".join(parts)
