#!/usr/bin/env bash
# The image section of `make bench`: what a 24-megapixel photo costs a full build, and
# the refusal of a 20000×20000 JPEG before it is decoded (issue 16, point 7).
#
#   bench/image-memory.sh                     builds a release binary and measures it
#   FOLIO=.build/debug/folio bench/image-memory.sh   measures that binary instead
#
# A copy of Reports/ningbo-2022 is built twice (brochure + the five card presets,
# --force): without a photo, then with a 6000×4000 photo-like JPEG (gradients + noise,
# quality 90, made with Python PIL) on its first event. Peak memory is GNU time's
# "Maximum resident set size". Goals: with the photo ≤ 200 MB, and ≤ 60 MB above the
# build without it. Then the photo is replaced by a 20000×20000 JPEG, which the build
# must refuse (exit 1) with a limit error naming the megapixels.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
RELEASE_FLAGS=${RELEASE_FLAGS---static-swift-stdlib}
PRESETS=square,portrait,story,wechat-cover,og
TMP=$(mktemp -d "${TMPDIR:-/tmp}/folio-bench-images.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

[ -x /usr/bin/time ] || { echo "bench/image-memory.sh: GNU time is missing (apt-get install time)" >&2; exit 2; }
python3 -c 'import PIL' 2>/dev/null || { echo "bench/image-memory.sh: Python PIL is missing (apt-get install python3-pil)" >&2; exit 2; }
if [ -z "${FOLIO:-}" ]; then
    echo "== images: building release" >&2
    $SWIFT build -c release $RELEASE_FLAGS >&2
    FOLIO=$($SWIFT build -c release $RELEASE_FLAGS --show-bin-path)/folio
fi

cp -r Reports/ningbo-2022 "$TMP/plain"
cp -r Reports/ningbo-2022 "$TMP/photo"
mkdir -p "$TMP/photo/images"
python3 - "$TMP/photo/images/photo.jpg" "$TMP/huge.jpg" <<'PY'
import sys, random
from PIL import Image, ImageFilter
w, h = 6000, 4000
# Photo-like: smooth gradients, soft blobs and fine grain (a flat image would compress
# to nothing and decode differently from a real photo).
r = Image.linear_gradient("L").resize((w, h))
g = Image.radial_gradient("L").resize((w, h))
b = r.transpose(Image.Transpose.ROTATE_180)
random.seed(7)
noise = Image.frombytes("L", (w // 4, h // 4), bytes(random.getrandbits(8) for _ in range((w // 4) * (h // 4))))
noise = noise.filter(ImageFilter.GaussianBlur(1.5)).resize((w, h), Image.Resampling.BICUBIC)
grain = Image.effect_noise((w, h), 24)
photo = Image.merge("RGB", (Image.blend(r, noise, 0.35), Image.blend(g, grain, 0.25), Image.blend(b, noise, 0.2)))
photo.save(sys.argv[1], quality=90)
# 20000×20000 (400 megapixels), grey: the build must refuse it from the header.
Image.new("L", (20000, 20000), 128).save(sys.argv[2], quality=90)
PY
# The photo on the first event.
python3 - "$TMP/photo/report.yaml" <<'PY'
import sys
p = sys.argv[1]
lines = open(p, encoding="utf-8").read().split("\n")
i = next(k for k, l in enumerate(lines) if l.startswith("  - id: "))
lines.insert(i + 1, "    image: {path: images/photo.jpg, caption: 甬江科创区启动仪式现场, credit: 测试照片}")
open(p, "w", encoding="utf-8").write("\n".join(lines))
PY

# PEAK: the peak KB of `folio build DIR`; STATUS its exit status; its output in $TMP/log
peak() {
    set +e
    /usr/bin/time -v "$FOLIO" build "$1" --out "$2" --cards "$PRESETS" --force -q >"$TMP/log" 2>&1
    STATUS=$?
    set -e
    PEAK=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/log")
}
mb() { echo $(( ($1 + 512) / 1024 )); }

peak "$TMP/plain" "$TMP/out-plain"; plain=$PEAK; [ "$STATUS" = 0 ] || { cat "$TMP/log" >&2; exit 1; }
peak "$TMP/photo" "$TMP/out-photo"; photo=$PEAK; [ "$STATUS" = 0 ] || { cat "$TMP/log" >&2; exit 1; }
bytes=$(stat -c %s "$TMP/photo/images/photo.jpg")
pdf_plain=$(stat -c %s "$TMP/out-plain/brochure.pdf"); pdf_photo=$(stat -c %s "$TMP/out-photo/brochure.pdf")
embedded=$(pdfimages -list "$TMP/out-photo/brochure.pdf" 2>/dev/null | awk 'NR > 2 && $9 == "jpeg" { print $4 "×" $5 " " $9 " at " $13 " ppi"; exit }')
fail=0
echo "image memory (full build: brochure + $PRESETS, --force)"
printf '  %-44s %6s MB\n' "peak without the photo" "$(mb "$plain")"
printf '  %-44s %6s MB   (goal ≤ 200)\n' "peak with a 6000×4000 JPEG ($(( bytes / 1024 )) KB)" "$(mb "$photo")"
printf '  %-44s %6s MB   (goal ≤ 60)\n' "the photo's cost" "$(mb $((photo - plain)))"
printf '  %-44s %s → %s KB; the photo: %s\n' "brochure.pdf" "$((pdf_plain / 1024))" "$((pdf_photo / 1024))" "${embedded:-none}"
[ "$photo" -le $((200 * 1024)) ] || { echo "  FAIL: peak with the photo above 200 MB"; fail=1; }
[ $((photo - plain)) -le $((60 * 1024)) ] || { echo "  FAIL: the photo costs more than 60 MB"; fail=1; }

cp "$TMP/huge.jpg" "$TMP/photo/images/photo.jpg"
peak "$TMP/photo" "$TMP/out-huge"; huge=$PEAK
printf '  %-44s %6s MB, exit %s\n' "a 20000×20000 JPEG ($(( $(stat -c %s "$TMP/huge.jpg") / 1024 )) KB)" "$(mb "$huge")" "$STATUS"
grep -m1 'megapixels' "$TMP/log" | sed 's/^/    /' || true
if [ "$STATUS" != 1 ] || ! grep -q 'the limit is .* megapixels' "$TMP/log"; then
    echo "  FAIL: the 20000×20000 JPEG was not refused with a limit error"; cat "$TMP/log"; fail=1
fi
[ "$huge" -le $((400 * 1024)) ] || { echo "  FAIL: refusing the 20000×20000 JPEG took more than 400 MB"; fail=1; }
exit $fail
