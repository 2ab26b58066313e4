"""Idempotency-Key on POST /v1/download (our choice, contract §6): a key that created a job stays
bound to that job and to the request body for ``ttl`` seconds of the monotonic clock, per API key.
Only a request that created a job binds its key, so a refused request (402, 422, …) can be
re-sent with the same key once the cause is fixed.

Nothing here locks: the caller holds ``SandboxState.lock`` around every use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

PRUNE_ABOVE = 10_000  # forget expired bindings now and then, so a long demo stays small
REUSED = {
    "detail": "This Idempotency-Key was already used for a different request",
    "code": "conflict",
}


class KeyReused(Exception):
    """The key is bound to a request with another body."""


@dataclass(frozen=True)
class _Binding:
    fingerprint: str
    job_id: str
    bound_at: float  # monotonic


def fingerprint(body: Any) -> str:
    """The request body, independent of key order and spacing: equal JSON, equal fingerprint."""
    return json.dumps(body, sort_keys=True, separators=(",", ":"))


class IdempotencyStore:
    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._bindings: dict[tuple[str, str], _Binding] = {}

    def job_for(self, api_key: str, key: str, body: Any, now: float) -> str | None:
        """The job this key already made for this body, None if the key is free (never used or
        expired); KeyReused if it made a job for another body."""
        binding = self._bindings.get((api_key, key))
        if binding is None or now - binding.bound_at >= self.ttl:
            return None
        if binding.fingerprint != fingerprint(body):
            raise KeyReused
        return binding.job_id

    def bind(self, api_key: str, key: str, body: Any, job_id: str, now: float) -> None:
        if len(self._bindings) > PRUNE_ABOVE:
            self._bindings = {
                pair: binding
                for pair, binding in self._bindings.items()
                if now - binding.bound_at < self.ttl
            }
        self._bindings[(api_key, key)] = _Binding(fingerprint(body), job_id, now)
