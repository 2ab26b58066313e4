"""The sandbox's "API keys" page (the real service's dashboard keys page, in miniature):
GET /dashboard/keys lists the account's keys, masked, with their state; POST
/dashboard/keys/toggle (form field ``index``) deactivates or re-activates one. A demo: no auth."""

from __future__ import annotations

from html import escape

from aiohttp import web

from .state import STATE, SandboxState

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>API keys · VideoConduit sandbox</title>
<style>
  body {{ font: 16px/1.5 system-ui, sans-serif; margin: 0; min-height: 100vh; display: grid;
         place-items: center; background: #f3f4f6; }}
  main {{ background: #fff; border-radius: 14px; padding: 2rem; width: min(34rem, 92vw);
         box-shadow: 0 10px 30px rgb(0 0 0 / 0.08); }}
  table {{ width: 100%; border-collapse: collapse; }} td {{ padding: 0.5rem 0.25rem; }}
  code {{ font-size: 0.95rem; }} .off {{ color: #991b1b; }} .on {{ color: #065f46; }}
  button {{ font: inherit; padding: 0.3rem 0.8rem; border: 0; border-radius: 6px;
           background: #374151; color: #fff; cursor: pointer; }}
</style></head>
<body><main><h1>VideoConduit sandbox · API keys</h1>
<table>{rows}</table>
<p>A demo page of the local sandbox. Deactivated keys are answered with 403.</p>
</main></body></html>
"""


def mask(key: str) -> str:
    """Enough of a key to recognise it, never enough to use it."""
    return f"{key[:6]}…{key[-4:]}" if len(key) > 12 else "vc_…"


def render(state: SandboxState) -> str:
    with state.lock:
        keys = list(state.account.keys.items())
    rows = "".join(
        f'<tr><td><code>{escape(mask(key))}</code></td>'
        f'<td class="{"on" if active else "off"}">{"active" if active else "deactivated"}</td>'
        f'<td><form method="post" action="/dashboard/keys/toggle">'
        f'<button name="index" value="{index}">{"Deactivate" if active else "Re-activate"}</button>'
        f"</form></td></tr>"
        for index, (key, active) in enumerate(keys)
    )
    return _PAGE.format(rows=rows)


async def keys_page(request: web.Request) -> web.Response:
    return web.Response(text=render(request.app[STATE]), content_type="text/html")


async def toggle_key(request: web.Request) -> web.Response:
    state = request.app[STATE]
    text = str((await request.post()).get("index", ""))
    with state.lock:
        keys = list(state.account.keys)
        if not text.isdigit() or int(text) >= len(keys):
            raise web.HTTPBadRequest(text="Unknown key")
        key = keys[int(text)]
        state.account.keys[key] = not state.account.keys[key]
    return web.Response(text=render(state), content_type="text/html")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/dashboard/keys", keys_page)
    app.router.add_post("/dashboard/keys/toggle", toggle_key)
