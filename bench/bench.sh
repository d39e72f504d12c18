#!/usr/bin/env bash
# `make bench`: Folio and the Typst peer (../shared/peers) on the same jobs, side by side,
# in one run; medians with hyperfine, peak memory with GNU time. Prints a table of
# medians and ratios against the goals of issue 10 and writes it to out/bench.md.
#
#   bench/bench.sh                     everything (about 5 minutes on 2 cores)
#   RUNS=20 BIG_RUNS=5 bench/bench.sh  more runs (default 10, and 3 for 1,000 events)
#   EVENTS=300 bench/bench.sh          a smaller generated report (default 1000)
#   PEERS=/path/to/peers bench/bench.sh   where run_typst.py, brochure.typ, cards.typ are
#
# What is measured (every Folio build writes brochure.pdf + the square cards):
#   full        a build into an empty output folder: no manifest, no stat cache, no
#               outputs, so everything is laid out, rendered, encoded, hashed and written.
#               The OS page cache and the per-user caches are warm, as they are for Typst:
#               fontconfig's cache and Folio's per-user caches ($XDG_CACHE_HOME/folio: font
#               hashes, and the PDF's subset fonts for a glyph set already seen).
#   first run   the same with Folio's per-user caches empty too (a new machine or new fonts).
#   edit        one event's body edited and saved (bench/edit-event.py) while `folio watch`
#               runs on a copy of the report: the rebuild it makes (brochure + 1 card),
#               timed inside the process from the change being picked up to the outputs
#               committed (bench/watch-edit.py). This is how a person edits: save, look.
#   edit, cold  the same edit followed by a new `folio build` process (for information:
#               it starts the process, reads the fonts and lays out the whole brochure).
#   no-op       a build with nothing changed.
#   1,000       a generated report of EVENTS events (folio-bench report), full build; the
#               peer gets the same events (folio-bench peer-events) in a temporary copy
#               of its .typ files.
# Typst runs as the peer ships it: python3 run_typst.py (Python start-up included, about
# 0.14 s of its time; the table also shows Python + `import typst` alone).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SWIFT=${SWIFT:-swift}
RELEASE_FLAGS=${RELEASE_FLAGS---static-swift-stdlib}
PEERS=${PEERS:-$ROOT/../shared/peers}
EVENTS=${EVENTS:-1000}
RUNS=${RUNS:-10}
BIG_RUNS=${BIG_RUNS:-3}
REPORT=Reports/ningbo-2022
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

need() { command -v "$1" >/dev/null 2>&1 || { echo "bench: $1 is missing ($2)" >&2; exit 1; }; }
need hyperfine "apt-get install hyperfine, or run make bench"
need python3 "apt-get install python3"
[ -x /usr/bin/time ] || { echo "bench: GNU time is missing (apt-get install time, or run make bench)" >&2; exit 1; }
[ -f "$PEERS/run_typst.py" ] || { echo "bench: the Typst peer is not at $PEERS (set PEERS=)" >&2; exit 1; }
python3 -c 'import typst' 2>/dev/null || { echo "bench: the Typst peer needs its Python module: python3 -m pip install typst" >&2; exit 1; }

echo "== bench: building release" >&2
$SWIFT build -c release $RELEASE_FLAGS >&2
BIN=$($SWIFT build -c release $RELEASE_FLAGS --show-bin-path)
FOLIO=$BIN/folio
FB=$BIN/folio-bench

# Folio's per-user caches live in the bench's own folder: the bench neither depends on
# nor disturbs the user's.
export XDG_CACHE_HOME=$TMP/cache
mkdir -p "$XDG_CACHE_HOME"
export FOLIO_HOME=$ROOT
RES=$TMP/results
mkdir -p "$RES"
HF=(hyperfine --shell=none --style basic)

# ---- inputs -------------------------------------------------------------------------
cp -r "$REPORT" "$TMP/edit-report"
$FB report --events "$EVENTS" --out "$TMP/big" >/dev/null
$FB report --events 10 --out "$TMP/small" >/dev/null
mkdir -p "$TMP/peer-big" "$TMP/peer-small"
for d in peer-big peer-small; do
    cp "$PEERS"/{run_typst.py,brochure.typ,cards.typ} "$TMP/$d/"
    # The one change to the copies: Typst rejects `grid(columns: 0)`, and three of the
    # default report's events (which the generator repeats) have no figures.
    sed -i 's/columns: e\.figures\.len()/columns: calc.max(1, e.figures.len())/' "$TMP/$d/brochure.typ" "$TMP/$d/cards.typ"
done
$FB peer-events --report "$TMP/big" --out "$TMP/peer-big/events.json" >/dev/null
$FB peer-events --report "$TMP/small" --out "$TMP/peer-small/events.json" >/dev/null
# Warm the caches (page cache, fontconfig, Folio's font hashes and subsets) and check both tools work.
$FOLIO build "$REPORT" --cards square --out "$TMP/warm" -q
python3 "$PEERS/run_typst.py" "$TMP/warm-peer"

