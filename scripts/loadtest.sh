#!/usr/bin/env bash
# Bot players against a running node: seeds bot accounts (bot0001...) in its database, logs
# them in over HTTP, connects each to the bridge and plays a behaviour mix; one progress line a
# second, then a summary table and a JSON file.
#   scripts/loadtest.sh --players N --duration S [--gateway URL] [--mix MIX] [--db URL] [--json FILE] [--enter-limit S]
#                       [--source-addresses K] [--first N] [--think MS] [--ramp S] [--logins N] [--rate N]
#                       [--rooms-of N] [--line-bytes B] [--reconnect-at S]
# The node defaults to http://127.0.0.1:8080 (scripts/run.sh); the database to --db, else
# HEARTH_DB_URL, else the embedded one that scripts/run.sh started in ${HEARTH_DATA_DIR:-data}/pg.
# The result goes to target/loadtest/ unless --json says where. Exit status 0 without errors,
# 2 with errors, 1 when it could not run. See verticles/loadtest/README.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
find_java

args=("$@")
given() { local a; for a in "${args[@]}"; do [[ "$a" == "$1" || "$a" == "$1="* ]] && return 0; done; return 1; }
if given --help || given -h || [ ${#args[@]} -eq 0 ]; then
  exec "$JAVA_HOME/bin/java" -cp "$(module_classpath verticles/loadtest loadtest-build.log)" dev.hearth.loadtest.Bots --help
fi

if ! given --db && [ -z "${HEARTH_DB_URL:-}" ]; then
  data_dir=${HEARTH_DATA_DIR:-$HEARTH_ROOT/data}
  if db=$(embedded_db_url "$data_dir"); then
    args+=(--db "$db")
  else
    echo "No database for the bot accounts: start a node with scripts/run.sh (its embedded PostgreSQL in $data_dir/pg)," >&2
    echo "or give --db postgresql://user:pass@host:port/db, or set HEARTH_DB_URL." >&2
    exit 1
  fi
fi
if ! given --json; then
  mkdir -p "$HEARTH_ROOT/target/loadtest"
  args+=(--json "$HEARTH_ROOT/target/loadtest/bots-$(date +%Y%m%d-%H%M%S).json")
fi

cp=$(module_classpath verticles/loadtest loadtest-build.log)
# Every bot is a socket: allow as many open files as this shell may (the hard limit).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec "$JAVA_HOME/bin/java" ${HEARTH_BOTS_JAVA_OPTS:-} -cp "$cp" dev.hearth.loadtest.Bots "${args[@]}"
