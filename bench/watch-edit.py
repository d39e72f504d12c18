#!/usr/bin/env python3
"""Measures the one-event edit rebuild as a person makes it: `folio watch` runs, event N's
body is edited and saved (bench/edit-event.py), the watcher re-makes what depends on it.

    bench/watch-edit.py FOLIO REPORT_DIR OUT_DIR RESULT.json [--runs 10] [--warmup 2] [--event 7]

Each rebuild's time is taken inside the process (FOLIO_TIMINGS=1) from "build started"
to "committed": the rebuild itself, without the quiet time the watcher waits after a
save (it debounces bursts of saves) and without starting a process. Writes the times in
hyperfine's JSON shape (seconds) so bench/table.py reads them like the others.
"""
import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time

p = argparse.ArgumentParser()
p.add_argument("folio")
p.add_argument("report")
p.add_argument("out")
p.add_argument("result")
p.add_argument("--runs", type=int, default=10)
p.add_argument("--warmup", type=int, default=2)
p.add_argument("--event", type=int, default=7)
a = p.parse_args()

here = os.path.dirname(os.path.abspath(__file__))
env = dict(os.environ, FOLIO_TIMINGS="1")
proc = subprocess.Popen([a.folio, "watch", a.report, "--cards", "square", "--out", a.out],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
builds = []  # (started ms, committed ms, summary line)
lock = threading.Condition()


def read():
    started = None
    summary = ""
    for line in proc.stdout:
        m = re.match(r"\[timing\]\s+([\d.]+) ms wall\s+[\d.]+ ms cpu\s+(.*)$", line.rstrip())
        if not m:
            summary = line.strip() or summary
            if "error" in line:
                sys.stderr.write(line)
            continue
        wall, phase = float(m.group(1)), m.group(2)
        if phase == "build started":
            started = wall
        elif phase in ("committed", "nothing changed (quick check)") and started is not None:
            with lock:
                builds.append((started, wall, summary))
                lock.notify_all()
            started = None


threading.Thread(target=read, daemon=True).start()


def wait_for(count, timeout=30):
    deadline = time.time() + timeout
    with lock:
        while len(builds) < count:
            left = deadline - time.time()
            if left <= 0 or proc.poll() is not None:
                sys.exit(f"watch-edit.py: no rebuild {count} within {timeout} s (folio watch exited: {proc.poll()})")
            lock.wait(left)


wait_for(1, timeout=120)
times = []
for i in range(a.warmup + a.runs):
    time.sleep(0.3)  # let the watcher settle after the last commit
    subprocess.run([sys.executable, os.path.join(here, "edit-event.py"), os.path.join(a.report, "report.yaml"), str(a.event)],
                   check=True)
    wait_for(i + 2)
    started, committed, _ = builds[i + 1]
    if i >= a.warmup:
        times.append((committed - started) / 1000)
proc.send_signal(signal.SIGINT)
try:
    proc.wait(timeout=10)
except subprocess.TimeoutExpired:
    proc.kill()
with open(a.result, "w") as f:
    json.dump({"results": [{"command": "folio watch: one-event edit", "median": statistics.median(times),
                            "mean": statistics.mean(times), "times": times}]}, f)
print(f"watch edit rebuild: median {statistics.median(times) * 1000:.1f} ms over {len(times)} runs "
      f"({min(times) * 1000:.1f}–{max(times) * 1000:.1f} ms)", file=sys.stderr)
