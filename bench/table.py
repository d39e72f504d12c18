#!/usr/bin/env python3
"""Makes the table of `make bench` from the measurements bench/bench.sh leaves in a folder:
hyperfine JSON (medians), GNU time -v logs (peak memory) and FOLIO_TIMINGS=1 logs
(phases, CPU while cards render). Prints Markdown."""
import argparse
import json
import os
import re
import subprocess

p = argparse.ArgumentParser()
p.add_argument("results")
p.add_argument("--events", type=int, required=True)
p.add_argument("--cards", type=int, default=0)
p.add_argument("--pages", default="?")
p.add_argument("--peer-pages", default="?")
p.add_argument("--peer-cards", default="?")
a = p.parse_args()
R = a.results


def median(name):
    with open(os.path.join(R, name + ".json")) as f:
        return json.load(f)["results"][0]["median"]


def spread(name):
    with open(os.path.join(R, name + ".json")) as f:
        r = json.load(f)["results"][0]
    return f"{len(r['times'])} runs, {fmt(min(r['times']))}–{fmt(max(r['times']))}"


def gnu_time(name, key):
    with open(os.path.join(R, name + ".time")) as f:
        for line in f:
            if key in line:
                return line.split(": ", 1)[1].strip()
    return None


def rss_mib(name):
    return int(gnu_time(name, "Maximum resident set size")) / 1024


def phases(name):
    """(wall ms, cpu ms, phase) of a FOLIO_TIMINGS=1 run."""
    out = []
    with open(os.path.join(R, name + ".stderr")) as f:
        for line in f:
            m = re.match(r"\[timing\]\s+([\d.]+) ms wall\s+([\d.]+) ms cpu\s+(.*)$", line.rstrip())
            if m:
                out.append((float(m.group(1)), float(m.group(2)), m.group(3)))
    return out


