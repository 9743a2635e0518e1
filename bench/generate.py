#!/usr/bin/env python3
"""Writes a deterministic, contract-valid milestone journal of N entries, for benchmarks.

Three trackers; mostly check-ins with notes, moods and tags, some wins and a few resets,
spread one a day per tracker going back from 2026-11-24 (more than one per day once N
outgrows the calendar). Usage: generate.py N OUT.toml
"""
import datetime
import random
import sys

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
NOTES = [
    "Went to a meeting, felt strong", "Called my sponsor", "Long walk after work",
    "Hard evening, but I made it", "Coffee with a friend from group", "Quiet day",
    "Said no at the office party", "Journaled before bed", "Cravings at 6pm, rode them out",
]
TAGS = [["meeting"], ["sponsor"], ["exercise"], [], [], []]


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(count)
    trackers = ["alcohol", "smoking", "gambling"]
    last = datetime.date(2026, 11, 24)
    days_back = max(1, count // len(trackers))
    first = last - datetime.timedelta(days=min(days_back, 40000))
    lines = ["version = 1", ""]
    for name in trackers:
        lines += ["[[tracker]]", f'name = "{name}"', f"since = {first.isoformat()}", ""]
    span = (last - first).days + 1
    ids = set()
    for i in range(count):
        tracker = trackers[i % len(trackers)]
        date = first + datetime.timedelta(days=(i // len(trackers)) % span)
        while True:
            entry_id = "".join(rng.choice(ALPHABET) for _ in range(7))
            if entry_id not in ids:
                ids.add(entry_id)
                break
        roll = rng.random()
        kind = "reset" if roll < 0.002 else "win" if roll < 0.02 else "checkin"
        lines += ["[[entry]]", f'id = "{entry_id}"', f"date = {date.isoformat()}",
                  f'tracker = "{tracker}"', f'kind = "{kind}"']
        if kind != "checkin" or rng.random() < 0.7:
            lines.append(f'text = "{rng.choice(NOTES)}"')
        if kind == "checkin" and rng.random() < 0.6:
            lines.append(f"mood = {rng.randint(1, 5)}")
        tags = rng.choice(TAGS)
        if tags:
            lines.append("tags = [" + ", ".join(f'"{t}"' for t in tags) + "]")
        if rng.random() < 0.1:
            lines.append("private = true")
        lines.append("")
    with open(out, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
