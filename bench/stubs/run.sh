#!/usr/bin/env bash
# Benchmark, not a test: an N-interaction pact (70 % GETs with query and header rules, 30 % POSTs
# with body rules) served by Pactwire's stubs (pact-jvm judges the candidate stubs of a request's
# method and path), by plain WireMock with literal mappings of the same examples, and by the Rust
# `pact stub` (npm @pact-foundation/pact-cli) if it installs; beside them a "floor" server, the
# Jetty WireMock runs on answering one fixed response with no matching, measured the same way: what
# the machine, the client and the HTTP server take before any stub is asked. Each server runs in
# its own JVM/process; a Java load client in another process sends every interaction's own example
# in turn over keep-alive HTTP/1.1 connections on loopback, one plain socket and thread per
# connection, requests built before the run and nothing allocated per request (LoadClient.java),
# so that the client is cheap and the same for every server. Its response reader is checked once
# against the JDK's HTTP server (Content-Length, chunked, empty bodies), and against the JDK's
# HttpClient on each server before it is measured (the same status and body for the first 1,000
# requests of the mix; the first one for the Rust stub, whose requests take seconds). Prints requests/s, p50 and p99 latency, the
# ratios to WireMock, the start-up time from starting the process to the first answered request of
# the mix (interaction 0's GET, answered 200), and the server's peak resident memory (VmHWM of the
# server process and its children, read after the measured window).
#
# The Rust `pact stub` 0.7.1 clones, for every request, the whole pact once per interaction before
# it filters by method and path: its time and memory per request grow with the square of the
# interactions of one pact file (at 1,000, seconds and gigabytes per request). It is therefore
# measured on the same interactions written one per pact file (`-d`, "pact-stub"), where that cost
# grows linearly, and, up to 2,000 interactions, on the one pact file ("pact-stub-1file", one client
# thread, no warm-up, 60 s). It runs as its binary, not through npm's node wrapper.
#
# The machine's other work moves these figures; the JVM servers take turns, ROUNDS times,
# and the median round of each is reported.
#
# Saturated, the p99 measures the queue more than the server: the client's connections, the
# server's threads and the JIT share the cores. So each server, once measured saturated, is also
# measured at a fixed arrival rate well below its saturation (RATE requests/s, default 500; RATE=0
# leaves it out; RATE=auto: half the rate WireMock sustained saturated in the same round, for a
# machine busy enough that 500 is not well below it), the requests sent on a fixed schedule and
# each latency taken from the request's scheduled time (a request held up behind a slow one counts
# its wait: no coordinated omission). The JVM servers of a round (and the floor) get the same
# rate. The Rust stub, which saturates at a few requests per second, gets half its saturated rate.
#
# Beside them, the stub server as users run it: `pactwire stub --pacts pact.json --provider ...
# --port N` through the shipped launcher (toolkit/pactwire-cli's bin/pactwire beside the
# pactwire.jar the build makes), measured the same way: "pactwire-cli" with its class-data-sharing
# archive (written, before the rounds, by one first run stopped with SIGTERM as a user stops it; that
# run's start-up is printed too), "pactwire-cli-nocds" with PACTWIRE_CDS=off. They run with the
# launcher's own JVM options (its heap default, not -Xmx512m; not SERVER_OPTS), as users get them.
# STARTS=N adds, in every round, N more start-ups of each JVM server, each timed to its first answer
# and stopped (no load): the start-up table lists every one, side by side by round. SKIP_CLI_BUILD=1
# uses the pactwire.jar already built.
#
# SERVER_OPTS adds JVM options to both JVM servers alike (for instance -XX:TieredStopAtLevel=1, the
# client compiler only: on two busy cores the optimising compiler takes a core for the first tens of
# seconds of a server).
#
# Usage: bench/stubs/run.sh [INTERACTIONS] [THREADS] [SECONDS] [WARMUP_SECONDS] [ROUNDS]
# Needs: JDK 17+, python3, curl; node/npm for the Rust stub server (skipped without, or with
# SKIP_PACT_STUB=1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-1000}"
threads="${2:-4}"
seconds="${3:-20}"
warmup="${4:-10}"
rounds="${5:-3}"
rate="${RATE:-500}"
work="$here/target"
mkdir -p "$work/classes"
export PACT_DO_NOT_TRACK=true