def fmt(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def verdict(ok):
    return "met" if ok else "**not met**"


rows = []
full, typst = median("full-folio"), median("full-typst")
rows.append(("full build, default report (brochure + 10 square cards), empty output folder",
             fmt(full), fmt(typst), f"{full / typst:.2f} × Typst", "≤ 0.50 × Typst", verdict(full <= 0.5 * typst)))
first = median("first-folio")
rows.append(("… first run on a machine: empty per-user caches (hashes 93 MB of fonts, subsets the fonts)",
             fmt(first), "", f"{first / typst:.2f} × Typst", "", "for information"))
watch = median("watch-edit-folio")
rows.append(("one-event edit (event 7's body) saved while `folio watch` runs: brochure + 1 card re-made",
             fmt(watch), "", f"{watch / full:.2f} × full", "≤ 0.25 × full", verdict(watch <= 0.25 * full)))
edit = median("edit-folio")
rows.append(("… the same edit, then a new `folio build` process (starts, reads fonts, lays out the whole brochure)",
             fmt(edit), "", f"{edit / full:.2f} × full", "", "for information"))
noop = median("noop-folio")
rows.append(("no-op rebuild (nothing changed, nothing written)", fmt(noop), "", "", "≤ 50 ms", verdict(noop <= 0.050)))
small_f, small_t = median("small-folio"), median("small-typst")
rows.append(("generated report, 10 events, full build", fmt(small_f), fmt(small_t), f"{small_f / small_t:.2f} × Typst", "",
             "for information"))
big_f, big_t = median("big-folio"), median("big-typst")
rows.append((f"generated report, {a.events:,} events, full build", fmt(big_f), fmt(big_t), f"{big_f / big_t:.2f} × Typst",
             "≤ 0.50 × Typst", verdict(big_f <= 0.5 * big_t)))
per_big, per_ten = big_f / a.events, full / 10
rows.append((f"time per event: {a.events:,} events vs the default ten-event build",
             f"{per_big * 1000:.1f} vs {per_ten * 1000:.1f} ms", f"{big_t / a.events * 1000:.1f} vs {typst / 10 * 1000:.1f} ms",
             f"{per_big / per_ten:.2f} ×", "≤ 1.2 ×", verdict(per_big <= 1.2 * per_ten)))
rows.append((f"time per event: {a.events:,} vs 10 generated events (same generator)",
             f"{per_big * 1000:.1f} vs {small_f / 10 * 1000:.1f} ms", f"{big_t / a.events * 1000:.1f} vs {small_t / 10 * 1000:.1f} ms",
             f"{per_big / (small_f / 10):.2f} ×", "", "for information"))
m_full, m_typst = rss_mib("full-folio"), rss_mib("full-typst")
rows.append(("peak memory, default report", f"{m_full:.0f} MiB", f"{m_typst:.0f} MiB", f"{m_full / m_typst:.2f} × Typst",
             "≤ 0.80 × Typst", verdict(m_full <= 0.8 * m_typst)))
m_big, m_big_t = rss_mib("big-folio"), rss_mib("big-typst")
rows.append((f"peak memory, {a.events:,} events", f"{m_big:.0f} MiB", f"{m_big_t:.0f} MiB", f"{m_big / m_big_t:.2f} × Typst",
             "≤ 0.80 × Typst", verdict(m_big <= 0.8 * m_big_t)))
cores = os.cpu_count() or 1
ph = phases("big-folio")
start = next((x for x in ph if x[2] == "cards: rendering"), None)
end = next((x for x in ph if x[2] == "cards: rendered"), None)
if start and end and end[0] > start[0]:
    busy = (end[1] - start[1]) / (end[0] - start[0])
    rows.append((f"CPU while the {a.cards:,} cards render ({fmt((end[0] - start[0]) / 1000)} of the {a.events:,}-event build)",
                 f"{busy:.2f} of {cores} cores", f"{gnu_time('big-typst', 'Percent of CPU')} over its whole run", "",
                 f"both cores busy (≥ {0.9 * cores:.1f})", verdict(busy >= 0.9 * cores)))
imp = median("python-import")
rows.append(("Python start + `import typst` alone (inside every Typst time above)", "", fmt(imp), "", "", "for information"))

lines = []
try:
    rev = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()
except OSError:
    rev = "?"
model = ""
try:
    with open("/proc/cpuinfo") as f:
        model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
except OSError:
    pass
load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"]
lines.append("# Folio vs the Typst peer (`make bench`)")
lines.append("")
lines.append(f"Folio {rev}, {cores} cores ({model}), load average {' '.join(load)} at the end of the run. "
             f"Medians of hyperfine runs in one session; peak memory from one `/usr/bin/time -v` run each. "
             f"The {a.events:,}-event build made {a.pages} brochure pages and {a.cards:,} cards; Typst made "
             f"{a.peer_pages} pages and {a.peer_cards} cards from the same events (its .typ files copied unchanged but for "
             f"`grid(columns: calc.max(1, …))`: Typst rejects zero columns, and three of the events the generator "
             f"repeats have no figures).")
lines.append("")
lines.append("| measurement | Folio | Typst peer | ratio | goal | |")
lines.append("|---|---:|---:|---:|---|---|")
for r in rows:
    lines.append("| " + " | ".join(r) + " |")
lines.append("")
lines.append("Spread (min–max): full " + spread("full-folio") + "; Typst " + spread("full-typst") + "; watch edit "
             + spread("watch-edit-folio") + "; cold edit " + spread("edit-folio") + "; no-op " + spread("noop-folio") + f"; {a.events:,} events "
             + spread("big-folio") + "; Typst " + spread("big-typst") + ".")
lines.append("")
lines.append("The watch edit is timed inside `folio watch` from the change being picked up to the outputs committed; "
             "before that the watcher waits for 150 ms without further saves (a burst of saves makes one rebuild).")
for name, title in (("full-folio", "default report"), ("big-folio", f"{a.events:,} events")):
    ph = phases(name)
    if not ph:
        continue
    lines.append("")
    lines.append(f"Where the time of one full build goes ({title}, FOLIO_TIMINGS=1; wall and CPU ms since the build started, "
                 "CPU of all threads):")
    lines.append("")
    lines.append("| phase ends | wall ms | Δ wall | CPU ms | Δ CPU | cores busy |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    prev = (0.0, ph[0][1], "")
    for w, c, name_ in ph:
        dw, dc = w - prev[0], c - prev[1]
        lines.append(f"| {name_} | {w:.1f} | {dw:.1f} | {c:.1f} | {dc:.1f} | {dc / dw if dw > 0.5 else 0:.2f} |")
        prev = (w, c, name_)
print("\n".join(lines))
