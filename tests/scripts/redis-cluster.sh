#!/usr/bin/env bash
# Usage: redis-cluster.sh start|stop   (state in $RC_DIR, default $WORK/redis-cluster)
set -euo pipefail
RC_DIR=${RC_DIR:-${WORK:?set WORK}/redis-cluster}
PORTS=${RC_PORTS:-"7000 7001 7002 7003 7004 7005"}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }   # fails if something listens
case "${1:-}" in
start)
  for p in $PORTS; do port_free "$p" && port_free $((p+10000)) || { echo "port $p or $((p+10000)) in use" >&2; exit 1; }; done
  for p in $PORTS; do
    mkdir -p "$RC_DIR/$p"
    redis-server --port "$p" --bind 127.0.0.1 --daemonize yes \
      --dir "$RC_DIR/$p" --pidfile "$RC_DIR/$p/redis.pid" --logfile "$RC_DIR/$p/redis.log" \
      --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 5000 \
      --appendonly no --save ''
  done
  for p in $PORTS; do   # wait until every node answers
    for i in $(seq 1 50); do redis-cli -p "$p" ping >/dev/null 2>&1 && break; sleep 0.1; done
  done
  nodes=""; for p in $PORTS; do nodes="$nodes 127.0.0.1:$p"; done
  redis-cli --cluster create $nodes --cluster-replicas 1 --cluster-yes >"$RC_DIR/create.log"
  for i in $(seq 1 100); do   # wait for cluster_state:ok on all nodes
    ok=1; for p in $PORTS; do redis-cli -p "$p" cluster info | grep -q 'cluster_state:ok' || ok=0; done
    [ "$ok" = 1 ] && break; sleep 0.1
  done
  [ "$ok" = 1 ] || { echo "cluster not ok" >&2; exit 1; }
  for i in $(seq 1 200); do   # replicas are assigned asynchronously: wait for 3 linked replicas
    up=0; for p in $PORTS; do
      redis-cli -p "$p" info replication | grep -q 'master_link_status:up' && up=$((up+1)); done
    [ "$up" -ge 3 ] && break; sleep 0.1
  done
  [ "$up" -ge 3 ] || { echo "replicas not linked" >&2; exit 1; }
  first=${PORTS%% *}
  for i in $(seq 1 300); do   # CLUSTER SHARDS health is gossiped: wait until all 6 are "online"
    [ "$(redis-cli -p "$first" cluster shards | grep -c '^online$')" -ge 6 ] && break; sleep 0.1
  done
  ;;
stop)
  pids=""
  for p in $PORTS; do   # ask all nodes at once: each takes ~1-2 s to exit
    pidf="$RC_DIR/$p/redis.pid"; [ -f "$pidf" ] || continue
    pid=$(cat "$pidf"); pids="$pids $pid"
    redis-cli -p "$p" shutdown nosave now >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
  done
  for pid in $pids; do
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$RC_DIR"
  ;;
*) echo "usage: $0 start|stop" >&2; exit 64;;
esac
