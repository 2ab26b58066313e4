"""Finding video links in what a person pastes or drops: plain text, browser drag payloads.

Pure functions, no Qt. Nothing here may raise on any input: a drop is user data, and a bad
payload must turn into "nothing found" (with reasons), never into a crash.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser

import idna

NOT_HTTP = "not_http"
JUNK = "junk"
REPEATED = "repeated"


@dataclass(frozen=True)
class Extraction:
    urls: list[str] = field(default_factory=list)  # each in its canonical_url form, each once
    skipped: dict[str, int] = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)  # normalize_url of each of urls, same order

    @property
    def url_keys(self) -> list[str]:
        """The de-duplication key of each of urls — the keys found while parsing, so that a
        paste of 50,000 links is not parsed again for them."""
        return self.keys if len(self.keys) == len(self.urls) else list(map(normalize_url, self.urls))

    def keyed(self) -> list[tuple[str, str]]:
        """(url, de-duplication key) pairs."""
        return list(zip(self.urls, self.url_keys, strict=True))


# A link starts where a scheme starts (not glued to a preceding word, so "git+https://" is one
# scheme) and runs until whitespace or a character that never appears unescaped in a URL.
_URL_CHARS = r"[^\s<>\"`\x00-\x1f\x7f]"
_TOKEN = re.compile(
    rf"(?<![\w+.-])(?:([a-z][a-z0-9+.-]*)://{_URL_CHARS}*"
    rf"|(javascript|mailto|data|about|tel|magnet|blob|view-source|file):{_URL_CHARS}+)",
    re.IGNORECASE,
)
# "https://a/x,https://b/y" (a pasted CSV row) is two links.
_GLUED = re.compile(r"[,;](?=https?://)", re.IGNORECASE)
_TRAILING = frozenset(".,;:!?'\"*…“”‘’«»。，、；：！？")
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_DEFAULT_PORTS = {"http": 80, "https": 443}
_HTTP_SCHEMES = frozenset(_DEFAULT_PORTS)


def _trim_trailing(url: str) -> str:
    """Drop sentence punctuation and closing brackets that the URL did not open, so that
    "(see https://x.org/a)." loses ")." but ".../Python_(language)" keeps its ")"."""
    if not url or (url[-1] not in _TRAILING and url[-1] not in _CLOSERS):
        return url  # the usual case: nothing to trim, and no brackets to count
    end = len(url)
    unopened = {close: url.count(close) - url.count(open_) for close, open_ in _CLOSERS.items()}
    while end:
        last = url[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last in _CLOSERS and unopened[last] > 0:
            unopened[last] -= 1
            end -= 1
        else:
            break
    return url[:end]


# http(s) URLs are split by hand: urllib's urlsplit costs ~10 µs a call, too much for a pasted
# list of 10,000 links. Groups: scheme, authority, path, query; the fragment is dropped.
_HTTP_URL = re.compile(r"(https?)://([^/?#]*)([^?#]*)(\?[^#]*)?(?:#.*)?", re.IGNORECASE | re.DOTALL)
_IPV6 = re.compile(r"\[[0-9a-f:.]*:[0-9a-f:.]*\]", re.IGNORECASE)

# Query parameters that only say where a click came from and never select content, so a link
# means the same video with or without them. Compared case-insensitively, like every `utm_*`.
TRACKING_PARAMS = frozenset(
    {
        # share and click markers: YouTube/Spotify/SoundCloud (si, feature, pp), Facebook,
        # Google Ads, Instagram
        "fbclid", "gclid", "si", "feature", "pp", "igshid",
        # advertising click ids: Google, Microsoft, Yandex, X/Twitter, TikTok, LinkedIn
        "dclid", "gclsrc", "gbraid", "wbraid", "gad_source", "srsltid", "msclkid", "yclid",
        "ysclid", "twclid", "ttclid", "li_fat_id",
        # share and newsletter markers: Instagram, Mailchimp, HubSpot, Marketo, X/Twitter embeds
        "igsh", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url",
        # Google Analytics cross-domain linkers
        "_ga", "_gl",
    }
)
TRACKING_PREFIXES = ("utm_",)
# A pre-filter for _clean_query, so that most queries are kept without being split: it matches
# wherever a parameter might have to go (an empty one; a name that starts with a tracking prefix
# or is a tracking name), and may also match some that stay — _is_tracking decides.
_NEEDS_CLEANING = re.compile(
    r"[?&](?=&|$)|[?&](?:" + "|".join(map(re.escape, TRACKING_PREFIXES)) + "|(?:"
    + "|".join(map(re.escape, sorted(TRACKING_PARAMS))) + r")(?:[=&]|$))",
    re.IGNORECASE,
)

# YouTube: every way of writing one video's address becomes https://www.youtube.com/watch?v=ID
# and nothing else. `t`/`start` only move the player's start, the file is the same. `list` and
# `index` are dropped too: the submitted URL must download exactly this one video (with `list` a
# downloader may take the whole playlist, a different and dearer job), and the same video opened
# from two playlists must count as one link, not be charged twice.
_YOUTUBE_WATCH_HOSTS = frozenset({"youtube.com", "www.youtube.com", "m.youtube.com",
                                  "music.youtube.com"})
_YOUTUBE_PATH_FORMS = {  # host → path prefixes that are followed by the video id
    **{host: ("/shorts/", "/live/", "/embed/") for host in _YOUTUBE_WATCH_HOSTS},
    "youtu.be": ("/",),
    "www.youtube-nocookie.com": ("/embed/",),
    "youtube-nocookie.com": ("/embed/",),
}
# Real ids are 11 characters, but any run of id characters is taken (test and sandbox links use
# short ones); on these hosts and paths nothing but a video id can stand there anyway.
_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]+")
_NOT_VIDEO_IDS = frozenset({"videoseries", "live_stream"})  # /embed/… of a playlist, a channel


@functools.lru_cache(maxsize=4096)  # a pasted list mostly repeats a few hosts
def _valid_host(host: str) -> bool:
    if host.startswith("["):
        return _IPV6.fullmatch(host) is not None
    name = host[:-1] if host.endswith(".") else host
    if (
        not name
        or name.startswith(".")
        or ".." in name
        or not name.replace("-", "").replace(".", "").replace("_", "").isalnum()
    ):
        return False
    if name.isascii():
        return True
    try:  # an international name must have an IDNA form, as the HTTP client will need it
        idna.encode(name.lower())
    except (idna.IDNAError, UnicodeError, ValueError):
        return False
    return True


def _is_tracking(param: str) -> bool:
    name = param.partition("=")[0].lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def _clean_query(query: str | None) -> str:
    """"?a=1&utm_source=x&&b" → "?a=1&b": tracking and empty parameters out, the others in their
    order; "" when none is left (so no trailing "?" or "&")."""
    if not query or query == "?":
        return ""
    if _NEEDS_CLEANING.search(query) is None:  # the usual case: nothing to drop, no list built
        return query
    kept = [param for param in query[1:].split("&") if param and not _is_tracking(param)]
    return "?" + "&".join(kept) if kept else ""


def _youtube_id(host: str, path: str, query: str | None) -> str | None:
    """The video id if host/path/query is one of YouTube's ways to address a single video."""
    video = ""
    if path == "/watch":
        if host not in _YOUTUBE_WATCH_HOSTS or not query:
            return None
        for param in query[1:].split("&"):
            if param.startswith("v="):
                video = param[2:]
                break
    else:
        for prefix in _YOUTUBE_PATH_FORMS[host]:
            if path.startswith(prefix):
                video = path[len(prefix) :].removesuffix("/")
                break
        else:
            return None
    if _YOUTUBE_ID.fullmatch(video) and video not in _NOT_VIDEO_IDS:
        return video
    return None


