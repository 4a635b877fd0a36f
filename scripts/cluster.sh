#!/usr/bin/env bash
# A small cluster on this machine: one game node (which starts the embedded database, or
# uses HEARTH_DB_URL) and one gateway node serving http://localhost:8080, sharing one database.
#   scripts/cluster.sh start | stop | status
# Logs and PIDs go to data/cluster/. Stop takes the gateway down first, then the game node.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$HEARTH_ROOT"
command -v curl >/dev/null 2>&1 || {
  echo "cluster.sh needs curl (it checks the nodes' /health and /status); install it, e.g. apt-get install curl." >&2
  exit 1
}
dir="${HEARTH_DATA_DIR:-$HEARTH_ROOT/data}/cluster"
mkdir -p "$dir"
export HEARTH_DATA_DIR=${HEARTH_DATA_DIR:-$HEARTH_ROOT/data}
export HEARTH_CLUSTER_MEMBERS=${HEARTH_CLUSTER_MEMBERS:-127.0.0.1:5701,127.0.0.1:5702}

# name role cluster-port management-port
NODES=("game-1 game 5701 8091" "gateway-1 gateway 5702 8092")

start_node() {
  local name=$1 role=$2 cport=$3 mport=$4
  if [ -f "$dir/$name.pid" ] && kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then
    echo "$name already running (pid $(cat "$dir/$name.pid"))"; return 0
  fi
  HEARTH_NODE_NAME=$name HEARTH_ROLE=$role HEARTH_CLUSTER_PORT=$cport HEARTH_MANAGEMENT_PORT=$mport \
    nohup "$JAVA_HOME/bin/java" "${HEARTH_JVM_FLAGS[@]}" ${HEARTH_JAVA_OPTS:-} -jar "$HEARTH_JAR" \
    > "$dir/$name.log" 2>&1 &
  echo $! > "$dir/$name.pid"
  local deadline=$(( $(date +%s) + 120 ))
  until curl -fsS -o /dev/null "http://127.0.0.1:$mport/health" 2>/dev/null; do
    if ! kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then
      echo "$name exited during start; last lines of $dir/$name.log:" >&2; tail -20 "$dir/$name.log" >&2; return 1
    fi
    [ "$(date +%s)" -lt "$deadline" ] || { echo "$name did not come up in 120 s (see $dir/$name.log)" >&2; return 1; }
    sleep 0.5
  done
  echo "$name ($role) up: pid $(cat "$dir/$name.pid"), management http://127.0.0.1:$mport/status, log $dir/$name.log"
}

stop_node() {
  local name=$1 pid
  [ -f "$dir/$name.pid" ] || return 0
  pid=$(cat "$dir/$name.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 180); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then echo "$name did not stop in 90 s; killing it"; kill -KILL "$pid"; fi
    echo "$name stopped"
  fi
  rm -f "$dir/$name.pid"
}

case "${1:-}" in
  start)
    find_java; build_if_needed
    for node in "${NODES[@]}"; do start_node $node; done
    echo "Play at http://localhost:${HEARTH_HTTP_PORT:-8080}/"
    ;;
  stop)
    for (( i=${#NODES[@]}-1; i>=0; i-- )); do stop_node ${NODES[$i]%% *}; done
    ;;
  status)
    for node in "${NODES[@]}"; do
      set -- $node
      if curl -fsS "http://127.0.0.1:$4/status" 2>/dev/null; then echo; else echo "$1: down"; fi
    done
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
