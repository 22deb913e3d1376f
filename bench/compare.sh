#!/usr/bin/env bash
# bench/compare.sh [N...]: renders N clusters with apiserver-policy (render --stdout) and with the
# Helm peer chart of bench/helm-peer, checks both produce the same number of objects, and prints
# wall time and peak RSS of each (from /usr/bin/time) and the ratios. Default N: 1 100 1000 10000.
# Each tool runs RUNS times (default 3), alternating, and the median wall time is reported (peak
# RSS: the largest seen): these shared machines are noisy. Then times `render --out` (the GitOps
# layout) for the largest N, next to `cp -r` of the same tree as a baseline of the file system's
# speed in that moment. Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1 100 1000 10000)
work="$root/target/bench"
mkdir -p "$work"

echo "building apiserver-policy and the input generator ..." >&2
(cd "$root" && mvn -B -q -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
  -pl policy-cli,examples -am package) > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
helm="$("$bench/get-helm.sh" "$work/tools" | tail -n 1)"
cli="$root/apiserver-policy"

runs="${RUNS:-3}"

# measure NAME OUT CMD...: runs CMD with stdout to OUT; sets wall and rss (MB).
measure() {
  local out="$2"; shift 2
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$out" 2> "$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  read -r wall rss_kb < "$work/time.txt"
  rss=$((rss_kb / 1024))
}

# median VALUES...: the middle value (the lower middle for an even count).
median() {
  printf "%s\n" "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

printf "%-8s %-8s %-10s %-10s %-7s %-9s %-9s %-7s\n" clusters objects ours_s helm_s speedup ours_MB helm_MB rss
for n in "${sizes[@]}"; do
  java -cp "$root/examples/target/classes" dev.apiserverpolicy.examples.ScaleInput "$n" helm > "$work/in-$n.yaml"
  "$bench/helm-peer/gen-values.sh" "$n" > "$work/values-$n.yaml"
  "$cli" --version > /dev/null   # builds the jar and warms the class-data archive outside the timing
  ours_walls=(); helm_walls=(); ours_rss=0; helm_rss=0
  for ((run = 0; run < runs; run++)); do
    measure ours "$work/ours-$n.yaml" "$cli" render "$work/in-$n.yaml" --stdout
    ours_walls+=("$wall"); ((rss > ours_rss)) && ours_rss=$rss
    measure helm "$work/helm-$n.yaml" "$helm" template x "$bench/helm-peer" -f "$work/values-$n.yaml"
    helm_walls+=("$wall"); ((rss > helm_rss)) && helm_rss=$rss
  done
  ours_wall=$(median "${ours_walls[@]}")
  helm_wall=$(median "${helm_walls[@]}")
  ours_objects=$(grep -c '^kind:' "$work/ours-$n.yaml")
  helm_objects=$(grep -c '^kind:' "$work/helm-$n.yaml")
  if [[ "$ours_objects" != "$helm_objects" ]]; then
    echo "object counts differ for $n clusters: apiserver-policy $ours_objects, helm $helm_objects" >&2
    exit 1
  fi
  printf "%-8s %-8s %-10s %-10s %-7s %-9s %-9s %-7s\n" "$n" "$ours_objects" "$ours_wall" "$helm_wall" \
    "$(awk -v h="$helm_wall" -v o="$ours_wall" 'BEGIN { printf "%.2fx", h / (o > 0 ? o : 0.01) }')" \
    "$ours_rss" "$helm_rss" "$(awk -v h="$helm_rss" -v o="$ours_rss" 'BEGIN { printf "%.2f", o / h }')"
done

largest="${sizes[${#sizes[@]}-1]}"
rm -rf "$work/out-$largest" "$work/copy-$largest"
sync
measure ours "$work/stdout.txt" "$cli" render "$work/in-$largest.yaml" --out "$work/out-$largest"
files=$(find "$work/out-$largest" -type f | wc -l)
echo "render --out, $largest clusters: $files files in $wall s, peak RSS $rss MB"
# The same files created by cp: how fast this file system creates them right now.
sync
measure cp "$work/stdout.txt" cp -r "$work/out-$largest" "$work/copy-$largest"
echo "baseline: cp -r of that tree took $wall s"
rm -rf "$work/copy-$largest"
