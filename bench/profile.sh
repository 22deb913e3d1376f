#!/usr/bin/env bash
# bench/profile.sh [N...]: where the time of `render --stdout` of N clusters (default 1 and 10000) goes,
# through the release archive that bench/compare.sh built and unpacked in target/bench. Two runs per N:
# the archive itself, saving HotSpot's performance counters at exit (JVM creation, class loading,
# linking, initialisation, JIT, GC); then the archive's jar with the launcher's flags on the full
# JDK (DIST_JDK; the archive's runtime has no JFR) under JFR, sampling every millisecond, for the
# main thread's split between reading, rendering, writing and the command line. Prints a Markdown
# list per N (bench/profile-split.py); bench/README.md keeps the latest, before and after.
set -euo pipefail
export LC_ALL=C
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"
work="$root/target/bench"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1 10000)
dist_jdk="${DIST_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
home="$(ls -d "$work"/archive/apiserver-policy-* 2>/dev/null | head -n 1)"
[[ -n "$home" ]] || { echo "profile.sh: no unpacked archive in target/bench: run bench/compare.sh first" >&2; exit 1; }
# The launcher's JVM flags, less the archive's own cache (made for its runtime, not the full JDK's).
mapfile -t flags < <(grep -o -- '-X[^ "]*' "$home/bin/apiserver-policy" | grep -v 'SharedArchiveFile\|AOTCache')
for n in "${sizes[@]}"; do
  input="$work/in-$n.yaml"
  [[ -f "$input" ]] || java -cp "$root/examples/target/classes" dev.apiserverpolicy.examples.ScaleInput "$n" helm \
    > "$input"
  rm -f "$work/profile-$n.hsperf"
  start=$EPOCHREALTIME
  JDK_JAVA_OPTIONS="-XX:+UsePerfData -XX:+PerfDataSaveToFile -XX:PerfDataSaveFile=$work/profile-$n.hsperf" \
    "$home/bin/apiserver-policy" render "$input" --stdout > /dev/null 2> "$work/profile-$n.err"
  end=$EPOCHREALTIME
  "$dist_jdk/bin/jstat" -J-Djstat.showUnsupported=true -snap "file://$work/profile-$n.hsperf" \
    > "$work/profile-$n.counters"
  "$dist_jdk/bin/java" "${flags[@]}" \
    -XX:StartFlightRecording:filename="$work/profile-$n.jfr",jdk.ExecutionSample#period=1ms \
    -jar "$home/lib/apiserver-policy.jar" render "$input" --stdout > /dev/null 2>> "$work/profile-$n.err"
  "$dist_jdk/bin/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$work/profile-$n.jfr" \
    > "$work/profile-$n.samples"
  echo "$n clusters:"
  python3 "$bench/profile-split.py" "$work/profile-$n.counters" "$work/profile-$n.samples" \
    "$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')"
done
