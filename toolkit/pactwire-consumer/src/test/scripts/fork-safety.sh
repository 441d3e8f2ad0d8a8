#!/usr/bin/env bash
# Fork safety, the long run: 8 JVMs that, for each of ROUNDS rounds (default 50), meet at a
# barrier and then each merge 5 distinct interactions, one at a time, into that round's pact;
# afterwards every interaction of every round must be there.
# Run from the repository root (it compiles the module's tests first).
set -euo pipefail
ROUNDS=${ROUNDS:-50}
FORKS=8
PER_FORK=5
module=toolkit/pactwire-consumer
cp_file=$(mktemp)
./mvnw -B -q -o -pl $module -am test-compile dependency:build-classpath -Djacoco.skip=true \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
work=$(mktemp -d)
# Copies, so that a rebuild during the run cannot pull classes from under the forks.
cp -r $module/target/classes "$work/main-classes"
cp -r $module/target/test-classes "$work/test-classes"
cp="$(cat "$cp_file"):$work/main-classes:$work/test-classes"
jvm=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dpact_do_not_track=true -cp "$cp")
start=$(date +%s%N)
pids=()
for fork in $(seq 0 $((FORKS - 1))); do
  "${jvm[@]}" io.pactwire.consumer.ForkWriterMain "$work/pacts" "$FORKS" "$fork" "$PER_FORK" "$ROUNDS" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
ms=$(( ($(date +%s%N) - start) / 1000000 ))
status=0
"${jvm[@]}" io.pactwire.consumer.ForkWriterMain --check "$work/pacts" "$FORKS" "$PER_FORK" "$ROUNDS" \
  > "$work/check.txt" || status=$?
tail -3 "$work/check.txt"
echo "fork safety: $ROUNDS rounds x $FORKS JVMs x $PER_FORK merges;" \
  "$(grep -c ' 0 missing' "$work/check.txt") of $ROUNDS rounds complete; $ms ms including start-up"
rm -rf "$work" "$cp_file"
exit $status
