#!/usr/bin/env bash
# Rebuilds the sample catalogue (generator/src/main/resources/sample/catalogue.csv) from the Kaggle file
# "Netflix Movies and TV Shows" (netflix_titles.csv, shivamb); see generator/src/main/resources/sample/README.md.
#   scripts/regenerate-catalogue.sh /path/to/netflix_titles.csv
# then review the git diff. The extraction lives with the tests (CatalogueExtraction), which check its rules.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 /path/to/netflix_titles.csv" >&2; exit 2; }
source_file="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")/.."
mvn -B -q test-compile
classpath="$(mvn -B -q -pl generator dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
exec java -cp "generator/target/test-classes:generator/target/classes:$classpath" dev.marquee.sample.CatalogueExtraction \
    "$source_file" generator/src/main/resources/sample/catalogue.csv
