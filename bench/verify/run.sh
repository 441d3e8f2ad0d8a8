#!/usr/bin/env bash
# Measures `pactwire verify` against a raw keep-alive replay of the same requests, the Rust pact
# verifier (npm @pact-foundation/pact-cli, when it installs) and pact-jvm 4.7.5's JUnit 5 runner,
# all on one generated pact and one provider process, and checks that the verifiers' verdicts are
# the same, interaction by interaction (the pact makes 2 in 100 interactions fail on purpose).
#
#   flock /tmp/bench.lock bench/verify/run.sh [INTERACTIONS] [RUNS]
#       (defaults: 1000 interactions, best of 3 runs; the Rust verifier and pact-jvm's runner run
#        once; flock keeps other benchmarks on the machine from running at the same time)
#
# Needs the CLI's jar and launcher: ./mvnw -B -ntp -pl toolkit/pactwire-cli -am install -DskipTests
# (install, so that the verifier's test classes, pact-jvm's runner among them, resolve).
# PACT_CLI=DIR names a folder holding pact-verifier (else npm installs it into a temporary folder,
# and the Rust verifier is skipped when that fails); SKIP_RUST=1 skips the Rust verifier and
# SKIP_PACT_JVM=1 pact-jvm's runner. AB_OPTS="JVM options" adds AB_RUNS (default 6) pairs of runs
# of `pactwire verify` without and with those options, in turn, and their medians. After the
# timed runs, one more run of `pactwire verify` under /usr/bin/time gives its peak resident
# memory, printed beside the pact's size, and one with --format json its verdicts. Then `pactwire
# verify` and the raw replay run once more each on a pact ten times as large (LARGE=N sets its
# size, LARGE=0 skips it), where start-up weighs a tenth as much; the headline figures stay those
# of the first pact.
#
# Every verifier is timed as a whole process, start-up included, as a user waits for it: pactwire
# through its launcher (after one run that writes its class-data archive), pact-jvm's runner
# through the JUnit Platform launcher on a plain JVM with the test class path, as an IDE runs it
# (Maven resolves that class path first, untimed); its own time inside the JVM, from the first
# interaction to the last, is printed too.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-1000}"
runs="${2:-3}"
pactwire="$root/toolkit/pactwire-cli/target/pactwire"
[ -x "$pactwire" ] || { echo "no $pactwire: build it first (see the header of this script)" >&2; exit 2; }
export PACT_DO_NOT_TRACK=true pact_do_not_track=true
work="$(mktemp -d)"
provider_pid=""
cleanup() {
  if [ -n "$provider_pid" ]; then kill "$provider_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/pacts" "$work/classes"
pact="$work/pacts/bench-consumer-bench-provider.json"
python3 "$root/bench/verify/generate-pact.py" "$n" "$pact" "$work/requests.tsv"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
# the raw replay uses pactwire verify's HTTP client, from its jar
jar="$root/toolkit/pactwire-cli/target/pactwire.jar"
javac -d "$work/classes" -cp "$jar" "$root/bench/verify/BenchProvider.java" "$root/bench/verify/RawReplay.java"
java -Dsun.net.httpserver.nodelay=true -cp "$work/classes" BenchProvider "$port" > "$work/provider.log" 2>&1 &
provider_pid=$!
for _ in $(seq 1 100); do
  if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then break; fi
  sleep 0.1
done

now() { date +%s.%N; }
rate() { python3 -c "print(f'{$1 / $2:.0f}')"; }
best=""
# best_of CMD...: runs the command $runs times, sets $best to the shortest wall time in seconds
# and keeps that run's stdout and stderr in best-out.txt and best-err.txt
best_of() {
  best=""
  for _ in $(seq 1 "$runs"); do
    local t0 t1 s
    t0="$(now)"
    local status=0
    "$@" > "$work/out.txt" 2> "$work/err.txt" || status=$?
    # 1 is a verification with failed interactions, which this pact has on purpose
    if [ "$status" -gt 1 ]; then
      echo "failed ($status): $*" >&2; tail -5 "$work/out.txt" "$work/err.txt" >&2; return 1
    fi
    t1="$(now)"
    s="$(python3 -c "print(f'{$t1 - $t0:.3f}')")"
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $s < $best else 1)"; then
      best="$s"
      cp "$work/out.txt" "$work/best-out.txt"
      cp "$work/err.txt" "$work/best-err.txt"
    fi
  done
}

