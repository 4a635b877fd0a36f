#!/usr/bin/env bash
# Starts one playable Hearth node on http://localhost:8080 (role "all"): builds first if
# needed, and starts an embedded PostgreSQL with its data in ./data unless HEARTH_DB_URL
# names a database. Ctrl-C stops the node and the embedded database cleanly.
# Every setting is an environment variable: java -jar verticles/node/target/hearth-node.jar --help
set -euo pipefail
source "$(dirname "$0")/lib.sh"
find_java
build_if_needed
cd "$HEARTH_ROOT"
export HEARTH_DATA_DIR=${HEARTH_DATA_DIR:-$HEARTH_ROOT/data}
# A shell that starts this in the background without job control (a script's `run.sh &`)
# ignores SIGINT for it, and a JVM never handles a signal ignored when it started: reset
# it, so Ctrl-C or `kill -INT` stops the node the same way from anywhere.
exec env --default-signal=INT "$JAVA_HOME/bin/java" "${HEARTH_JVM_FLAGS[@]}" ${HEARTH_JAVA_OPTS:-} -jar "$HEARTH_JAR" "$@"
