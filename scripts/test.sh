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
ensure_chromium &  # in parallel with the build; waited for before the browser tests
chromium_job=$!

start=$(date +%s)
mvn -B install
echo "Maven build and tests passed in $(( $(date +%s) - start )) s"

wait "$chromium_job"
start=$(date +%s)
(cd webclient && node --test --test-reporter=spec test/)
echo "Browser tests passed in $(( $(date +%s) - start )) s"
