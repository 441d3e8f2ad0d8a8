#!/usr/bin/env bash
# Benchmark, not a test: an N-interaction pact (70 % GETs with query and header rules, 30 % POSTs
# with body rules) served by Pactwire's stubs (pact-jvm judges every candidate), by plain WireMock
# with literal mappings of the same examples, and by the Rust `pact stub` (npm
# @pact-foundation/pact-cli) if it installs. Each server runs in its own JVM/process; a Java load
# client in another process sends every interaction's own example in turn over keep-alive HTTP/1.1
# connections on loopback. Prints requests/s, p50 and p99 latency, the ratios to WireMock, the
# start-up time to the first answered request, and the server's peak resident memory (VmHWM of
# the server process and its children, read after the measured window).
#
# The machine's other work moves these figures; the two JVM servers take turns, ROUNDS times,
# and the median round of each is reported.
#
# Usage: bench/stubs/run.sh [INTERACTIONS] [THREADS] [SECONDS] [WARMUP_SECONDS] [ROUNDS]
# Needs: JDK 17+, python3; node/npm for the Rust stub server (skipped without, or with
# SKIP_PACT_STUB=1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-1000}"
threads="${2:-4}"
seconds="${3:-20}"
warmup="${4:-10}"
rounds="${5:-3}"
work="$here/target"
mkdir -p "$work/classes"
export PACT_DO_NOT_TRACK=true

(cd "$root" && ./mvnw -q -B -ntp -o -pl toolkit/pactwire-stubs -am compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime >/dev/null)
cp="$root/toolkit/pactwire-stubs/target/classes:$root/toolkit/pactwire-core/target/classes:$(cat "$work/cp.txt")"
javac -d "$work/classes" -cp "$cp" "$here/StubServer.java" "$here/LoadClient.java"
python3 "$here/gen-pact.py" "$n" "$work/pact.json" "$work/requests.jsonl"

pact_stub=""
if [ "${SKIP_PACT_STUB:-0}" != 1 ] && command -v npm >/dev/null; then
  if [ ! -x "$here/node_modules/.bin/pact" ]; then
    npm install --prefix "$here" --no-save --no-audit --no-fund @pact-foundation/pact-cli@18.1.2 >/dev/null 2>&1 || true
  fi
  [ -x "$here/node_modules/.bin/pact" ] && pact_stub="$here/node_modules/.bin/pact"
fi

server_pid=""
# stops the server and its children (npm's `pact` runs the Rust binary as a child)
stop_server() {
  if [ -n "$server_pid" ]; then
    pkill -TERM -P "$server_pid" 2>/dev/null || true
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
trap stop_server EXIT

# wait_port FILE: the port a server wrote, once it listens
wait_port() {
  for _ in $(seq 1 600); do
    if [ -s "$1" ]; then cat "$1"; return; fi
    sleep 0.1
  done
  echo "server did not start" >&2; exit 1
}

now_ms() { date +%s%3N; }

# first_answer PORT: waits for the first HTTP answer (any status) from the server
first_answer() {
  for _ in $(seq 1 1200); do
    curl -s -o /dev/null "http://127.0.0.1:$1/__bench-first-request" && return
    sleep 0.05
  done
  echo "server did not answer" >&2; exit 1
}

# peak_rss_mb PID: the peak resident memory of the process and its descendants, in MB
peak_rss_mb() {
  local total=0 p kb
  for p in $1 $(pgrep -P "$1" || true) $(for c in $(pgrep -P "$1" || true); do pgrep -P "$c" || true; done); do
    kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

# measure NAME PORT STARTUP_MS [THREADS WARMUP SECONDS]: measures the server just started; prints
# "NAME rps p50 p99 errors startup_ms peak_rss_mb"
measure() {
  local name="$1" port="$2" startup="$3"
  local out
  out=$(java -cp "$work/classes:$cp" LoadClient "$port" "$work/requests.jsonl" \
    "${4:-$threads}" "${5:-$warmup}" "${6:-$seconds}")
  echo "$name $out $startup $(peak_rss_mb "$server_pid")" | tee -a "$work/results.txt"
}

: > "$work/results.txt"
for round in $(seq 1 "$rounds"); do
  for mode in wiremock pactwire; do
    rm -f "$work/$mode.port"
    t0=$(now_ms)
    java -Xmx512m -cp "$work/classes:$cp" StubServer "$mode" "$work/pact.json" "$work/$mode.port" \
      >"$work/$mode.log" 2>&1 &
    server_pid=$!
    port=$(wait_port "$work/$mode.port")
    first_answer "$port"
    measure "$mode" "$port" "$(( $(now_ms) - t0 ))"
    stop_server
  done
done
if [ -n "$pact_stub" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  t0=$(now_ms)
  "$pact_stub" stub -f "$work/pact.json" -p "$port" -l error >"$work/pact-stub.log" 2>&1 &
  server_pid=$!
  first_answer "$port"
  startup=$(( $(now_ms) - t0 ))
  # it answers a request in seconds, not microseconds, at 1,000 interactions: one client thread,
  # no warm-up, a longer window, so that a few requests are timed at all
  measure "pact-stub" "$port" "$startup" 1 0 90
  stop_server
else
  echo "pact-stub: not run (npm @pact-foundation/pact-cli did not install)"
fi

echo
echo "$n interactions ($(( $(stat -c %s "$work/pact.json") / 1024 )) KB of pact), $threads client threads, ${seconds}s measured after ${warmup}s warm-up, median of $rounds rounds, $(nproc) cores; load: $(uptime | sed 's/.*load average/load average/')"
[ -n "$pact_stub" ] && echo "(pact-stub: 1 client thread, 90 s, no warm-up, one round)"
# the median round (by requests/s) of each server, in the order wiremock, pactwire, pact-stub
for name in wiremock pactwire pact-stub; do
  { grep "^$name " "$work/results.txt" || true; } | sort -k2,2n | awk '{a[NR]=$0} END {if (NR) print a[int((NR+1)/2)]}'
done | awk 'NR==1 {base=$2; p50=$3} {printf "%-10s %8.1f req/s  p50 %8d us  p99 %8d us  errors %d  start-up %6d ms  peak RSS %5d MB  (%.3fx WireMock req/s, %.2fx its p50)\n", $1, $2, $3, $4, $5, $6, $7, $2/base, $3/p50}'
