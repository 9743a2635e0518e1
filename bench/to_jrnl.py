#!/usr/bin/env python3
"""Writes the history of a milestone journal as a jrnl journal, for bench/run.

Usage: to_jrnl.py JOURNAL.toml OUT.txt CONFIG.yaml JRNL_VERSION

OUT.txt is in jrnl's plain-text format: one `[YYYY-MM-DD HH:MM] title` entry per milestone
entry (the title is the entry's text, or its kind when it has none; its tags become @tags),
with a body line holding the tracker, the kind and the mood, so jrnl reads about as much as
milestone does. CONFIG.yaml is a jrnl config whose default journal is OUT.txt, with no colours,
no editor and no encryption, so `jrnl --config-file CONFIG.yaml ...` never prompts.
"""
import sys
import tomllib


def main():
    src, out, config, version = sys.argv[1:5]
    with open(src, "rb") as f:
        journal = tomllib.load(f)
    entries = sorted(journal.get("entry", []), key=lambda e: e["date"])
    lines = []
    for e in entries:
        title = e.get("text") or e["kind"]
        tags = "".join(f" @{t}" for t in e.get("tags", []))
        lines.append(f"[{e['date'].isoformat()} 09:00] {title}{tags}")
        body = f"tracker: {e['tracker']}, kind: {e['kind']}"
        if "mood" in e:
            body += f", mood: {e['mood']}"
        lines.append(body)
        lines.append("")
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(config, "w") as f:
        f.write(f"""colors:
  body: none
  date: none
  tags: none
  title: none
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {out}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: '{version}'
""")


if __name__ == "__main__":
    main()
