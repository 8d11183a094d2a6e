#!/usr/bin/env bash
# Measures PDFs against veraPDF's PDF/UA-1 profile, offline (docs/pdf-accessibility.md):
#   scripts/pdf-ua.sh site/report.pdf [more.pdf ...]
# veraPDF is a test dependency of the generator, so this compiles the tests and runs their PdfUa helper.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: scripts/pdf-ua.sh FILE.pdf [FILE.pdf ...]" >&2; exit 2; }
files=()
for f in "$@"; do files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
cd "$(dirname "$0")/../generator"
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" dev.marquee.pdf.PdfUa "${files[@]}"
