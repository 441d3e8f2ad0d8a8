#!/usr/bin/env bash
# Benchmark (not a test): the same stubbed suite, 20 tests and 100 requests, run with WireMock
# alone and with capture, alternately; prints the medians and the overhead ratio (target <= 1.10).
# Run from the repository root. Arguments: warm-up rounds, measured rounds (default 60 200; with
# 300 warm-up rounds the JIT has settled).
set -euo pipefail
module=toolkit/pactwire-consumer
cp_file=$(mktemp)
./mvnw -B -q -o -pl $module -am test-compile dependency:build-classpath -Djacoco.skip=true \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
java -Dpact_do_not_track=true -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
  -cp "$(cat "$cp_file"):$module/target/classes:$module/target/test-classes" \
  io.pactwire.consumer.benchmark.CaptureBenchmarkMain "${1:-60}" "${2:-200}"
rm -f "$cp_file"
