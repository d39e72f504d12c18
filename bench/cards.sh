#!/usr/bin/env bash
# The card section of `make bench`: cards per second per preset, PNG bytes per card,
# peak memory, and the PNG encoder settings measured on real cards.
#
#   bench/cards.sh                 40 generated events (long titles) per preset
#   EVENTS=200 bench/cards.sh      more events
#   BENCH_FULL=1 bench/cards.sh    also the full encoder matrix (level 1–9 × 5 filters × 3 strategies, ~5 min)
#   BENCH_PHOTO=photo.jpg ...      also the encoder settings on cards that show this photo
#
# Needs a release build (it builds one) and GNU time (/usr/bin/time, Debian package `time`).
# Times are wall-clock on this machine; on a shared machine they vary by a few percent,
# the encoder table uses CPU time per card, which does not.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
RELEASE_FLAGS=${RELEASE_FLAGS---static-swift-stdlib}
EVENTS=${EVENTS:-40}
PRESETS=${PRESETS:-square portrait story wechat-cover og}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-bench-cards.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

[ -x /usr/bin/time ] || { echo "bench/cards.sh: GNU time is missing (apt-get install time)" >&2; exit 1; }
echo "== cards: building release" >&2
$SWIFT build -c release $RELEASE_FLAGS >&2
BIN=$($SWIFT build -c release $RELEASE_FLAGS --show-bin-path)
FOLIO=$BIN/folio
BENCH=$BIN/folio-bench

$BENCH report --events "$EVENTS" --long-titles --out "$TMP/report" >/dev/null
$BENCH report --events $((EVENTS * 5)) --long-titles --out "$TMP/report-big" >/dev/null

# run NAME REPORT ARGS...: one cold build of cards; prints a table row.
run() {
    local name=$1 report=$2; shift 2
    local out="$TMP/out-$name"
    /usr/bin/time -v "$FOLIO" build "$report" --out "$out" --force --no-brochure "$@" >/dev/null 2>"$TMP/time-$name" || {
        cat "$TMP/time-$name" >&2; exit 1; }
    local wall rss cards bytes
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$TMP/time-$name")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/time-$name")
    cards=$(find "$out/cards" -name '*.png' | wc -l)
    bytes=$(find "$out/cards" -name '*.png' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    awk -v n="$name" -v c="$cards" -v w="$wall" -v b="$bytes" -v r="$rss" 'BEGIN {
        printf "%-22s %6d %8.2f %9.1f %11.1f %10.1f\n", n, c, w, c / w, b / c / 1024, r / 1024 }'
}

echo
echo "== cards: cold builds of ${EVENTS} generated events with long titles, $(nproc) cores"
printf "%-22s %6s %8s %9s %11s %10s\n" "run" "cards" "wall s" "cards/s" "KiB/card" "peak MiB"
for p in $PRESETS; do
    run "$p" "$TMP/report" --cards "$p"
done
run "all five" "$TMP/report" --cards "$(echo $PRESETS | tr ' ' ',')"
run "square --scale 2" "$TMP/report" --cards square --scale 2
# Memory stays flat: five times the cards, about the same peak.
run "square ×5 events" "$TMP/report-big" --cards square

echo
echo "== cards: layout vs render+encode, in memory (default report, all cores)"
$BENCH render

echo
echo "== cards: PNG encoder, CPU ms and KiB per card (3 cards per preset, best of 3)"
echo "   chosen: libdeflate 1 none (flat cards), zlib level 2 paeth rle (cards with a photo);"
echo "   libpng's default is level 6 all filtered"
$BENCH encoders --cards 3 --repeat 3 \
    --settings 6:all:filtered,6:none:default,2:none:default,1:none:default,2:paeth:rle,1:none:libdeflate,2:none:libdeflate,6:none:libdeflate
if [ -n "${BENCH_PHOTO:-}" ]; then
    echo
    echo "== cards: PNG encoder on portrait cards showing ${BENCH_PHOTO}"
    $BENCH encoders --presets portrait --cards 5 --repeat 3 --photo "$BENCH_PHOTO" \
        --settings 6:all:filtered,6:none:default,2:none:default,2:paeth:rle,2:up:default
fi
if [ -n "${BENCH_FULL:-}" ]; then
    echo
    echo "== cards: PNG encoder, full matrix (2 cards per preset, best of 3)"
    $BENCH encoders --cards 2 --repeat 3
fi