echo "benchmark: $n interactions ($((n / 4)) with provider states, $((n / 50)) failing on purpose)," \
  "$(nproc) cores, best of $runs runs"
echo "load before: $(uptime | sed 's/.*load average/load average/')"
echo

# the launcher, as users run it; its first run writes the class-data archive, so it is not timed
export PACTWIRE_CACHE="$work/cache"
verify=("$pactwire" verify --provider bench-provider --base-url "$base" --pacts "$work/pacts"
  --state-change-url "$base/_pact/state" --provider-version bench --branch bench --timing)
"${verify[@]}" > /dev/null 2>&1 || [ $? -eq 1 ] || { echo "pactwire verify failed on the benchmark's pact" >&2; exit 1; }
best_of "${verify[@]}"
pw_wall="$best"
pw_inner="$(grep -o '[0-9.]* s (' "$work/best-err.txt" | grep -o '^[0-9.]*')"
echo "pactwire verify:      wall $pw_wall s ($(rate "$n" "$pw_wall")/s with JVM start-up and pact reading);" \
  "verification $pw_inner s ($(rate "$n" "$pw_inner")/s)"
echo "                      (its phases: $(grep -o 'pacts read in.*' "$work/best-err.txt"))"

# AB_OPTS="JVM options" puts the launcher as it is beside the launcher with those options added
# (PACTWIRE_OPTS, which come last and win): AB_RUNS (default 6) pairs of runs, one of each in turn,
# so that both meet the same load; each run's wall time and phases, then the medians
if [ -n "${AB_OPTS:-}" ]; then
  : > "$work/ab.txt"
  for _ in $(seq 1 "${AB_RUNS:-6}"); do
    for variant in as-is with; do
      opts=""; [ "$variant" = with ] && opts="$AB_OPTS"
      t0="$(now)"
      PACTWIRE_OPTS="$opts" "${verify[@]}" > /dev/null 2> "$work/err.txt" || true
      s="$(python3 -c "print(f'{$(now) - $t0:.3f}')")"
      echo "$variant $s $(grep -o 'pacts read in.*' "$work/err.txt")" >> "$work/ab.txt"
    done
  done
  echo "A/B, the launcher as it is and with $AB_OPTS, in turn:"
  sed 's/^/  /' "$work/ab.txt"
  python3 - "$work/ab.txt" "$AB_OPTS" <<'PY'
import re, statistics, sys
runs = {"as-is": [], "with": []}
for line in open(sys.argv[1]):
    variant, wall, phases = line.split(" ", 2)
    # pacts read in, without provider states, with them (the first three of the phases)
    found = re.findall(r"(?:read in|states|with them) ([0-9.]+) s", phases)
    runs[variant].append([float(wall)] + [float(x) for x in found[:3]])
for variant, rows in runs.items():
    name = "as it is" if variant == "as-is" else "with " + sys.argv[2]
    wall, read, without, with_states = (statistics.median(c) for c in zip(*rows))
    print(f"  median, {name}: wall {wall:.3f} s; pacts read {read:.3f} s, without provider states"
          f" {without:.3f} s, with them {with_states:.3f} s")
PY
fi

