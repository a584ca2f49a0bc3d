#!/usr/bin/env bash
# `mamori scan` of a database against `mamori scan` of the same data as a CSV file (docs/benchmarks.md, "Session 55").
# Loads the bench's customer CSV into PostgreSQL (a table per run, in schema bench_db, dropped at the end), then scans
# the file and the table RUNS times each, alternating, with every type and with identifiers only, and checks that both
# give the same findings (apart from file, line and sheet).
#
#   eval "$(.ci/postgres)"                          # a PostgreSQL from Debian's packages, as CI starts it
#   java -jar mamori-app/target/mamori.jar bench scan --size-mb 200 --data bench-data/customers-200m.csv --no-rg   # once
#   tools/db-scan-bench.sh bench-data/customers-200m.csv 3
set -euo pipefail
csv="${1:?the customer CSV}"
runs="${2:-3}"
jar="${JAR:-mamori-app/target/mamori.jar}"
url="${MAMORI_TEST_PG_URL:?start PostgreSQL with eval \"\$(.ci/postgres)\"}"
user="${MAMORI_TEST_PG_USER:-mamori}"
export PGPASSWORD="${MAMORI_TEST_PG_PASSWORD:-mamori}" MAMORI_DB_PASSWORD="${MAMORI_TEST_PG_PASSWORD:-mamori}"
hostport="${url#jdbc:postgresql://}"; hostport="${hostport%%/*}"; db="${url##*/}"
psql=(psql -h "${hostport%%:*}" -p "${hostport##*:}" -U "$user" -d "$db" -q -v ON_ERROR_STOP=1)
out="$(mktemp -d)"
trap 'rm -rf "$out"; "${psql[@]}" -c "drop schema if exists bench_db cascade" >/dev/null 2>&1 || true' EXIT

"${psql[@]}" -c "drop schema if exists bench_db cascade" -c "create schema bench_db" \
  -c "create table bench_db.customers ($(head -1 "$csv" | tr -d '\r' | sed 's/,/ text, /g') text, primary key ($(head -1 "$csv" | cut -d, -f1)))"
start=$(date +%s%N)
"${psql[@]}" -c "\\copy bench_db.customers from stdin with (format csv, header true)" < "$csv"
"${psql[@]}" -c "vacuum analyze bench_db.customers"
echo "loaded $("${psql[@]}" -tAc "select count(*) from bench_db.customers") rows in $(( ($(date +%s%N) - start) / 1000000 )) ms"

ids=MY_NUMBER,CORPORATE_NUMBER,CREDIT_CARD,PHONE,EMAIL,POSTAL_CODE
for i in $(seq 1 "$runs"); do
  for types in all "$ids"; do
    t=(); [[ $types == all ]] || t=(--types "$types")
    /usr/bin/time -f "file     ${types%%,*} %e s, cpu %U+%S s, maxrss %M KB" java -Xmx256m -jar "$jar" scan --no-progress \
      "${t[@]}" --format jsonl --output "$out/file.jsonl" "$csv"
    /usr/bin/time -f "database ${types%%,*} %e s, cpu %U+%S s, maxrss %M KB" java -Xmx256m -jar "$jar" scan --no-progress \
      "${t[@]}" --format jsonl --output "$out/db.jsonl" --db-user "$user" --include 'bench_db.*' "$url"
    strip='s/^\{"file":"[^"]*",//; s/"line":[0-9]+,//; s/,"sheet":"[^"]*"//'
    if [[ $i == 1 ]]; then
      a=$(sed -E "$strip" "$out/file.jsonl" | md5sum); b=$(sed -E "$strip" "$out/db.jsonl" | md5sum)
      echo "findings: file $(wc -l < "$out/file.jsonl"), database $(wc -l < "$out/db.jsonl"), $([[ $a == "$b" ]] && echo identical || echo DIFFERENT)"
    fi
  done
done
