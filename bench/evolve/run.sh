#!/usr/bin/env bash
# Times whole-process `pactwire usage` and `pactwire diff` over a store of 1,000 pacts with
# 200,000 interactions (gen-store.py), as a user runs them: the launcher, cold JVM, each run a new
# process. Each is timed twice: "cold", with --no-cache (every pact read from its file, nothing
# kept), and "warm", reading what an earlier run kept of each unchanged pact (the cache in
# $work/cache, filled by one run before the timed ones). Prints the median of ROUNDS runs of wall time, of CPU time (user + sys) and of peak resident memory: on a shared
# machine the wall time also measures the other work on it, the CPU time does not. Each run holds
# /tmp/bench.lock (flock; BENCH_LOCK to change), so that no other benchmark on the machine runs at
# the same time, and each line ends with the load average (1 minute) before its runs.
#
#   bench/evolve/run.sh [ROUNDS [NAME]] (default 3 rounds, every measurement; builds the CLI first
#                                        if it is missing; NAME floor: only the floor)
#   PACTWIRE_CLI=/path/to/pactwire bench/evolve/run.sh     (another launcher, e.g. a copy)
#   BASELINE=/path/to/other/pactwire bench/evolve/run.sh  (that launcher too, side by side: each
#       round runs both, in turn first, each with a cache of its own, and each measurement prints
#       the baseline's line, "(baseline)", first; this machine's speed drifts too much between two
#       runs of the script to compare them)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-3}"
only="${2:-}" # run only the measurements whose name contains this
cli="${PACTWIRE_CLI:-$root/toolkit/pactwire-cli/target/pactwire}"
launchers=(${BASELINE:+"$BASELINE"} "$cli") # the baseline first, when there is one
work="$here/target"
if [ ! -x "$cli" ]; then
  (cd "$root" && ./mvnw -B -ntp -q install -DskipTests -pl toolkit/pactwire-evolve,toolkit/pactwire-cli -am)