folio_build() { echo "$FOLIO build $1 --cards square --out $2 -q"; }

# ---- the default report: brochure + ten square cards ----------------------------------
echo "== full build of the default report (brochure + 10 square cards), $RUNS runs each" >&2
"${HF[@]}" --warmup 1 --runs "$RUNS" --export-json "$RES/full-folio.json" \
    --prepare "rm -rf $TMP/o-full" "$(folio_build $REPORT $TMP/o-full)" >&2
"${HF[@]}" --warmup 1 --runs "$RUNS" --export-json "$RES/full-typst.json" \
    --prepare "rm -rf $TMP/p-full" "python3 $PEERS/run_typst.py $TMP/p-full" >&2
"${HF[@]}" --warmup 1 --runs "$RUNS" --export-json "$RES/python-import.json" "python3 -c 'import typst'" >&2
"${HF[@]}" --runs "$RUNS" --export-json "$RES/first-folio.json" \
    --prepare "rm -rf $TMP/o-first $TMP/cache-first" \
    "env XDG_CACHE_HOME=$TMP/cache-first $(folio_build $REPORT $TMP/o-first)" >&2

echo "== one-event edit and no-op rebuilds" >&2
cp -r "$REPORT" "$TMP/watch-report"
python3 bench/watch-edit.py "$FOLIO" "$TMP/watch-report" "$TMP/o-watch" "$RES/watch-edit-folio.json" --runs $((RUNS * 2))
$FOLIO build "$TMP/edit-report" --cards square --out "$TMP/o-edit" -q
"${HF[@]}" --runs "$RUNS" --export-json "$RES/edit-folio.json" \
    --prepare "python3 $ROOT/bench/edit-event.py $TMP/edit-report/report.yaml 7" \
    "$(folio_build $TMP/edit-report $TMP/o-edit)" >&2
python3 bench/edit-event.py "$TMP/edit-report/report.yaml" 7
$FOLIO build "$TMP/edit-report" --cards square --out "$TMP/o-edit" > "$RES/edit-summary.txt"
"${HF[@]}" --warmup 3 --runs $((RUNS * 2)) --export-json "$RES/noop-folio.json" \
    "$(folio_build $TMP/edit-report $TMP/o-edit)" >&2
$FOLIO build "$TMP/edit-report" --cards square --out "$TMP/o-edit" > "$RES/noop-summary.txt"

echo "== generated reports: 10 and $EVENTS events, Folio and Typst on the same events" >&2
"${HF[@]}" --warmup 1 --runs "$RUNS" --export-json "$RES/small-folio.json" \
    --prepare "rm -rf $TMP/o-small" "$(folio_build $TMP/small $TMP/o-small)" >&2
"${HF[@]}" --warmup 1 --runs "$RUNS" --export-json "$RES/small-typst.json" \
    --prepare "rm -rf $TMP/p-small" "python3 $TMP/peer-small/run_typst.py $TMP/p-small" >&2
"${HF[@]}" --runs "$BIG_RUNS" --export-json "$RES/big-folio.json" \
    --prepare "rm -rf $TMP/o-big" "$(folio_build $TMP/big $TMP/o-big)" >&2
"${HF[@]}" --runs "$BIG_RUNS" --export-json "$RES/big-typst.json" \
    --prepare "rm -rf $TMP/p-big" "python3 $TMP/peer-big/run_typst.py $TMP/p-big" >&2

echo "== peak memory (GNU time) and where Folio's time goes (FOLIO_TIMINGS=1)" >&2
mem() { # NAME COMMAND...: one run under /usr/bin/time -v
    local name=$1; shift
    /usr/bin/time -v -o "$RES/$name.time" "$@" >/dev/null 2>"$RES/$name.stderr"
}
rm -rf "$TMP/o-full" "$TMP/p-full" "$TMP/o-big" "$TMP/p-big"
FOLIO_TIMINGS=1 mem full-folio $FOLIO build $REPORT --cards square --out "$TMP/o-full" -q
mem full-typst python3 "$PEERS/run_typst.py" "$TMP/p-full"
FOLIO_TIMINGS=1 mem big-folio $FOLIO build "$TMP/big" --cards square --out "$TMP/o-big" -q
mem big-typst python3 "$TMP/peer-big/run_typst.py" "$TMP/p-big"
for f in "$TMP/o-full" "$TMP/o-big"; do [ -s "$f/brochure.pdf" ] || { echo "bench: no brochure in $f" >&2; exit 1; }; done

mkdir -p out
python3 bench/table.py "$RES" --events "$EVENTS" --cards "$(find "$TMP/o-big/cards" -name '*.png' | wc -l)" \
    --pages "$(pdfinfo "$TMP/o-big/brochure.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')" \
    --peer-pages "$(pdfinfo "$TMP/p-big/brochure.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')" \
    --peer-cards "$(find "$TMP/p-big" -name 'card-*.png' | wc -l)" | tee out/bench.md
echo "(written to out/bench.md)" >&2
