#!/usr/bin/env bash
# CPU seconds per recorded score under the HTTP benchmark's load: starts api/target/mimamori-api.jar on a fresh data
# directory, scores for W seconds (default 90), then over 10 s of a 20 s run reads /proc for the service JVM (by thread
# group), mariadbd and wrk. JAVA_OPTS: the JVM's options (e.g. -agentpath: of async-profiler for a profile).
#   W=150 bash bench/http-cpu.sh
set -euo pipefail
cd "$(dirname "$0")/.."
W=${W:-90}
. bench/service.sh
wrk -t2 -c32 -d${W}s -s bench/score.lua $URL/api/v1/scores >/dev/null
DB=$(pgrep -x mariadbd | head -1)
snap() { # pid -> utime+stime ticks
  awk '{print $14+$15}' /proc/$1/stat; }
threads() { for t in /proc/$PID/task/*; do n=$(tr ' ' '_' < $t/comm); v=$(sed 's/.*) //' $t/stat | awk '{print $12+$13}'); echo "$n $v"; done | sed -E 's/-[0-9]+ / /; s/#[0-9]+//; s/[0-9]+ / /' | awk '{a[$1]+=$2} END {for (k in a) print k, a[k]}' | sort; }
wrk -t2 -c32 -d20s --latency -s bench/score.lua $URL/api/v1/scores > $WORK/wrk.txt &
WRK=$!
sleep 5
threads > $WORK/t1; t1=$(date +%s.%N); j1=$(snap $PID); d1=$(snap $DB); w1=$(snap $(pgrep -x wrk | head -1))
sleep 10
t2=$(date +%s.%N); j2=$(snap $PID); d2=$(snap $DB); w2=$(snap $(pgrep -x wrk | head -1)); threads > $WORK/t2
wait $WRK
sleep 1
grep -E "Requests/sec|99%" $WORK/wrk.txt
# (the process figures are taken together, between t1 and t2; the per-thread ones also span the listing of the threads,
#  which takes seconds on a slow machine, so read them as shares, not as seconds per second)
echo "cpu s over $(awk "BEGIN {printf \"%.1f\", $t2 - $t1}") s: java $(( (j2-j1) ))/100  mariadbd $(( (d2-d1) ))/100  wrk $(( (w2-w1) ))/100"
join $WORK/t1 $WORK/t2 | awk '{d=$3-$2; if (d>5) printf "  %-28s %5.2f s\n", $1, d/100}' | sort -k2 -nr
