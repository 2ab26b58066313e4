"""Who we are to browsers (the native-messaging host's name, the extension's ids) and how a
browser starts us. Apart from manifests.py: every launch asks called_by_browser before anything
else, and needs none of the manifests' machinery (json, the browsers' folders) for that."""

from __future__ import annotations

from pathlib import Path

HOST_NAME = "com.videoconduit.desktop"
EXTENSION_ID = "apjidpmeibgkjefdcngkjknbhleiaoph"
GECKO_ID = "desktop@videoconduit.com"


def called_by_browser(argv: list[str]) -> bool:
    """How a browser starts us: no flag of ours, only its own arguments."""
    if "--native-messaging" in argv:
        return True
    if argv and argv[0].startswith("chrome-extension://"):
        return True
    return len(argv) >= 2 and Path(argv[0]).name == f"{HOST_NAME}.json" and argv[1] == GECKO_ID
