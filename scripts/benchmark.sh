#!/usr/bin/env bash
# Measures the report at growing data sizes (see BENCHMARKS.md) and records the results there.
#   scripts/benchmark.sh                       default data, 100k, 1M and 10M viewing events, CSV.gz and Parquet, 3 runs each
#   scripts/benchmark.sh --sizes 100m --formats parquet
#   scripts/benchmark.sh --no-peer             without the pandas + matplotlib peer (scripts/peer.sh; by default it runs
#                                              after the report at each size, and its time and the report's speed-up
#                                              over it are in the tables)
#   scripts/benchmark.sh --help                every option
# Generated data, built sites, the peer's Python environment and the last results go to bench/ (git-ignored). Takes minutes; not part of mvn verify.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
exec java -cp "benchmark/target/marquee-benchmark.jar:benchmark/target/lib/*" dev.marquee.bench.Benchmark "$@"
