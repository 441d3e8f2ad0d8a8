#!/usr/bin/env bash
# Benchmark, not a test: a 200-interaction pact against PayPal's Orders v2 spec, checked by
# `java -jar pactwire.jar check-openapi` and by @pactflow/openapi-pact-comparator (npm), each
# as a whole process (start-up included), RUNS times; prints the medians and the ratio. Pactwire
# runs twice each round: through its launcher (target/pactwire: CDS archive, C1 only) and as a
# plain `java -jar`.
#
# Usage: bench/openapi/run.sh [RUNS] [INTERACTIONS]     (from the repository root or anywhere)
# Needs: the shaded jar (./mvnw -pl toolkit/pactwire-cli -am package), node/npm, python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-5}"
n="${2:-200}"
jar="$root/toolkit/pactwire-cli/target/pactwire.jar"
launcher="$root/toolkit/pactwire-cli/target/pactwire"
spec="$root/../shared/corpora/openapi-third-party/paypal/openapi/checkout_orders_v2.json"
work="$here/target"
mkdir -p "$work"
# the launcher's class archive is written by the warm-up run below, as a user's first run would
export PACTWIRE_CACHE="$work/cds"
rm -rf "$PACTWIRE_CACHE"

[ -f "$jar" ] && [ -x "$launcher" ] || { echo "no $jar or $launcher: run ./mvnw -B -o -pl toolkit/pactwire-cli -am package" >&2; exit 2; }
[ -f "$spec" ] || { echo "no PayPal spec at $spec" >&2; exit 2; }
if [ ! -x "$here/node_modules/.bin/opc" ]; then
  npm install --prefix "$here" --no-save --no-audit --no-fund @pactflow/openapi-pact-comparator@2.3.1 >/dev/null
fi
opc="$here/node_modules/.bin/opc"
python3 "$here/gen-pact.py" "$n" "$work/pact.json"

# The comparator crashes on PayPal's own spec (see patch-spec.js); say so, then time both tools
# on a copy without the patterns JavaScript cannot compile.
if "$opc" --oas "$spec" "$work/pact.json" >"$work/opc-original.out" 2>&1; then :; fi
if grep -q "Invalid regular expression" "$work/opc-original.out"; then
  echo "openapi-pact-comparator on the unmodified spec: crashes ($(grep -m1 -o 'SyntaxError: Invalid regular expression.*: [A-Za-z ]*$' "$work/opc-original.out" | sed 's/.*\/u: //'))"
fi
dropped=$(node "$here/patch-spec.js" "$spec" "$work/checkout_orders_v2.patched.json")
echo "patterns dropped for the comparator's sake: $dropped"
spec="$work/checkout_orders_v2.patched.json"

# "wall-ms cpu-ms" of one whole process (cpu = user + sys of it and its children); its output
# goes to $work/<name>.out
time_ms() {
  local name="$1"; shift
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(awk '{printf "%d", ($1 + $2) * 1000}' "$work/$name.time")"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# one warm-up each (file cache; the launcher writes its class archive here)
time_ms launcher "$launcher" check-openapi --pact "$work/pact.json" --spec "$spec" --format json >/dev/null
# on JDK 25 the launcher makes its AOT cache in the background after that run: wait for it
for _ in $(seq 300); do
  compgen -G "$PACTWIRE_CACHE/*.tmp*" >/dev/null || break
  sleep 0.1
done
time_ms pactwire java -jar "$jar" check-openapi --pact "$work/pact.json" --spec "$spec" --format json >/dev/null
time_ms opc "$opc" --oas "$spec" "$work/pact.json" >/dev/null

pl=(); pw=(); op=(); plc=(); pwc=(); opc_cpu=()
for _ in $(seq "$runs"); do
  read -r w c < <(time_ms launcher "$launcher" check-openapi --pact "$work/pact.json" --spec "$spec" --format json)
  pl+=("$w"); plc+=("$c")
  read -r w c < <(time_ms pactwire java -jar "$jar" check-openapi --pact "$work/pact.json" --spec "$spec" --format json)
  pw+=("$w"); pwc+=("$c")
  read -r w c < <(time_ms opc "$opc" --oas "$spec" "$work/pact.json")
  op+=("$w"); opc_cpu+=("$c")
done
pl_med=$(printf '%s\n' "${pl[@]}" | median)
pw_med=$(printf '%s\n' "${pw[@]}" | median)
op_med=$(printf '%s\n' "${op[@]}" | median)
plc_med=$(printf '%s\n' "${plc[@]}" | median)
pwc_med=$(printf '%s\n' "${pwc[@]}" | median)
opc_med=$(printf '%s\n' "${opc_cpu[@]}" | median)
cmp -s "$work/launcher.out" "$work/pactwire.out" || { echo "launcher and java -jar disagree" >&2; exit 1; }

echo "interactions:                $n"
echo "launcher's JVM:              ${JAVA_HOME:-java on PATH} ($(ls "$PACTWIRE_CACHE"))"
echo "load average:                $(cut -d' ' -f1-3 /proc/loadavg)"
echo "pactwire (launcher):         wall ${pl[*]} ms (median ${pl_med}), cpu median ${plc_med} ms"
echo "pactwire (java -jar):        wall ${pw[*]} ms (median ${pw_med}), cpu median ${pwc_med} ms"
echo "openapi-pact-comparator:     wall ${op[*]} ms (median ${op_med}), cpu median ${opc_med} ms"
echo "pactwire errors found:       $(grep -c '"type" : "error"' "$work/pactwire.out" || true)"
echo "comparator output (head):    $(head -c 200 "$work/opc.out")"
awk -v p="$pl_med" -v o="$op_med" -v q="$plc_med" -v r="$opc_med" \
  'BEGIN { printf "ratio comparator/launcher:   %.2fx wall, %.2fx cpu\n", o / p, r / q }'
awk -v p="$pw_med" -v o="$op_med" -v q="$pwc_med" -v r="$opc_med" \
  'BEGIN { printf "ratio comparator/java -jar:  %.2fx wall, %.2fx cpu\n", o / p, r / q }'
