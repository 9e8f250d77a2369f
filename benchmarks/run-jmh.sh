#!/usr/bin/env bash
# JMH: the chrome's per-request cost beside a naive renderer and a plain copy, allocation per
# render (-prof gc), and loading the reference configuration cold and on reload. See BENCHMARKS.md.
#
#   benchmarks/run-jmh.sh [--short] [extra JMH options...]
#
# --short takes a few minutes on 2 cores; the default takes about twice as long.
# Results: benchmarks/target/jmh-results.csv, jmh-summary.md and standard output; exits 1 when a
# target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."

short=false
if [ "${1:-}" = "--short" ]; then short=true; shift; fi

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target

if $short; then
  render=(-f 1 -wi 4 -w 1s -i 5 -r 1s)
  load=(-f 1 -wi 5 -w 1s -i 3 -r 1s)
else
  render=(-f 2 -wi 5 -w 2s -i 5 -r 2s)
  load=(-f 1 -wi 5 -w 2s -i 5 -r 2s)
fi

java -jar "$jar" 'RenderBenchmark' "${render[@]}" -foe true -prof gc -rf csv -rff "$out/jmh-render.csv" "$@"
java -jar "$jar" 'LoadBenchmark' "${load[@]}" -foe true -rf csv -rff "$out/jmh-load.csv" "$@"

{ cat "$out/jmh-render.csv"; tail -n +2 "$out/jmh-load.csv"; } > "$out/jmh-results.csv"
echo
echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
java -cp "$jar" io.sitechrome.benchmarks.JmhSummary "$out/jmh-results.csv" | tee "$out/jmh-summary.md"
