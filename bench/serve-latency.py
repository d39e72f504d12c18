#!/usr/bin/env python3
"""Save-to-updated-view latency of `folio serve`, measured in a real browser.

    bench/serve-latency.py FOLIO REPORT_DIR OUT_DIR [--runs 10] [--warmup 2] [--event 7] [--cards LIST]

Starts `FOLIO serve` on a copy of a report (REPORT_DIR is edited: pass a copy), opens the
preview in Debian's chromium (Playwright), selects event N's page through the contents,
then saves an edit of that event's body RUNS times (a mark with the run's number at the
end of its first paragraph, as bench/edit-event.py does, but new each time so no image
can come from the browser's cache; the file is written from this process, so no
program start is timed; the report is restored at the end). Each latency is
from the moment before the file is written (the wall clock, in this process) to the
moment the page has loaded and shown the new image of that page (the wall clock, in the
browser: the `load` of the new image, recorded in window.__folio.pageUpdates). It covers
the watcher noticing the save, the incremental rebuild, the WebSocket message, and the
request, drawing and decoding of the page at 2x. Prints each time and the median.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

from playwright.sync_api import sync_playwright

p = argparse.ArgumentParser()
p.add_argument("folio")
p.add_argument("report")
p.add_argument("out")
p.add_argument("--runs", type=int, default=10)
p.add_argument("--warmup", type=int, default=2)
p.add_argument("--event", type=int, default=7)
p.add_argument("--cards", default=None, help="card presets (default: the report's, i.e. all five)")
p.add_argument("--log", default=None, help="copy what folio serve prints to this file (with FOLIO_TIMINGS=1: its phases)")
a = p.parse_args()

report_file = os.path.join(a.report, "report.yaml")
args = [a.folio, "serve", a.report, "--out", a.out, "--port", "0"] + (["--cards", a.cards] if a.cards else [])
proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
url = None
deadline = time.time() + 600
for line in proc.stdout:
    m = re.search(r"http://[0-9.:]+/", line)
    if m:
        url = m.group(0)
    if url and ("] built" in line or "first build failed" in line):
        break
    if time.time() > deadline:
        break
if not url:
    proc.kill()
    sys.exit("serve-latency: folio serve did not start")


def edit(text, target, mark):
    """`text` with `mark` at the end of the first quoted body paragraph of event `target`."""
    lines = text.split("\n")
    event, in_body = 0, False
    for i, line in enumerate(lines):
        if line.startswith("  - id:"):
            event, in_body = event + 1, False
        elif event == target and line.strip() == "body:":
            in_body = True
        elif event == target and in_body and line.lstrip().startswith('- "') and line.endswith('"'):
            lines[i] = line[:-1] + mark + '"'
            return "\n".join(lines)
    sys.exit(f"serve-latency: no quoted body paragraph for event {target}")


rebuilds = []  # seconds of each rebuild, as folio serve prints them


def drain():
    log = open(a.log, "w") if a.log else None
    for line in proc.stdout:
        m = re.search(r"changed → .* in ([\d.]+)s$", line.strip())
        if m:
            rebuilds.append(float(m.group(1)) * 1000)
        if log:
            log.write(f"{time.time() * 1000:.0f} {line}")
            log.flush()


threading.Thread(target=drain, daemon=True).start()

times = []
try:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url)
        page.wait_for_function("() => window.__folio && window.__folio.snapshot && window.__folio.pageUpdates.length > 0", timeout=60000)
        # The event's first page, through the contents (level-0 entries after the front matter).
        titles = page.evaluate("window.__folio.snapshot.contents")
        event_titles = [l.split(":", 1)[1].strip().strip('"') for l in open(report_file, encoding="utf-8")
                        if l.startswith("    title:")]
        target = next(c for c in titles if c["title"].endswith(" " + event_titles[a.event - 1]))
        page.evaluate(f"document.querySelector('#contents a[data-page=\"{target['page']}\"]').click()")
        page.wait_for_function(f"() => document.getElementById('page-view').dataset.page === '{target['page']}'")
        original = open(report_file, encoding="utf-8").read()
        for run in range(a.warmup + a.runs):
            edited = edit(original, a.event, f"（修订{run + 1}）")
            seen = page.evaluate("window.__folio.pageUpdates.length")
            started = time.time() * 1000
            if a.log:
                print(f"  save at {started:.0f}", flush=True)
            with open(report_file, "w", encoding="utf-8") as f:
                f.write(edited)
            page.wait_for_function(f"() => window.__folio.pageUpdates.length > {seen}", timeout=30000, polling=5)
            shown = page.evaluate(f"window.__folio.pageUpdates[{seen}]")
            if shown["page"] != target["page"]:
                sys.exit(f"serve-latency: page {shown['page'] + 1} was updated, not {target['page'] + 1}")
            ms = shown["at"] - started
            if run >= a.warmup:
                times.append(ms)
                print(f"  edit {run - a.warmup + 1}: {ms:.0f} ms", flush=True)
            time.sleep(0.4)  # the next save is a new burst, not part of this one
        with open(report_file, "w", encoding="utf-8") as f:
            f.write(original)
        browser.close()
finally:
    proc.send_signal(2)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()

load = os.getloadavg()[0]
print(f"folio serve: save to updated view, event {a.event}'s page, median of {len(times)}: "
      f"{statistics.median(times):.0f} ms (min {min(times):.0f}, max {max(times):.0f}; goal <= 300 ms); "
      f"of which the rebuild: median {statistics.median(rebuilds[a.warmup:] or [0]):.0f} ms; load average {load:.1f} on {os.cpu_count()} cores")
