#!/usr/bin/env bash
# Runs every test: unit and integration tests against a real PostgreSQL and real clustered
# nodes (Maven), then the browser tests in headless Chromium (node --test + playwright-core).
# Installs what is missing (Chromium via apt when run as root). Exit code 0 only if all pass.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
find_java
echo "Using JDK $JAVA_HOME, $(node --version 2>/dev/null || echo 'no node') , $(mvn -v 2>/dev/null | head -1)"

ensure_chromium() {
  export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
  [ -x "$CHROMIUM" ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium for the browser tests (apt-get)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || { echo "Could not install chromium" >&2; return 1; }
  else
    echo "Chromium not found at $CHROMIUM: install Debian's chromium package or set CHROMIUM." >&2
    return 1
  fi
}

cd "$HEARTH_ROOT"
# If the script ends before the wait below (Maven fails under set -e, Ctrl-C, SIGTERM), stop
# the Chromium job: only its PID's process group, and only while that PID still runs.
chromium_job=""
stop_chromium_job() {
  if [ -n "$chromium_job" ] && kill -0 "$chromium_job" 2>/dev/null; then
    echo "Stopping the Chromium install (pid $chromium_job)." >&2
    kill -TERM -- "-$chromium_job" 2>/dev/null || kill -TERM "$chromium_job" 2>/dev/null || true
  fi
}
trap stop_chromium_job EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# In parallel with the build; waited for before the browser tests. Started in its own process
# group (set -m) so the trap can stop the apt-get under it too; stdin is /dev/null, as for any
# background job without job control.
set -m
ensure_chromium </dev/null &
chromium_job=$!
set +m

start=$(date +%s)
mvn -B install
echo "Maven build and tests passed in $(( $(date +%s) - start )) s"

chromium_status=0
wait "$chromium_job" || chromium_status=$?
chromium_job=""  # reaped: its PID is no longer ours to signal
[ "$chromium_status" -eq 0 ] || exit "$chromium_status"
start=$(date +%s)
(cd webclient && node --test --test-reporter=spec test/)
echo "Browser tests passed in $(( $(date +%s) - start )) s"
