#!/usr/bin/env bash
# Batch screening benchmark: 100,000 synthetic children (cohort of `synth`, seed 7) uploaded through the API,
# scored with explanations on 2 worker threads and stored (score rows + review-list entries) in the embedded
# MariaDB. Prints "SCREENING BENCHMARK: ..." and fails when it takes 60 s or more. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
CHILDREN="${1:-100000}"
uptime
./mvnw -B -q -pl api -am verify -DskipTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ScreeningBenchmarkIntegrationTest -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dmimamori.bench.screening=true -Dmimamori.bench.screening.children="$CHILDREN" 2>&1 \
  | grep -E 'SCREENING BENCHMARK|Screening .* done|Tests run|FAIL|ERROR' || true
uptime
