"""The sandbox's "buy credits" page: GET /billing shows the balance and plan, POST /billing/topup
(form field ``amount``) adds credits and shows the new balance. No money, no auth: a demo."""

from __future__ import annotations

from html import escape

from aiohttp import web

from .accounts import PLAN_LIMITS
from .state import STATE, SandboxState

TOP_UPS = (10, 50, 200)
MAX_TOP_UP = 100_000

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Buy credits · VideoConduit sandbox</title>
<style>
  :root {{ --accent: #2563eb; --muted: #6b7280; }}
  body {{ font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0;
         min-height: 100vh; display: grid; place-items: center; background: #f3f4f6; }}
  main {{ background: #fff; color: #111827; border-radius: 14px; padding: 2rem 2.25rem;
         width: min(26rem, 92vw); box-shadow: 0 10px 30px rgb(0 0 0 / 0.08); }}
  h1 {{ font-size: 1.15rem; margin: 0 0 1.25rem; }}
  .balance {{ font-size: 2.75rem; font-weight: 700; line-height: 1.1; }}
  .label {{ color: var(--muted); font-size: 0.85rem; text-transform: uppercase;
           letter-spacing: 0.05em; }}
  .plan {{ display: inline-block; margin-top: 0.5rem; padding: 0.15rem 0.6rem;
          border-radius: 999px; background: #eef2ff; color: #3730a3; font-size: 0.9rem; }}
  .notice {{ margin: 1rem 0 0; padding: 0.6rem 0.8rem; border-radius: 8px; }}
  .ok {{ background: #ecfdf5; color: #065f46; }}
  .error {{ background: #fef2f2; color: #991b1b; }}
  form.buttons {{ display: flex; gap: 0.6rem; margin-top: 1.5rem; }}
  button {{ flex: 1; font: inherit; font-weight: 600; padding: 0.65rem 0; border: 0;
           border-radius: 8px; background: var(--accent); color: #fff; cursor: pointer; }}
  button:hover {{ filter: brightness(1.1); }}
  form.custom {{ display: flex; gap: 0.6rem; margin-top: 0.75rem; }}
  form.custom input {{ flex: 2; font: inherit; padding: 0.5rem 0.7rem; border-radius: 8px;
                      border: 1px solid #d1d5db; }}
  form.custom button {{ background: #374151; }}
  footer {{ margin-top: 1.5rem; color: var(--muted); font-size: 0.8rem; }}
</style>
</head>
<body>
<main>
  <h1>VideoConduit sandbox · credits</h1>
  <div class="label">Balance</div>
  <div class="balance" id="balance">{credits}</div>
  <div class="plan" id="plan">{plan} plan · {limit} requests {per}</div>
  {notice}
  <form class="buttons" method="post" action="/billing/topup">
    {buttons}
  </form>
  <form class="custom" method="post" action="/billing/topup">
    <input type="number" name="amount" min="1" max="{max_top_up}" placeholder="Other amount"
           aria-label="Other amount" required>
    <button type="submit">Add</button>
  </form>
  <footer>A demo page of the local sandbox: no payment is taken.</footer>
</main>
</body>
</html>
"""


def render(state: SandboxState, notice: str = "", error: bool = False) -> str:
    with state.lock:
        credits, plan = state.balance(), state.account.plan
    window = state.config.window_seconds
    buttons = "\n    ".join(
        f'<button type="submit" name="amount" value="{amount}">+{amount}</button>'
        for amount in TOP_UPS
    )
    notice_html = (
        f'<p class="notice {"error" if error else "ok"}" role="status">{escape(notice)}</p>'
        if notice
        else ""
    )
    return _PAGE.format(
        credits=credits,
        plan=escape(plan.capitalize()),
        limit=PLAN_LIMITS[plan],
        per="a minute" if window == 60 else f"per {window:g} s",
        notice=notice_html,
        buttons=buttons,
        max_top_up=MAX_TOP_UP,
    )


async def billing_page(request: web.Request) -> web.Response:
    return web.Response(text=render(request.app[STATE]), content_type="text/html")


async def top_up(request: web.Request) -> web.Response:
    state = request.app[STATE]
    text = str((await request.post()).get("amount", "")).strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_TOP_UP:
        notice = f"Choose a whole number of credits from 1 to {MAX_TOP_UP:,}."
        page = render(state, notice, error=True)
        return web.Response(text=page, content_type="text/html", status=400)
    amount = int(text)
    with state.lock:
        state.account.credits = state.balance() + amount
    page = render(state, f"Added {amount} credits.")
    return web.Response(text=page, content_type="text/html")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/billing", billing_page)
    app.router.add_post("/billing/topup", top_up)
