#!/usr/bin/env bash
# Entity runtime benchmarks: local and remote call cost, activations/s, committed saves/s.
#   scripts/bench-entities.sh [local|remote|activations|saves ...]   one JVM, two runtimes
#   scripts/bench-entities.sh remote-process                          two JVMs, clustered
# Uses the embedded test PostgreSQL (its own, in a temp folder), durable as in production
# (fsync and synchronous_commit on). BENCH_CPUS pins the benchmark JVM (and the PostgreSQL
# it starts) to those CPUs with taskset; BENCH_HOST_CPUS pins the second JVM of
# remote-process, and the database with it. Results go to the terminal; copy them with
# this command line into docs/benchmarks.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
find_java
if [ "${1:-}" = "remote-process" ]; then
  module=verticles/node main=dev.hearth.node.it.entities.RemoteCallBench
else
  module=verticles/runtime main=dev.hearth.runtime.entity.bench.EntityBench
fi
echo "Building $module's test classes (log in target/bench-build.log)..."
cp=$(test_classpath "$module" bench-build.log)
cd "$HEARTH_ROOT"
pin=()
[ -n "${BENCH_CPUS:-}" ] && pin=(taskset -c "$BENCH_CPUS")
echo "JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nproc) CPUs; pinned to: ${BENCH_CPUS:-none}, host: ${BENCH_HOST_CPUS:-none}"
exec "${pin[@]}" "$JAVA_HOME/bin/java" "${HEARTH_JVM_FLAGS[@]}" -Xms1g -Xmx1g -Dhearth.test.durable=true \
  -Dhearth.jvm.flags="${HEARTH_JVM_FLAGS[*]}" -cp "$cp" "$main" "$@"
