#!/usr/bin/env bash
# bench/store: whole-process times of the store commands over a generated store of 10,000 pact
# versions, 200 pacticipants and 50,000 verification records (gen-store.py), run with the CLI's
# launcher as a CI job would. Prints the median of RUNS runs of each. Target: can-i-deploy <= 1 s.
# Each run holds /tmp/bench.lock (flock; BENCH_LOCK to change), so that no other benchmark on the
# machine runs at the same time; each line ends with the load average (1 minute) before its runs.
#
# usage: bench/store/run.sh   (after ./mvnw -pl toolkit/pactwire-cli -am package)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${RUNS:-5}"
cli="$PWD/toolkit/pactwire-cli/target/pactwire"
[ -x "$cli" ] || { echo "bench/store: build the CLI first: ./mvnw -pl toolkit/pactwire-cli -am package" >&2; exit 2; }
work="$PWD/.bench/store"
export PACTWIRE_CACHE="$work/cache"
store="$work/repo/pacts"
# KEEP=1 reuses the store a previous run generated (generating and committing it takes minutes)
if [ "${KEEP:-0}" != 1 ] || [ ! -d "$work/repo/.git" ]; then
  rm -rf "$work"
  mkdir -p "$store"
  echo "generating: $(python3 bench/store/gen-store.py "$store")"
  # the store in git, as a repository keeps it; 10 pacts then change for `changed`
  git -C "$work/repo" init -q -b main
  git -C "$work/repo" add -A
  git -C "$work/repo" -c user.name=bench -c user.email=bench@example.com commit -q -m store
fi
rm -rf "$store/publications/bench-consumer"
echo "files in the store: $(find "$store" -type f | wc -l)"
for c in 000 001 002 003 004 005 006 007 008 009; do
  sed -i 's/"v": 49/"v": 50/' "$store/c$c-p$(printf %03d $((10#$c * 2 % 100))).json"
done

# 100 pacts of one consumer, for publish
mkdir -p "$work/publish"
python3 - "$work/publish" <<'PY'
import json, sys
for p in range(100):
    json.dump({"consumer": {"name": "bench-consumer"}, "provider": {"name": f"p{p:03d}"},
               "interactions": [{"description": f"request {i}",
                                 "request": {"method": "GET", "path": f"/{i}"},
                                 "response": {"status": 200, "body": {"id": i}}} for i in range(3)],
               "metadata": {"pactSpecification": {"version": "3.0.0"}}},
              open(f"{sys.argv[1]}/bench-consumer-p{p:03d}.json", "w"))
PY

# median of RUNS whole-process runs: wall time, and CPU time (user + system, which a loaded
# machine does not inflate); the command's exit status must be the expected one
time_it() {
  local name="$1" expect="$2"; shift 2
  local walls=() cpus=() status load
  load=$(cut -d" " -f1 /proc/loadavg)
  for ((i = 0; i < RUNS; i++)); do
    [ "$name" = "publish (100 pacts)" ] && rm -rf "$store/publications/bench-consumer"
    set +e
    flock "${BENCH_LOCK:-/tmp/bench.lock}" /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" \
      > "$work/$name.out" 2> "$work/$name.err"
    status=$?
    set -e
    if [ "$status" != "$expect" ]; then
      echo "bench/store: $name exited $status, not $expect:" >&2; cat "$work/$name.err" "$work/$name.out" >&2; exit 1
    fi
    read -r wall user sys < <(tail -1 "$work/time")
    walls+=("$(awk -v w="$wall" 'BEGIN { printf "%d", w * 1000 }')")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')")
  done
  median() { printf '%s\n' "$@" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }
  printf '%-44s wall %5d ms   cpu %5d ms   (wall runs: %s)   load %s\n' "$name" \
    "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "${walls[*]}" "$load"
}

echo "median of $RUNS whole-process runs ($(nproc) cores, load $(cut -d" " -f1 /proc/loadavg), $(java -version 2>&1 | head -1)):"
time_it "can-i-deploy provider (yes)" 0 "$cli" can-i-deploy --store "$store" --pacticipant p007 --version 49 --to-environment production
time_it "can-i-deploy consumer (no)" 1 "$cli" can-i-deploy --store "$store" --pacticipant c013 --version 49 --to-environment production
time_it "can-i-deploy consumer --latest" 1 "$cli" can-i-deploy --store "$store" --pacticipant c013 --version 45 --latest
time_it "publish (100 pacts)" 0 "$cli" publish --store "$store" --pacts "$work/publish" --consumer-version 1.0.0
time_it "changed --since HEAD (200 pacts, 10 changed)" 0 "$cli" changed --store "$store" --since HEAD --format names
time_it "matrix --pacticipant p007" 0 "$cli" matrix --store "$store" --pacticipant p007 --limit 20
time_it "--version (JVM start alone)" 0 "$cli" --version
echo "changed: $(wc -l < "$work/changed --since HEAD (200 pacts, 10 changed).out") providers must verify again"
