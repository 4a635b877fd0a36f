#!/usr/bin/env bash
# Entity runtime benchmarks: local and remote call cost, activations/s, committed saves/s.
#   scripts/bench-entities.sh [local|remote|activations|saves ...]
# Uses the embedded test PostgreSQL (its own, in a temp folder). BENCH_CPUS=1 pins the JVM
# (and the PostgreSQL it starts) to those CPUs with taskset. Results go to the terminal;
# copy them with this command line into docs/benchmarks.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
find_java
cd "$HEARTH_ROOT"
echo "Building the runtime's test classes (log in target/bench-build.log)..."
cp=$(test_classpath verticles/runtime bench-build.log)
pin=()
[ -n "${BENCH_CPUS:-}" ] && pin=(taskset -c "$BENCH_CPUS")
echo "JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) CPUs; pinned to: ${BENCH_CPUS:-none}"
exec "${pin[@]}" "$JAVA_HOME/bin/java" "${HEARTH_JVM_FLAGS[@]}" -Xms1g -Xmx1g -cp "$cp" \
  dev.hearth.runtime.entity.bench.EntityBench "$@"
