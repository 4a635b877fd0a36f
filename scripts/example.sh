#!/usr/bin/env bash
# Runs one of the guide's examples (docs/entities.md), after building what it needs:
#   scripts/example.sh bob    Bob's thirty barrels on two nodes in one JVM, on the embedded
#                             PostgreSQL (data in target/example-bob, kept between runs)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
find_java
name=${1:-}
main="dev/hearth/node/example/${name^}Example"
if [ -z "$name" ] || [ ! -f "$HEARTH_ROOT/verticles/node/src/test/java/$main.java" ]; then
  echo "usage: scripts/example.sh bob" >&2
  exit 2
fi
echo "Building (log in target/example-build.log)..."
cp=$(test_classpath verticles/node example-build.log)
cd "$HEARTH_ROOT"
exec "$JAVA_HOME/bin/java" "${HEARTH_JVM_FLAGS[@]}" -cp "$cp" "${main//\//.}"
