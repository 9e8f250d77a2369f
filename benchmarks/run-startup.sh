#!/usr/bin/env bash
# Start-up cost of the chrome in a Spring Boot application: starts the Spring Boot example jar N times
# with chrome-spring-boot-starter's auto-configuration and N times without it (excluded), on a free port,
# and prints Spring Boot's own "Started ... in X seconds (process running for Y)" figures and their medians.
# Usage: benchmarks/run-startup.sh [jar] [runs]   (jar: examples/spring-boot/target/chrome-examples-spring-boot.jar)
set -euo pipefail
jar=${1:-examples/spring-boot/target/chrome-examples-spring-boot.jar}
runs=${2:-5}
imports="$(dirname "$0")/../chrome-spring-boot-starter/src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

start_once() {
    java -Xshare:auto -jar "$jar" --server.port=0 "$@" > "$log" 2>&1 &
    local pid=$!
    local started=
    for _ in $(seq 1 3000); do   # a hang guard of 300 s
        if grep -q "Started ChromeExampleApplication" "$log"; then started=yes; break; fi
        if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; return 1; fi
        sleep 0.1
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
    if [ -z "$started" ]; then echo "not started within 300 s" >&2; return 1; fi
    sed -n 's/.*Started ChromeExampleApplication in \([0-9.]*\) seconds (process running for \([0-9.]*\)).*/\1 \2/p' "$log"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for variant in with without; do
    args=()
    # without: every auto-configuration of the starter excluded (its jar stays on the class path)
    [ "$variant" = without ] && args=(--spring.autoconfigure.exclude="$(paste -sd, "$imports")")
    start_once "${args[@]}" > /dev/null   # warm the file system cache
    results=()
    for _ in $(seq 1 "$runs"); do results+=("$(start_once "${args[@]}")"); done
    printf '%s\n' "${results[@]}" | sed "s/^/$variant starter: started in, process running for: /"
    echo "$variant starter: median started in $(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median) s," \
        "process running for $(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median) s"
done
echo "jar: $jar ($(stat -c %s "$jar") bytes)"
