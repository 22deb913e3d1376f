#!/usr/bin/env python3
"""profile-split.py COUNTERS SAMPLES WALL: where the time of one run went, as a Markdown list.

COUNTERS: `jstat -J-Djstat.showUnsupported=true -snap file://...` of the HotSpot performance data a
run of the release archive saved at exit (-XX:+PerfDataSaveToFile): JVM creation, class loading,
linking and initialisation, JIT compilation, GC. SAMPLES: `jfr print --events jdk.ExecutionSample`
of a second run of the same jar and flags on the full JDK (the archive's runtime has no JFR): the
share of the main thread's samples in reading, rendering, writing and the command line. WALL: the
first run's wall time in seconds.
"""
import re
import sys

# A sample belongs to the first phase, in this order, that one of its frames names.
PHASES = [
    ("class loading (Java side)", ("java.lang.ClassLoader.", "jdk.internal.loader.")),
    ("writing (YAML writer, output)", ("dev.apiserverpolicy.render.yaml.", "dev.apiserverpolicy.cli.Utf8Output",
                                       "dev.apiserverpolicy.cli.ManifestFileWriter", "dev.apiserverpolicy.cli.OutputDirectory")),
    ("reading", ("dev.apiserverpolicy.read.",)),
    ("rendering", ("dev.apiserverpolicy.render.", "dev.apiserverpolicy.ApiserverPolicy")),
    ("command line (picocli, the CLI's own code)", ("picocli.", "dev.apiserverpolicy.cli.")),
]


def counters(path):
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            name, _, value = line.strip().partition("=")
            if value.lstrip("-").isdigit():
                values[name] = int(value)
    return values


def samples(path):
    """(thread, frames) of each execution sample, frames top first."""
    found, thread, frames, in_stack = [], None, [], False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("jdk.ExecutionSample"):
                thread, frames, in_stack = None, [], False
            elif line.startswith("sampledThread = "):
                thread = re.sub(r'^sampledThread = "([^"]*)".*$', r"\1", line)
            elif line.startswith("stackTrace = ["):
                in_stack = True
            elif in_stack and line.startswith("]"):
                in_stack = False
                found.append((thread, frames))
            elif in_stack and line != "...":
                frames.append(line)
    return found


def phase(frames):
    for name, prefixes in PHASES:
        if any(frame.startswith(prefixes) for frame in frames):
            return name
    return "other (JDK code outside the phases)"


def main():
    perf, taken, wall = counters(sys.argv[1]), samples(sys.argv[2]), float(sys.argv[3])
    tick = perf["sun.os.hrt.frequency"] / 1000.0
    ms = lambda name: perf.get(name, 0) / tick
    created = perf["sun.rt.createVmEndTime"] - perf["sun.rt.createVmBeginTime"]
    gc = sum(v for k, v in perf.items() if re.fullmatch(r"sun\.gc\.collector\.\d+\.time", k)) / tick
    print(f"- wall: {wall * 1000:.0f} ms; JVM creation (until main can run): {created} ms")
    shared = perf.get("java.cls.sharedLoadedClasses", 0)
    print(f"- class loading {ms('sun.cls.time'):.0f} ms, of which linking {ms('sun.cls.classLinkedTime.self'):.0f} ms"
          f" and verification {ms('sun.cls.classVerifyTime.self'):.0f} ms;"
          f" class initialisation {ms('sun.cls.classInitTime.self'):.0f} ms (static initialisers' own work);"
          f" {perf.get('java.cls.loadedClasses', 0) + shared} classes loaded, {shared} of them from the CDS/AOT archive")
    jit = ms("sun.ci.standardTime") + ms("sun.ci.osrTime")
    print(f"- JIT compilation: {jit:.0f} ms, {perf.get('sun.ci.totalCompiles', 0)} methods, on the compiler thread"
          f" (beside the main thread); GC pauses: {gc:.0f} ms")
    main_samples = [frames for thread, frames in taken if thread == "main"]
    others = len(taken) - len(main_samples)
    counts = {}
    for frames in main_samples:
        counts[phase(frames)] = counts.get(phase(frames), 0) + 1
    total = max(len(main_samples), 1)
    split = ", ".join(f"{name} {100 * n / total:.0f}%" for name, n in sorted(counts.items(), key=lambda e: -e[1]))
    print(f"- main thread, {len(main_samples)} samples (JFR, 1 ms): {split}; {others} samples on other threads")


if __name__ == "__main__":
    main()
