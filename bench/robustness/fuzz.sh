#!/usr/bin/env bash
# The seeded mutational fuzzer of pactwire-hardening (FuzzTests) run longer than the build's
# 1,000 inputs per reader: the pact reader, the matching-rule reader (what the reader accepts,
# pact-jvm must load) and the OpenAPI spec reader. Inputs that crash are saved in
# toolkit/pactwire-hardening/target/fuzz-crashes/; each becomes a corpus file
# (bench/robustness/generate-corpus.py).
#
#   bench/robustness/fuzz.sh [ITERATIONS] [SEED]      (defaults: 100000, 20261206)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export PACT_DO_NOT_TRACK=true
start=$(date +%s)
status=0
./mvnw -B -ntp -q test -pl toolkit/pactwire-hardening -am -Djacoco.skip=true -Dspotless.check.skip=true \
  -Dtest=FuzzTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dpactwire.fuzz.iterations="${1:-100000}" -Dpactwire.fuzz.seed="${2:-20261206}" > /dev/null || status=$?
cat toolkit/pactwire-hardening/target/surefire-reports/io.pactwire.hardening.FuzzTests-output.txt
echo "fuzz: $(( $(date +%s) - start )) s, $(uptime | sed 's/.*load/load/')"
ls toolkit/pactwire-hardening/target/fuzz-crashes 2>/dev/null | sed 's/^/  crash: /' || true
exit $status
