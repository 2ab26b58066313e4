"""What every HTTP exchange of the app shares, API calls and downloads alike: which address may
receive the API key, which proxy a request goes through, and how much of a reply is read.

* **Where the key may go.** The service address must be ``https://``; plain ``http://`` is
  accepted only for this computer (127.0.0.0/8, ``::1``, ``localhost``: the embedded sandbox),
  where nothing travels over a network. ``service_url_problem`` is the one rule: settings refuse
  an address with its sentence, and the client refuses to send a request (and so the key) to one.
* **Proxies.** ``proxy_mounts`` reads ``HTTPS_PROXY``/``HTTP_PROXY``/``ALL_PROXY``/``NO_PROXY``,
  or, when none is set, the system's proxy settings on Windows (registry) and macOS
  (SystemConfiguration) through ``urllib.request.getproxies()``, and turns them into httpx
  mounts. httpx does this by itself only for a client built without ``transport=``; both of
  our clients are built with one (the file client's large-piece reads), so both get their
  mounts from here and go through the same proxy. Loopback is *not* exempt unless ``NO_PROXY``
  says so (httpx's rule, kept). The system's own bypass list (Windows "ProxyOverride", macOS
  exceptions) is not read: ``getproxies()`` does not report it.
* **Bounded replies.** ``read_capped`` reads a streamed body and stops one byte past the cap,
  counting *decoded* bytes and decoding gzip/deflate itself with a bounded output, so a small
  compressed reply can never inflate past the cap in memory.
"""

from __future__ import annotations

import ipaddress
import logging
import urllib.request
import zlib
from collections.abc import Callable

import httpx

log = logging.getLogger("app.api")

INSECURE_SERVICE_SENTENCE = (
    "The service address must start with https://: over plain http:// the API key would travel "
    "unencrypted. (http:// is accepted only for this computer: localhost, 127.0.0.1 or ::1.)"
)
INVALID_SERVICE_SENTENCE = "The service address is not a web address (https://…)."


# -- where the key may go -------------------------------------------------------------------


def is_loopback_host(host: str) -> bool:
    """127.0.0.0/8, ::1 or the name localhost (with or without the root dot)."""
    name = host.strip().strip("[]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def service_url_problem(url: str | httpx.URL) -> str | None:
    """None when requests carrying the API key may go to ``url``; else why not, in a sentence.
    Parsed by httpx, the same parser that will send the request."""
    try:
        parsed = url if isinstance(url, httpx.URL) else httpx.URL(url.strip())
        host = parsed.host  # decoding an IDNA host may fail only here
    except (httpx.InvalidURL, TypeError, ValueError):  # (IDNA errors are UnicodeErrors)
        return INVALID_SERVICE_SENTENCE
    if parsed.scheme not in ("https", "http") or not host:
        return INVALID_SERVICE_SENTENCE
    if parsed.scheme == "https" or is_loopback_host(host):
        return None
    return INSECURE_SERVICE_SENTENCE


# -- proxies --------------------------------------------------------------------------------


def proxy_routes() -> dict[str, str | None]:
    """httpx URL pattern → proxy URL (None: go direct), from the environment or, without it,
    the system's settings (``urllib.request.getproxies()``, looked up at call time). The same
    reading of ``NO_PROXY`` as httpx's own ``trust_env``: ``*`` turns proxies off, a bare name
    covers its subdomains, ``.name`` only the subdomains, IPs and ``localhost`` match exactly."""
    info = urllib.request.getproxies()
    routes: dict[str, str | None] = {}
    for scheme in ("http", "https", "all"):
        target = info.get(scheme)
        if target:
            routes[f"{scheme}://"] = target if "://" in target else f"http://{target}"
    for entry in (part.strip() for part in info.get("no", "").split(",")):
        if entry == "*":
            return {}
        if not entry:
            continue
        if "://" in entry:
            routes[entry] = None
            continue
        bare = entry.strip("[]")
        if _is_ip(bare):
            routes[f"all://[{bare}]" if ":" in bare else f"all://{bare}"] = None
        elif entry.lower() == "localhost":
            routes["all://localhost"] = None
        else:
            routes[f"all://*{entry}"] = None
    return routes


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def proxy_mounts(
    transport_for: Callable[[httpx.Proxy], httpx.AsyncBaseTransport],
) -> dict[str, httpx.AsyncBaseTransport | None]:
    """The httpx ``mounts`` for a client built with its own ``transport=``: one transport per
    configured proxy (made by ``transport_for``), None for the NO_PROXY exceptions (the
    client's own transport, direct). A proxy this httpx cannot use (say socks5:// without the
    socksio package) gets a transport that refuses every request: traffic that must go through
    a proxy never leaves without it (fail closed), and nothing is charged for a refused
    connection."""
    mounts: dict[str, httpx.AsyncBaseTransport | None] = {}
    for pattern, target in proxy_routes().items():
        if target is None:
            mounts[pattern] = None
            continue
        try:
            mounts[pattern] = transport_for(httpx.Proxy(target))
        except (ValueError, ImportError, httpx.InvalidURL) as exc:
            log.warning("Proxy for %s cannot be used (%s): those requests are refused", pattern, exc)
            mounts[pattern] = UnusableProxy(str(exc))
    return mounts


class UnusableProxy(httpx.AsyncBaseTransport):
    """Stands where a configured proxy cannot be used: every request fails to connect."""

    def __init__(self, why: str) -> None:
        self._why = why

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"the configured proxy cannot be used: {self._why}", request=request)


