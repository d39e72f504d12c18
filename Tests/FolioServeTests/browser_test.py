#!/usr/bin/env python3
"""The preview of `folio serve` in a real browser (Debian's chromium driven by Playwright).

Run by FolioServeTests/BrowserTests with a running server:

    browser_test.py URL REPORT_DIR OUT_DIR

REPORT_DIR is a copy of the default report that this script edits. It checks that the
page shows the pages, the contents and the cards; that a save updates the page in place
(same selected page, no reload); that a broken save shows the located diagnostic over the
last good view and that the fixing save removes it; that the server serves nothing outside
its assets and the output folder; and that the page asks nothing of the network.
Prints one line per check and exits non-zero on the first failure.
"""
import http.client
import json
import os
import shutil
import sys
import time
import urllib.parse

try:
    from playwright.sync_api import sync_playwright
except ImportError:
    sys.exit("playwright for Python is missing: run `make test-deps` (PyPI playwright)")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    sys.exit("chromium is missing: run `make test-deps` (Debian package chromium)")

url, report_dir, out_dir = sys.argv[1], sys.argv[2], sys.argv[3]
report_file = os.path.join(report_dir, "report.yaml")
original = open(report_file, encoding="utf-8").read()
parsed = urllib.parse.urlparse(url)
passed = 0


def check(condition, what):
    global passed
    if not condition:
        print(f"FAIL: {what}", flush=True)
        sys.exit(1)
    passed += 1
    print(f"ok: {what}", flush=True)


def save(text):
    # Written in place, as an editor saves.
    with open(report_file, "w", encoding="utf-8") as f:
        f.write(text)


def raw_get(path):
    """GET exactly `path` (no normalisation by a client library)."""
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
    conn.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", parsed.netloc)
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


# --- Safe: only the assets and the output folder ---------------------------------------
secret = "top-secret-report-text"
os.symlink(report_file, os.path.join(out_dir, "escape.yaml"))
os.symlink(report_dir, os.path.join(out_dir, "escape-dir"))
for path in [
    "/out/../report.yaml", "/out/%2e%2e/report.yaml", "/out/%2E%2E/%2E%2E/etc/passwd",
    "/out/..%2fmanifest.json", "/out/cards%2f..%2f..%2fetc%2fpasswd", "/out/%2fetc%2fpasswd",
    "/out//etc/passwd", "/out/" + urllib.parse.quote(os.path.abspath(report_file), safe=""),
    "/out/escape.yaml", "/out/escape-dir/report.yaml", "/out/.folio-serve.lock", "/etc/passwd",
    "/../../etc/passwd", "/assets/../../etc/passwd", "/pages/../manifest.json", "/out/%00manifest.json",
]:
    status, body = raw_get(path)
    check(status in (400, 403, 404) and b"root:" not in body and b"events:" not in body,
          f"{path} is refused ({status})")
status, body = raw_get("/out/manifest.json")
check(status == 200 and json.loads(body)["outputs"], "the manifest is served")
status, body = raw_get("/out/brochure.pdf")
check(status == 200 and body.startswith(b"%PDF"), "the brochure PDF is served")
status, _ = raw_get("/state.json")
check(status == 200, "the snapshot is served")