# the build is niced (the measured servers are not); the plugin is named in full, so that an offline
# build resolves it without plugin-group metadata
(cd "$root" && nice -n 15 ./mvnw -q -B -ntp -o -pl toolkit/pactwire-stubs -am compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime >/dev/null)
cp="$root/toolkit/pactwire-stubs/target/classes:$root/toolkit/pactwire-core/target/classes:$(cat "$work/cp.txt")"
launcher="$root/toolkit/pactwire-cli/target/pactwire"
if [ "${SKIP_CLI_BUILD:-0}" != 1 ]; then
  (cd "$root" && nice -n 15 ./mvnw -q -B -ntp -o -pl toolkit/pactwire-cli -am package -DskipTests >/dev/null)
fi
[ -x "$launcher" ] && [ -f "${launcher%/*}/pactwire.jar" ] || { echo "no $launcher beside its pactwire.jar" >&2; exit 1; }
# the launcher's class archive lives here, made afresh by this run
export PACTWIRE_CACHE="$work/pactwire-cache"
rm -rf "$PACTWIRE_CACHE"
javac -d "$work/classes" -cp "$cp" "$here/StubServer.java" "$here/LoadClient.java"
# the client's heap is set at start and large enough for its samples: it does not collect in the
# window (it allocates nothing per request)
client=(java -Xms256m -Xmx256m -XX:+UseSerialGC -XX:-UsePerfData -cp "$work/classes:$cp" LoadClient)
"${client[@]}" --self-test
python3 "$here/gen-pact.py" "$n" "$work/pact.json" "$work/requests.jsonl"

pact_stub=""
if [ "${SKIP_PACT_STUB:-0}" != 1 ] && command -v npm >/dev/null; then
  if [ ! -d "$here/node_modules/@pact-foundation/pact-cli" ]; then
    npm install --prefix "$here" --no-save --no-audit --no-fund @pact-foundation/pact-cli@18.1.2 >/dev/null 2>&1 || true
  fi
  pact_stub=$(find "$here/node_modules/@pact-foundation" -path '*/standalone/pact' -type f 2>/dev/null | head -1)
  [ -z "$pact_stub" ] && [ -x "$here/node_modules/.bin/pact" ] && pact_stub="$here/node_modules/.bin/pact"
fi
if [ -n "$pact_stub" ]; then
  # the same interactions, one pact file each
  rm -rf "$work/pact-split" && mkdir -p "$work/pact-split"
  python3 - "$work/pact.json" "$work/pact-split" <<'PY'
import json, sys
pact = json.load(open(sys.argv[1]))
for i, interaction in enumerate(pact["interactions"]):
    one = dict(pact, interactions=[interaction])
    with open(f"{sys.argv[2]}/{i:06d}.json", "w") as f:
        json.dump(one, f)
PY
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
  for _ in $(seq 1 3000); do
    if [ -s "$1" ]; then cat "$1"; return; fi
    sleep 0.1
  done
  echo "server did not start" >&2; exit 1
}

now_ms() { date +%s%3N; }

# first_answer PORT: waits for the first answer to the mix's first request (gen-pact.py's
# interaction 0), answered 200
first_answer() {
  for _ in $(seq 1 3000); do
    curl -sf -o /dev/null -H 'Accept: application/json' "http://127.0.0.1:$1/items/0?view=full" && return
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

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# start_server MODE: starts the server MODE in the background (server_pid) and returns once it
# answers the mix's first request, with its port in $port and the time from start to that answer
# in $startup
start_server() {
  local mode="$1" t0
  rm -f "$work/$mode.port"
  case "$mode" in
    pactwire-cli*)
      port=$(free_port)
      t0=$(now_ms)
      if [ "$mode" = pactwire-cli-nocds ]; then
        PACTWIRE_CDS=off "$launcher" stub --pacts "$work/pact.json" --provider bench-provider --port "$port" \
          >"$work/$mode.log" 2>&1 &
      else
        "$launcher" stub --pacts "$work/pact.json" --provider bench-provider --port "$port" \
          >"$work/$mode.log" 2>&1 &
      fi
      server_pid=$!
      ;;
    *)
      t0=$(now_ms)
      # shellcheck disable=SC2086 # SERVER_OPTS is a word list
      java -Xmx512m ${SERVER_OPTS:-} -cp "$work/classes:$cp" StubServer "$mode" "$work/pact.json" "$work/$mode.port" \
        >"$work/$mode.log" 2>&1 &
      server_pid=$!
      port=$(wait_port "$work/$mode.port")
      ;;
  esac
  first_answer "$port"
  startup=$(( $(now_ms) - t0 ))
}

