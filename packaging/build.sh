#!/usr/bin/env bash
# `make package`: build the one-folder bundle from packaging/videoconduit.spec, pack it for this
# system, write SHA256SUMS, then run the smoke test on the BUILT binary (it must pass).
#
#   All:     dist/videoconduit-desktop-browser-extension-<v>.zip and .xpi (linted with $WEB_EXT)
#   Linux:   dist/videoconduit-desktop/, dist/videoconduit-desktop-<v>-linux-<arch>.tar.gz,
#            dist/videoconduit-desktop_<v>_<debarch>.deb, dist/videoconduit-desktop-<v>-1.<arch>.rpm
#   macOS:   dist/VideoConduit Desktop.app, dist/videoconduit-desktop-<v>-macos-<arch>.dmg
#   Windows: dist/videoconduit-desktop/, dist/videoconduit-desktop-<v>-windows-setup.exe (Inno Setup)
#
# Environment: PY (python with PyInstaller; default .venv/bin/python or .venv/Scripts/python.exe),
# SKIP_SMOKE=1 to build without the smoke test (CI runs it as its own step).
set -euo pipefail
cd "$(dirname "$0")/.."

NAME=videoconduit-desktop
DIST=dist
WORK=build/pyinstaller
ICONS=build/icons
if [[ -z "${PY:-}" ]]; then
    PY=.venv/bin/python
    [[ -x $PY ]] || PY=.venv/Scripts/python.exe
fi
VERSION=$("$PY" -c 'import app; print(app.__version__)')
OS=$(uname -s)
ARCH=$(uname -m)

step() { printf '\n==> [%4ds] %s\n' "$SECONDS" "$*"; }

step "Bundle $NAME $VERSION with PyInstaller (one folder)"
# Artefacts of earlier builds (other versions) would otherwise sit beside the new ones.
rm -rf "${DIST:?}/$NAME" "$DIST/VideoConduit Desktop.app" "$DIST/SHA256SUMS" "$DIST/$NAME"[-_]*
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" \
    packaging/videoconduit.spec

artefacts=()
case "$OS" in
Linux)
    tarball="$NAME-$VERSION-linux-$ARCH.tar.gz"
    step "Archive $tarball"
    tar -C "$DIST" --owner=0 --group=0 --numeric-owner --sort=name -czf "$DIST/$tarball" "$NAME"
    artefacts+=("$tarball")

    step "Debian package"
    deb=$("$PY" packaging/make_deb.py "$DIST/$NAME" "$ICONS" "$DIST")
    artefacts+=("$(basename "$deb")")

    step "RPM package (Fedora, openSUSE) from the same staged files"
    rpm=$("$PY" packaging/make_rpm.py "$DIST/$NAME" "$ICONS" "$DIST")
    artefacts+=("$(basename "$rpm")")
    ;;
Darwin)
    dmg="$NAME-$VERSION-macos-$ARCH.dmg"
    step "Disk image $dmg"
    staging=$(mktemp -d)
    cp -R "$DIST/VideoConduit Desktop.app" "$staging/"
    ln -s /Applications "$staging/Applications"
    rm -f "$DIST/$dmg"
    # hdiutil fails now and then on hosted runners ("Resource busy"): a few tries, a pause between.
    for attempt in 1 2 3 4 5; do
        if hdiutil create -volname "VideoConduit Desktop" -srcfolder "$staging" -fs HFS+ \
            -format UDZO -ov "$DIST/$dmg"; then
            break
        fi
        [[ $attempt == 5 ]] && { echo "hdiutil create failed $attempt times" >&2; exit 1; }
        echo "hdiutil create failed (attempt $attempt); trying again in $((attempt * 10)) s" >&2
        sleep $((attempt * 10))
    done
    rm -rf "$staging"
    artefacts+=("$dmg")
    ;;
MINGW* | MSYS* | CYGWIN*)
    step "Installer (Inno Setup)"
    iscc=$(command -v iscc || echo "/c/Program Files (x86)/Inno Setup 6/ISCC.exe")
    "$iscc" //Qp "//DAppVersion=$VERSION" "//DSourceDir=$(cygpath -w "$PWD/$DIST/$NAME")" \
        "//DIconFile=$(cygpath -w "$PWD/$ICONS/videoconduit.ico")" "//O$(cygpath -w "$PWD/$DIST")" \
        packaging/windows/videoconduit.iss
    artefacts+=("$NAME-$VERSION-windows-setup.exe")
    ;;
esac

step "Browser extension (.zip for the Chrome Web Store, unsigned .xpi for Firefox)"
while read -r package; do artefacts+=("$(basename "$package")"); done \
    < <("$PY" packaging/make_extension.py "$DIST")
if [[ -n "${WEB_EXT:-}" ]]; then
    lint_dir=$(mktemp -d)
    "$PY" -m zipfile -e "$DIST/${artefacts[-1]}" "$lint_dir"
    "$WEB_EXT" lint --source-dir "$lint_dir" --warnings-as-errors
    rm -rf "$lint_dir"
fi

step "Checksums"
(cd "$DIST" && if command -v sha256sum >/dev/null; then sha256sum "${artefacts[@]}"; else
    shasum -a 256 "${artefacts[@]}"; fi) >"$DIST/SHA256SUMS"
cat "$DIST/SHA256SUMS"

if [[ "${SKIP_SMOKE:-0}" != 1 ]]; then
    step "Smoke test on the built binary"
    VC_REQUIRE_BUNDLE=1 "$PY" -m pytest -q -p no:cacheprovider tests/packaging
    step "Sizes and start-up times"
    "$PY" packaging/measure.py --runs 3
fi
step "Done"
