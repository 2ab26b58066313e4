#!/usr/bin/env bash
# Regenerates resources/translations/videoconduit_<lang>.ts from app/ui with pyside6-lupdate
# (new strings arrive as "unfinished", strings gone from the code are dropped), then compiles
# every .ts into the .qm that the app loads at start-up (pyside6-lrelease). The .qm files are
# committed, so neither a run from source nor a bundle build needs the Linguist tools.
#
#   bash packaging/update_translations.sh          # every existing language, or de if none
#   LANGS="de fr" bash packaging/update_translations.sh
#
# lupdate reads copies of app/ui made by packaging/lupdate_sources.py (it says why), and the
# locations in the .ts are pointed back at the real files afterwards. After a merge that brought
# new strings: run this, translate what is "unfinished" (Qt Linguist, or any editor), run it again
# to compile, and `pytest tests/ui/test_translations.py` says whether anything is left.
#
#   OUT=dir: write the .ts/.qm there instead (the pseudo-translation test does).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-.venv/bin}
OUT=${OUT:-resources/translations}
COPIES=${COPIES:-build/lupdate-sources}
mkdir -p "$OUT"
if [[ -z "${LANGS:-}" ]]; then
    LANGS=$(find "$OUT" -name 'videoconduit_*.ts' | sed -E 's/.*videoconduit_(.*)\.ts/\1/' | sort)
    LANGS=${LANGS:-de}
fi

rm -rf "$COPIES"
mapfile -t sources < <("$BIN/python" packaging/lupdate_sources.py "$COPIES")

for lang in $LANGS; do
    ts="$OUT/videoconduit_$lang.ts"
    "$BIN/pyside6-lupdate" -silent -no-obsolete -source-language en -target-language "$lang" \
        "${sources[@]}" -ts "$ts"
    sed -i "s#filename=\"\\(\\.\\./\\)*$COPIES/#filename=\"../../#" "$ts"
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
rm -rf "$COPIES"