def _parse_http(url: str) -> str | None:
    """The canonical form of url if it is a usable http(s) link with a plausible host and port,
    else None. See canonical_url."""
    match = _HTTP_URL.fullmatch(url)
    if match is None:
        return None
    scheme, authority, path, query = match.groups()
    if "@" in authority:
        # Credentials would be sent to the paid service and kept in the queue; and
        # "https://www.youtube.com@evil.example/" is a disguise. Never a video link.
        return None
    scheme = scheme.lower()
    host, port = authority, ""
    if ":" in authority and not authority.endswith("]"):
        host, _, port = authority.rpartition(":")
    if not _valid_host(host):
        return None
    # Lower-casing is IDNA-safe here: _valid_host checked that exactly the lower-cased name has
    # an IDNA form, and IDNA maps upper to lower case anyway.
    host = host.lower()
    netloc = host
    if port:
        if not (port.isascii() and port.isdigit()) or int(port) > 65535:
            return None
        if int(port) != _DEFAULT_PORTS[scheme]:
            netloc = f"{host}:{int(port)}"
    if netloc == host and host in _YOUTUBE_PATH_FORMS:
        video = _youtube_id(host, path, query)
        if video is not None:
            return f"https://www.youtube.com/watch?v={video}"
    return f"{scheme}://{netloc}{path or '/'}{_clean_query(query)}"