# the raw replay on the JVM settings pactwire's launcher gives a verification: C1 only on one
# compiler thread, the serial collector, and a class-data archive of the classes it loads (written
# by one untimed run, as pactwire's is); with the JVM's defaults, C2 compiling on the second core
# took half of the replay's time on two cores
jar cf "$work/replay.jar" -C "$work/classes" .
replay=(java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData
  -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$work/replay.jar:$jar")
"${replay[@]}" "-XX:ArchiveClassesAtExit=$work/replay.jsa" RawReplay "$work/requests.tsv" "$base" \
  "$(nproc)" > /dev/null 2>&1 || true
[ -s "$work/replay.jsa" ] && replay+=("-XX:SharedArchiveFile=$work/replay.jsa")
best_of "${replay[@]}" RawReplay "$work/requests.tsv" "$base" "$(nproc)"
raw_wall="$best"
raw_inner="$(grep -o '[0-9.]* s (' "$work/best-out.txt" | grep -o '^[0-9.]*')"
echo "raw keep-alive replay: wall $raw_wall s ($(rate "$n" "$raw_wall")/s); requests $raw_inner s ($(rate "$n" "$raw_inner")/s)"

# the provider's CPU time (from /proc) beside pactwire's own over one run: which one is the bound
provider_cpu() { awk '{print ($14 + $15) / '"$(getconf CLK_TCK)"'}' "/proc/$provider_pid/stat"; }
before="$(provider_cpu)"
/usr/bin/time -f "%M %U %S" -o "$work/rss.txt" "${verify[@]}" > /dev/null 2>&1 || true
after="$(provider_cpu)"
read -r rss user sys < <(tail -1 "$work/rss.txt")
t0="$(now)"
"${verify[@]}" --format json > "$work/pactwire.json" 2> /dev/null || true
json_wall="$(python3 -c "print(f'{$(now) - $t0:.3f}')")"
echo "pactwire verify:      peak resident memory $(( rss / 1024 )) MB; pact $(( $(stat -c %s "$pact") / 1024 )) KB"
echo "CPU time of one run:  pactwire verify $(python3 -c "print(f'{$user + $sys:.2f}')") s;" \
  "the provider $(python3 -c "print(f'{$after - $before:.2f}')") s"
# the text output has no use for the exchanges (every body pretty-printed) that the JSON report shows
echo "pactwire verify --format json (every exchange in the report): wall $json_wall s, once"

large="${LARGE:-$((n * 10))}"
if [ "$large" -gt 0 ]; then
  mkdir -p "$work/large/pacts"
  python3 "$root/bench/verify/generate-pact.py" "$large" "$work/large/pacts/bench-consumer-bench-provider.json" \
    "$work/large/requests.tsv"
  runs=1 best_of "$pactwire" verify --provider bench-provider --base-url "$base" --pacts "$work/large/pacts" \
    --state-change-url "$base/_pact/state" --provider-version bench --branch bench --timing
  large_pw="$best"
  large_inner="$(grep -o '[0-9.]* s (' "$work/best-err.txt" | grep -o '^[0-9.]*')"
  runs=1 best_of "${replay[@]}" RawReplay "$work/large/requests.tsv" "$base" "$(nproc)"
  large_raw="$best"
  echo "at $large interactions, once each:"
  echo "  pactwire verify:      wall $large_pw s ($(rate "$large" "$large_pw")/s); verification $large_inner s" \
    "($(rate "$large" "$large_inner")/s)"
  echo "  raw keep-alive replay: wall $large_raw s ($(rate "$large" "$large_raw")/s);" \
    "raw replay / pactwire verify $(python3 -c "print(f'{$large_pw / $large_raw:.2f}x')") by wall time"
fi

rust=""
pact_cli="${PACT_CLI:-}"
if [ "${SKIP_RUST:-}" = 1 ]; then
  pact_cli="/nonexistent"
elif [ -z "$pact_cli" ]; then
  if (cd "$work" && npm i --silent --no-audit --no-fund @pact-foundation/pact-cli > "$work/npm.log" 2>&1); then
    pact_cli="$work/node_modules/.bin"
  fi
fi
if [ -n "$pact_cli" ] && [ -x "$pact_cli/pact-verifier" ]; then
  runs=1 best_of "$pact_cli/pact-verifier" -f "$pact" --hostname 127.0.0.1 --port "$port" -n bench-provider \
    --state-change-url "$base/_pact/state" --state-change-teardown --no-colour --json "$work/rust.json"
  rust="$best"
  echo "Rust pact verifier:   wall $rust s ($(rate "$n" "$rust")/s)"
else
  echo "Rust pact verifier:   skipped (SKIP_RUST=1, or npm could not install @pact-foundation/pact-cli)"
fi

jvm="" jvm_inner=""
if [ "${SKIP_PACT_JVM:-}" != 1 ]; then
  verifier="$root/toolkit/pactwire-verifier"
  bench_pacts="$verifier/target/bench-pacts"
  rm -rf "$bench_pacts" && mkdir -p "$bench_pacts" && cp "$pact" "$bench_pacts/"
  if (cd "$root" && nice -n 15 ./mvnw -B -ntp -q -pl toolkit/pactwire-verifier test-compile -Djacoco.skip=true \
    org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" > "$work/mvn.log" 2>&1); then
    runs=1 best_of bash -c 'cd "$1" && exec java -Dpact_do_not_track=true -Dbench.port="$2" \
      -Dbench.verdicts="$3" -cp "target/test-classes:target/classes:$(cat "$4")" \
      io.pactwire.verifier.PactJvmRunnerBenchmark' - "$verifier" "$port" "$work/pact-jvm.tsv" \
      "$work/classpath.txt"
    jvm="$best"
    jvm_inner="$(grep -o 'in [0-9.]* s' "$work/best-out.txt" | grep -o '[0-9.]*' || true)"
  else
    echo "pact-jvm's runner could not be built:" >&2; tail -20 "$work/mvn.log" >&2
  fi
  rm -rf "$bench_pacts"
  if [ -n "$jvm" ]; then
    echo "pact-jvm JUnit 5:     wall $jvm s ($(rate "$n" "$jvm")/s, through the JUnit Platform launcher);" \
      "inside its JVM $jvm_inner s ($(rate "$n" "$jvm_inner")/s)"
  else
    echo "pact-jvm JUnit 5:     no result (see above)"
  fi
fi

# the verdicts, interaction by interaction: pactwire's JSON report, pact-jvm's runner's list and
# the Rust verifier's JSON report
differ=""
python3 - "$work/pactwire.json" "$work/pact-jvm.tsv" "$work/rust.json" <<'PY' || differ=1
import json, os, sys
verdicts = {}
report = json.load(open(sys.argv[1]))
verdicts["pactwire verify"] = {i["description"]: i["success"]
                               for p in report["pacts"] for i in p["interactions"]}
if os.path.exists(sys.argv[2]):
    verdicts["pact-jvm JUnit 5"] = {d: v == "passed" for v, d in
                                    (line.rstrip("\n").split("\t", 1) for line in open(sys.argv[2]))}
if os.path.exists(sys.argv[3]):
    verdicts["Rust pact verifier"] = {r["description"]: r["result"] == "OK"
                                      for r in json.load(open(sys.argv[3]))["interactionResults"]}
ours = verdicts["pactwire verify"]
for name, theirs in verdicts.items():
    passed = sum(theirs.values())
    same = "" if name == "pactwire verify" else (
        "; the same verdict as pactwire verify on every interaction" if theirs == ours else
        "; DIFFERENT from pactwire verify on: " + ", ".join(sorted(
            d for d in set(ours) | set(theirs) if ours.get(d) != theirs.get(d)))[:400])
    print(f"verdicts: {name + ':':20} {passed} passed, {len(theirs) - passed} failed{same}")
sys.exit(0 if all(v == ours for v in verdicts.values()) else 1)
PY
echo
echo "load after: $(uptime | sed 's/.*load average/load average/')"
echo "ratios (interactions/s; each verifier by wall time, start-up included):"
if [ -n "$jvm" ]; then
  echo "  pactwire verify / pact-jvm JUnit 5:  $(python3 -c "print(f'{$jvm / $pw_wall:.1f}x')")" \
    "($(python3 -c "print(f'{$jvm_inner / $pw_wall:.1f}x')") against pact-jvm's time inside its JVM)"
fi
echo "  raw replay / pactwire verify:         $(python3 -c "print(f'{$pw_wall / $raw_wall:.2f}x')") by wall time," \
  "$(python3 -c "print(f'{$pw_inner / $raw_inner:.2f}x')") by verification time"
[ -n "$rust" ] && echo "  pactwire verify / Rust verifier:      $(python3 -c "print(f'{$rust / $pw_wall:.2f}x')")"
[ -z "$differ" ] || { echo "the verdicts differ (above)" >&2; exit 1; }
exit 0