def describe_proxies() -> str:
    """One line for the log: which proxy serves which requests (hosts only, never credentials)."""
    parts = []
    for pattern, target in proxy_routes().items():
        if target is None:
            parts.append(f"{pattern} direct")
            continue
        try:
            url = httpx.URL(target)
            port = f":{url.port}" if url.port else ""
            parts.append(f"{pattern} via {url.scheme}://{url.host}{port}")
        except httpx.InvalidURL:
            parts.append(f"{pattern} via an unreadable proxy address")
    return ", ".join(parts) or "no proxy"


# -- bounded replies --------------------------------------------------------------------------


class UnreadableReply(Exception):
    """A body in an encoding we do not read, or whose compressed data is broken."""


class _Identity:
    def decode(self, data: bytes, room: int) -> bytes:
        return data

    def flush(self, room: int) -> bytes:
        return b""


class _Inflate:
    """gzip or deflate, never producing more than ``room`` bytes from one call; the input left
    over stays in zlib's unconsumed tail and is simply never asked for (the reply is over the
    cap by then)."""

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS)
        self._first = True

    def decode(self, data: bytes, room: int) -> bytes:
        try:
            out = self._zlib.decompress(data, room)
        except zlib.error as exc:
            if self._gzip or not self._first:
                raise UnreadableReply(str(exc)) from None
            # "deflate" is often sent without its zlib wrapper: raw deflate, as httpx allows.
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            self._first = False
            return self.decode(data, room)
        self._first = False
        return out

    def flush(self, room: int) -> bytes:
        try:
            # Every decode either used all its input or ended the reading: nothing is left over
            # for flush to expand beyond zlib's last few buffered bytes.
            return self._zlib.flush()
        except zlib.error as exc:
            raise UnreadableReply(str(exc)) from None


ACCEPT_ENCODING = "gzip, deflate"  # only what read_capped decodes with a bounded output


def _decoder_for(content_encoding: str | None) -> _Identity | _Inflate:
    codings = [c.strip().lower() for c in (content_encoding or "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return _Identity()
    if len(codings) == 1 and codings[0] in ("gzip", "x-gzip", "deflate"):
        return _Inflate(gzip=codings[0] != "deflate")
    raise UnreadableReply(f"unsupported Content-Encoding {content_encoding!r}")


async def read_capped(response: httpx.Response, limit: int) -> bytes | None:
    """The decoded body of a streamed ``response``, or None as soon as it is longer than
    ``limit`` bytes: reading stops there, and no more than ``limit + 1`` decoded bytes (plus
    one network piece) are ever held. Raises UnreadableReply for an unknown encoding or broken
    compressed data. The caller closes the response."""
    decoder = _decoder_for(response.headers.get("Content-Encoding"))
    declared = response.headers.get("Content-Length", "").strip()
    if isinstance(decoder, _Identity) and declared.isdigit() and int(declared) > limit:
        return None  # said so up front: not one byte of it is read
    body = bytearray()
    # The raw stream, not aiter_raw(): that closes the response itself as the body ends, where a
    # cancel (the call's deadline, a quit) could cut the close short inside httpcore and keep the
    # connection taken for good; the caller's uncancelled.close closes it whole.
    stream = response.stream
    if not isinstance(stream, httpx.AsyncByteStream):
        raise TypeError("read_capped needs a streamed async response")
    async for raw in stream:
        body += decoder.decode(raw, limit - len(body) + 1)
        if len(body) > limit:
            return None
    body += decoder.flush(limit - len(body) + 1)
    if len(body) > limit:
        return None
    return bytes(body)


def preload_request_modules() -> None:
    """Import now what httpcore imports at a client's first request (anyio and its asyncio
    backend: ~30 ms, ~30 modules). Called while the app is built off the window's thread, so the
    first link submitted does not pay for it on the window's loop (tests/perf P4's paint)."""
    import importlib

    for name in ("anyio", "anyio._backends._asyncio", "anyio.streams.tls", "anyio.to_thread"):
        try:
            importlib.import_module(name)
        except ImportError:  # another httpcore/anyio lays this out differently: only slower
            log.debug("could not preload %s", name)
