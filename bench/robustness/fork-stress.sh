#!/usr/bin/env bash
# Parallel capture into one pacts folder, repeated: the reference consumers' test suites
# (consumer/checkout-service and consumer/catalog-indexer, whose tests capture their pacts) run in
# 8 Surefire forks (reuseForks=false) into one empty folder, ROUNDS times; each round's pacts are
# compared byte for byte with those of one serial run (1 fork) of the same suites.
#
#   bench/robustness/fork-stress.sh [ROUNDS]      (default 50)
#
# Prints one line per round (files, differing files, seconds) and a summary: rounds with zero
# differences. Exit 1 when any round differs. Builds the toolkit once first (install -DskipTests
# of the modules the consumers use, into this worktree's reactor only).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-50}"
cd "$root"
export PACT_DO_NOT_TRACK=true pact_do_not_track=true
# the ci-parallel-forks profile (CI=true) would pin forkCount to 4 in the pom: this script sets it
unset CI
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
modules=consumer/checkout-service,consumer/catalog-indexer
common=(-B -ntp -q -pl "$modules" -am -Djacoco.skip=true -Dspotless.check.skip=true
  -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -Dsurefire.failIfNoSpecifiedTests=false
  "-Dtest=io.pactwire.example.**.*Tests")

run() { # run FOLDER FORKS: the suites, writing their pacts into FOLDER
  local dir="$1" forks="$2"
  mkdir -p "$dir"
  ./mvnw "${common[@]}" test -DforkCount="$forks" -DreuseForks=false \
    -Dpactwire.pactsDir="$dir" > "$dir.log" 2>&1 || { echo "fork-stress: the build failed, see below" >&2; tail -40 "$dir.log" >&2; exit 2; }
}

start=$(date +%s)
run "$work/serial" 1
echo "serial run: $(ls "$work/serial" | wc -l) pacts in $(( $(date +%s) - start )) s"
clean=0
for i in $(seq 1 "$rounds"); do
  start=$(date +%s)
  run "$work/round-$i" 8
  differ=0
  files=0
  for f in "$work/serial"/*.json; do
    files=$((files + 1))
    cmp -s "$f" "$work/round-$i/$(basename "$f")" || { differ=$((differ + 1)); echo "  differs: $(basename "$f")"; }
  done
  extra=$(comm -13 <(ls "$work/serial") <(ls "$work/round-$i") | wc -l)
  differ=$((differ + extra))
  [ "$differ" -eq 0 ] && clean=$((clean + 1))
  echo "round $i: $files pacts, $differ differing, $(( $(date +%s) - start )) s"
  rm -rf "$work/round-$i" "$work/round-$i.log"
done
echo "fork-stress: $clean of $rounds rounds (8 forks, reuseForks=false) with zero differences from the serial run"
[ "$clean" -eq "$rounds" ]
