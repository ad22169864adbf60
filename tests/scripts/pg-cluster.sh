#!/usr/bin/env bash
# Usage: pg-cluster.sh start|stop
# PostgreSQL 15 primary (:54321) + streaming replica (:54322) + PgBouncer (:54323), all on 127.0.0.1.
# Runs as root; every server process runs as the 'postgres' OS user (initdb/postgres/pgbouncer refuse root).
set -euo pipefail
PG_DIR=${PG_DIR:-${WORK:?set WORK}/pg}
PGBIN=/usr/lib/postgresql/15/bin
P1=${PG_PRIMARY_PORT:-54321}; P2=${PG_REPLICA_PORT:-54322}; PB=${PGBOUNCER_PORT:-54323}
APP_PW=${APP_PW:-apppass}; REPL_PW=${REPL_PW:-replpass}; ADMIN_PW=${ADMIN_PW:-adminpass}
as_pg() { runuser -u postgres -- "$@"; }
dump_logs() { for f in "$PG_DIR"/*.log; do [ -f "$f" ] && { echo "== $f" >&2; tail -n 20 "$f" >&2; }; done; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }   # fails if something listens
# The fixed ports lie in the kernel's ephemeral range (32768-60999): for a moment one can be the source
# port of an outgoing loopback connection (pg_basebackup's, or a client of the services starting
# beside these), and the server's bind then fails. That case alone is retried.
pg_start() {   # DATA_DIR LOG
  local attempt
  for attempt in 1 2 3 4 5; do
    as_pg "$PGBIN/pg_ctl" -D "$1" -l "$2" -w -t 60 start >/dev/null && return 0
    tail -n 5 "$2" | grep -q "Address already in use" || return 1
    echo "$(basename "$1"): its port is busy (attempt $attempt), starting again" >&2
    sleep 1
  done
  return 1
}
case "${1:-}" in
start)
  trap 'rc=$?; [ $rc = 0 ] || dump_logs; exit $rc' EXIT
  for p in $P1 $P2 $PB; do port_free "$p" || { echo "port $p in use" >&2; exit 1; }; done
  mkdir -p "$PG_DIR/sock" && chown -R postgres:postgres "$PG_DIR" && chmod 700 "$PG_DIR"
  # every parent of $PG_DIR must be searchable by 'postgres' (mktemp -d makes 0700 dirs; /root is 0700)
  as_pg test -x "$PG_DIR" || { echo "user postgres cannot reach $PG_DIR: chmod o+x its parent dirs" >&2; exit 1; }
  # --- primary ---
  as_pg "$PGBIN/initdb" -D "$PG_DIR/primary" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log"
  cat >>"$PG_DIR/primary/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $P1
unix_socket_directories = '$PG_DIR/sock'
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
hot_standby = on
fsync = off                   # throw-away CI cluster: faster, never use in production
synchronous_commit = off
full_page_writes = off
shared_buffers = 64MB
log_min_messages = warning
CONF
  echo "host replication replicator 127.0.0.1/32 scram-sha-256" >>"$PG_DIR/primary/pg_hba.conf"
  pg_start "$PG_DIR/primary" "$PG_DIR/primary.log"
  as_pg psql -h "$PG_DIR/sock" -p "$P1" -U postgres -v ON_ERROR_STOP=1 -q <<SQL
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '$REPL_PW';
CREATE ROLE app WITH LOGIN PASSWORD '$APP_PW';
CREATE DATABASE appdb OWNER app;
SQL
  # --- replica: base backup with -R (writes standby.signal + primary_conninfo) and a slot ---
  as_pg env PGPASSWORD="$REPL_PW" "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$P1" -U replicator \
        -D "$PG_DIR/replica" -R -X stream -C -S replica1 -c fast
  echo "port = $P2" >>"$PG_DIR/replica/postgresql.auto.conf"   # the copied postgresql.conf says $P1
  pg_start "$PG_DIR/replica" "$PG_DIR/replica.log"
  streaming=0
  for i in $(seq 1 100); do   # wait until the primary sees the walsender streaming
    streaming=$(as_pg psql -h "$PG_DIR/sock" -p "$P1" -U postgres -Atc "select count(*) from pg_stat_replication where state='streaming'")
    [ "$streaming" = 1 ] && break; sleep 0.1
  done
  [ "$streaming" = 1 ] || { echo "replica is not streaming" >&2; exit 1; }
  # --- PgBouncer (refuses to run as root) ---
  cat >"$PG_DIR/pgbouncer.ini" <<INI
[databases]
appdb = host=127.0.0.1 port=$P1 dbname=appdb
appdb_ro = host=127.0.0.1 port=$P2 dbname=appdb
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PB
unix_socket_dir = $PG_DIR/sock
auth_type = scram-sha-256
auth_file = $PG_DIR/userlist.txt
admin_users = pgbadmin
pool_mode = transaction
max_client_conn = 200
default_pool_size = 10
logfile = $PG_DIR/pgbouncer.log
pidfile = $PG_DIR/pgbouncer.pid
INI
  printf '"app" "%s"\n"pgbadmin" "%s"\n' "$APP_PW" "$ADMIN_PW" >"$PG_DIR/userlist.txt"
  chown postgres:postgres "$PG_DIR/pgbouncer.ini" "$PG_DIR/userlist.txt"; chmod 600 "$PG_DIR/userlist.txt"
  for attempt in 1 2 3 4 5; do   # the same busy-port case as pg_start
    as_pg pgbouncer -d "$PG_DIR/pgbouncer.ini" || true
    for i in $(seq 1 50); do port_free "$PB" || break; sleep 0.1; done
    port_free "$PB" || break
    echo "pgbouncer: port $PB is not listening (attempt $attempt), starting again" >&2
    sleep 1
  done
  port_free "$PB" && { echo "pgbouncer did not start on $PB" >&2; exit 1; }
  for i in $(seq 1 50); do [ -s "$PG_DIR/pgbouncer.pid" ] && break; sleep 0.1; done
  ;;
stop)
  [ -f "$PG_DIR/pgbouncer.pid" ] && { pid=$(cat "$PG_DIR/pgbouncer.pid"); kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done; }
  for d in replica primary; do
    [ -f "$PG_DIR/$d/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$PG_DIR/$d" -m fast -w -t 60 stop >/dev/null || true
  done
  rm -rf "$PG_DIR"
  ;;
*) echo "usage: $0 start|stop" >&2; exit 64;;
esac
