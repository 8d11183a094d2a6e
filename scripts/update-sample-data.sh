#!/usr/bin/env bash
# Rewrites the committed sample data in data/ with the generator's defaults (seed 42), after a deliberate change to the
# generator; SampleDataTest then checks data/ is what the generator writes. Review the change to the report after.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
exec generator/target/marquee sample-data --out data --force