# The usual line of a pasted list: one link alone, already written in its canonical form
# (lower-case http(s) scheme and host, no port, a path, no fragment, one "://", and no last
# character that prose would trim). For such a line the careful path (token, trim, _parse_http)
# gives back the line itself — once _plain_link has also checked what a pattern cannot: a valid
# host that is not YouTube's, and a query with nothing to drop. Anything else goes the careful way.
_PLAIN_LINE = re.compile(
    r"https?://(?!.*://)([a-z0-9.-]+)/[^\s<>\"`\x00-\x1f\x7f?#]*(\?[^\s<>\"`\x00-\x1f\x7f#]+)?"
    rf"(?<![{re.escape(''.join(sorted(_TRAILING | _CLOSERS.keys())))}])",
)


_YOUTUBE_CANONICAL = "https://www.youtube.com/watch?v="


def _plain_link(line: str) -> str | None:
    """`line` itself when it is one link in canonical form (see _PLAIN_LINE), else None."""
    match = _PLAIN_LINE.fullmatch(line)
    if match is None:
        return None
    host, query = match.groups()
    if host in _YOUTUBE_PATH_FORMS:  # only a video's own canonical form is taken as it is
        plain = line.startswith(_YOUTUBE_CANONICAL) and _YOUTUBE_ID.fullmatch(
            line[len(_YOUTUBE_CANONICAL) :])
        return line if plain else None
    if not _valid_host(host):
        return None
    if query is not None and _NEEDS_CLEANING.search(query) is not None:
        return None
    return line


def canonical_url(url: str) -> str:
    """The one form of a link that is stored, submitted and compared:

    - scheme and host lower-cased, the default port (:80 for http, :443 for https) dropped, an
      empty path written as "/", the fragment dropped;
    - tracking parameters (TRACKING_PARAMS, any utm_*) and empty ones dropped, the others kept
      in their order, and no trailing "?" or "&";
    - a YouTube video, however written, as https://www.youtube.com/watch?v=ID.

    Total: never raises. Anything that is no usable http(s) link (other schemes, a bad host or
    port, credentials in the authority) comes back only stripped of surrounding whitespace."""
    try:
        url = url.strip()
        canonical = _parse_http(url)
        # Whitespace inside a given string (never inside an extracted link) may end up last once
        # the fragment or a parameter is gone: strip it and go again, so that the result is a
        # fixed point. Each round is shorter, so this ends.
        while canonical is not None and canonical[-1:].isspace():
            url = canonical.rstrip()
            canonical = _parse_http(url)
        if canonical is None or canonical == url:
            return url  # the same string object: 50,000 stored links are not kept twice
        return canonical
    except Exception:  # noqa: BLE001 — e.g. not a str at all; comparing must not crash the engine
        return url


def web_link(url: str) -> str | None:
    """The canonical form of `url` when it is a usable http(s) link, else None (the check the
    browser hand-over applies to each link it is given)."""
    try:
        return _parse_http(url.strip())
    except Exception:  # noqa: BLE001 — any input; never raise
        return None


def normalize_url(url: str) -> str:
    """The de-duplication key: the canonical form itself, so that copies of one link that differ
    in tracking parameters, fragment, host spelling or YouTube form have one key."""
    return canonical_url(url)


class _Collector:
    """Accumulates canonical links in order, each once (the canonical form is its own
    de-duplication key), with skip reasons counted."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.keys: list[str] = []
        self.seen: set[str] = set()
        self.skipped: Counter[str] = Counter()

    def add(self, url: str, key: str) -> bool:
        if key in self.seen:
            return False
        self.seen.add(key)
        self.urls.append(url)
        self.keys.append(key)
        return True

    def take(self, found: Extraction) -> None:
        """The links of another extraction after ours, each once."""
        if not self.urls and len(found.keys) == len(found.urls):
            # The first format with links (often the only one): its links are distinct already,
            # so 50,000 of them are taken whole instead of one by one.
            self.urls, self.keys, self.seen = list(found.urls), list(found.keys), set(found.keys)
            return
        for url, key in found.keyed():
            self.add(url, key)

    def offer(self, candidate: str, scheme: str | None, *, in_prose: bool = True) -> None:
        if scheme is None or scheme.lower() not in _HTTP_SCHEMES:
            self.skipped[NOT_HTTP] += 1
            return
        canonical = _parse_http(_trim_trailing(candidate) if in_prose else candidate)
        if canonical is None:
            self.skipped[JUNK] += 1
        elif not self.add(canonical, canonical):
            self.skipped[REPEATED] += 1

    def scan_lines(self, lines: Iterable[str]) -> None:
        """Every link in every line; a non-empty line without any link counts as junk once."""
        for line in lines:
            plain = _plain_link(line)  # most lines of a pasted list: the careful path's result
            if plain is None:
                self.scan_line(line)
            elif not self.add(plain, plain):
                self.skipped[REPEATED] += 1

    def scan_line(self, line: str) -> None:
        """The careful path: every link in a line of prose."""
        found = False
        # Splitting on whitespace first is much faster than letting the regex walk prose.
        for match in (m for w in line.split() if ":" in w for m in _TOKEN.finditer(w)):
            found = True
            token, scheme = match.group(0), match.group(1)
            if scheme is not None and token.count("://") > 1:
                first, *others = _GLUED.split(token)
                self.offer(first, scheme)
                for other in others:
                    self.offer(other, other.partition(":")[0])
            else:
                self.offer(token, scheme)
        if not found and line.strip():
            self.skipped[JUNK] += 1

    def result(self) -> Extraction:
        return Extraction(list(self.urls), dict(self.skipped), list(self.keys))


def extract_urls(text: str) -> Extraction:
    """http(s) links in plain text, in order of appearance, each once."""
    collector = _Collector()
    try:
        collector.scan_lines(text.splitlines())
    except Exception:  # noqa: BLE001 — user data must never crash the intake; keep what we found
        pass
    return collector.result()


# ---- drag-and-drop payloads ----------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _decode(data: bytes, charset: str | None = None) -> str:
    """Bytes from a drop as text: a BOM wins, then a declared charset, then UTF-16LE if the
    bytes look like it (Firefox sends text/x-moz-url and often text/html so), else UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if charset:
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            pass
    if len(data) >= 2 and data[1::2].count(0) > len(data) // 4:
        return data.decode("utf-16-le", errors="replace")
    return data.decode("utf-8", errors="replace")