first_event_title = "甬江科创区启动"
check(f'title: "{first_event_title}"' in original, "the report copy has the first event's title")

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    foreign = []
    page.on("request", lambda r: None if r.url.startswith(url) or r.url.startswith(url.replace("http", "ws", 1))
            else foreign.append(r.url))
    reloads = []
    page.on("framenavigated", lambda f: reloads.append(f.url) if f == page.main_frame else None)
    page.goto(url)

    # --- The page shows the work -----------------------------------------------------
    page.wait_for_function("""() => {
        const s = window.__folio && window.__folio.snapshot;
        return s && s.pages.length > 0 && document.querySelectorAll('#thumbs .thumb').length === s.pages.length
            && document.getElementById('page-view').naturalWidth > 0
            && [...document.querySelectorAll('#thumbs img')].every(i => i.complete && i.naturalWidth > 0)
            && [...document.querySelectorAll('.card img')].every(i => i.complete && i.naturalWidth > 0)
    }""", timeout=60000)
    snap = page.evaluate("window.__folio.snapshot")
    thumbs = page.locator("#thumbs .thumb").count()
    check(thumbs == len(snap["pages"]) and thumbs >= 8, f"{thumbs} page thumbnails")
    natural = page.evaluate("[document.getElementById('page-view').naturalWidth, document.getElementById('page-view').naturalHeight]")
    p0 = snap["pages"][0]
    check(natural[0] >= 2 * p0["width"] - 1 and abs(natural[0] / natural[1] - p0["width"] / p0["height"]) < 0.01,
          f"the large view is drawn at 2x ({natural[0]}x{natural[1]} px for {p0['width']:.0f}x{p0['height']:.0f} pt)")
    titles = page.locator("#contents a").all_text_contents()
    check(any(t.endswith(" " + first_event_title) for t in titles), f"the contents list the events: {titles[:4]}")
    presets = page.evaluate("[...document.querySelectorAll('.card-group')].map(g => g.dataset.preset)")
    check(sorted(presets) == ["square", "wechat-cover"], f"cards grouped by preset: {presets}")
    ratios = page.evaluate("""[...document.querySelectorAll('.card img')].map(i => {
        const r = i.getBoundingClientRect(); return [i.naturalWidth / i.naturalHeight, r.width / r.height] })""")
    events = original.split("\nevents:\n", 1)[1].split("\ncharts:\n", 1)[0].count("  - id: ")
    check(len(ratios) == 2 * events, f"{len(ratios)} cards shown: 2 presets x {events} events")
    check(all(abs(a - b) < 0.03 for a, b in ratios), "every card at its real aspect ratio")
    links = page.evaluate("[...document.querySelectorAll('#downloads a')].map(a => a.getAttribute('href'))")
    check(any(l.startswith("/out/brochure.pdf") for l in links) and any(l.startswith("/out/manifest.json") for l in links),
          f"download links for the PDF and the manifest: {links}")
    card_links = page.evaluate("[...document.querySelectorAll('.card a')].map(a => a.getAttribute('href'))")
    check(all(l.startswith("/out/cards/") for l in card_links), "each card links to its file")

    # Select the first event's page through the contents.
    entry = page.locator("#contents a", has_text=first_event_title).first
    event_page = int(entry.get_attribute("data-page"))
    entry.click()
    page.wait_for_function(f"() => document.getElementById('page-view').dataset.page === '{event_page}'")
    check(page.evaluate("window.__folio.selected") == event_page, f"the contents select page {event_page + 1}")
    page.evaluate("document.getElementById('thumbs').parentElement.scrollTop = 200")
    scroll_before = page.evaluate("document.getElementById('sidebar').scrollTop")
    old_hash = page.evaluate("document.getElementById('page-view').dataset.hash")
    old_other = page.evaluate("[...document.querySelectorAll('#thumbs .thumb')].map(t => t.dataset.hash)")
    square = page.locator(".card[data-path^='cards/square/01-']")
    old_card = square.get_attribute("data-version")
    serial = int(page.evaluate("document.body.dataset.serial"))

    # --- A save updates the page in place ---------------------------------------------
    new_title = first_event_title + "正式"
    save(original.replace(f'title: "{first_event_title}"', f'title: "{new_title}"', 1))
    page.wait_for_function(f"""() => [...document.querySelectorAll('#contents a')].some(a => a.textContent.endsWith(' ' + {json.dumps(new_title)}))
        && document.getElementById('page-view').dataset.hash !== {json.dumps(old_hash)}""", timeout=30000)
    check(True, "the edited title reaches the contents and the large view")
    check(page.evaluate("window.__folio.selected") == event_page, "the selected page stays selected")
    check(page.evaluate("document.getElementById('sidebar').scrollTop") == scroll_before, "the scroll position stays")
    page.wait_for_function(f"() => document.querySelector(\".card[data-path^='cards/square/01-']\").dataset.version !== {json.dumps(old_card)}",
                           timeout=30000)
    check(True, "the edited event's card is replaced")
    new_hashes = page.evaluate("[...document.querySelectorAll('#thumbs .thumb')].map(t => t.dataset.hash)")
    unchanged = sum(1 for a, b in zip(old_other, new_hashes) if a == b)
    check(0 < unchanged < len(new_hashes), f"only changed pages are fetched again ({len(new_hashes) - unchanged} of {len(new_hashes)})")
    check(len(reloads) == 1, "no reload")

    # --- A broken save shows the located diagnostic over the last good view -----------
    broken = original.replace(f'title: "{first_event_title}"', f'title: "{new_title}"', 1).replace("date: 2022-12-29", "date: 2022-13-45", 1)
    line = broken.split("\n").index("    date: 2022-13-45") + 1
    save(broken)
    page.wait_for_selector("#diagnostics .panel", timeout=30000)
    text = page.locator("#diagnostics-text").inner_text()
    check(f"report.yaml:{line}:" in text, f"the diagnostic names report.yaml:{line}")
    check("2022-13-45" in text and "^" in text, "the diagnostic shows the excerpt and the caret")
    box = page.locator("#diagnostics .panel").bounding_box()
    text_box = page.locator("#diagnostics-text").bounding_box()
    check(page.locator("#diagnostics .panel").is_visible() and box["height"] >= 100 and text_box["height"] >= 40
          and box["y"] >= 0 and box["y"] + 60 <= 900, f"the diagnostics are in view and readable ({box})")
    check(page.locator("#thumbs .thumb").count() == thumbs and page.evaluate("document.getElementById('page-view').naturalWidth") > 0,
          "the last good view stays under them")

    # --- The fixing save removes them --------------------------------------------------
    save(original)
    page.wait_for_selector("#diagnostics .panel", state="hidden", timeout=30000)
    page.wait_for_function(f"() => [...document.querySelectorAll('#contents a')].some(a => a.textContent.endsWith(' ' + {json.dumps(first_event_title)}))",
                           timeout=30000)
    check(True, "the fixing save removes the diagnostics and shows the fixed report")
    check(foreign == [], f"nothing asked of the network: {foreign}")
    browser.close()

print(f"{passed} passed, 0 failed")
