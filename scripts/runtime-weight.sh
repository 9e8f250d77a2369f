#!/usr/bin/env bash
# What an application carries when it depends on chrome-servlet: the chrome-servlet and chrome-core jars
# plus their runtime dependencies (the servlet API is provided by the container and not counted).
# Usage: scripts/runtime-weight.sh   (builds chrome-core and chrome-servlet without tests; -o if offline)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
trap 'rm -f "$out"' EXIT
mvn -B -q "$@" package -DskipTests -Dmaven.javadoc.skip=true -pl chrome-core,chrome-servlet \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$out" >&2
{ tr ':' '\n' < "$out"; echo; ls chrome-servlet/target/chrome-servlet-*.jar | grep -v -- '-sources\|-javadoc'; } \
    | grep . | while read -r jar; do printf '%10d  %s\n' "$(stat -c %s "$jar")" "$(basename "$jar")"; done \
    | sort -rn | awk '{ total += $1; count++; print } END { printf "%10d  total: %d jars, %.2f MB\n", total, count, total / 1e6 }'
