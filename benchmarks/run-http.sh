#!/usr/bin/env bash
# HTTP throughput: wrk against embedded Jetty on 127.0.0.1 serving the reference page three ways in
# one JVM: (a) static, the page with the chrome already in it; (b) filter, ChromeFilter adding the
# chrome; (c) sitemesh, SiteMesh 3 decorating the page with the same chrome as static HTML; and a
# page with a 2.7 KB body and one with a 160 KB body, static and filter (static-small, filter-small,
# static-large, filter-large), all written to the writer as one String; and the same two pages written
# to the output stream as UTF-8 bytes (static-small-bytes ... filter-large-bytes: reported, no target).
# TARGETS="static filter" runs only those. See BENCHMARKS.md.
#
#   benchmarks/run-http.sh [--short]
#
# Each target is warmed up (5 s; --short: 3 s), then measured in ROUNDS rounds (3)
# that take the targets in turn (10 s each; --short: 5 s), so that a change in the machine's load
# touches all of them alike. Reported: the median round of each target, its latency percentiles,
# the errors of all rounds, and the server's CPU time per request. WRK_THREADS, WRK_CONNECTIONS
# and ROUNDS override the defaults; SERVER_OPTS adds JVM options to the server; SKIP_BUILD=1 uses
# the jar as it is.
# Results: benchmarks/target/http-results.txt (wrk's reports), http-summary.md and standard output.
# Exits 1 when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=10 warmup=5 rounds=${ROUNDS:-3}
if [ "${1:-}" = "--short" ]; then duration=5 warmup=3; fi
threads=${WRK_THREADS:-1}
connections=${WRK_CONNECTIONS:-16}

if ! command -v wrk >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk; }
fi
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi

out=benchmarks/target
log="$out/http-server.log"
results="$out/http-results.txt"
java -Xms1g -Xmx1g ${SERVER_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp benchmarks/target/benchmarks.jar io.sitechrome.benchmarks.HttpTargets --max-seconds 900 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 240); do
  grep -q '^READY' "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
grep -q '^READY' "$log" || { echo "the HTTP targets did not start:"; cat "$log"; exit 1; }
cookie=$(grep '^COOKIE ' "$log" | cut -d' ' -f2-)
grep '^BYTES \|^SAME ' "$log"

ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
url() { grep "^TARGET $1 " "$log" | cut -d' ' -f3; }

: >"$results"
all_targets="static filter sitemesh static-small filter-small static-large filter-large static-small-bytes filter-small-bytes static-large-bytes filter-large-bytes"
targets=${TARGETS:-$all_targets}
for name in $targets; do
  wrk -t"$threads" -c"$connections" -d"${warmup}s" -H "Cookie: $cookie" "$(url "$name")" >/dev/null
done
for round in $(seq "$rounds"); do
  for name in $targets; do
    before=$(cpu)
    report=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "Cookie: $cookie" "$(url "$name")")
    after=$(cpu)
    { echo "== $name round $round cpu_ticks $((after - before)) ticks_per_s $ticks"; echo "$report"; } >>"$results"
  done
done

echo
echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t$threads -c$connections, $rounds rounds of ${duration}s (warm-up ${warmup}s)"
awk -v targets="$targets" '
  /^== / { name = $2; r = ++count[name]; cpu[name, r] = $6 / $8; errors[name] += 0 }
  /requests in/ { req[name, r] = $1 }
  /^Requests\/sec:/ { rps[name, r] = $2 }
  /^ +50%/ { p50[name, r] = $2 } /^ +90%/ { p90[name, r] = $2 } /^ +99%/ { p99[name, r] = $2 }
  /Socket errors:/ { line = $0; gsub(/[^0-9 ]/, " ", line); n = split(line, f, " "); for (i = 1; i <= n; i++) errors[name] += f[i] }
  /Non-2xx or 3xx responses:/ { errors[name] += $NF }
  # a target of 0 is reported without one (it does not decide the exit status)
  function ratio(label, top, bottom, target,   v) {
    if (!(top in median) || !(bottom in median)) return
    v = median[top] / median[bottom]
    if (target > 0) {
      printf "%-40s = %.2f  (target >= %.1f: %s)   server CPU per request: %s / %s = %.2f\n", label, v, target, (v >= target ? "met" : "MISSED"), bottom, top, cpureq[bottom] / cpureq[top]
      if (v < target) missed++
    } else {
      printf "%-40s = %.2f  (no target)            server CPU per request: %s / %s = %.2f\n", label, v, bottom, top, cpureq[bottom] / cpureq[top]
    }
  }
  END {
    k = split(targets, names, " ")
    print "| target | requests/s (median round) | all rounds | p50 | p90 | p99 | errors | server CPU per request |"
    print "|---|---|---|---|---|---|---|---|"
    for (x = 1; x <= k; x++) {
      t = names[x]; n = count[t]
      for (i = 1; i <= n; i++) order[i] = i
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (rps[t, order[j]] < rps[t, order[i]]) { y = order[i]; order[i] = order[j]; order[j] = y }
      m = order[int((n + 1) / 2)]; median[t] = rps[t, m]
      all = ""; for (i = 1; i <= n; i++) all = all (i > 1 ? ", " : "") sprintf("%.0f", rps[t, i])
      c = 0; q = 0; for (i = 1; i <= n; i++) { c += cpu[t, i]; q += req[t, i] }
      cpureq[t] = c * 1e6 / q
      printf "| %s | %.0f | %s | %s | %s | %s | %d | %.0f µs |\n", t, median[t], all, p50[t, m], p90[t, m], p99[t, m], errors[t], cpureq[t]
      bad += errors[t]
    }
    print ""
    ratio("filter / static, 22 KB page", "filter", "static", 0.9)
    ratio("filter / static, 2.7 KB body", "filter-small", "static-small", 0.9)
    ratio("filter / static, 160 KB body", "filter-large", "static-large", 0.9)
    ratio("filter / static, 2.7 KB body as bytes", "filter-small-bytes", "static-small-bytes", 0)
    ratio("filter / static, 160 KB body as bytes", "filter-large-bytes", "static-large-bytes", 0)
    ratio("filter / sitemesh", "filter", "sitemesh", 2.5)
    printf "%-40s = %d     (target 0: %s)\n", "errors", bad, (bad == 0 ? "met" : "MISSED")
    exit (missed == 0 && bad == 0) ? 0 : 1
  }' "$results" | tee "$out/http-summary.md"
