#!/usr/bin/env bash
# Times each bounded-work case of pactwire-hardening's BoundedWorkTests (run in-process through
# the CLI and the stubs, against a real loopback provider): a catastrophic regex from a pact in
# verification, the same from a stub while serving, a provider that never answers (--timeout 1),
# a body over --max-body-bytes. The unit tests assert the messages; this script reports the time
# each took, from Surefire's report, best of RUNS runs.
#
#   bench/robustness/bounded-work.sh [RUNS]     (default 3)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-3}"
cd "$root"
export PACT_DO_NOT_TRACK=true
report=toolkit/pactwire-hardening/target/surefire-reports/TEST-io.pactwire.cli.BoundedWorkTests.xml
all=""
for i in $(seq 1 "$runs"); do
  ./mvnw -B -ntp -q test -pl toolkit/pactwire-hardening -am -Djacoco.skip=true -Dspotless.check.skip=true \
    -Dtest=BoundedWorkTests -Dsurefire.failIfNoSpecifiedTests=false > /dev/null
  all+="$(grep -o '<testcase name="[^"]*" classname="[^"]*" time="[^"]*"' "$report" | sed -E 's/<testcase name="([^"]*)".* time="([^"]*)"/\1\t\2/')"$'\n'
done
echo "bounded-work: best of $runs runs (seconds), $(uptime | sed 's/.*load/load/')"
printf '%s' "$all" | awk -F'\t' 'NF == 2 { if (!($1 in best) || $2 < best[$1]) best[$1] = $2 } END { for (k in best) printf "  %-70s %6.2f s\n", k, best[k] }' | sort
