#!/usr/bin/env bash
# Soak test of the demo site (not part of `mvn -B verify`).
#
#   scripts/soak.sh            # build, start the demo, warm up, 60 s of load, verdict
#
# 1. Builds the demo jar (mvn package of examples and the modules it needs; SOAK_SKIP_BUILD=1 to
#    use the jar already in examples/target) and starts it on a free loopback port with a GC log.
# 2. Warms up with wrk, forces a full GC (jcmd GC.run) and notes the used heap (jcmd GC.heap_info).
# 3. Runs wrk for SOAK_SECONDS (60) with SOAK_CONNECTIONS (64) connections, rotating over the
#    decorated pages, fragment endpoints and a static file in several languages (scripts/soak.lua
#    counts every non-2xx response).
# 4. Forces a full GC again and compares the used heap with the one after warm-up.
#
# Passes (exit 0) when there were no non-2xx responses, no socket errors, and the heap after the
# run is at most 10% above the heap after warm-up (SOAK_HEAP_TOLERANCE, in percent); prints the
# figures and a verdict, and exits 1 otherwise. Needs Java 17 with jcmd, Maven and wrk (installed
# with apt-get when missing and running as root). Set SOAK_MAVEN_ARGS=-o to build offline.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_UNDER_LOAD=${SOAK_SECONDS:-60}
CONNECTIONS=${SOAK_CONNECTIONS:-64}
THREADS=${SOAK_THREADS:-2}
WARMUP_SECONDS=${SOAK_WARMUP_SECONDS:-20}
TOLERANCE=${SOAK_HEAP_TOLERANCE:-10}
JAR=examples/target/chrome-examples.jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/site-chrome-soak.XXXXXX")
SERVER_PID=

cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if ! command -v wrk >/dev/null 2>&1; then
  echo "soak: installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
command -v jcmd >/dev/null 2>&1 || { echo "soak: jcmd (JDK 17) is needed"; exit 1; }

if [ "${SOAK_SKIP_BUILD:-0}" != 1 ]; then
  echo "soak: building the demo"
  mvn -B -q ${SOAK_MAVEN_ARGS:-} package -DskipTests -pl examples -am
fi
[ -f "$JAR" ] || { echo "soak: $JAR is missing"; exit 1; }

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "soak: no free port found" >&2
  exit 1
}

# The used heap in KiB after a full collection.
used_heap_after_gc() {
  jcmd "$SERVER_PID" GC.run >/dev/null
  sleep 1
  jcmd "$SERVER_PID" GC.run >/dev/null
  sleep 1
  jcmd "$SERVER_PID" GC.heap_info | awk '
    /Metaspace|class space/ { next }
    / used / { for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); gsub(/[^0-9]/, "", v); total += v } }
    END { print total + 0 }'
}

run_wrk() { # seconds, label
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --timeout 10s --latency -s scripts/soak.lua "http://127.0.0.1:$PORT/" | tee "$WORK/$2.txt"
}

PORT=$(free_port)
echo "soak: starting the demo on 127.0.0.1:$PORT (logs in $WORK)"
java -XX:+UseG1GC -Xms256m -Xmx512m -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" --host 127.0.0.1 --port "$PORT" \
  >"$WORK/demo.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "soak: the demo exited"; cat "$WORK/demo.log"; exit 1; }
  sleep 0.3
done
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" || { echo "soak: the demo does not answer"; exit 1; }

echo "soak: warming up for ${WARMUP_SECONDS}s"
run_wrk "$WARMUP_SECONDS" warmup >/dev/null
HEAP_WARM=$(used_heap_after_gc)
echo "soak: heap after warm-up and a full GC: ${HEAP_WARM} KiB"

echo "soak: ${SECONDS_UNDER_LOAD}s with $CONNECTIONS connections"
run_wrk "$SECONDS_UNDER_LOAD" soak
HEAP_AFTER=$(used_heap_after_gc)
echo "soak: heap after the run and a full GC: ${HEAP_AFTER} KiB"

SUMMARY=$(grep '^SOAK ' "$WORK/soak.txt")
field() { echo "$SUMMARY" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }
RESPONSES=$(field responses)
NON2XX=$(field non2xx)
SOCKET_ERRORS=$(( $(field connect) + $(field read) + $(field write) + $(field timeout) ))
WRK_NON2XX=$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$WORK/soak.txt")
RATE=$(awk '/^Requests\/sec/ { print $2 }' "$WORK/soak.txt")
P99=$(awk '$1 == "99%" { print $2 }' "$WORK/soak.txt")
GROWTH=$(awk -v a="$HEAP_AFTER" -v w="$HEAP_WARM" 'BEGIN { printf "%+.1f", (w > 0 ? (a - w) * 100 / w : 0) }')
FULL_GCS=$(grep -c 'Pause Full' "$WORK/gc.log" || true)

echo
echo "soak: responses ${RESPONSES}, ${RATE} requests/s, p99 latency ${P99}"
echo "soak: non-2xx ${NON2XX} (wrk: ${WRK_NON2XX:-0} non-2xx or 3xx), socket errors ${SOCKET_ERRORS}"
echo "soak: heap ${HEAP_WARM} KiB after warm-up, ${HEAP_AFTER} KiB after the run (${GROWTH}%), ${FULL_GCS} full GCs logged"

verdict=PASS
[ "$RESPONSES" -gt 0 ] || { echo "soak: FAIL: no responses"; verdict=FAIL; }
[ "$NON2XX" -eq 0 ] && [ -z "$WRK_NON2XX" ] || { echo "soak: FAIL: non-2xx responses"; verdict=FAIL; }
[ "$SOCKET_ERRORS" -eq 0 ] || { echo "soak: FAIL: socket errors"; verdict=FAIL; }
awk -v a="$HEAP_AFTER" -v w="$HEAP_WARM" -v t="$TOLERANCE" 'BEGIN { exit !(a <= w * (100 + t) / 100) }' \
  || { echo "soak: FAIL: the heap grew by more than ${TOLERANCE}%"; verdict=FAIL; }
echo "soak: $verdict"
[ "$verdict" = PASS ]
