# Shared by the scripts: find a JDK >= 21 and the project's paths. Source it, do not run it.
HEARTH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HEARTH_JAR="$HEARTH_ROOT/verticles/node/target/hearth-node.jar"
# Flags that keep Hazelcast quiet on modern JDKs (same as the tests' argLine in pom.xml).
HEARTH_JVM_FLAGS=(--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED --enable-native-access=ALL-UNNAMED)

java_major() { # prints the major version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

# Sets JAVA_HOME to a JDK >= 21: the current JAVA_HOME if good enough, else the newest under /usr/lib/jvm.
find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
    export JAVA_HOME; quiet_maven; return 0
  fi
  local best="" best_version=0 dir version
  for dir in /usr/lib/jvm/*/ /opt/java/*/ /usr/local/lib/jvm/*/; do
    [ -x "${dir}bin/javac" ] || continue
    version=$(java_major "${dir}bin/java" 2>/dev/null)
    if [ -n "$version" ] && [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best=${dir%/}; best_version=$version
    fi
  done
  if [ -z "$best" ]; then
    echo "Hearth needs a JDK 21 or newer; none found (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm)." >&2
    echo "Install one (for example Temurin 25) and set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME=$best
  quiet_maven
}

# Maven's guava and Hazelcast warn about sun.misc.Unsafe on JDK 24+; harmless, and noisy.
quiet_maven() {
  if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
    [[ "${MAVEN_OPTS:-}" == *sun-misc-unsafe* ]] || export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
    [[ " ${HEARTH_JVM_FLAGS[*]} " == *sun-misc-unsafe* ]] || HEARTH_JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow)
  fi
}


# Builds the node jar when it is missing or older than any source, POM, migration or client file.
build_if_needed() {
  local stale=1
  if [ -f "$HEARTH_JAR" ] && [ -d "$HEARTH_ROOT/verticles/node/target/lib" ]; then
    # Stale if find prints anything; -quit stops it at the first hit. find's own status is
    # ignored (a listed path may be missing), so under pipefail only grep's counts; and
    # there is no head in the pipe to kill anything with SIGPIPE.
    stale=0
    if { (cd "$HEARTH_ROOT" && find pom.xml cluster.xml migrations verticles/*/pom.xml verticles/*/src \
      webclient/pom.xml webclient/package.json webclient/package-lock.json webclient/src webclient/public \
      -newer "$HEARTH_JAR" -type f -print -quit 2>/dev/null) || true; } | grep -q .; then
      stale=1
    fi
  fi
  if [ "$stale" -ne 0 ]; then
    local log="$HEARTH_ROOT/target/build.log"
    mkdir -p "$HEARTH_ROOT/target"
    echo "Building Hearth (mvn install -DskipTests, log in target/build.log)..."
    (cd "$HEARTH_ROOT" && mvn -B install -DskipTests > "$log" 2>&1) || { tail -40 "$log" >&2; echo "Build failed: see $log" >&2; return 1; }
  fi
}

# Compiles MODULE's tests and what they need, in the reactor (nothing installed; log in
# target/LOGNAME), and prints the class path a main among its test classes runs on.
test_classpath() {
  local module=$1 log="$HEARTH_ROOT/target/$2"
  mkdir -p "$HEARTH_ROOT/target"
  (cd "$HEARTH_ROOT" && mvn -B -q -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test) > "$log" 2>&1 \
    || { tail -30 "$log" >&2; echo "Build failed: see $log" >&2; return 1; }
  # Absolute paths (a second JVM may run in another folder), and the reactor's own classes
  # first: the class path file names the other modules' jars in ~/.m2, which may be stale.
  local cp="" m
  for m in "$module" verticles/runtime verticles/game verticles/gateway; do
    cp="$cp$HEARTH_ROOT/$m/target/test-classes:$HEARTH_ROOT/$m/target/classes:"
  done
  echo "$cp$(cat "$HEARTH_ROOT/$module/target/test.classpath")"
}

# Builds MODULE and what it needs, in the reactor (nothing installed; log in target/LOGNAME),
# when any of its sources or POMs changed since the last build, and prints the class path its
# main classes run on: its own classes, then its runtime dependencies.
module_classpath() {
  local module=$1 log="$HEARTH_ROOT/target/$2" cp_file="$HEARTH_ROOT/$1/target/runtime.classpath"
  mkdir -p "$HEARTH_ROOT/target"
  # As in build_if_needed: stale if find prints anything; its own status is ignored.
  if [ ! -f "$cp_file" ] || { (cd "$HEARTH_ROOT" && find pom.xml "$module/pom.xml" "$module/src" \
      -newer "$cp_file" -type f -print -quit 2>/dev/null) || true; } | grep -q .; then
    echo "Building $module (log in target/$2)..." >&2
    (cd "$HEARTH_ROOT" && mvn -B -q -pl "$module" -am package -DskipTests dependency:build-classpath \
      -Dmdep.outputFile=target/runtime.classpath -Dmdep.includeScope=runtime) > "$log" 2>&1 \
      || { tail -30 "$log" >&2; echo "Build failed: see $log" >&2; return 1; }
  fi
  echo "$HEARTH_ROOT/$module/target/classes:$(cat "$cp_file")"
}

# The embedded PostgreSQL a node started in DATA_DIR/pg (scripts/run.sh), as a URL, if it is
# running: postmaster.pid holds its PID on line 1 and its port on line 4 (as EmbeddedDatabase reads it).
embedded_db_url() {
  local pid_file="$1/pg/postmaster.pid" pid port
  [ -f "$pid_file" ] || return 1
  pid=$(sed -n 1p "$pid_file" | tr -d ' ')
  port=$(sed -n 4p "$pid_file" | tr -d ' ')
  [ -n "$pid" ] && [ -n "$port" ] || return 1
  # After a reboot the PID may be some other program's: only a live postgres counts.
  grep -q postgres "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
}
