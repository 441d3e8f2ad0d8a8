#!/usr/bin/env bash
# Benchmark (not a test): the stubbed suite of capture-benchmark.sh (20 tests, 100 requests), run
# once per fresh JVM as `mvn test` runs it, with WireMock alone and with capture, alternately; prints
# the medians of the suites' wall and test-thread CPU times and their ratios (target <= 1.10).
# With `again`, the pact is there before each capturing run (as a committed pact is), so capture
# reads and compares it instead of writing it.
# Run from the repository root. Arguments: JVMs per variant (default 15), again (optional).
set -euo pipefail
module=toolkit/pactwire-consumer
runs=${1:-15}
again=${2:-}
cp_file=$(mktemp)
out=$(mktemp)
trap 'rm -f "$cp_file" "$out"' EXIT
./mvnw -B -q -o -pl $module -am test-compile dependency:build-classpath -Djacoco.skip=true \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
classpath="$(cat "$cp_file"):$module/target/classes:$module/target/test-classes"
seed=
if [[ $again == again ]]; then
  seed_dir=$(mktemp -d)
  trap 'rm -f "$cp_file" "$out"; rm -rf "$seed_dir"' EXIT
  seed=$seed_dir/pact.json
fi
suite() {
  local extra=()
  if [[ $1 == capturing && -n $seed ]]; then extra=("$seed"); fi
  java -Dpact_do_not_track=true -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
    -cp "$classpath" io.pactwire.consumer.benchmark.CaptureBenchmarkMain cold "$1" "${extra[@]}" |
    grep '^cold ' >>"$out"
}
if [[ -n $seed ]]; then
  suite capturing >/dev/null # writes the pact each later capturing run starts from
  : >"$out"
fi
for ((i = 0; i < runs; i++)); do
  # which variant runs first alternates, so that neither always meets a warmer page cache
  if ((i % 2 == 0)); then suite plain; suite capturing; else suite capturing; suite plain; fi
done
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
plain_wall=$(awk '$2 == "plain" {print $3}' "$out" | median)
capt_wall=$(awk '$2 == "capturing" {print $3}' "$out" | median)
plain_cpu=$(awk '$2 == "plain" {print $4}' "$out" | median)
capt_cpu=$(awk '$2 == "capturing" {print $4}' "$out" | median)
awk -v pw="$plain_wall" -v cw="$capt_wall" -v pc="$plain_cpu" -v cc="$capt_cpu" -v n="$runs" 'BEGIN {
  printf "stubbed suite, once per fresh JVM (medians of %d JVMs each): WireMock alone %.0f ms, with capture %.0f ms, ratio %.3f\n", n, pw / 1e6, cw / 1e6, cw / pw
  printf "  CPU time of the test thread: WireMock alone %.0f ms, with capture %.0f ms, ratio %.3f\n", pc / 1e6, cc / 1e6, cc / pc
}'