# measure NAME PORT STARTUP_MS [THREADS WARMUP SECONDS]: measures the server just started; prints
# "NAME rps p50 p99 errors startup_ms peak_rss_mb"
measure() {
  local name="$1" port="$2" startup="$3"
  local out
  # the client reads what the JDK's client reads, before it measures
  local checked=1000
  [ "$name" = pact-stub ] && checked=1
  [ "$name" = pact-stub-1file ] && checked=0
  "${client[@]}" "$port" "$work/requests.jsonl" check "$checked"
  out=$("${client[@]}" "$port" "$work/requests.jsonl" \
    "${4:-$threads}" "${5:-$warmup}" "${6:-$seconds}")
  echo "$name $out $startup $(peak_rss_mb "$server_pid")" | tee -a "$work/results.txt"
}

# measure_rate NAME PORT RATE [THREADS WARMUP SECONDS]: measures the server just measured at a fixed
# arrival rate; prints "NAME rate achieved-rps p50 p99 p99.9 max errors"
measure_rate() {
  local name="$1" port="$2" r="$3"
  local out
  out=$("${client[@]}" "$port" "$work/requests.jsonl" \
    "${4:-$threads}" "${5:-$warmup}" "${6:-$seconds}" "$r")
  echo "$name $r $out" | tee -a "$work/results-rate.txt"
}

: > "$work/results.txt"
: > "$work/results-rate.txt"
archive_file() { find "$PACTWIRE_CACHE" -name '*-stub.jsa' -o -name '*-stub.aot' 2>/dev/null | head -1; }
# the first run a user makes: no archive yet; stopped with SIGTERM, it writes one
start_server pactwire-cli
first_start=$startup
"${client[@]}" "$port" "$work/requests.jsonl" check 1000
stop_server
for _ in $(seq 1 100); do [ -n "$(archive_file)" ] && break; sleep 0.1; done
[ -n "$(archive_file)" ] || { echo "pactwire stub wrote no class archive when stopped" >&2; exit 1; }
echo "pactwire-cli first run (no archive yet): start-up $first_start ms; wrote $(archive_file | sed 's/.*\///') ($(( $(stat -c %s "$(archive_file)") / 1048576 )) MB)"
archive_written=$(stat -c %Y "$(archive_file)")

: > "$work/startup.txt"
for round in $(seq 1 "$rounds"); do
  for mode in wiremock pactwire pactwire-cli pactwire-cli-nocds floor; do
    for _ in $(seq 1 "${STARTS:-0}"); do
      start_server "$mode"
      echo "$round $mode $startup" >> "$work/startup.txt"
      stop_server
    done
    start_server "$mode"
    echo "$round $mode $startup" >> "$work/startup.txt"
    measure "$mode" "$port" "$startup"
    if [ "$rate" = auto ] && [ "$mode" = wiremock ]; then
      round_rate=$(tail -1 "$work/results.txt" | awk '{printf "%d", $2 / 2}')
    elif [ "$rate" != auto ]; then
      round_rate="$rate"
    fi
    [ "$rate" != 0 ] && measure_rate "$mode" "$port" "$round_rate"
    stop_server
  done
done
[ "$(stat -c %Y "$(archive_file)")" = "$archive_written" ] \
  || echo "warning: the launcher wrote its class archive again during the rounds" >&2
