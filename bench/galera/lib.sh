# A three-node MariaDB Galera cluster on loopback ports, for bench/galera.sh and .ci/check-galera. Source it with
# GWORK set (a directory the caller removes); every node has its own data directory, socket, SQL port, group
# communication (gcomm) port, IST port and SST port under it. Debian's mariadb-server and galera-4.
#
#   galera_ports              picks the twelve ports (three nodes x SQL, gcomm, IST, SST) and writes $GWORK/ports
#   galera_start N [--bootstrap]   starts node N (1..3); --bootstrap makes it a new cluster (--wsrep-new-cluster)
#   galera_kill N             kill -9 of node N (a crash: no shutdown, no goodbye to the group)
#   galera_stop N             a clean shutdown
#   galera_wait_synced N S    waits up to S seconds until node N says Synced and is in the primary component
#   galera_sql N ARGS...      the mariadb client as root on node N's socket
GALERA_PROVIDER=${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}
# The nodes run as Debian's `mysql` account, as on a real server (started as root, mariadbd switches to it). As
# root, the rsync daemon of the state transfer would switch to `nobody` and could not write the data directory.
GALERA_USER=${GALERA_USER:-mysql}
# How long the group waits for a silent node before it suspects it and drops it from the view. Until a crashed node
# is dropped, commits on the others wait. It must stay well below the driver's socketTimeout (5 s): with Galera's
# default PT5S, statements waiting on the second node time out too, and the driver fails over a second time, to the
# third node, leaving the pool split over two writing nodes (docs/scaling.md). PT15S is Galera's inactive_timeout;
# evs.keepalive_period must stay below a third of the suspect timeout (Galera refuses to start otherwise).
GALERA_SUSPECT=${GALERA_SUSPECT:-PT2S}
GALERA_INACTIVE=${GALERA_INACTIVE:-PT15S}

galera_free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

galera_ports() {
  : >"$GWORK/ports"
  for n in 1 2 3; do
    for k in SQL GCOMM IST SST; do echo "${k}_$n=$(galera_free_port)" >>"$GWORK/ports"; done
  done
  . "$GWORK/ports"
}

galera_cluster_address() { echo "gcomm://127.0.0.1:$GCOMM_1,127.0.0.1:$GCOMM_2,127.0.0.1:$GCOMM_3"; }

# The settings of one node (docs/scaling.md, "Database: Galera"): on a real cluster they go into the node's
# /etc/mysql/mariadb.conf.d/60-galera.cnf with its own address instead of 127.0.0.1 and the default ports.
galera_args() {
  local n=$1 sql gcomm ist sst
  . "$GWORK/ports"
  eval "sql=\$SQL_$n gcomm=\$GCOMM_$n ist=\$IST_$n sst=\$SST_$n"
  local d="$GWORK/node$n"
  cat <<ARGS
--no-defaults
--user=$GALERA_USER
--datadir=$d/data
--tmpdir=$d/tmp
--socket=$d/mysqld.sock
--port=$sql
--bind-address=127.0.0.1
--pid-file=$d/mysqld.pid
--log-error=$d/error.log
--skip-name-resolve
--innodb-buffer-pool-size=64M
--default-storage-engine=InnoDB
--binlog-format=ROW
--innodb-autoinc-lock-mode=2
--innodb-flush-log-at-trx-commit=1
--wsrep-on=ON
--wsrep-provider=$GALERA_PROVIDER
--wsrep-cluster-name=mimamori-bench
--wsrep-cluster-address=$(galera_cluster_address)
--wsrep-node-name=node$n
--wsrep-node-address=127.0.0.1:$gcomm
--wsrep-node-incoming-address=127.0.0.1:$sql
--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:$gcomm;ist.recv_addr=127.0.0.1:$ist;gcache.size=256M;pc.recovery=TRUE;evs.keepalive_period=PT0.5S;evs.suspect_timeout=$GALERA_SUSPECT;evs.inactive_timeout=$GALERA_INACTIVE
--wsrep-sst-method=rsync
--wsrep-sst-receive-address=127.0.0.1:$sst
--wsrep-slave-threads=2
--wsrep-sync-wait=0
ARGS
}

galera_sql() { local n=$1; shift; mariadb --no-defaults -S "$GWORK/node$n/mysqld.sock" -u root "$@"; }

galera_start() {
  local n=$1 d="$GWORK/node$1" extra=()
  chmod 755 "$GWORK"
  install -d -o "$GALERA_USER" -m 0750 "$d" "$d/data" "$d/tmp"   # a tmpdir of its own, not the shared /tmp
  if [ "${2:-}" = --bootstrap ]; then
    mariadb-install-db --no-defaults --user="$GALERA_USER" --datadir="$d/data" --tmpdir="$d/tmp" \
      --auth-root-authentication-method=socket \
      --skip-test-db >"$GWORK/install$n.log" 2>&1
    extra+=(--wsrep-new-cluster)
  elif [ -f "$d/data/grastate.dat" ]; then
    # After a crash grastate.dat says seqno -1: recover the last committed position from InnoDB (what Debian's
    # galera_recovery does before systemd starts the unit) so that the node rejoins by IST, not a full SST.
    local pos
    mapfile -t args < <(galera_args "$n")
    mariadbd "${args[@]}" --wsrep-recover --log-error="$d/recover.log" >/dev/null 2>&1 || true
    pos=$(sed -n 's/.*WSREP: Recovered position: //p' "$d/recover.log" | tail -n 1)
    [ -z "$pos" ] || extra+=("--wsrep-start-position=$pos")
  fi
  mapfile -t args < <(galera_args "$n")
  mariadbd "${args[@]}" "${extra[@]}" >/dev/null 2>&1 &
  echo $! >"$GWORK/node$n.pid"
}

galera_pid() { cat "$GWORK/node$1.pid" 2>/dev/null; }

galera_kill() { local p; p=$(galera_pid "$1"); [ -z "$p" ] || kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; }

galera_stop() {
  local p; p=$(galera_pid "$1")
  [ -n "$p" ] || return 0
  kill "$p" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$p" 2>/dev/null || { wait "$p" 2>/dev/null || true; return 0; }; sleep 0.5; done
  kill -9 "$p" 2>/dev/null || true
}

galera_state() {
  galera_sql "$1" -N -B -e "SELECT CONCAT(MAX(IF(variable_name='WSREP_LOCAL_STATE_COMMENT', variable_value, '')), ' ',
    MAX(IF(variable_name='WSREP_CLUSTER_STATUS', variable_value, '')), ' ',
    MAX(IF(variable_name='WSREP_CLUSTER_SIZE', variable_value, ''))) FROM information_schema.global_status
    WHERE variable_name IN ('WSREP_LOCAL_STATE_COMMENT','WSREP_CLUSTER_STATUS','WSREP_CLUSTER_SIZE')" 2>/dev/null
}

galera_wait_synced() {
  local n=$1 s=$2
  for _ in $(seq 1 $((s * 4))); do
    case "$(galera_state "$n")" in "Synced Primary "*) return 0 ;; esac
    kill -0 "$(galera_pid "$n")" 2>/dev/null || break
    sleep 0.25
  done
  echo "galera: node $n is not Synced after $s s: $(galera_state "$n")" >&2
  tail -n 20 "$GWORK/node$n/error.log" >&2
  return 1
}
