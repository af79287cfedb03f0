#!/usr/bin/env bash
# Long HTTP scoring run: does the service keep its rate while the score table grows far past the buffer pool?
# Starts api/target/mimamori-api.jar on a fresh data directory, scores for T seconds (default 420) at 32
# connections (bench/score.lua), and every 60 s prints the scores recorded, the rate, InnoDB's pages read back from
# disk, the bytes InnoDB wrote per score (data files and redo log) and the size of the score table's file.
#   T=420 bash bench/long-run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
T=${T:-420}
. bench/service.sh
DB="$WORK/data/mariadb-bin/bin/mariadb -uroot -S $WORK/data/run/mysqld.sock -N mimamori"
count() { curl -sf "$URL/actuator/prometheus" -H 'Authorization: Bearer demo-admin' | awk '/^mimamori_scores_seconds_count\{.*outcome="ok"/ {s += $2} END {printf "%d", s}'; }
status() { # pages read back, data bytes written, redo bytes written
  $DB -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_reads','Innodb_data_written','Innodb_os_log_written')" \
    | sort | awk '{printf "%s ", $2}'; }
wrk -t2 -c32 -d${T}s --latency -s bench/score.lua $URL/api/v1/scores > $WORK/wrk.txt &
WRK=$!
c0=0; read r0 w0 l0 <<< "$(status)"
for t in $(seq 60 60 $T); do
  sleep 60
  c=$(count); read r w l <<< "$(status)"; n=$((c - c0 > 0 ? c - c0 : 1))
  echo "t=${t}s scores=$c rate=$(( (c - c0) / 60 ))/s pages_read_back=$((r - r0)) data_written=$(( (w - w0) / n / 1024 ))KB/score redo=$(( (l - l0) / n / 1024 ))KB/score score.ibd=$(du -sm $WORK/data/mariadb/mimamori/score.ibd | cut -f1)MB"
  c0=$c; r0=$r; w0=$w; l0=$l
done
wait $WRK; tail -1 $WORK/wrk.txt
$DB -e "SELECT CONCAT('buffer pool ', @@innodb_buffer_pool_size DIV 1048576, ' MB; score table ', data_length DIV 1048576, ' MB of data, ', index_length DIV 1048576, ' MB of indexes') FROM information_schema.tables WHERE table_schema = 'mimamori' AND table_name = 'score'"
