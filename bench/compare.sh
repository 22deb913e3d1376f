#!/usr/bin/env bash
# bench/compare.sh [N...]: renders N clusters (default 1 100 1000 10000) with the release archive and
# with the repository launcher (render --stdout), and the same clusters with the Helm peer chart of
# bench/helm-peer; checks all print the same number of objects, and prints the median wall time and
# the largest peak RSS (/usr/bin/time) of each, and the ratios. Each runs RUNS times (default 5),
# interleaved: these shared machines are noisy, so only ratios from one run mean anything.
# Beside the one-cluster render it times the start-up floor of a JVM CLI (bench/floor-app on the
# archive's runtime, with CDS and the launcher's flags); after the largest N, `render --out` (the
# GitOps layout) beside the file system's floor for the same files (bench/fs-floor.py).
# The archive's runtime is DIST_JDK's (default: the JDK running Maven); releases are built on JDK 25.
# Output goes to target/bench/; the last lines are a Markdown table for README. Run from anywhere.
set -euo pipefail
export LC_ALL=C   # a decimal point in $EPOCHREALTIME and awk, whatever the locale
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1 100 1000 10000)
work="$root/target/bench"
runs="${RUNS:-5}"
dist_jdk="${DIST_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
mkdir -p "$work"

echo "building the CLI, the release archive (runtime of $dist_jdk) and the input generator ..." >&2
(cd "$root" && mvn -B -q -DskipTests -Dinvoker.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
  -Dcyclonedx.skip=true -Ddist.jdk="$dist_jdk" -pl policy-cli,examples,distribution -am package) \
  > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
rm -rf "$work/archive" && mkdir -p "$work/archive"
tar -xzf "$(ls "$root"/target/dist/apiserver-policy-*.tar.gz | head -n 1)" -C "$work/archive"
archive="$(ls -d "$work"/archive/apiserver-policy-*)/bin/apiserver-policy"
launcher="$root/apiserver-policy"
helm="$("$bench/get-helm.sh" "$work/tools" | tail -n 1)"
"$launcher" --version > /dev/null   # builds the class-data archive outside the timing

# The floor app: compiled against picocli (the CLI's version), with a class-data archive of its own.
runtime_java="$(dirname "$archive")/../runtime/bin/java"
floor="$work/floor"
rm -rf "$floor" && mkdir -p "$floor/classes"
picocli_version="$(sed -n 's:.*<picocli.version>\(.*\)</picocli.version>.*:\1:p' "$root/pom.xml" | head -n 1)"
(cd "$root" && mvn -B -q dependency:copy -Dartifact="info.picocli:picocli:$picocli_version" \
  -DoutputDirectory="$floor") >> "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
"$dist_jdk/bin/javac" --release 17 -nowarn -cp "$floor/picocli-$picocli_version.jar" -d "$floor/classes" \
  "$bench/floor-app/FloorApp.java"
# A jar: class-data sharing takes no folders on the class path.
"$dist_jdk/bin/jar" --create --file "$floor/floor.jar" -C "$floor/classes" .
floor_cp="$floor/floor.jar:$floor/picocli-$picocli_version.jar"
"$runtime_java" -Xshare:off -XX:DumpLoadedClassList="$floor/classes.lst" -cp "$floor_cp" FloorApp render x \
  > /dev/null
"$runtime_java" -Xshare:dump -XX:SharedClassListFile="$floor/classes.lst" -XX:SharedArchiveFile="$floor/floor.jsa" \
  -cp "$floor_cp" > /dev/null 2>&1
# The archive launcher's JVM flags, less its own class-data archive.
mapfile -t launcher_flags < <(grep -o -- '-X[^ "]*' "$archive" | grep -v 'SharedArchiveFile\|AOTCache')
floor_cmd=("$runtime_java" "${launcher_flags[@]}" -XX:SharedArchiveFile="$floor/floor.jsa" -cp "$floor_cp" FloorApp)

# measure OUT CMD...: runs CMD with stdout to OUT; sets wall (s, to the millisecond: time's own %e has
# hundredths, too coarse for start-up) and rss (MB, from /usr/bin/time).
measure() {
  local out="$1" start end; shift
  start=$EPOCHREALTIME
  /usr/bin/time -f "%M" -o "$work/time.txt" "$@" > "$out" 2> "$work/stderr.txt" \
    || { cat "$work/stderr.txt" >&2; exit 1; }
  end=$EPOCHREALTIME
  wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')
  read -r rss_kb < "$work/time.txt"
  rss=$((rss_kb / 1024))
}

