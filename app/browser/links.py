"""What a browser may hand us: validation shared by the native host and the URL scheme.

A link from outside spends the person's credits once queued, so only plain http(s) links in
their canonical form get through, at most MAX_LINKS at a time; everything else is refused with
a sentence the extension can show."""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field

from app.browser.host import SCHEME, is_scheme_link

MAX_LINKS = 1000  # one message / one scheme call; more is not a click, it is a script
MAX_LINK_CHARS = 8192  # longer than any real page address; keeps a hostile message small


@dataclass(frozen=True)
class Checked:
    links: list[str] = field(default_factory=list)  # canonical, each once, in order
    refused: int = 0  # not http(s), not a string, too long, or malformed
    problem: str | None = None  # the whole hand-over is refused (and why)


def check_links(candidates: object) -> Checked:
    """Validate a list of link candidates from a browser; never raises."""
    if not isinstance(candidates, list) or not candidates:
        return Checked(problem="The message holds no links (expected \"urls\": [\"https://…\"]).")
    if len(candidates) > MAX_LINKS:
        return Checked(problem=f"Too many links at once: {len(candidates)} (at most {MAX_LINKS}).")
    links: list[str] = []
    seen: set[str] = set()
    refused = misread = 0
    for candidate in candidates:
        link = _one(candidate)
        if link is not None and _read_as_other_links(link):
            misread += 1
            link = None
        if link is None:
            refused += 1
        elif link not in seen:
            seen.add(link)
            links.append(link)
    if not links:
        problem = MISREAD_SENTENCE if misread else "None of these is a web link (http:// or https://)."
        return Checked(refused=refused, problem=problem)
    return Checked(links, refused)


MISREAD_SENTENCE = ("This link cannot be sent as it is: VideoConduit Desktop would read it as a "
                    "different link (it runs into another one, or ends in “)”, “.” or “!”). "
                    "Paste it into the window's Add URLs box instead, where you see what is queued.")


def _one(candidate: object) -> str | None:
    if not isinstance(candidate, str) or len(candidate) > MAX_LINK_CHARS:
        return None
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in candidate):
        return None  # one link per line travels to the queue owner: no line breaks inside one
    from app.engine.urls import web_link  # (here: the window's start imports this module)

    return web_link(candidate)


def _read_as_other_links(link: str) -> bool:
    """The owner reads the handed-over lines as text (engine.add_text): a link it would split
    ("https://a/x,https://b/y" is two there) or cut (a trailing ")" or ".") would queue, and
    charge, links nobody sent. A page controls its own address and its link targets."""
    from app.engine.urls import extract_urls

    return extract_urls(link).urls != [link]


def check_opened(addresses: list[str]) -> Checked:
    """check_links of what the OS opened for a web page (a launch's arguments, macOS's open
    events): a videoconduit:// link stands for the links it names, any other for itself."""
    candidates: list[str] = []
    for address in addresses:
        candidates += scheme_links(address) if is_scheme_link(address) else [address]
    return check_links(candidates)


def scheme_links(address: str) -> list[str]:
    """The url= values of ``videoconduit://add?url=<percent-encoded>[&url=…]`` (unchecked)."""
    try:
        parts = urllib.parse.urlsplit(address.strip())
    except ValueError:
        return []
    if parts.scheme.lower() != SCHEME:
        return []
    action = (parts.netloc or parts.path.strip("/")).lower()
    if action != "add":
        return []
    return [value for name, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=False)
            if name == "url"]


def scheme_address(links: list[str]) -> str:
    """The scheme link that hands `links` over (what the bookmarklet builds)."""
    return f"{SCHEME}://add?" + urllib.parse.urlencode([("url", link) for link in links])
