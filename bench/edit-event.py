#!/usr/bin/env python3
"""Edits one event's body in a report.yaml, as a person would between two builds.

    bench/edit-event.py REPORT.yaml [N]

Toggles the mark "（修订）" at the end of the first body paragraph of event N
(default 7): each call is a real change of that event and of nothing else.
"""
import sys

path = sys.argv[1]
target = int(sys.argv[2]) if len(sys.argv) > 2 else 7
mark = "（修订）"
lines = open(path, encoding="utf-8").read().split("\n")
event = 0
in_body = False
for i, line in enumerate(lines):
    if line.startswith("  - id:"):
        event += 1
        in_body = False
    elif event == target and line.strip() == "body:":
        in_body = True
    elif event == target and in_body and line.lstrip().startswith('- "') and line.endswith('"'):
        text = line[:-1]
        lines[i] = (text[: -len(mark)] if text.endswith(mark) else text + mark) + '"'
        break
else:
    sys.exit(f"edit-event.py: no quoted body paragraph for event {target} in {path}")
open(path, "w", encoding="utf-8").write("\n".join(lines))
