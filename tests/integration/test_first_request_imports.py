"""The app's first request imports nothing: httpcore's first request would import anyio and its
asyncio backend (~30 ms) on the window's loop, right when the first pasted link is submitted.
Building the app (off the window's thread) imports them instead. In a fresh interpreter, since
this test process has anyio loaded already."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import asyncio, json, sys
from pathlib import Path
from keyring.backends import fail
from app.context import build_context
from app.keys import ENV_VARIABLE, KeyStore
from app.settings import AppPaths, SettingsStore

paths = AppPaths(Path(sys.argv[1]))
store = SettingsStore.for_paths(paths)
key_store = KeyStore(backend=fail.Keyring(), env={ENV_VARIABLE: "vc_test_key"})
context = build_context(paths, store.load(), store, key_store, use_sandbox=False,
                        api_base="http://127.0.0.1:9", download_dir=Path(sys.argv[1]) / "dl")

async def first_request():
    before = set(sys.modules)
    try:
        await asyncio.wait_for(context.engine.client.get_job("job_1"), 3)
    except Exception:
        pass  # nothing listens there: only what the attempt imported matters
    return sorted(set(sys.modules) - before)

print(json.dumps(asyncio.run(first_request())))
"""


def test_the_first_request_after_the_app_is_built_imports_nothing(tmp_path: Path):
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True,
                          text=True, timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    imported = json.loads(done.stdout.strip().splitlines()[-1])
    assert not [name for name in imported if name.startswith(("anyio", "httpcore"))], imported
