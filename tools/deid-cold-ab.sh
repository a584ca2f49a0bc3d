#!/usr/bin/env bash
# Cold-start timing of `mamori deid` (docs/benchmarks.md, issue 13): runs each given jar N times in fresh JVMs,
# alternating jars so that the machine's drift hits all of them alike, and prints median/min/max wall time, median CPU
# and peak RSS per jar. Compare only figures printed by the same invocation.
#
#   tools/deid-cold-ab.sh N DATA.csv ADULT_DIR JAR [JAR...]
#   e.g. tools/deid-cold-ab.sh 8 bench-data/adult-1m.csv ../shared/data/adult /tmp/before.jar mamori-app/target/mamori.jar
#
# JOPTS replaces the JVM options of every run (the default is ./mamori deid's: -XX:+UseSerialGC -Xmn64m
# -XX:CompileThresholdScaling=3).
set -euo pipefail
if [[ $# -lt 4 ]]; then sed -n '2,10p' "$0" >&2; exit 2; fi
n=$1 data=$2 adult=$3
shift 3
qi=()
for c in sex age race marital-status education native-country; do qi+=(--qi "$c=$adult/adult_hierarchy_$c.csv"); done
times="$(mktemp)"
out="$(mktemp -d)"
trap 'rm -rf "$times" "$out"' EXIT
for ((i = 0; i < n; i++)); do
  for jar in "$@"; do
    /usr/bin/time -a -o "$times" -f "$jar %e %U %S %M" java ${JOPTS--XX:+UseSerialGC -Xmn64m -XX:CompileThresholdScaling=3} -jar "$jar" deid "$data" \
      --mode anonymous --k 5 --suppression-limit 0.05 "${qi[@]}" --drop id --keep workclass,occupation,salary-class \
      --output "$out/k5.csv" --no-progress >/dev/null 2>&1
  done
done
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for jar in "$@"; do
  mine="$(awk -v j="$jar" '$1 == j' "$times")"
  wall="$(awk '{ print $2 }' <<<"$mine" | sort -n)"
  printf '%s: wall median %s s (min %s, max %s), CPU median %s s, peak RSS %s MB, runs %s\n' "$jar" \
    "$(median <<<"$wall")" "$(head -1 <<<"$wall")" "$(tail -1 <<<"$wall")" \
    "$(awk '{ print $3 + $4 }' <<<"$mine" | median)" "$(awk '{ if ($5 > m) m = $5 } END { print int(m / 1024) }' <<<"$mine")" \
    "$(wc -l <<<"$mine")"
done
