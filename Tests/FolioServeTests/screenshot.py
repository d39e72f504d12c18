#!/usr/bin/env python3
"""The README's picture of `folio serve` (make docs-images): the preview of a report in
headless chromium, an event page selected.

    screenshot.py FOLIO REPORT_DIR OUT_DIR PNG [--page-title TITLE]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

from playwright.sync_api import sync_playwright

p = argparse.ArgumentParser()
p.add_argument("folio")
p.add_argument("report")
p.add_argument("out")
p.add_argument("png")
p.add_argument("--event", type=int, default=6, help="the event whose page is shown (1-based)")
a = p.parse_args()

# Run from the folder above Reports/ so the page names the report as a person would see it.
report = os.path.abspath(a.report)
cwd = os.path.dirname(os.path.dirname(report))
proc = subprocess.Popen([os.path.abspath(a.folio), "serve", os.path.relpath(report, cwd), "--out", os.path.abspath(a.out), "--port", "0", "--cards", "square,portrait"],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=cwd)
url = None
for line in proc.stdout:
    m = re.search(r"http://[0-9.:]+/", line)
    url = url or (m.group(0) if m else None)
    if url and ("] built" in line or "failed" in line):
        break
if not url:
    sys.exit("screenshot.py: folio serve did not start")
try:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 720})
        page.goto(url)
        page.wait_for_function("() => window.__folio && window.__folio.snapshot && window.__folio.pageUpdates.length > 0", timeout=60000)
        # The contents: the foreword, the contents page, then the events in order.
        page.evaluate(f"document.querySelectorAll('#contents a')[{a.event + 1}].click()")
        page.wait_for_function("""() => [...document.images].filter(i => i.getBoundingClientRect().top < innerHeight)
                .every(i => !i.src || (i.complete && i.naturalWidth > 0))
            && document.getElementById('page-view').dataset.page === String(window.__folio.selected)""", timeout=60000)
        page.evaluate("document.getElementById('sidebar').scrollTop = 0")
        time.sleep(0.3)
        page.screenshot(path=a.png)
        browser.close()
finally:
    proc.send_signal(2)
    proc.wait(timeout=20)
