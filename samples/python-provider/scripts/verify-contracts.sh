#!/usr/bin/env bash
# Verifies pricing-service against its consumers' pacts (pacts/) with the pactwire CLI, as a CI
# step: starts the service on a free port, runs `pactwire verify` against it, stops it whatever
# happens, and exits with verify's status (0 verified, 1 an interaction failed, 2 bad input).
#
#   PACTWIRE_HOME    the unpacked pactwire-<version>/ folder (else pactwire is on PATH)
#   PROVIDER_VERSION the version the results name (else "dev")
#   PRICING_DRIFT=on runs the service drifted from the contract on purpose; the run's files are
#                    then target/pactwire/drifted* instead of target/pactwire/verified*
#
# Each run leaves in target/pactwire: <run>/ (the reports of --out: JUnit XML, Markdown, HTML,
# results/pricing-service.json), <run>.junit.xml (what verify printed), <run>.stderr,
# <run>.exit (its exit status), <run>.provider.log and <run>.provider.pid.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${PACTWIRE_HOME:-}" ]; then
  export PATH="$PACTWIRE_HOME:$PATH"
fi
export PACT_DO_NOT_TRACK=true
run=verified
[ "${PRICING_DRIFT:-off}" = on ] && run=drifted
out=target/pactwire
mkdir -p "$out"
rm -rf "${out:?}/$run" "$out/$run".*

# the service picks a free port and writes it once it listens: no port is guessed, none races
python3 app/pricing.py --port 0 --port-file "$out/$run.port" --log "$out/$run.provider.log" \
  2>>"$out/$run.provider.log" &
provider=$!
echo "$provider" >"$out/$run.provider.pid"
stop() {
  kill "$provider" 2>/dev/null || true
  wait "$provider" 2>/dev/null || true
}
trap stop EXIT
# a signal ends the script through its EXIT trap, which stops the service
trap 'exit 130' INT
trap 'exit 143' TERM HUP
for _ in $(seq 1 100); do
  [ -s "$out/$run.port" ] && break
  kill -0 "$provider" 2>/dev/null || { echo "pricing-service did not start:" >&2; cat "$out/$run.provider.log" >&2; exit 2; }
  sleep 0.1
done
[ -s "$out/$run.port" ] || { echo "pricing-service did not listen within 10 s" >&2; exit 2; }
url="http://127.0.0.1:$(cat "$out/$run.port")"

status=0
pactwire verify --provider pricing-service --base-url "$url" \
  --state-change-url "$url/_pact/state" --pacts pacts \
  --provider-version "${PROVIDER_VERSION:-dev}" --no-publish \
  --format junit --out "$out/$run" \
  >"$out/$run.junit.xml" 2>"$out/$run.stderr" || status=$?
echo "$status" >"$out/$run.exit"

cat "$out/$run.stderr" >&2
if [ "$status" -ne 0 ]; then
  # the build log shows why, as the Markdown report tells it
  echo "pactwire verify exited $status; the report:" >&2
  cat "$out/$run/pricing-service.md" >&2 2>/dev/null || true
fi
exit "$status"