# median VALUES...: the middle value (the lower middle for an even count).
median() {
  printf "%s\n" "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 0.01) }'; }

objects() { grep -c '^kind:' "$1"; }

rows=()
for n in "${sizes[@]}"; do
  java -cp "$root/examples/target/classes" dev.apiserverpolicy.examples.ScaleInput "$n" helm > "$work/in-$n.yaml"
  "$bench/helm-peer/gen-values.sh" "$n" > "$work/values-$n.yaml"
  declare -A walls=() peak=()
  for ((run = 0; run < runs; run++)); do
    measure "$work/archive-$n.yaml" "$archive" render "$work/in-$n.yaml" --stdout
    walls[archive]+="$wall "; ((rss > ${peak[archive]:-0})) && peak[archive]=$rss
    measure "$work/launcher-$n.yaml" "$launcher" render "$work/in-$n.yaml" --stdout
    walls[launcher]+="$wall "; ((rss > ${peak[launcher]:-0})) && peak[launcher]=$rss
    measure "$work/helm-$n.yaml" "$helm" template x "$bench/helm-peer" -f "$work/values-$n.yaml"
    walls[helm]+="$wall "; ((rss > ${peak[helm]:-0})) && peak[helm]=$rss
    if [[ "$n" == 1 ]]; then
      measure "$work/floor.txt" "${floor_cmd[@]}" render "$work/in-$n.yaml"
      walls[floor]+="$wall "; ((rss > ${peak[floor]:-0})) && peak[floor]=$rss
    fi
  done
  for tool in archive launcher; do
    if [[ "$(objects "$work/$tool-$n.yaml")" != "$(objects "$work/helm-$n.yaml")" ]]; then
      echo "object counts differ for $n clusters: $tool $(objects "$work/$tool-$n.yaml")," \
        "helm $(objects "$work/helm-$n.yaml")" >&2
      exit 1
    fi
  done
  # shellcheck disable=SC2086 # the walls are space-separated numbers
  a=$(median ${walls[archive]}); l=$(median ${walls[launcher]}); h=$(median ${walls[helm]})
  floor_cell=""
  if [[ "$n" == 1 ]]; then
    # shellcheck disable=SC2086
    f=$(median ${walls[floor]})
    floor_cell="floor app $f s: archive $(awk -v a="$a" -v f="$f" 'BEGIN { printf "%+.3f", a - f }') s"
  fi
  rows+=("| $n | $(objects "$work/helm-$n.yaml") | $h s, ${peak[helm]} MB | $a s, ${peak[archive]} MB \
| $(ratio "$h" "$a")x, RSS $(ratio "${peak[archive]}" "${peak[helm]}") | $l s, ${peak[launcher]} MB \
| $(ratio "$h" "$l")x | $floor_cell |")
  echo "${rows[-1]}" >&2
  unset walls peak
done

largest="${sizes[${#sizes[@]}-1]}"
# Each run writes a new tree, and all are removed at the end: removing 130,000 files just before a
# run left ext4 busy for the next one (its system time went from 7 s to 100 s in one try).
out_walls=(); floor_walls=()
rm -rf "$work/out" && mkdir -p "$work/out"
for ((run = 0; run < runs; run++)); do
  sync
  measure "$work/stdout.txt" "$archive" render "$work/in-$largest.yaml" --out "$work/out/ours-$run"
  out_walls+=("$wall"); out_rss=$rss
  sync
  read -r files fs_wall < <(python3 "$bench/fs-floor.py" "$work/out/ours-$run" "$work/out/floor-$run")
  floor_walls+=("$fs_wall")
done
rm -rf "$work/out"
o=$(median "${out_walls[@]}"); fsf=$(median "${floor_walls[@]}")

echo
echo "Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), \
$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); \
archive runtime: $("$runtime_java" -version 2>&1 | head -n 1); launcher: $(java -version 2>&1 | head -n 1); \
helm $("$helm" version --short); $runs runs each, interleaved, median time, largest RSS."
echo
echo "| clusters | objects | helm template | archive | archive vs helm | launcher | launcher vs helm | start-up |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
printf "%s\n" "${rows[@]}"
echo
echo "render --out, $largest clusters ($files files): $o s, peak RSS $out_rss MB; the file system's floor for the \
same files (bench/fs-floor.py): $fsf s; ratio $(ratio "$o" "$fsf")."
