#!/usr/bin/env python3
"""folio.1 from `folio --experimental-dump-help` (read on standard input), in man(7) format.

The same input swift-argument-parser's generate-manual plugin reads; this script does
not need the package built in release mode first. Usage:
    folio --experimental-dump-help | python3 tools/manpage.py > folio.1
"""
import json
import sys


def esc(text):
    """Text safe in a man page: backslashes, leading dots and quotes escaped."""
    text = (text or "").replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line.startswith((".", "'")) else line for line in text.split("\n"))


def name_of(n):
    return ("--" if n["kind"] == "long" else "-") + n["name"]


def argument(a):
    names = ", ".join(name_of(n) for n in a.get("names", []))
    value = a.get("valueName")
    if a["kind"] == "positional":
        head = f"<{value}>"
    elif a["kind"] == "option":
        head = f"{names} <{value}>"
    else:
        head = names
    lines = [".TP", "\\fB" + esc(head) + "\\fR", esc(a.get("abstract", ""))]
    if a.get("defaultValue") not in (None, ""):
        lines[-1] += f" (default: {esc(a['defaultValue'])})"
    return lines


def command(c, parents, out):
    name = " ".join(parents + [c["commandName"]])
    if parents:
        out += [f'.SH "{esc(name.upper())}"', esc(c.get("abstract", ""))]
    else:
        out += [".SH NAME", f"{esc(name)} \\- {esc(c.get('abstract', ''))}", ".SH SYNOPSIS",
                f"\\fB{esc(name)}\\fR \\fIcommand\\fR [\\fIoptions\\fR]"]
    if c.get("discussion"):
        out += [".PP" if parents else ".SH DESCRIPTION"]
        for para in c["discussion"].split("\n\n"):
            if "\n  " in para or para.startswith("  "):
                out += [".nf", esc(para), ".fi", ".PP"]
            else:
                out += [esc(para), ".PP"]
    shown = [a for a in c.get("arguments", []) if a.get("shouldDisplay", True)
             and not any(n["name"] in ("help", "version") for n in a.get("names", []))]
    if shown:
        out += [".PP", "\\fBOptions of " + esc(name) + "\\fR" if parents else ".SH OPTIONS"]
        for a in shown:
            out += argument(a)
    for sub in c.get("subcommands", []):
        if sub["commandName"] != "help":
            command(sub, parents + [c["commandName"]], out)


def main():
    info = json.load(sys.stdin)["command"]
    out = [f'.TH FOLIO 1 "" "folio" "User Commands"']
    command(info, [], out)
    out += [".SH FILES", "Layouts, card presets and fonts: \\fI<prefix>/share/folio\\fR, "
            "or the folder named by \\fBFOLIO_HOME\\fR.",
            ".SH ENVIRONMENT", ".TP", "\\fBFOLIO_HOME\\fR", "The folder holding Folio's Layouts/ and Fonts/.",
            ".TP", "\\fBNO_COLOR\\fR", "Set: no colour in diagnostics.",
            ".TP", "\\fBXDG_CACHE_HOME\\fR", "Folio remembers font hashes in $XDG_CACHE_HOME/folio (default ~/.cache/folio)."]
    print("\n".join(out))


main()
