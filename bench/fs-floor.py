#!/usr/bin/env python3
"""fs-floor.py SOURCE DEST: the file system's floor for writing SOURCE's tree again.

Reads every file below SOURCE into memory first (not timed), then writes each one below DEST the
way `render --out` does: a new temporary file beside it (O_CREAT|O_EXCL|O_NOFOLLOW), one write,
close, rename over the target; folders made as needed. Prints the files written and the seconds
the writing took (wall clock). No fsync, as render does none.
"""
import os
import sys
import time

source, dest = sys.argv[1], sys.argv[2]
files = []
for folder, _, names in os.walk(source):
    for name in names:
        path = os.path.join(folder, name)
        with open(path, "rb") as f:
            files.append((os.path.relpath(path, source), f.read()))
files.sort()
start = time.perf_counter()
made = set()
for i, (rel, content) in enumerate(files):
    target = os.path.join(dest, rel)
    parent = os.path.dirname(target)
    if parent not in made:
        os.makedirs(parent, exist_ok=True)
        made.add(parent)
    temp = os.path.join(parent, ".floor-%d.tmp" % i)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    view = memoryview(content)
    while view:
        view = view[os.write(fd, view):]
    os.close(fd)
    os.rename(temp, target)
print(len(files), "%.2f" % (time.perf_counter() - start))
