#!/usr/bin/env bash
# Regenerates resources/translations/videoconduit_<lang>.ts from app/ui with pyside6-lupdate
# (new strings arrive as "unfinished", strings gone from the code are dropped), then compiles
# every .ts into the .qm that the app loads at start-up (pyside6-lrelease). The .qm files are
# committed, so neither a run from source nor a bundle build needs the Linguist tools.
#
#   bash packaging/update_translations.sh          # every existing language, or de if none
#   LANGS="de fr" bash packaging/update_translations.sh
#
# Why the copies: the UI wraps QCoreApplication.translate("<Context>", text) in a module-level
# `_tr(text)` helper per file, which lupdate cannot follow (it would file every such string under
# an empty context, which no lookup at run time asks for). So lupdate reads copies in which each
# `_tr(` call is spelled out as the helper's own translate("<Context>", ...) call, on the same
# line, and the locations in the .ts are pointed back at the real files afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BIN:-.venv/bin}
OUT=resources/translations
COPIES=build/lupdate-sources
mkdir -p "$OUT"
if [[ -z "${LANGS:-}" ]]; then
    LANGS=$(find "$OUT" -name 'videoconduit_*.ts' | sed -E 's/.*videoconduit_(.*)\.ts/\1/' | sort)
    LANGS=${LANGS:-de}
fi

rm -rf "$COPIES"
sources=()
while IFS= read -r file; do
    copy="$COPIES/$file"
    mkdir -p "$(dirname "$copy")"
    context=$(grep -A1 '^def _tr(' "$file" | grep -oP 'translate\("\K[^"]+' || true)
    if [[ -n $context ]]; then
        sed -E "/^def _tr\(/! s/(^|[^A-Za-z0-9_.])_tr\(/\1QCoreApplication.translate(\"$context\", /g" \
            "$file" >"$copy"
    else
        cp "$file" "$copy"
    fi
    sources+=("$copy")
done < <(find app/ui -name '*.py' | sort)

for lang in $LANGS; do
    ts="$OUT/videoconduit_$lang.ts"
    "$BIN/pyside6-lupdate" -silent -no-obsolete -source-language en -target-language "$lang" \
        "${sources[@]}" -ts "$ts"
    sed -i "s#filename=\"\\(\\.\\./\\)*$COPIES/#filename=\"../../#" "$ts"
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
rm -rf "$COPIES"
