#!/usr/bin/env bash
# The SHA-256 of every output `folio build --force` makes for the default report (layouts
# brochure and brochure-16k, with --print) and for every report in Tests/Corpus/ (without
# --print: the print file's preflight of a 300-page report takes minutes), one line per
# file: "<sha256>  <case>/<path>". Used to prove a refactoring leaves every output
# byte-identical:
#
#   tools/output-hashes.sh .build/release/folio > hashes-before.txt
#   ... change the code, rebuild ...
#   tools/output-hashes.sh .build/release/folio > hashes-after.txt && diff hashes-before.txt hashes-after.txt
#
# manifest.json names the tool as "folio VERSION (SIZE-MTIME)" of the executable, and every
# output's `inputs` hash includes that identity, so two different binaries always differ
# there: both fields are blanked before hashing (no other field of the manifest is touched).
set -euo pipefail
cd "$(dirname "$0")/.."
FOLIO=$(realpath "${1:-.build/release/folio}")
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-hashes.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export XDG_CACHE_HOME=$TMP/cache FOLIO_HOME=$PWD

run() { # NAME REPORT ARGS...
    local name=$1 report=$2; shift 2
    # With --print the build runs a preflight afterwards, which may report problems of the
    # report (exit 1): the outputs are written before it and are what is hashed here.
    "$FOLIO" build "$report" --out "$TMP/out/$name" --force -q "$@" >/dev/null 2>&1 || true
    [ -s "$TMP/out/$name/manifest.json" ] || { echo "output-hashes: $name: no manifest" >&2; exit 1; }
    (cd "$TMP/out/$name" && find . -type f ! -name '.folio-cache.json' | sort | while read -r f; do
        if [ "$(basename "$f")" = manifest.json ]; then
            sed -E 's/^(  "tool" : ).*/\1"-",/; s/^( *"inputs" : ).*/\1"-",/' "$f" | sha256sum | sed "s|-\$|$name/${f#./} (tool, inputs blanked)|"
        else
            sha256sum "$f" | sed "s|  \./|  $name/|"
        fi
    done)
}

run ningbo-brochure Reports/ningbo-2022 --layout brochure --print
run ningbo-16k Reports/ningbo-2022 --layout brochure-16k --print
for dir in Tests/Corpus/*/; do
    [ -f "$dir/report.yaml" ] || continue
    run "corpus-$(basename "$dir")" "$dir"
done
