#!/usr/bin/env bash
# The service on a three-node MariaDB Galera cluster (Debian's mariadb-server and galera-4) on loopback ports, and
# what a node loss does to it (docs/scaling.md, "Database: Galera"):
#   1. starts the cluster (bench/galera/lib.sh: node 1 bootstraps, nodes 2 and 3 join by state transfer), creates
#      the database and accounts with deploy/db/create-accounts.sh and starts the built service jar against the
#      cluster (JDBC "sequential": every connection on the first node that answers);
#   2. scores through HTTP on 4 connections (bench/galera/load.py) and starts a screening, kills -9 the node the
#      service writes to, brings it back after a while (it rejoins by incremental state transfer, IST);
#   3. checks: only 201 and clean 503 problems (application/problem+json, no 500, no request without an answer
#      within 15 s), how long until scores are stored again, every 201's score on all three nodes, the audit chain
#      intact and identical on all three (verify-audit on each node, and GET /api/v1/audit/verification);
#   4. unless --no-two-writers: a second instance writing to another node than the first at the same time, so that
#      transactions meet as Galera certification conflicts on the audit chain's head; they are run again
#      (org.mimamori.api.database.RetryingTransactionTemplate) and the same checks hold.
#
#   bench/galera.sh [--seconds 40] [--kill-at 10] [--down 10] [--quick] [--no-two-writers] [--keep]
#
# Needs the built jars (./mvnw -B -o -q package -DskipTests), mariadbd, /usr/lib/galera/libgalera_smm.so, rsync,
# curl and Python 3. --quick (what .ci/check-galera runs): shorter load, no screening, no second phase. Prints
# "GALERA: ..." lines with the figures and exits non-zero when a check fails. GALERA_SUSPECT (default PT2S) is how long
# the group waits for a silent node (Galera's evs.suspect_timeout; its own default is PT5S: see bench/galera/lib.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
seconds=40; kill_at=10; down=10; quick=false; two_writers=true; keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --kill-at) kill_at=$2; shift 2 ;;
    --down) down=$2; shift 2 ;;
    --quick) quick=true; seconds=20; kill_at=6; down=5; two_writers=false; shift ;;
    --no-two-writers) two_writers=false; shift ;;
    --keep) keep=true; shift ;;
    *) echo "galera.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
JAR="$ROOT/api/target/mimamori-api.jar"; TJAR="$ROOT/training/target/mimamori-training.jar"
for f in "$JAR" "$TJAR"; do [ -f "$f" ] || { echo "galera.sh: $f is missing; build first" >&2; exit 2; }; done
command -v mariadbd >/dev/null && [ -f /usr/lib/galera/libgalera_smm.so ] && command -v rsync >/dev/null \
  || { echo "galera.sh: needs mariadb-server, galera-4 and rsync" >&2; exit 2; }

GWORK=$(mktemp -d /tmp/mimamori-galera.XXXXXX); export GWORK
. "$ROOT/bench/galera/lib.sh"
svc_pids=()
cleanup() {
  for p in "${svc_pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  for n in 1 2 3; do galera_stop "$n"; done
  if $keep; then echo "kept $GWORK"; else rm -rf "$GWORK"; fi
}
trap cleanup EXIT
fail() { echo "GALERA: FAIL: $*" >&2; exit 1; }
now() { date +%s.%N; }
figure() { echo "GALERA: $*"; }

# 1. The cluster, the accounts, the service.
galera_ports
t0=$(now)
galera_start 1 --bootstrap; galera_wait_synced 1 60 || fail "node 1 did not start"
for n in 2 3; do galera_start "$n"; galera_wait_synced "$n" 90 || fail "node $n did not join"; done
figure "cluster of 3 nodes Synced in $(printf '%.1f' "$(echo "$(now) - $t0" | bc)") s ($(galera_state 1))"
install -d -m 0700 "$GWORK/secrets"
for f in owner service auditor; do openssl rand -base64 32 | tr -d '/+=\n' >"$GWORK/secrets/$f"; done
"$ROOT/deploy/db/create-accounts.sh" --host 127.0.0.1 --owner-password-file "$GWORK/secrets/owner" \
  --service-password-file "$GWORK/secrets/service" --auditor-password-file "$GWORK/secrets/auditor" \
  -- --no-defaults -S "$GWORK/node1/mysqld.sock" -u root

