#!/usr/bin/env bash
# Cold-start timing of `mamori deid` (docs/benchmarks.md, issue 13): runs each given jar N times in fresh JVMs,
# alternating jars so that the machine's drift hits all of them alike, and prints median/min/max wall time, median CPU
# and peak RSS per jar. Compare only figures printed by the same invocation.
#
#   tools/deid-cold-ab.sh N DATA.csv ADULT_DIR JAR [JAR...]
#   e.g. tools/deid-cold-ab.sh 8 bench-data/adult-1m.csv ../shared/data/adult /tmp/before.jar mamori-app/target/mamori.jar
#
# JOPTS replaces the JVM options of every run (the default is ./mamori deid's: -XX:+UseSerialGC -Xmn64m
# -XX:CompileThresholdScaling=3). CDS=1 first writes a class-data archive for each jar (a run on the data's first
# 1,000 rows, as ./mamori's first run does) and maps it in every timed run, as the launcher does.
set -euo pipefail
if [[ $# -lt 4 ]]; then sed -n '2,11p' "$0" >&2; exit 2; fi
n=$1 data=$2 adult=$3
shift 3
qi=()
for c in sex age race marital-status education native-country; do qi+=(--qi "$c=$adult/adult_hierarchy_$c.csv"); done
times="$(mktemp)"
out="$(mktemp -d)"
trap 'rm -rf "$times" "$out"' EXIT
opts=${JOPTS--XX:+UseSerialGC -Xmn64m -XX:CompileThresholdScaling=3}
args=(--mode anonymous --k 5 --suppression-limit 0.05 "${qi[@]}" --drop id --keep workclass,occupation,salary-class
  --output "$out/k5.csv" --no-progress)
declare -A cds
if [[ "${CDS-0}" == 1 ]]; then
  head -1001 "$data" >"$out/head.csv"
  k=0
  for jar in "$@"; do
    k=$((k + 1))
    cds[$jar]="$out/$k.jsa"
    java $opts -XX:ArchiveClassesAtExit="${cds[$jar]}" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$jar" deid "$out/head.csv" \
      "${args[@]}" >/dev/null 2>&1
  done
fi
for ((i = 0; i < n; i++)); do
  for jar in "$@"; do
    share=()
    if [[ -n "${cds[$jar]-}" ]]; then share=(-XX:SharedArchiveFile="${cds[$jar]}" -Xlog:cds=off); fi
    /usr/bin/time -a -o "$times" -f "$jar %e %U %S %M" java $opts "${share[@]}" -jar "$jar" deid "$data" "${args[@]}" \
      >/dev/null 2>&1
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
