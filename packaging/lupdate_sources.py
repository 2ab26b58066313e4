"""Copies of app/ui (and app/keys.py) for pyside6-lupdate, every message spelled as lupdate reads it.

    python packaging/lupdate_sources.py OUT_DIR   (prints the copies' paths, one a line)

lupdate's Python parser cannot follow two of the UI's spellings:
- a module's `_tr(text)` helper that wraps QCoreApplication.translate("<Context>", text): the
  copy spells each `_tr(` out as that translate("<Context>", ...) call;
- `tr_n("<Context>", n, "%n one", "%n many")` (app/ui/i18n.py): lupdate only files a translate()
  call as a plural (numerus) message when its count is a literal, so the copy has
  translate("<Context>", "%n many", None, 1).
Line numbers stay the same, so the .ts locations point at the real lines once the script
maps the copies' paths back.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_STRING = r'(?:"(?:[^"\\\n]|\\.)*"\s*)+'
_TR_N = re.compile(rf'\btr_n\(\s*("[^"]+"),\s*[^,]+?,\s*{_STRING},\s*({_STRING})\)')
_HELPER_CONTEXT = re.compile(r'^def _tr\(.*\n.*translate\("([^"]+)"', re.MULTILINE)
_TR_CALL = re.compile(r'(?<![A-Za-z0-9_.])_tr\(')


def _spell_plural(match: re.Match[str]) -> str:
    call = f"QCoreApplication.translate({match[1]}, {match[2].rstrip()}, None, 1)"
    return call + "\n" * (match[0].count("\n") - call.count("\n"))


def lupdate_copy(text: str) -> str:
    found = _HELPER_CONTEXT.search(text)
    if found:
        context = found[1]
        lines = text.split("\n")
        text = "\n".join(line if line.startswith("def _tr(") else
                         _TR_CALL.sub(f'QCoreApplication.translate("{context}", ', line)
                         for line in lines)
    return _TR_N.sub(_spell_plural, text)


def main(out: Path) -> None:
    # app/keys.py: the key format reasons the key dialog shows.
    for source in [*sorted((ROOT / "app" / "ui").rglob("*.py")), ROOT / "app" / "keys.py"]:
        relative = source.relative_to(ROOT)
        copy = out / relative
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(lupdate_copy(source.read_text(encoding="utf-8")), encoding="utf-8")
        print(copy)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
