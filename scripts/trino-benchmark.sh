#!/usr/bin/env bash
# The report on Trino against embedded DuckDB, at 1M and 10M viewing events (the Trino column of BENCHMARKS.md).
#   scripts/trino-benchmark.sh [sessions ...]      default: 1000000 10000000
# Writes sample data and its Parquet export under bench/trino/ (git-ignored), starts a throwaway Trino server on
# 127.0.0.1 (scripts/trino-server.sh), registers the tables, times both engines and prints a Markdown table. Trino runs
# the report twice: each statement computing the layer tables it reads (the default), and with --scratch-schema, the
# layer built once in hive.scratch.
# The server gets TRINO_HEAP (default 12G) and TRINO_QUERY_MEMORY (default 8GB), sized for a 24 GiB machine: the tests'
# 2 GB of query memory is not enough at 10M events. Spill files go to bench/trino/spill.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
mvn -B -q package -DskipTests
jar=generator/target/marquee.jar
marquee=generator/target/marquee   # the launcher a user runs (class-data archive, JVM settings)
work=bench/trino; mkdir -p "$work"
server="$work/server"; lake="$work/lake"
export TRINO_HEAP=${TRINO_HEAP:-12G} TRINO_QUERY_MEMORY=${TRINO_QUERY_MEMORY:-8GB} TRINO_SPILL_DIR=${TRINO_SPILL_DIR:-$work/spill}
trap 'bash scripts/trino-server.sh stop "$server" >/dev/null 2>&1 || true' EXIT
for n in "${sizes[@]}"; do
  [ -f "$work/data-$n/viewing_sessions.csv.gz" ] || "$marquee" sample-data --out "$work/data-$n" --sessions "$n" >/dev/null
  rm -rf "$lake/s$n"; "$marquee" export --format parquet --data "$work/data-$n" --out "$lake/s$n" >/dev/null
done
rm -rf "$server" "$lake/metastore"
start=$(date +%s.%N)
port=$(bash scripts/trino-server.sh start "$server" "$lake")
started=$(echo "$(date +%s.%N) - $start" | bc)
echo "CREATE SCHEMA IF NOT EXISTS hive.scratch" > "$work/scratch.sql"
java -cp "$jar:benchmark/target/marquee-benchmark.jar" dev.marquee.bench.SqlScript "jdbc:trino://127.0.0.1:$port/hive" "$work/scratch.sql"
echo "| viewing events | DuckDB report (s) | Trino report (s) | Trino ÷ DuckDB | Trino, --scratch-schema (s) | ÷ DuckDB |"
echo "|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  sed -e "s/hive\.marquee/hive.s$n/g" -e "s/sync_partition_metadata('marquee'/sync_partition_metadata('s$n'/" \
      -e "s#local:///s$n#local:///s$n#g" "$lake/s$n/trino.sql" > "$work/register-$n.sql"
  java -cp "$jar:benchmark/target/marquee-benchmark.jar" dev.marquee.bench.SqlScript "jdbc:trino://127.0.0.1:$port/hive" "$work/register-$n.sql"
  t0=$(date +%s.%N); MARQUEE_JAVA_OPTS=-Xmx512m "$marquee" build --data "$work/data-$n" --out "$work/site-duck-$n" --as-of 2024-12-31 >/dev/null
  duck=$(echo "$(date +%s.%N) - $t0" | bc)
  t0=$(date +%s.%N); MARQUEE_JAVA_OPTS=-Xmx512m "$marquee" build --engine "jdbc:trino://127.0.0.1:$port/hive/s$n" --out "$work/site-trino-$n" --as-of 2024-12-31 >/dev/null
  trino=$(echo "$(date +%s.%N) - $t0" | bc)
  t0=$(date +%s.%N); MARQUEE_JAVA_OPTS=-Xmx512m "$marquee" build --engine "jdbc:trino://127.0.0.1:$port/hive/s$n" --scratch-schema hive.scratch \
      --out "$work/site-scratch-$n" --as-of 2024-12-31 >/dev/null
  scratch=$(echo "$(date +%s.%N) - $t0" | bc)
  cmp -s <(cd "$work/site-trino-$n" && find . -type f -exec sha256sum {} + | sort) \
         <(cd "$work/site-scratch-$n" && find . -type f -exec sha256sum {} + | sort) \
      || { echo "the site built with --scratch-schema differs from the other Trino site at $n events" >&2; exit 1; }
  printf '| %s | %.1f | %.1f | %.1f× | %.1f | %.1f× |\n' "$n" "$duck" "$trino" "$(echo "$trino / $duck" | bc -l)" \
      "$scratch" "$(echo "$scratch / $duck" | bc -l)"
done
printf '\nTrino server start: %.0f s (single node on this machine, heap %s, query memory %s).\n' "$started" "$TRINO_HEAP" "$TRINO_QUERY_MEMORY"