# pact_stub_run NAME THREADS WARMUP SECONDS ARGS...: starts the Rust stub server and measures it
pact_stub_run() {
  local name="$1" th="$2" wu="$3" secs="$4"
  shift 4
  local port t0
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  t0=$(now_ms)
  "$pact_stub" stub "$@" -p "$port" -l error >"$work/$name.log" 2>&1 &
  server_pid=$!
  first_answer "$port"
  measure "$name" "$port" "$(( $(now_ms) - t0 ))" "$th" "$wu" "$secs"
  if [ "$rate" != 0 ] && [ "$name" = pact-stub ] && [ "$n" -le 2000 ]; then
    # half the rate it sustained saturated, over 60 s
    local half
    half=$(awk -v n="$name" '$1 == n {r = $2} END {printf "%.2f", r / 2}' "$work/results.txt")
    measure_rate "$name" "$port" "$half" "$th" 0 60
  fi
  stop_server
}
if [ -n "$pact_stub" ]; then
  if [ "$n" -le 2000 ]; then
    pact_stub_run pact-stub "$threads" "$warmup" "$seconds" -d "$work/pact-split"
  else
    # a request takes it tens of seconds here: one client thread, no warm-up, 90 s
    pact_stub_run pact-stub 1 0 90 -d "$work/pact-split"
  fi
  if [ "$n" -le 2000 ]; then
    pact_stub_run pact-stub-1file 1 0 60 -f "$work/pact.json"
  else
    echo "pact-stub-1file: not run above 2,000 interactions (its memory per request grows with the square of the interactions of one file)"
  fi
else
  echo "pact-stub: not run (npm @pact-foundation/pact-cli did not install)"
fi

echo
opts_note=""
[ -n "${SERVER_OPTS:-}" ] && opts_note=" JVM servers run with $SERVER_OPTS,"
echo "$n interactions ($(( $(stat -c %s "$work/pact.json") / 1024 )) KB of pact),$opts_note pactwire-cli* through the launcher with its own options, $threads client threads, ${seconds}s measured after ${warmup}s warm-up, median of $rounds rounds, $(nproc) cores; load: $(uptime | sed 's/.*load average/load average/')"
[ -n "$pact_stub" ] && echo "(pact-stub: one pact file per interaction, one round, above 2,000 interactions 1 client thread, 90 s, no warm-up; pact-stub-1file: the one pact file, 1 client thread, 60 s, no warm-up, one round)"
# the median round (by requests/s) of each server, in the order wiremock, pactwire, pactwire-cli,
# pactwire-cli-nocds, pact-stub, pact-stub-1file, floor
for name in wiremock pactwire pactwire-cli pactwire-cli-nocds pact-stub pact-stub-1file floor; do
  { grep "^$name " "$work/results.txt" || true; } | sort -k2,2n | awk '{a[NR]=$0} END {if (NR) print a[int((NR+1)/2)]}'
done | awk 'NR==1 {base=$2; p50=$3} {printf "%-19s %8.1f req/s  p50 %8d us  p99 %8d us  errors %d  start-up %6d ms  peak RSS %5d MB  (%.3fx WireMock req/s, %.2fx its p50)\n", $1, $2, $3, $4, $5, $6, $7, $2/base, $3/p50}'
echo
echo "Start-up to the first answer, ms (every start, by round; median over all starts):"
awk '{v[$2] = v[$2] " " $3; all[$2, ++c[$2]] = $3}
  END {
    split("wiremock pactwire pactwire-cli pactwire-cli-nocds floor", order, " ")
    for (i = 1; i <= 5; i++) {
      m = order[i]; if (!c[m]) continue
      k = c[m]; for (a = 1; a <= k; a++) s[a] = all[m, a]
      for (a = 1; a <= k; a++) for (b = a + 1; b <= k; b++) if (s[b] < s[a]) {t = s[a]; s[a] = s[b]; s[b] = t}
      med = (k % 2) ? s[(k + 1) / 2] : (s[k / 2] + s[k / 2 + 1]) / 2
      printf "%-19s median %6d  (%d starts:%s)\n", m, med, k, v[m]
    }
  }' "$work/startup.txt"
awk '{r[$1] = r[$1] sprintf(" %s=%s", $2, $3)} END {for (i = 1; i in r; i++) print "  round " i ":" r[i]}' "$work/startup.txt"
if [ -s "$work/results-rate.txt" ]; then
  echo
  # every round, in order: the servers of a round got the same rate, which may differ between
  # rounds (RATE=auto)
  echo "At a fixed arrival rate ($threads connections; latency from each request's scheduled send time; every round; achieved below offered: the server fell behind):"
  awk '{printf "%-19s %8.2f req/s offered %8.1f achieved  p50 %8d us  p99 %8d us  p99.9 %8d us  max %8d us  errors %d\n", $1, $2, $3, $4, $5, $6, $7, $8}' "$work/results-rate.txt"
fi
