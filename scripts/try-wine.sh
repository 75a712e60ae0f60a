#!/usr/bin/env bash
# `npm run try:wine`: runs the Windows single executable (out/exe/cabinet-merge.exe, from `npm run build:exe`) under
# Wine on the bundled samples and checks that it writes the same zip as the built CLI under node. Needs Debian's
# wine64 (`apt-get install -y --no-install-recommends wine64`). Uses a throw-away Wine prefix set to Windows 10
# (Node 20 refuses to start on the Windows 7 that a fresh prefix reports) and removes everything it made.
# Output is redirected to files: under Wine, node's stdout on a pipe fails with EBADF.
set -euo pipefail
cd "$(dirname "$0")/.."
EXE=out/exe/cabinet-merge.exe
WINE=$(command -v wine64 || command -v wine || ls /usr/lib/wine/wine64 2>/dev/null || true)
[ -f "$EXE" ] || { echo "try:wine: $EXE is missing: run npm run build:exe first" >&2; exit 2; }
[ -n "$WINE" ] || { echo "try:wine: wine64 is not installed (apt-get install -y --no-install-recommends wine64)" >&2; exit 2; }
[ -f dist/cli/main.js ] || npm run build
T=$(mktemp -d "${TMPDIR:-/tmp}/cabinet-merge-wine-XXXXXX")
cleanup() { WINEPREFIX="$T/prefix" "$(dirname "$WINE")/wineserver" -k 2>/dev/null || true; rm -rf "$T"; }
trap cleanup EXIT
export WINEPREFIX="$T/prefix" WINEDEBUG=-all
start=$(date +%s)
"$WINE" winecfg -v win10 >/dev/null 2>&1
echo "Wine prefix ready in $(( $(date +%s) - start )) s"

"$WINE" "$EXE" --version > "$T/version.txt" 2>&1
version=$(tr -d '\r' < "$T/version.txt")
echo "cabinet-merge.exe --version: $version"
[ "$version" = "$(node dist/cli/main.js --version)" ]

set +e
"$WINE" "$EXE" merge --base samples/base --mine samples/mine --theirs samples/theirs -o "$T/wine.zip" \
  --store "$T/st1" --resolutions "$T/res1" --lang ru > "$T/wine.log" 2>&1
wine_rc=$?
node dist/cli/main.js merge --base samples/base --mine samples/mine --theirs samples/theirs -o "$T/node.zip" \
  --store "$T/st2" --resolutions "$T/res2" --lang ru > /dev/null 2>&1
node_rc=$?
set -e
head -3 "$T/wine.log"
echo "exit code: wine $wine_rc, node $node_rc"
[ "$wine_rc" = 1 ] && [ "$node_rc" = 1 ]
cmp "$T/wine.zip" "$T/node.zip"
echo "try:wine: OK — cabinet-merge.exe runs under $("$WINE" --version) and writes the same zip as node"