fi
mkdir -p "$work"
# the store; the same store after a change to 10 pacts; the same store with every file's keys and
# interactions in another order (no change, but every file differs, so every file is read)
[ -d "$work/store" ] || python3 "$here/gen-store.py" "$work/store"
if [ ! -d "$work/store-edited" ]; then
  rm -rf "$work/edited-10" && python3 "$here/gen-store.py" "$work/edited-10" --pacts 10 --edit 10
  cp -r "$work/store" "$work/store-edited.tmp" && cp "$work/edited-10"/*.json "$work/store-edited.tmp/"
  mv "$work/store-edited.tmp" "$work/store-edited"
fi
[ -d "$work/store-reordered" ] || python3 "$here/gen-store.py" "$work/store-reordered" --reorder

files=$(ls "$work/store" | wc -l)
size=$(du -sm "$work/store" | cut -f1)
echo "store: $files pacts, $(python3 - "$work/store" <<'PY'
import json, os, sys
d = sys.argv[1]
print(sum(len(json.load(open(os.path.join(d, f)))["interactions"]) for f in os.listdir(d)))
PY
) interactions, ${size} MB; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
# the evolve cache and the launcher's class-data archive: one folder for each launcher
caches=("$work/cache")
[ "${#launchers[@]}" -eq 1 ] || caches=("$work/cache-baseline" "$work/cache")
# the launcher's class-data archives for usage and for diff, each written once, as a user's first
# run writes it: by a run that reads pacts and writes their entries (10 pacts, entries of their
# own; the entries of two files for diff)
first=$(ls "$work/edited-10" | head -1)
for i in "${!launchers[@]}"; do
  PACTWIRE_CACHE="${caches[$i]}" flock "${BENCH_LOCK:-/tmp/bench.lock}" "${launchers[$i]}" usage \
    --provider bench-provider --pacts "$work/edited-10" > /dev/null
  PACTWIRE_CACHE="${caches[$i]}" flock "${BENCH_LOCK:-/tmp/bench.lock}" "${launchers[$i]}" diff \
    "$work/store/$first" "$work/edited-10/$first" > /dev/null || true
done

measure() { # name, then the command's arguments after the launcher; prints for each launcher the
  # median wall and CPU seconds and peak RSS of its rounds, and the highest exit status
  local name="$1" load i r s order line
  shift
  [[ "$name" == *"$only"* ]] || return 0
  load=$(cut -d' ' -f1 /proc/loadavg)
  for i in "${!launchers[@]}"; do : > "$work/time.$i.txt"; echo 0 > "$work/status.$i.txt"; done
  for r in $(seq "$rounds"); do
    order=("${!launchers[@]}")
    # in turn first: whatever the first run of a round leaves behind favours neither
    [ $((r % 2)) -eq 1 ] || order=($(printf '%s\n' "${order[@]}" | sort -rn))
    for i in "${order[@]}"; do
      s=0
      PACTWIRE_CACHE="${caches[$i]}" flock "${BENCH_LOCK:-/tmp/bench.lock}" /usr/bin/time -a \
        -o "$work/time.$i.txt" -f "%e %U %S %M" "${launchers[$i]}" "$@" > "$work/out.$i.txt" \
        2> "$work/err.txt" || s=$?
      [ "$s" -le "$(cat "$work/status.$i.txt")" ] || echo "$s" > "$work/status.$i.txt"
    done
  done
  for i in "${!launchers[@]}"; do
    line="$name"
    [ "${#launchers[@]}" -eq 1 ] || [ "$i" -gt 0 ] || line="$name (baseline)"
    # the median of the rounds' wall, CPU (user + system) and peak RSS; time also writes a line
    # for a non-zero exit, which is not a measurement
    { grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$work/time.$i.txt" || true; } | python3 -c '
import sys
name, status, lines, load = sys.argv[1:]
rounds = [line.split() for line in sys.stdin]
if not rounds:
    sys.exit(f"{name}: no round was timed")
def median(values):
    return sorted(values)[(len(values) - 1) // 2]
wall = median([float(r[0]) for r in rounds])
cpu = median([float(r[1]) + float(r[2]) for r in rounds])
rss = median([int(r[3]) // 1024 for r in rounds])
print(f"{name:<55} wall {wall:5.2f} s  cpu {cpu:5.2f} s  rss {rss:4d} MB  exit {status}  ({lines} lines)  load {load}")
' "$line" "$(cat "$work/status.$i.txt")" "$(wc -l < "$work/out.$i.txt")" "$load"
  done
  if [ "${#launchers[@]}" -gt 1 ] && ! cmp -s "$work/out.0.txt" "$work/out.1.txt"; then
    echo "  (the baseline's output differs from this build's)"
  fi
}

both() { # name, then the command's arguments: timed without the cache, then with it filled
  local name="$1" i
  shift
  [[ "$name" == *"$only"* ]] || return 0
  measure "$name, cold" "$@" --no-cache
  for i in "${!launchers[@]}"; do # fills each launcher's cache
    PACTWIRE_CACHE="${caches[$i]}" flock "${BENCH_LOCK:-/tmp/bench.lock}" "${launchers[$i]}" "$@" \
      > /dev/null 2>&1 || true
  done
  measure "$name, warm" "$@"
}

# the floor under any reading of the store's files: Jackson's parser reading every token, nothing
# built (ParseFloor.java), on C1, a serial collector and a heap as the launcher runs usage, inside a
# started JVM
if [[ "floor" == *"$only"* ]]; then
  for _ in $(seq "$rounds"); do
    printf 'floor: '
    flock "${BENCH_LOCK:-/tmp/bench.lock}" java -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 \
      -XX:+UseSerialGC -XX:NewRatio=1 -XX:InitialRAMPercentage=10 -cp "${cli%/*}/pactwire.jar" \
      "$here/ParseFloor.java" "$work/store"
  done
fi

both "usage (every field)" usage --provider bench-provider --pacts "$work/store"
both "usage --field '\$.price'" usage --provider bench-provider --pacts "$work/store" --field '$.price'
both "diff store, 10 pacts changed" diff "$work/store" "$work/store-edited"
both "diff store, every file reordered" diff "$work/store" "$work/store-reordered"
