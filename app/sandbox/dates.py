"""The HTTP ``Date`` header of every response of both origins comes from the service's clock
(which the admin can set off with clock-offset), not from aiohttp's own, so a client that trusts
the service's time for decisions (contract §6) can be tested against a skewed service."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING

from aiohttp import hdrs, web

if TYPE_CHECKING:
    from .state import SandboxState

# Set on a response whose Date was chosen on purpose (a fault's or a file reply's own headers).
OWN_DATE = web.ResponseKey("sandbox_own_date", bool)


def date_on_every_response(
    state: SandboxState,
) -> Callable[[web.Request, web.StreamResponse], Awaitable[None]]:
    """An ``on_response_prepare`` handler. aiohttp fills in its own Date just before this signal
    runs, for every response prepared for a routed request (errors and faults included)."""

    async def stamp(request: web.Request, response: web.StreamResponse) -> None:
        if not response.get(OWN_DATE):
            response.headers[hdrs.DATE] = state.http_date()

    return stamp


def mark_own_date(response: web.StreamResponse, header_names: Iterable[str]) -> None:
    """Keep this response's Date as set, if ``header_names`` (the headers chosen for it) has one."""
    if any(name.lower() == "date" for name in header_names):
        response[OWN_DATE] = True
