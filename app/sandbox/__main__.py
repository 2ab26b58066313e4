"""``python -m app.sandbox``: run the sandbox until Ctrl+C (or SIGTERM)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys

from .accounts import PLAN_LIMITS
from .server import SandboxServer


def _key(text: str) -> str:
    if not text.startswith("vc_"):
        raise argparse.ArgumentTypeError("API keys start with 'vc_'")
    return text


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m app.sandbox",
        description="A local VideoConduit-compatible API for demos and tests (127.0.0.1 only).",
    )
    parser.add_argument("--port", type=int, default=0, help="API port (0 = any free port)")
    parser.add_argument("--file-port", type=int, default=0, help="file origin port (0 = any)")
    parser.add_argument("--plan", choices=list(PLAN_LIMITS), default="starter")
    parser.add_argument("--credits", type=int, default=100)
    parser.add_argument("--job-seconds", type=float, default=2.0, help="queued → completed")
    parser.add_argument("--window-seconds", type=float, default=60.0, help="rate-limit window")
    parser.add_argument("--link-ttl", type=float, default=600.0, help="download link lifetime")
    parser.add_argument("--key", type=_key, default=None, help="API key (default: a fresh one)")
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    server = SandboxServer(
        port=args.port,
        file_port=args.file_port,
        plan=args.plan,
        credits=args.credits,
        job_seconds=args.job_seconds,
        window_seconds=args.window_seconds,
        link_ttl=args.link_ttl,
        api_key=args.key,
    )
    await server.start()
    print(f"VideoConduit sandbox API: {server.api_base}")
    print(f"Files: {server.file_base}")
    print(f"API key: {server.api_key}")
    print(f"Buy credits: {server.api_base}/billing")
    print("Press Ctrl+C to stop.", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows: Ctrl+C still interrupts
            loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:  # where signal handlers are unavailable (Windows)
        pass
    except OSError as exc:  # typically: the port is taken
        print(f"Cannot start the sandbox: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
