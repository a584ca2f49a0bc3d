#!/usr/bin/env bash
# What numbering a table's rows costs `mamori spark scan` (docs/benchmarks.md, "Session 56"): two builds of
# mamori-spark.jar, one before the rows were numbered and one after, scan the bench's customer CSV RUNS times each,
# alternating, on local[*], with identifiers only and with every type; then checks that both give the same findings
# but for "row".
#
#   java -jar mamori-app/target/mamori.jar bench scan --size-mb 200 --data bench-data/customers-200m.csv --no-rg --only target-ids
#   tools/spark-scan-rows-bench.sh /tmp/spark-before.jar /tmp/spark-after.jar bench-data/customers-200m.csv 3
set -euo pipefail
before="${1:?the jar before}"; after="${2:?the jar after}"; csv="${3:?the customer CSV}"; runs="${4:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cp="$(cat "$here/mamori-spark/target/spark.classpath")"
jvm="$(sed -n 's|.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*|\1|p' "$here/mamori-spark/pom.xml")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
ids=MY_NUMBER,CORPORATE_NUMBER,CREDIT_CARD,PHONE,EMAIL,POSTAL_CODE
for i in $(seq 1 "$runs"); do
  for types in "$ids" all; do
    t=(); [[ $types == all ]] || t=(--types "$types")
    for which in before after; do
      jar=$before; [[ $which == after ]] && jar=$after
      rm -rf "$out/$which"
      /usr/bin/time -f "$which ${types%%,*} %e s, cpu %U+%S s, maxrss %M KB" java $jvm -cp "$jar:$cp" dev.mamori.spark.SparkMain \
        scan "$csv" "${t[@]}" --output "$out/$which" > /dev/null
    done
    if [[ $i == 1 ]]; then
      # the file as Spark names it differs (file:///… before, file:/… after): compared without it
      a=$(cat "$out"/before/part-* | sed -E 's/^\{"file":"[^"]*",//' | sort | md5sum)
      b=$(cat "$out"/after/part-* | sed -E 's/^\{"file":"[^"]*",//; s/,"row":[0-9]+//' | sort | md5sum)
      rows=$(cat "$out"/after/part-* | grep -c '"row":' || true)
      echo "findings: $(cat "$out"/before/part-* | wc -l) before, $(cat "$out"/after/part-* | wc -l) after ($rows with a row), $([[ $a == "$b" ]] && echo identical but for row || echo DIFFERENT)"
    fi
  done
done