class _AnchorParser(HTMLParser):
    def __init__(self, collector: _Collector) -> None:
        super().__init__(convert_charrefs=True)
        self.collector = collector

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("a", "area"):
            return
        href = next((value for name, value in attrs if name == "href" and value), None)
        if href is None:
            return
        # Browsers drop tabs/newlines inside an href and would send a space as %20.
        href = re.sub(r"[\t\r\n]", "", href.strip()).replace(" ", "%20")
        match = _TOKEN.match(href)
        if match is not None:
            self.collector.offer(href, match.group(1), in_prose=False)
        # else: a relative link ("/watch?v=…", "#top") — nothing a person meant to download


def _from_html(text: str) -> Extraction:
    collector = _Collector()
    parser = _AnchorParser(collector)
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # noqa: BLE001 — malformed markup: keep the links read before it
        pass
    return collector.result()


def _from_uri_list(text: str) -> Extraction:
    # RFC 2483: one URI per line (CRLF), lines starting with '#' are comments.
    return extract_urls("\n".join(ln for ln in text.splitlines() if not ln.startswith("#")))


def _from_moz_url(text: str) -> Extraction:
    # Firefox: "url\ntitle" pairs; the titles are not links and not junk either.
    return extract_urls("\n".join(text.splitlines()[0::2]))


# Richest first: these formats carry exactly the links the browser meant; text/plain may be prose.
_PARSERS = (
    ("text/x-moz-url", _from_moz_url),
    ("_netscape_url", _from_moz_url),
    ("text/uri-list", _from_uri_list),
    ("text/html", _from_html),
    ("text/plain", extract_urls),
)


def _split_mime(key: str) -> tuple[str, str | None]:
    kind, _, params = key.partition(";")
    match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", params, re.IGNORECASE)
    return kind.strip().lower(), match.group(1) if match else None


def extract_from_mime(payload: Mapping[str, bytes]) -> Extraction:
    """Links in one drop. Every format of the drop is read and the links are merged in order of
    richness, each link once however many formats repeat it; the skip reasons are those of the
    richest format that had any link (or of the richest present), since the other formats only
    restate it (a Firefox link title in text/plain is not "junk" the person dropped)."""
    by_kind: dict[str, list[tuple[bytes, str | None]]] = {}
    try:
        for key, data in payload.items():
            kind, charset = _split_mime(str(key))
            by_kind.setdefault(kind, []).append((bytes(data), charset))
    except Exception:  # noqa: BLE001 — a strange mapping still must not crash a drop
        pass
    merged = _Collector()
    reasons: dict[str, int] | None = None
    fallback_reasons: dict[str, int] | None = None
    for kind, parse in _PARSERS:
        for data, charset in by_kind.get(kind, []):
            try:
                found = parse(_decode(data, charset))
            except Exception:  # noqa: BLE001 — e.g. a declared charset no codec can decode
                continue
            if fallback_reasons is None:
                fallback_reasons = found.skipped
            if found.urls and reasons is None:
                reasons = found.skipped
            merged.take(found)
    chosen = reasons if reasons is not None else fallback_reasons
    return Extraction(merged.urls, dict(chosen or {}), merged.keys)
