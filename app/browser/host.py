"""Who we are to browsers (the native-messaging host's name, the extension's ids, our URL
scheme) and how a browser or a web page starts us. Apart from manifests.py and links.py: every
launch asks this first, and needs none of their machinery (json, the browsers' folders, the
links' checks) for a plain start."""

from __future__ import annotations

from pathlib import Path

HOST_NAME = "com.videoconduit.desktop"
EXTENSION_ID = "apjidpmeibgkjefdcngkjknbhleiaoph"
GECKO_ID = "desktop@videoconduit.com"
SCHEME = "videoconduit"


def called_by_browser(argv: list[str]) -> bool:
    """How a browser starts us: no flag of ours, only its own arguments."""
    if "--native-messaging" in argv:
        return True
    if argv and argv[0].startswith("chrome-extension://"):
        return True
    return len(argv) >= 2 and Path(argv[0]).name == f"{HOST_NAME}.json" and argv[1] == GECKO_ID


def is_scheme_link(text: str) -> bool:
    """A videoconduit: link (the OS starts us with one for a web page)."""
    return text.lower().startswith(f"{SCHEME}:")
