#!/usr/bin/env bash
# The README's first-run picture, from a real run: the app on a private X server (Xvfb), a fresh
# data folder, no session bus (so no keyring and no key), grabbed from the screen once the
# welcome is up. Usage: packaging/first_run_screenshot.sh [OUT.png]   (needs xvfb-run and xdotool)
set -euo pipefail
if [ -z "${DISPLAY:-}" ]; then
    exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$here/resources/screenshots/first-run.png}")
python=$here/.venv/bin/python
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$here"
QT_QPA_PLATFORM=xcb env -u DBUS_SESSION_BUS_ADDRESS -u VIDEOCONDUIT_API_KEY \
    "$python" -m app --data-dir "$work/data" --download-dir "$work/dl" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 150); do  # up to 30 s for the welcome
    xdotool search --name "^Welcome to VideoConduit Desktop$" >/dev/null 2>&1 && break
    sleep 0.2
done
xdotool search --name "^Welcome to VideoConduit Desktop$" >/dev/null || {
    echo "the welcome did not appear; the app said:" >&2; cat "$work/app.log" >&2; exit 1; }
sleep 0.5  # one more paint of the window behind it
window=""
for w in $(xdotool search --name "^VideoConduit Desktop$"); do
    eval "$(xdotool getwindowgeometry --shell "$w")"
    if [ "$WIDTH" -gt 100 ]; then window=$w; break; fi
done
eval "$(xdotool getwindowgeometry --shell "$window")"
QT_QPA_PLATFORM=xcb "$python" - "$out" "$X" "$Y" "$WIDTH" "$HEIGHT" <<'PY'
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
out, x, y, w, h = sys.argv[1], *map(int, sys.argv[2:])
assert app.primaryScreen().grabWindow(0, x, y, w, h).save(out), out
print(out)
PY
