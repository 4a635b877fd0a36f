#!/usr/bin/env bash
# The benchmark suite: starts its own nodes and a durable embedded PostgreSQL, plays bot
# players against them from this machine's loopback, and writes docs/benchmarks.md (between
# its markers) and the plots in docs/bench/. Every run's JSON and the log: target/bench/<time>/.
#   scripts/bench.sh [--quick] [scenario ...]
#   scenarios: memory capacity split chat rtt login reconnect soak entities (default: all)
# --quick runs each scenario with a few hundred bots in a few minutes: it checks the suite,
# not the targets. The full suite takes about an hour; run it on an otherwise idle machine
# (it prints the load average it started with into the report).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
find_java
build_if_needed
cd "$HEARTH_ROOT"

args=() entities=0 others=0 quick=0
for arg in "$@"; do
  case "$arg" in
    entities) entities=1 ;;
    --quick) quick=1; args+=("$arg") ;;
    *) others=1; args+=("$arg") ;;
  esac
done
# Nothing named: every scenario, the entity benchmarks too (--quick alone skips those).
only_entities=0
if [ "$others" -eq 0 ]; then
  if [ "$entities" -eq 1 ]; then only_entities=1; elif [ "$quick" -eq 0 ]; then entities=1; fi
fi

work="$HEARTH_ROOT/target/bench/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$work"
if [ "$entities" -eq 1 ]; then
  echo "Entity runtime benchmarks (scripts/bench-entities.sh; output in $work/entities.txt)..."
  "$HEARTH_ROOT/scripts/bench-entities.sh" 2>&1 | tee "$work/entities.txt"
  args+=(--entities "$work/entities.txt")
  # Only the entity benchmarks asked for: the report still gets them.
  [ "$only_entities" -eq 1 ] && args+=(--only-entities)
fi

echo "Building the suite (verticles/node test classes; log in target/bench-build.log)..."
cp=$(test_classpath verticles/node bench-build.log)
# The load generator holds a socket per bot: as many open files as this shell may have.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec "$JAVA_HOME/bin/java" "${HEARTH_JVM_FLAGS[@]}" -Xms1g -Xmx3g -Dhearth.node.jar="$HEARTH_JAR" \
  -Dhearth.jvm.flags="${HEARTH_JVM_FLAGS[*]}" -cp "$cp" dev.hearth.node.bench.BenchSuite --work "$work" "${args[@]}"