# start_service NAME PORT HOSTS: the jar in the local profile (demo tokens and demo model) with the cluster as its
# external database; the settings of docs/scaling.md.
start_service() {
  local name=$1 port=$2 hosts=$3
  ( cd "$GWORK" && exec java -Xmx768m -XX:+UseSerialGC -jar "$JAR" --server.port="$port" \
      --mimamori.data-dir="$GWORK/$name-data" \
      --spring.datasource.url="jdbc:mariadb:sequential://$hosts/mimamori" \
      --spring.datasource.username=mimamori --spring.datasource.password="$(cat "$GWORK/secrets/service")" \
      --spring.flyway.user=mimamori_owner --spring.flyway.password="$(cat "$GWORK/secrets/owner")" \
      "--mimamori.database.service-account='mimamori'@'127.0.0.1'" \
      --spring.datasource.hikari.max-lifetime=300000 --spring.datasource.hikari.keepalive-time=30000 \
      --spring.datasource.hikari.data-source-properties.galeraAllowedState=4 \
      --spring.datasource.hikari.data-source-properties.retriesAllDown=3 \
      --spring.datasource.hikari.data-source-properties.deniedListTimeout=60000 ) >"$GWORK/$name.log" 2>&1 &
  svc_pids+=($!)
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ] && return 0
    sleep 0.5
  done
  tail -n 40 "$GWORK/$name.log" >&2; fail "the service $name did not become ready"
}
hosts() { local h=""; for n in "$@"; do eval "h=\$h,127.0.0.1:\$SQL_$n"; done; echo "${h#,}"; }
PORT=$(galera_free_port)
start_service svc1 "$PORT" "$(hosts 1 2 3)"
writer() { for n in 1 2 3; do echo "$n $(galera_sql "$n" -N -e "SELECT COUNT(*) FROM information_schema.processlist WHERE user = 'mimamori'" 2>/dev/null || echo 0)"; done | sort -k2 -n | tail -n 1 | cut -d' ' -f1; }
W=$(writer)
figure "service ready on :$PORT; its connections are on node $W (sequential: the first node that answers)"

# 2. Load, a screening, the loss of the writing node, its return.
screening=""
if ! $quick; then
  java -jar "$TJAR" synth --children 1000 --cohort 5000 --out "$GWORK/synth" >/dev/null
  screening=$(curl -s -H 'Authorization: Bearer demo-supervisor' -F "file=@$GWORK/synth/cohort.csv" \
    "http://127.0.0.1:$PORT/api/v1/screenings" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
fi
/usr/bin/python3 "$ROOT/bench/galera/load.py" --port "$PORT" --seconds "$seconds" --connections 4 \
  --out "$GWORK/phase1.tsv" --body-from "$ROOT/bench/score.lua" &
load=$!
sleep "$kill_at"
t_kill=$(now); galera_kill "$W"
sleep "$down"
t_back=$(now); galera_start "$W"; galera_wait_synced "$W" 120 || fail "node $W did not rejoin"
t_synced=$(now)
wait "$load"
transfer=$(grep -q "IST received" "$GWORK/node$W/error.log" && echo "IST" || echo "SST")
figure "node $W killed at +${kill_at} s, restarted after ${down} s, Synced again $(printf '%.1f' "$(echo "$t_synced - $t_back" | bc)") s later by $transfer"
if [ -n "$screening" ]; then
  for _ in $(seq 1 120); do
    st=$(curl -s -H 'Authorization: Bearer demo-supervisor' \
      "http://127.0.0.1:$PORT/api/v1/screenings/$screening?purpose=screening")
    case "$st" in *'"status":"done"'*|*'"status":"failed"'*) break ;; esac
    sleep 1
  done
  figure "screening started before the kill: $(echo "$st" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d.get("scored"), "of", d.get("total"), d.get("failure") or d.get("reason") or "")')"
fi

