#!/bin/sh
# Makes the CMYK output profiles of Folio's named printing conditions from the
# characterisation data Debian's icc-profiles-free ships (/usr/share/color/icc/*.ti3),
# with ArgyllCMS (Debian `argyll`). Run once; the .icc files are committed.
#
#   sh Profiles/make-profiles.sh      # from the repository's top folder, ~5 s a profile
#
# colprof: -ql low quality (fast; avg ΔE well under 1 on its own data for these sets),
# -kr a linear black ramp, -l total ink limit, -L black ink limit, -D description,
# -C copyright. The ink limit is the printing condition's (FOGRA39 300 %, FOGRA29 260 %,
# GRACoL/TR006 320 %, SWOP/TR003 300 %); Folio's sRGB → CMYK conversion goes through the
# profile's B2A table, which keeps within it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${ICC_DATA:-/usr/share/color/icc}
command -v colprof >/dev/null || { echo "colprof not found: install the Debian package argyll" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make() { # name ti3 ink-limit description
    cp "$data/$2.ti3" "$tmp/$1.ti3"
    (cd "$tmp" && colprof -ql -kr -l"$3" -L98 -D "$4" -C "Made by Folio from $2.ti3 (icc-profiles-free) with ArgyllCMS colprof" "$1" >/dev/null)
    cp "$tmp/$1.icc" "$here/$1.icc"
    echo "$here/$1.icc"
}
make FOGRA39 FOGRA39L 300 "FOGRA39 (ISO 12647-2:2004, coated paper, Folio/ArgyllCMS)"
make FOGRA29 FOGRA29L 260 "FOGRA29 (ISO 12647-2:2004, uncoated paper, Folio/ArgyllCMS)"
make GRACoL TR006 320 "GRACoL 2006 coated #1 (CGATS TR006, Folio/ArgyllCMS)"
make SWOP TR003 300 "SWOP coated #3 (CGATS TR003, Folio/ArgyllCMS)"
