"""Expiring download links: random tokens, each naming one job until its deadline.

Nothing here locks: the caller holds ``SandboxState.lock`` around every use.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

PRUNE_ABOVE = 10_000  # a polling client mints a link per look; forget dead ones now and then


@dataclass(frozen=True)
class Link:
    job_id: str
    serial: int
    expires_at: float  # monotonic


class LinkStore:
    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._links: dict[str, Link] = {}
        self._serial = 0
        self._revoked_through = 0  # links up to this serial were expired by the admin

    def issue(self, job_id: str, now: float) -> tuple[str, float]:
        """A fresh token for ``job_id`` and its monotonic expiry."""
        if len(self._links) > PRUNE_ABOVE:
            self._links = {
                token: link
                for token, link in self._links.items()
                if link.expires_at > now and link.serial > self._revoked_through
            }
        token = secrets.token_urlsafe(18)
        self._serial += 1
        link = Link(job_id, self._serial, now + self.ttl)
        self._links[token] = link
        return token, link.expires_at

    def resolve(self, token: str, now: float) -> tuple[str | None, int]:
        """(job_id, 200) for a live link; (None, 410) if the admin expired it; (None, 403) if it
        timed out or never existed."""
        link = self._links.get(token)
        if link is None:
            return None, 403
        if link.serial <= self._revoked_through:
            return None, 410
        if now >= link.expires_at:
            return None, 403
        return link.job_id, 200

    def expire_all(self) -> None:
        self._revoked_through = self._serial
