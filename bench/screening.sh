#!/usr/bin/env bash
# Batch screening benchmark: a synthetic cohort uploaded through the API, scored with explanations on the
# screening workers and stored in the embedded MariaDB. Prints "SCREENING BENCHMARK: ..." (wall time from upload
# to done, bytes stored per child, the service JVM's peak RSS and heap) and fails when it takes 60 s or more.
# See docs/benchmarks.md (Batch screening).
#   bench/screening.sh [children] [storage]          e.g. bench/screening.sh 100000 full
#   CASES=/tmp/scale/town1m/cases.csv bench/screening.sh 0 compact   (the cohort columns of a case file: 1M)
#   DB_ARGS=--innodb-buffer-pool-size=1G (options of the embedded MariaDB, comma-separated)
#   JAVA_TOOL_OPTIONS="-agentpath:...=...,file=/tmp/prof-%p.collapsed" (a profiler; Maven's JVM gets it too)
#   The service runs in the failsafe JVM, with the build's -Xmx4g (pom.xml).
# Run it under the build lock: flock /tmp/mimamori-build.lock bash bench/screening.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."
CHILDREN="${1:-100000}"
STORAGE="${2:-full}"
nproc; uptime
./mvnw -B -o -q -pl api -am verify -DskipTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ScreeningBenchmarkIntegrationTest -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dmimamori.bench.screening=true -Dmimamori.bench.screening.children="$CHILDREN" \
  -Dmimamori.bench.screening.storage="$STORAGE" -Dmimamori.bench.screening.cases="${CASES:-}" \
  ${DB_ARGS:+"-Dmimamori.bench.db-args=$DB_ARGS"} 2>&1 \
  | grep -E 'SCREENING BENCHMARK|Screening .* (done|accepted)|Tests run|FAIL|ERROR|expected|but was' || true
uptime