# 3. The checks, on every node.
check() {
  local phase=$1 since=$2
  /usr/bin/python3 "$ROOT/bench/galera/report.py" --requests "$GWORK/$phase.tsv" --kill "$since" \
    --phase "$phase" --ids-out "$GWORK/$phase.ids" | sed 's/^/GALERA: /'
  for n in 1 2 3; do
    galera_sql "$n" -N -B -e "SELECT id FROM mimamori.score" | sort >"$GWORK/node$n.ids"
    missing=$(comm -23 "$GWORK/$phase.ids" "$GWORK/node$n.ids" | wc -l)
    [ "$missing" = 0 ] || fail "$phase: $missing scores answered 201 are missing on node $n"
    eval "sql=\$SQL_$n"
    java -jar "$TJAR" verify-audit --jdbc-url "jdbc:mariadb://127.0.0.1:$sql/mimamori" \
      --user mimamori_audit --password-file "$GWORK/secrets/auditor" >"$GWORK/verify$n.txt" 2>&1 \
      || { cat "$GWORK/verify$n.txt" >&2; fail "$phase: the audit chain does not verify on node $n"; }
  done
  # Scores of the load's children stored although their request was not answered 201: a commit cut off by the
  # node's death may have been certified on the others (the driver says "during a COMMIT statement").
  galera_sql 1 -N -B -e "SELECT id FROM mimamori.score WHERE child_ref LIKE 'G-%' OR child_ref LIKE 'H-%'" | sort \
    >"$GWORK/load.ids"
  cat "$GWORK"/phase*.ids | sort >"$GWORK/answered.ids"
  unanswered=$(comm -23 "$GWORK/load.ids" "$GWORK/answered.ids" | wc -l)
  heads=$(for n in 1 2 3; do sed -n 's/.*head: //p' "$GWORK/verify$n.txt"; done | sort -u | wc -l)
  [ "$heads" = 1 ] || fail "$phase: the nodes report different chain heads"
  figure "$phase: every 201 score is on all 3 nodes ($(wc -l <"$GWORK/$phase.ids") scores); verify-audit on each node: $(head -n 1 "$GWORK/verify1.txt")"
  figure "$phase: scores stored with their audit record although answered 503 (commit cut off), so far: $unanswered"
  v=$(curl -s -H 'Authorization: Bearer demo-auditor' "http://127.0.0.1:$PORT/api/v1/audit/verification?purpose=audit")
  echo "$v" | grep -q '"intact":true' || fail "$phase: GET /api/v1/audit/verification: $v"
}
check phase1 "$t_kill"
figure "conflicts run again (svc1 log): $(grep -c 'lost a write conflict' "$GWORK/svc1.log" || true)"

# 4. Two instances writing to two nodes at once: certification conflicts on the chain's head.
if $two_writers; then
  W1=$(writer)
  W2=$(( W1 % 3 + 1 ))
  PORT2=$(galera_free_port)
  start_service svc2 "$PORT2" "$(hosts "$W2" $(( W2 % 3 + 1 )) $(( (W2 + 1) % 3 + 1 )))"
  figure "second instance on :$PORT2 writing to node $W2 while the first writes to node $W1 (not a configuration to run: the worst case of fail-back)"
  before1=$(grep -c 'lost a write conflict' "$GWORK/svc1.log" || true)
  /usr/bin/python3 "$ROOT/bench/galera/load.py" --port "$PORT" --seconds 20 --connections 4 \
    --out "$GWORK/phase2a.tsv" --body-from "$ROOT/bench/score.lua" &
  a=$!
  /usr/bin/python3 "$ROOT/bench/galera/load.py" --port "$PORT2" --seconds 20 --connections 4 \
    --out "$GWORK/phase2b.tsv" --body-from "$ROOT/bench/score.lua" --prefix H &
  b=$!
  t2=$(now); wait "$a" "$b"
  cat "$GWORK/phase2a.tsv" "$GWORK/phase2b.tsv" | sort >"$GWORK/phase2.tsv"
  check phase2 "$t2"
  r1=$(( $(grep -c 'lost a write conflict' "$GWORK/svc1.log" || true) - before1 ))
  r2=$(grep -c 'lost a write conflict' "$GWORK/svc2.log" || true)
  figure "phase2: conflicts run again: $r1 (instance 1) + $r2 (instance 2)"
fi
figure "ok"
