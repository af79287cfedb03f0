#!/usr/bin/env bash
# HTTP load test of the scoring endpoint (loopback only, bounded duration, 32 connections).
#
# Starts api/target/mimamori-api.jar on a fresh data directory and a free loopback port, warms it up, then
# compares POST /api/v1/scores (scored, recorded with its audit record in MariaDB) with GET /actuator/health
# on the same server, and counts the scores actually recorded. Needs wrk (apt-get install -y wrk).
#
#   bash bench/http-scoring.sh [duration-seconds]          (default 30)
#   MIMAMORI_BUNDLE=path/to/bundle.zip bash bench/http-scoring.sh   (else the demo model shipped in the jar)
#   WARMUP=60 (seconds of scoring before the measurement, default 20), MIMAMORI_ARGS (service options),
#   JAVA_OPTS (the service JVM's), APP_LOG=file (keep the service's log)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-30}"
CONNECTIONS=32
THREADS=2
JAR=api/target/mimamori-api.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q package -DskipTests" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

. bench/service.sh
count() {
  curl -sf "$URL/actuator/prometheus" -H 'Authorization: Bearer demo-admin' \
    | awk '/^mimamori_scores_seconds_count\{.*outcome="ok"/ {s += $2} END {printf "%d", s}'
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; java $(java -version 2>&1 | head -1)"
WARMUP="${WARMUP:-20}"
echo "warm-up: ${WARMUP} s of POST /api/v1/scores"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/score.lua "$URL/api/v1/scores" > /dev/null
before=$(count)
echo "POST /api/v1/scores, ${DURATION} s, $CONNECTIONS connections:"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/score.lua "$URL/api/v1/scores" | tee "$WORK/score.txt"
after=$(count)
echo "recorded scores (timer count, outcome=ok): $((after - before)), $(( (after - before) / DURATION ))/s"
curl -sf "$URL/actuator/prometheus" -H 'Authorization: Bearer demo-admin' \
  | awk '/^mimamori_scores_group_size_count/ {n = $2} /^mimamori_scores_group_size_sum/ {s = $2}
         END {if (n > 0) printf "group commit since start: %d transactions, %.1f scores each\n", n, s / n}'
echo "GET /actuator/health, ${DURATION} s, $CONNECTIONS connections:"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/health.lua "$URL/actuator/health" | tee "$WORK/health.txt"
